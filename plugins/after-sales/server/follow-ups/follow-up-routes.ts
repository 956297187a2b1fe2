import { ConflictError, def, ID_PARAMS, InputError, nullable, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import type { OrderShipped } from '@workbench/contracts/fulfillment';
import { KIND_NAMES, STATE_NAMES, type Bilingual } from '../../shared/case-states.js';
import { caseNotFound, staleCase } from '../case-errors.js';
import { moveCase } from '../case-moves.js';
import type { Case } from '../case-record.js';
import { caseStore } from '../case-store.js';
import { personOf } from '../open-case.js';
import { checkRefund } from '../refund-ledger.js';
import { settingsOf } from '../settings.js';
import { OrdersToken } from '../tokens.js';
import { explainDifference, followUpProblem, priceDifference, type FollowUpProblem } from './follow-up-rules.js';
import { followUpStore, type FollowUpRecord } from './follow-up-store.js';

type FollowUp = FollowUpRecord & { explanation: Bilingual };

const FOLLOW_UP = {
  type: 'object',
  properties: {
    caseId: def('id'), kind: { type: 'string' }, orderId: def('id'), orderNo: { type: 'string' }, skuCode: { type: 'string' }, quantity: { type: 'integer' },
    sentValue: { type: 'integer' }, paidValue: { type: 'integer' }, priceDifference: { type: 'integer' }, explanation: { type: 'object' },
    courier: nullable({ type: 'string' }), trackingNo: nullable({ type: 'string' }), shippedAt: nullable(def('timestamp')),
  },
  required: ['caseId', 'kind', 'orderId', 'orderNo', 'skuCode', 'quantity', 'priceDifference', 'explanation', 'trackingNo'],
};

const explained = (f: FollowUpRecord): FollowUp => ({ ...f, explanation: explainDifference(f.kind, f.quantity, f.sentValue, f.paidValue) });

function refused(p: FollowUpProblem, c: Case): ConflictError | InputError {
  switch (p.kind) {
    case 'no-goods-out': return new ConflictError({ 'zh-CN': `售后单 ${c.caseNo} 是${KIND_NAMES[p.caseKind]['zh-CN']}，不发货`, en: `Case ${c.caseNo} is ${KIND_NAMES[p.caseKind].en.toLowerCase()}: nothing is sent out` });
    case 'already': return new ConflictError({ 'zh-CN': `售后单 ${c.caseNo} 已建过发货订单 ${p.orderNo}`, en: `Case ${c.caseNo} already has its order, ${p.orderNo}` });
    case 'not-ready': return new ConflictError({ 'zh-CN': `售后单 ${c.caseNo} 现在是“${STATE_NAMES[p.state]['zh-CN']}”，到“换货待发”才能建发货订单`, en: `Case ${c.caseNo} is "${STATE_NAMES[p.state].en}"; its order is made once it is "${STATE_NAMES['exchange-pending'].en}"` });
    case 'too-many': return new InputError({ 'zh-CN': `售后单只有 ${p.quantity} 件，不能发 ${p.asked} 件`, en: `The case is about ${p.quantity} piece(s); ${p.asked} cannot be sent` }, { errors: [{ path: '/quantity', in: 'body', message: `≤ ${p.quantity}` }] });
    case 'other-sku': return new InputError({ 'zh-CN': '补发发的是原来的商品；要换别的商品请开换货单', en: 'A reshipment sends the same goods; to send something else open an exchange' }, { errors: [{ path: '/skuCode', in: 'body', message: c.skuCode }] });
  }
}

/**
 * The order an exchange or reshipment sends, made in fulfillment in the same transaction as its
 * record here (and, for a cheaper exchange, the refund of the difference); fulfillment's shipping
 * of it brings the tracking number back and moves the case to 已发出.
 */
export function addFollowUpRoutes(ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  const read = (id: number) => ctx.db.read(async (q) => {
    if (!(await caseStore(q).get(id, ctx.now()))) throw caseNotFound(id);
    const f = await followUpStore(q).get(id);
    return { followUp: f ? explained(f) : null };
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { followUp: FollowUp | null }>({
    method: 'get',
    path: '/cases/:id/follow-up-order',
    permission: 'after-sales.cases.read',
    summary: { 'zh-CN': '换货或补发的发货订单：订单编号、差价、运单号', en: "An exchange's or reshipment's order: its number, the price difference, the tracking number" },
    params: ID_PARAMS,
    response: { type: 'object', properties: { followUp: nullable(FOLLOW_UP) }, required: ['followUp'] },
    handler: ({ params }) => read(params.id),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { version: number; skuCode?: string; quantity?: number; note?: string }, { followUp: FollowUp | null }>({
    method: 'post',
    path: '/cases/:id/follow-up-order',
    permission: 'after-sales.cases.decide',
    summary: { 'zh-CN': '为换货或补发建发货订单（待审核），记下差价', en: 'Make the order an exchange or reshipment sends (to review), and record the price difference' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: { version: { type: 'integer', minimum: 1 }, skuCode: { type: 'string', minLength: 1, maxLength: 64, pattern: '\\S' }, quantity: { type: 'integer', minimum: 1, maximum: 9999 }, note: { type: 'string', maxLength: 500 } },
      required: ['version'], additionalProperties: false,
    },
    response: { type: 'object', properties: { followUp: nullable(FOLLOW_UP) }, required: ['followUp'] },
    status: 201,
    action: 'make follow-up order',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction(async (tx) => {
        const c = await caseStore(tx).get(params.id, ctx.now());
        if (!c) throw caseNotFound(params.id);
        if (c.version !== body.version) throw staleCase(c.caseNo);
        const skuCode = body.skuCode?.trim() || c.skuCode;
        const quantity = body.quantity ?? c.quantity;
        const problem = followUpProblem(c, { quantity, skuCode }, (await followUpStore(tx).get(c.id))?.orderNo);
        if (problem) throw refused(problem, c);
        if (!skuCode) throw new ConflictError({ 'zh-CN': `订单 ${c.orderNo} 这一行没有商家编码：请写明要发的商品`, en: `This line of order ${c.orderNo} has no SKU code; say which goods to send` });
        await makeOrder(tx, c, { skuCode, quantity, note: (body.note ?? '').trim() }, actor!);
      });
      return read(params.id);
    },
  });

  const makeOrder = async (tx: Transaction, c: Case, want: { skuCode: string; quantity: number; note: string }, actor: Actor) => {
    const kind = c.kind as 'exchange' | 'reship';
    const made = await ctx.services.get(OrdersToken).createFollowUp(
      { kind, originOrderNo: c.orderNo, caseRef: c.caseNo, items: [{ skuCode: want.skuCode, quantity: want.quantity }], note: want.note },
      { actor },
    );
    const value = made.lines.reduce((sum, l) => sum + l.listPrice * l.quantity, 0);
    const diff = priceDifference(kind, c, { quantity: want.quantity, value });
    const by = personOf(actor);
    const at = ctx.now();
    await followUpStore(tx).insert({
      caseId: c.id, orderId: made.order.id, orderNo: made.order.orderNo, skuCode: want.skuCode, quantity: want.quantity,
      sentValue: diff.sentValue, paidValue: diff.paidValue, priceDifference: diff.difference, note: want.note, createdBy: by, createdAt: at,
    });
    if (diff.difference < 0) {
      const refund = { goods: -diff.difference, shipping: 0, compensation: 0 };
      await checkRefund(tx, c, refund);
      await caseStore(tx).addRefund(c.id, { ...refund, note: `换货差价（${made.order.orderNo}）`, by, at });
    } else {
      await caseStore(tx).addNote(c.id, { kind: 'note', text: `${kind === 'exchange' ? '换货' : '补发'}订单 ${made.order.orderNo}：${diff.explanation['zh-CN']}`, by, at });
    }
  };

  // The follow-up leaves the warehouse: CS sees the tracking number, and the case is sent.
  ctx.events.on<OrderShipped>('fulfillment.order.shipped', async (shipped, { tx }) => {
    const f = await followUpStore(tx).byOrderNo(shipped.orderNo);
    if (!f) return;
    await followUpStore(tx).shipped(f.caseId, { courier: shipped.courier, trackingNo: shipped.trackingNo, at: shipped.shippedAt });
    const c = await caseStore(tx).get(f.caseId, ctx.now());
    if (c?.state !== 'exchange-pending') return;
    await moveCase(ctx, tx, c, 'sent', { by: shipped.shippedBy, note: `${shipped.orderNo} 已发出：${shipped.courier} ${shipped.trackingNo}`, answerDays: settings().answerDays });
  });
}
