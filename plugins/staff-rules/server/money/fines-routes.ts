import { def, ID_PARAMS, visibleText, type PluginContext, type Queryable } from '@workbench/plugin-api';
import type { AmountKind, MistakeKind, StaffMember } from '../model.js';
import type { ConductRule } from '../rules/conduct-fines.js';
import { RULE_TITLES } from '../rules/explanation.js';
import type { RewardInput } from '../rules/rewards.js';
import { amountStore, type LedgerEntry } from './amount-store.js';
import { AMOUNT, MISTAKES, MONTH, PERSON, STAFF_REF } from './money-schemas.js';
import { MoneyMoves } from './money-moves.js';
import type { StaffLookup } from './staff-lookup.js';

export type AmountView = LedgerEntry & { staff: { id: number; code: string; name: string } | null; ruleTitle: { 'zh-CN': string; en: string } };

/** Adds each amount's person and rule title, for lists a person reads. */
export async function withNames(q: Queryable, staff: StaffLookup, items: LedgerEntry[]): Promise<AmountView[]> {
  const people = new Map((await staff.all(q)).map((p) => [p.id, p] as const));
  return items.map((e) => {
    const p = people.get(e.staffId);
    return { ...e, staff: p ? { id: p.id, code: p.code, name: p.name } : null, ruleTitle: RULE_TITLES[e.rule] };
  });
}

const NOTE = visibleText(1, 500);
const LIST = { type: 'object', properties: { items: { type: 'array', items: AMOUNT } }, required: ['items'] };

