// Deciding who answers for a case: the split of the return shipping, and for the shop's mistake
// the people fulfillment recorded at the step that went wrong (or the CS agent of the remark).
import type { Actor, PluginContext } from '@workbench/plugin-api';
import type { OrderDetail } from '@workbench/contracts/fulfillment';
import type { Case, ResponsiblePerson, Responsibility } from './case-record.js';
import { personOf } from './open-case.js';
import { splitReturnShipping, STEP_NAMES, STEPS_OF_MISTAKE, type Mistake, type Party } from './responsibility.js';
import type { AfterSalesSettings } from './settings.js';
import { OrdersToken, StaffToken } from './tokens.js';

export interface ResponsibilityRequest {
  party: Party;
  mistake?: Mistake;
  equipmentFault?: boolean;
  returnShippingFen: number;
  /** Named by the clerk instead of traced from the order. */
  responsible?: ({ staffId: number } | { code: string })[];
}

export async function decideResponsibility(ctx: PluginContext, c: Case, body: ResponsibilityRequest, actor: Actor, s: AfterSalesSettings): Promise<Responsibility> {
  const split = splitReturnShipping(c.kind, body.party, body.returnShippingFen, s.returnShipping);
  const mistake = body.party === 'shop' ? body.mistake ?? null : null;
  const people = body.party !== 'shop' ? [] : body.responsible?.length ? await named(ctx, body.responsible) : await traced(ctx, c, mistake!, actor);
  const who = people.map((p) => ({ zh: `${STEP_NAMES[p.step]['zh-CN']} ${p.name}`, en: `${STEP_NAMES[p.step].en} ${p.name}` }));
  const unknown = people.filter((p) => p.staffId === undefined && p.code === undefined).map((p) => p.name);
  const explanation = { ...split.explanation };
  if (body.party === 'shop') {
    if (body.equipmentFault) {
      explanation['zh-CN'] += '；设备故障导致，不算个人失误';
      explanation.en += '; caused by faulty equipment, nobody\'s own mistake';
    } else if (people.length) {
      explanation['zh-CN'] += `；责任人：${who.map((w) => w.zh).join('、')}（各自分摊按员工制度计算）`;
      explanation.en += `; responsible: ${who.map((w) => w.en).join(', ')} (their shares are computed by the staff rules)`;
    } else {
      explanation['zh-CN'] += '；订单上没有记录这一步是谁做的，请手工指定责任人';
      explanation.en += '; the order records nobody for that step: name the people by hand';
    }
    if (unknown.length) {
      explanation['zh-CN'] += `；${unknown.join('、')} 不在员工名单上，无法计罚`;
      explanation.en += `; ${unknown.join(', ')} not on the staff list, not priced`;
    }
  }
  return {
    party: body.party, mistake, equipmentFault: body.party === 'shop' && !!body.equipmentFault, returnShippingFen: body.returnShippingFen,
    shopFen: split.shopFen, customerFen: split.customerFen, otherFen: split.otherFen, responsible: people, explanation,
    decidedBy: personOf(actor), decidedAt: ctx.now(),
  };
}

async function named(ctx: PluginContext, refs: ({ staffId: number } | { code: string })[]): Promise<ResponsiblePerson[]> {
  const staff = ctx.services.optional(StaffToken);
  const out: ResponsiblePerson[] = [];
  for (const ref of refs) {
    const member = !staff ? undefined : 'staffId' in ref ? await staff.get(ref.staffId) : await staff.byCode(ref.code);
    if ('staffId' in ref) out.push({ step: 'named', name: member?.name ?? `#${ref.staffId}`, staffId: ref.staffId });
    else out.push({ step: 'named', name: member?.name ?? `工号 ${ref.code}`, ...(member ? { staffId: member.id } : { code: ref.code }) });
  }
  return out;
}

/** The people the order names for the mistake: step actors by account, or the remark's 工号. */
async function traced(ctx: PluginContext, c: Case, mistake: Mistake, actor: Actor): Promise<ResponsiblePerson[]> {
  const order: OrderDetail | undefined = await ctx.services.get(OrdersToken).byId(c.orderId, { actor });
  if (!order) return [];
  const staff = ctx.services.optional(StaffToken);
  const steps = STEPS_OF_MISTAKE[mistake];
  if (steps === 'remark') {
    const codes = [...new Set(order.remarks.map((r) => r.agentNo.trim()).filter((code) => code !== ''))];
    const out: ResponsiblePerson[] = [];
    for (const code of codes) {
      const member = await staff?.byCode(code);
      out.push(member ? { step: 'remark', name: member.name, staffId: member.id } : { step: 'remark', name: `工号 ${code}`, code });
    }
    return out;
  }
  const out: ResponsiblePerson[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    const who = order.steps[step];
    if (!who) continue;
    const member = who.id !== null ? await staff?.byAccount(who.id) : undefined;
    const key = member ? `s${member.id}` : `n${who.name}`;
    // One person doing two steps answers once.
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(member ? { step, name: member.name, staffId: member.id } : { step, name: who.name });
  }
  return out;
}
