import { ConflictError, def, ID_PARAMS, InputError, nullable, yuan, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import { caseNotFound } from '../case-errors.js';
import type { PersonRef } from '../case-record.js';
import { caseStore } from '../case-store.js';
import { personOf } from '../open-case.js';
import { OrdersToken } from '../tokens.js';
import {
  CLAIM_KINDS, CLAIM_OFFERS, CLAIM_STEPS, openProblem, outcomeProblem, STEP_NAMES, stepProblem,
  type ClaimKind, type ClaimOffer, type ClaimProblem, type ClaimState, type ClaimStep,
} from './claim-rules.js';

interface StepDone { step: ClaimStep; done: boolean; note: string; byName: string | null; at: string | null }
interface Claim {
  caseId: number; kind: ClaimKind; courier: string; waybillNo: string; amountClaimed: number; offer: ClaimOffer | null;
  state: ClaimState; amountPaid: number | null; paidOn: string | null; outcomeNote: string; openedBy: PersonRef; openedAt: string; decidedAt: string | null;
  steps: StepDone[];
}
interface ClaimRow {
  case_id: number; kind: ClaimKind; courier: string; waybill_no: string; amount_claimed: number; offer: ClaimOffer | null; state: ClaimState;
  amount_paid: number | null; paid_on: string | null; outcome_note: string; opened_by: number | null; opened_by_name: string; opened_at: string; decided_at: string | null;
}

const CLAIM = {
  type: 'object',
  properties: {
    caseId: def('id'), kind: { enum: CLAIM_KINDS }, courier: { type: 'string' }, waybillNo: { type: 'string' }, amountClaimed: { type: 'integer' }, offer: nullable({ enum: CLAIM_OFFERS }),
    state: { enum: ['claimed', 'paid', 'refused'] }, amountPaid: nullable({ type: 'integer' }), paidOn: nullable({ type: 'string' }), steps: { type: 'array', items: { type: 'object' } },
  },
  required: ['caseId', 'kind', 'amountClaimed', 'offer', 'state', 'amountPaid', 'paidOn', 'steps'],
};
const ANSWER = { type: 'object', properties: { claim: nullable(CLAIM) }, required: ['claim'] };

async function claimOf(q: Queryable, caseId: number): Promise<Claim | undefined> {
  const r = await q.get<ClaimRow>('SELECT * FROM after_sales_claims WHERE case_id = ?', [caseId]);
  if (!r) return undefined;
  const done = await q.all<{ step: ClaimStep; note: string; by_name: string; at: string }>('SELECT step, note, by_name, at FROM after_sales_claim_steps WHERE case_id = ?', [caseId]);
  return {
    caseId: r.case_id, kind: r.kind, courier: r.courier, waybillNo: r.waybill_no, amountClaimed: r.amount_claimed, offer: r.offer, state: r.state,
    amountPaid: r.amount_paid, paidOn: r.paid_on, outcomeNote: r.outcome_note, openedBy: { id: r.opened_by, name: r.opened_by_name }, openedAt: r.opened_at, decidedAt: r.decided_at,
    steps: CLAIM_STEPS.map((step) => {
      const d = done.find((x) => x.step === step);
      return { step, done: !!d, note: d?.note ?? '', byName: d?.by_name ?? null, at: d?.at ?? null };
    }),
  };
}

function refused(p: ClaimProblem): ConflictError | InputError {
  switch (p.kind) {
    case 'not-courier': return new ConflictError({ 'zh-CN': '先把这张售后单的责任判给快递，再向快递索赔', en: "Decide the case's responsibility as the courier's first, then claim from them" });
    case 'already': return new ConflictError({ 'zh-CN': '这张售后单已有快递索赔', en: 'This case already has a courier claim' });
    case 'offer-needed': return new InputError({ 'zh-CN': '货被扣时请选给顾客的补救：退款、换货或赠品', en: 'For confiscated goods, say what the buyer is offered: refund, exchange or gift' }, { errors: [{ path: '/offer', in: 'body', message: 'required' }] });
    case 'offer-not-confiscated': return new InputError({ 'zh-CN': '只有货被扣时才记给顾客的补救', en: 'An offer to the buyer is recorded only for confiscated goods' }, { errors: [{ path: '/offer', in: 'body', message: 'confiscated only' }] });
    case 'decided': return new ConflictError({ 'zh-CN': `索赔已${p.state === 'paid' ? '赔付' : '被拒'}，不能再改`, en: `The claim was ${p.state === 'paid' ? 'paid' : 'refused'}; it no longer changes` });
    case 'step-done': return new ConflictError({ 'zh-CN': `“${STEP_NAMES[p.step]['zh-CN']}”已经记过了`, en: `"${STEP_NAMES[p.step].en}" is already recorded` });
    case 'paid-needs': return new InputError({ 'zh-CN': '赔付请填快递赔了多少钱和哪天赔的', en: 'For a payment, enter how much the courier paid and on which day' }, { errors: [{ path: '/amountPaid', in: 'body', message: 'required' }] });
    case 'paid-over': return new InputError({ 'zh-CN': `赔付 ${yuan(p.paid)} 元超过索赔的 ${yuan(p.claimed)} 元：请核对`, en: `${yuan(p.paid)} 元 paid is more than the ${yuan(p.claimed)} 元 claimed; check it` }, { errors: [{ path: '/amountPaid', in: 'body', message: `≤ ${p.claimed}` }] });
  }
}

/** Courier claims (快递理赔) on a case: opened, each step of the procedure noted, paid or refused. */
export function addClaimRoutes(ctx: PluginContext): void {
  const requireClaim = async (tx: Transaction, id: number): Promise<Claim> => {
    if (!(await caseStore(tx).get(id, ctx.now()))) throw caseNotFound(id);
    return (await claimOf(tx, id)) ?? Promise.reject(new ConflictError({ 'zh-CN': '这张售后单还没有快递索赔', en: 'This case has no courier claim yet' }));
  };

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { claim: Claim | null }>({
    method: 'get',
    path: '/cases/:id/claim',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '售后单的快递索赔：金额、步骤、结果', en: "A case's courier claim: amount, steps, outcome" },
    params: ID_PARAMS,
    response: ANSWER,
    handler: ({ params }) => ctx.db.read(async (q) => {
      if (!(await caseStore(q).get(params.id, ctx.now()))) throw caseNotFound(params.id);
      return { claim: (await claimOf(q, params.id)) ?? null };
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { kind: ClaimKind; amountClaimed: number; offer?: ClaimOffer; courier?: string; waybillNo?: string }, { claim: Claim | null }>({
    method: 'post',
    path: '/cases/:id/claim',
    permission: 'after-sales.cases.decide',
    summary: { 'zh-CN': '向快递索赔（丢件、破损、扣货）', en: 'Claim from the courier (lost, damaged, confiscated)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        kind: { enum: CLAIM_KINDS }, amountClaimed: { type: 'integer', minimum: 1, maximum: 100_000_000 }, offer: { enum: CLAIM_OFFERS },
        courier: { type: 'string', maxLength: 40 }, waybillNo: { type: 'string', maxLength: 40 },
      },
      required: ['kind', 'amountClaimed'], additionalProperties: false,
    },
    response: ANSWER,
    status: 201,
    action: 'open courier claim',
    handler: async ({ params, body, actor }) => {
      const by = personOf(actor!);
      return ctx.db.transaction(async (tx) => {
        const c = await caseStore(tx).get(params.id, ctx.now());
        if (!c) throw caseNotFound(params.id);
        const problem = openProblem(c.responsibility?.party, !!(await claimOf(tx, c.id)), body.kind, body.offer);
        if (problem) throw refused(problem);
        // The parcel's courier and waybill are the order's unless the clerk writes others.
        const order = await ctx.services.get(OrdersToken).byId(c.orderId);
        await tx.run(
          'INSERT INTO after_sales_claims (case_id, kind, courier, waybill_no, amount_claimed, offer, opened_by, opened_by_name, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [c.id, body.kind, body.courier?.trim() || order?.courier || '', body.waybillNo?.trim() || order?.trackingNo || '', body.amountClaimed, body.offer ?? null, by.id, by.name, ctx.now()],
        );
        return { claim: (await claimOf(tx, c.id))! };
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { step: ClaimStep; note?: string }, { claim: Claim | null }>({
    method: 'post',
    path: '/cases/:id/claim/steps',
    permission: 'after-sales.cases.decide',
    summary: { 'zh-CN': '记下索赔的一步：登记、核对地址与运单、联系快递、包裹所在、告知顾客', en: 'Record a step of the claim: recorded, address and waybill compared, courier called, parcel located, customer told' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { step: { enum: CLAIM_STEPS }, note: { type: 'string', maxLength: 500 } }, required: ['step'], additionalProperties: false },
    response: ANSWER,
    status: 201,
    action: 'record claim step',
    handler: async ({ params, body, actor }) => {
      const by = personOf(actor!);
      return ctx.db.transaction(async (tx) => {
        const claim = await requireClaim(tx, params.id);
        const problem = stepProblem(claim.state, claim.steps.filter((s) => s.done).map((s) => s.step), body.step);
        if (problem) throw refused(problem);
        await tx.run('INSERT INTO after_sales_claim_steps (case_id, step, note, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?)', [params.id, body.step, (body.note ?? '').trim(), by.id, by.name, ctx.now()]);
        return { claim: (await claimOf(tx, params.id))! };
      });
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { state: 'paid' | 'refused'; amountPaid?: number; paidOn?: string; note?: string }, { claim: Claim | null }>({
    method: 'post',
    path: '/cases/:id/claim/outcome',
    permission: 'after-sales.cases.decide',
    summary: { 'zh-CN': '索赔结果：快递赔付（金额、日期）或拒赔', en: "The claim's outcome: the courier paid (amount, day) or refused" },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { state: { enum: ['paid', 'refused'] }, amountPaid: { type: 'integer', minimum: 1, maximum: 100_000_000 }, paidOn: def('date'), note: { type: 'string', maxLength: 500 } },
      required: ['state'], additionalProperties: false,
    },
    response: ANSWER,
    action: 'decide courier claim',
    handler: ({ params, body }) => ctx.db.transaction(async (tx) => {
      const claim = await requireClaim(tx, params.id);
      const problem = outcomeProblem(claim.state, claim.amountClaimed, body);
      if (problem) throw refused(problem);
      const paid = body.state === 'paid';
      await tx.run('UPDATE after_sales_claims SET state = ?, amount_paid = ?, paid_on = ?, outcome_note = ?, decided_at = ? WHERE case_id = ?',
        [body.state, paid ? body.amountPaid! : null, paid ? body.paidOn! : null, (body.note ?? '').trim(), ctx.now(), params.id]);
      return { claim: (await claimOf(tx, params.id))! };
    }),
  });
}