export function addFineRoutes(ctx: PluginContext, staff: StaffLookup): void {
  const moves = <T>(fn: (m: MoneyMoves) => Promise<T>) => ctx.db.transaction((tx) => fn(new MoneyMoves(ctx, staff, tx)));
  const one = async (e: LedgerEntry) => (await ctx.db.read((q) => withNames(q, staff, [e])))[0]!;

  ctx.routes.add<Record<string, string>, { month?: string; staffId?: number; kind?: AmountKind }, undefined, { items: AmountView[] }>({
    method: 'get',
    path: '/fines',
    permission: 'staff-rules.fines.read',
    summary: { 'zh-CN': '罚款、赔偿与奖励台账', en: 'Ledger of fines, penalties and rewards' },
    query: { type: 'object', properties: { month: MONTH, staffId: def('id'), kind: { type: 'string', enum: ['fine', 'penalty', 'reward'] } }, additionalProperties: false },
    response: LIST,
    handler: ({ query }) => ctx.db.read(async (q) => ({ items: await withNames(q, staff, await amountStore(q).list(query)) })),
  });

  ctx.routes.add<Record<string, string>, { month?: string }, undefined, { staff: { id: number; code: string; name: string } | null; items: AmountView[] }>({
    method: 'get',
    path: '/fines/mine',
    permission: 'staff-rules.fines.own',
    summary: { 'zh-CN': '我的罚款与奖励（附计算依据）', en: 'My fines and rewards, with how each was worked out' },
    query: { type: 'object', properties: { month: MONTH }, additionalProperties: false },
    response: { type: 'object', properties: { staff: STAFF_REF, items: { type: 'array', items: AMOUNT } }, required: ['staff', 'items'] },
    handler: ({ query, actor }) => ctx.db.read(async (q) => {
      const me: StaffMember | undefined = await staff.byAccount(q, actor!.id);
      if (!me) return { staff: null, items: [] };
      const items = await withNames(q, staff, await amountStore(q).list({ staffId: me.id, month: query.month }));
      return { staff: { id: me.id, code: me.code, name: me.name }, items };
    }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { staffId: number; rule: ConductRule; date: string; note: string; amountFen?: number }, AmountView>({
    method: 'post',
    path: '/fines/conduct',
    permission: 'staff-rules.fines.record',
    summary: { 'zh-CN': '记一笔违纪罚款（写明事实）', en: 'Record a conduct fine, with the facts' },
    body: {
      type: 'object',
      properties: {
        staffId: def('id'), rule: { type: 'string', enum: ['off-task', 'complaint', 'cleaning', 'contact-leak', 'blame-shift'] },
        date: def('date'), note: NOTE, amountFen: def('price'),
      },
      required: ['staffId', 'rule', 'date', 'note'],
      additionalProperties: false,
    },
    response: AMOUNT,
    status: 201,
    action: 'record conduct fine',
    handler: async ({ body, actor }) => one(await moves((m) => m.conduct({ ...body, note: body.note.trim() }, actor!.id))),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { caseId: string; orderNo: string; mistake: MistakeKind; equipmentFault: boolean; returnShippingFen: number; date: string; responsible: ({ staffId: number } | { code: string })[] }, { items: AmountView[] }>({
    method: 'post',
    path: '/fines/cases',
    permission: 'staff-rules.fines.record',
    summary: { 'zh-CN': '手工录入售后失误（按退货运费分担）', en: 'Enter an after-sales mistake by hand (shares of the return shipping)' },
    body: {
      type: 'object',
      properties: {
        caseId: visibleText(1, 64), orderNo: visibleText(1, 64), mistake: { type: 'string', enum: MISTAKES }, equipmentFault: { type: 'boolean', default: false },
        returnShippingFen: def('price'), date: def('date'), responsible: { type: 'array', items: PERSON, minItems: 1, maxItems: 20 },
      },
      required: ['caseId', 'orderNo', 'mistake', 'returnShippingFen', 'date', 'responsible'],
      additionalProperties: false,
    },
    response: LIST,
    status: 201,
    action: 'price after-sales case',
    handler: async ({ body, actor }) => {
      const items = await moves((m) => m.priceCase({ ...body, caseId: body.caseId.trim(), orderNo: body.orderNo.trim() }, { by: actor!.id }));
      return { items: await ctx.db.read((q) => withNames(q, staff, items)) };
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, RewardInput, AmountView>({
    method: 'post',
    path: '/fines/rewards',
    permission: 'staff-rules.fines.record',
    summary: { 'zh-CN': '记一笔奖励', en: 'Record a reward' },
    body: {
      type: 'object',
      properties: {
        staffId: def('id'), date: def('date'), note: { type: 'string', maxLength: 500, default: '' },
        rule: { type: 'string', enum: ['loss-saved', 'best-cs', 'refund-better', 'review-praise', 'trainer'] },
        savedFen: def('price'), place: { type: 'integer', minimum: 1, maximum: 10 }, measure: { type: 'string', enum: ['hours', 'rate'] },
        shopHours: { type: 'number', minimum: 0 }, shopRatePercent: { type: 'number', minimum: 0, maximum: 100 }, reviews: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      required: ['staffId', 'date', 'rule'],
      additionalProperties: false,
      allOf: [
        { if: { properties: { rule: { const: 'loss-saved' } } }, then: { required: ['savedFen'] } },
        { if: { properties: { rule: { enum: ['best-cs', 'trainer'] } } }, then: { required: ['place'] } },
        { if: { properties: { rule: { const: 'review-praise' } } }, then: { required: ['reviews'] } },
        { if: { properties: { rule: { const: 'refund-better' } } }, then: { required: ['measure'] } },
        { if: { properties: { measure: { const: 'hours' } }, required: ['measure'] }, then: { required: ['shopHours'] } },
        { if: { properties: { measure: { const: 'rate' } }, required: ['measure'] }, then: { required: ['shopRatePercent'] } },
      ],
    },
    response: AMOUNT,
    status: 201,
    action: 'record reward',
    handler: async ({ body, actor }) => one(await moves((m) => m.reward(body, actor!.id))),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { reason: string }, AmountView>({
    method: 'post',
    path: '/fines/:id/waive',
    permission: 'staff-rules.fines.waive',
    summary: { 'zh-CN': '免除一笔（写明理由）', en: 'Waive an amount, with the reason' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { reason: NOTE }, required: ['reason'], additionalProperties: false },
    response: AMOUNT,
    action: 'waive amount',
    handler: async ({ params, body, actor }) => one(await moves((m) => m.waive(params.id, body.reason.trim(), actor!.id))),
  });
}
