import { def, ID_PARAMS, ref, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { stepBy } from '../shared/actor.js';
import type { OrderDetail } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { mayReadCustomer } from './order-record.js';
import { orderStore } from './order-store.js';
import { runBatchReview, type BatchResult } from './batch-review.js';
import { readReview, type ReviewAnswer } from './review-read.js';
import { reviewMoves } from './review-moves.js';
import { orderFilterProperties } from './order-routes.js';
import { requireOneScope, type ReviewScope } from './review-scope.js';
import { exceptionBody, ORDER_SCHEMAS, reasonBody, versionBody, type MarkedException } from './schemas.js';

const resultSchema: JsonSchema = {
  type: 'object',
  properties: {
    orderId: def('id'),
    orderNo: { type: 'string' },
    outcome: { enum: ['approved', 'exception', 'refused', 'skipped'] },
    reasons: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
  },
  required: ['orderId', 'orderNo', 'outcome', 'reasons'],
};
const tally = (results: BatchResult[], outcome: BatchResult['outcome']) => results.filter((r) => r.outcome === outcome).length;

type Id = { id: number };
type Empty = Record<string, unknown>;

/** 审单 moves of one order: approve, exception, fraud, reopen, close. */
export function addReviewRoutes(ctx: PluginContext, stock: StockOps): void {
  const answer = (id: number, actor: Parameters<typeof mayReadCustomer>[0]) => ctx.db.read((q) => orderStore(q).detail(id, mayReadCustomer(actor)));

  ctx.routes.add<Id, Empty, { version: number }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/approve',
    permission: 'fulfillment.orders.review',
    summary: {
      'zh-CN': '审核通过并占用库存（规则不通过时拒绝并列出原因；留言和可合并两条由人工判断）',
      en: 'Approve and reserve the stock (refused with the failing rules; a person may overrule the message and merge rules)',
    },
    params: ID_PARAMS,
    body: versionBody,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'approve order',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction((tx) => reviewMoves(tx, { ctx, stock }).approveByHand({ id: params.id, version: body.version }, stepBy(actor)));
      return answer(params.id, actor);
    },
  });

  ctx.routes.add<Id, Empty, { version: number; reason: string; code?: MarkedException }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/exception',
    permission: 'fulfillment.orders.review',
    summary: { 'zh-CN': '标为异常（写明原因；已占用的库存释放）', en: 'Mark as exception (with a reason; any reserved stock is released)' },
    description: {
      'zh-CN': 'code 默认 manual；已付款的淘宝订单要退款时用 awaiting-refund（待退款）：退款在淘宝上办，淘宝关闭交易后再导入时订单关闭',
      en: 'code defaults to manual; awaiting-refund is for a paid Taobao order to be refunded: the refund happens on Taobao, and the order closes when an import shows the trade closed',
    },
    params: ID_PARAMS,
    body: exceptionBody,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'mark order exception',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction((tx) => reviewMoves(tx, { ctx, stock }).markException({ id: params.id, version: body.version }, { reason: body.reason, code: body.code }, stepBy(actor)));
      return answer(params.id, actor);
    },
  });

  ctx.routes.add<Id, Empty, { version: number; reason: string }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/fraud',
    permission: 'fulfillment.orders.review',
    summary: { 'zh-CN': '标为欺诈订单（写明原因）', en: 'Mark as fraud (with a reason)' },
    params: ID_PARAMS,
    body: reasonBody,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'mark order fraud',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction((tx) => reviewMoves(tx, { ctx, stock }).markFraud({ id: params.id, version: body.version }, body.reason, stepBy(actor)));
      return answer(params.id, actor);
    },
  });

  ctx.routes.add<Id, Empty, { version: number }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/reopen',
    permission: 'fulfillment.orders.review',
    summary: { 'zh-CN': '退回待审核（释放已占用的库存）', en: 'Back to review (reserved stock released)' },
    params: ID_PARAMS,
    body: versionBody,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'reopen order',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction((tx) => reviewMoves(tx, { ctx, stock }).reopen({ id: params.id, version: body.version }, stepBy(actor)));
      return answer(params.id, actor);
    },
  });

  ctx.routes.add<Id, Empty, { version: number; reason: string }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/close',
    permission: 'fulfillment.orders.review',
    summary: { 'zh-CN': '关闭订单（未付款或未发货；释放库存，退回优惠券；淘宝上已付款的订单不能在这里关闭）', en: 'Close an order (unpaid or not shipped; stock released, coupon returned; not a Taobao order still paid there)' },
    params: ID_PARAMS,
    body: reasonBody,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'close order',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction((tx) => reviewMoves(tx, { ctx, stock }).close({ id: params.id, version: body.version }, body.reason, stepBy(actor)));
      return answer(params.id, actor);
    },
  });

  ctx.routes.add<Id, Empty, undefined, ReviewAnswer>({
    method: 'get',
    path: '/orders/:id/review',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '这张订单的审单规则检查结果', en: 'The review rules on this order' },
    params: ID_PARAMS,
    response: ref(ORDER_SCHEMAS.review),
    handler: ({ params, locale }) => ctx.db.read((q) => readReview(q, { ctx, stock }, params.id, locale)),
  });

  ctx.routes.add<Record<string, string>, Empty, ReviewScope, { approved: number; exceptions: number; skipped: number; results: BatchResult[] }>({
    method: 'post',
    path: '/orders/auto-review',
    permission: 'fulfillment.orders.review',
    summary: {
      'zh-CN': '自动审单：对选中的订单（orderIds），或列表筛选条件下的待审核订单（filter，与订单查询相同），按优先级和下单顺序，规则都通过的审核通过并占用库存，不通过的转为异常并写明原因',
      en: 'Automatic review of the chosen orders (orderIds), or of the orders to review under the list filter (filter, as the order search takes it), in queue order: those passing every rule are approved with stock reserved, the rest become exceptions with their reasons',
    },
    body: {
      type: 'object',
      properties: {
        orderIds: { type: 'array', items: def('id'), minItems: 1, maxItems: 20000 },
        filter: { type: 'object', properties: { q: { type: 'string', maxLength: 200 }, ...orderFilterProperties }, additionalProperties: false },
        expectedCount: { type: 'integer', minimum: 0, description: 'with filter: the number of orders to review the clerk confirmed; another number now is 409 and nothing is reviewed' },
      },
      additionalProperties: false,
    },
    response: { type: 'object', properties: { approved: { type: 'integer' }, exceptions: { type: 'integer' }, skipped: { type: 'integer' }, results: { type: 'array', items: resultSchema } }, required: ['approved', 'exceptions', 'results'] },
    action: 'auto-review orders',
    handler: async ({ body, actor, locale }) => {
      requireOneScope(body);
      const scope = body.orderIds ? { orderIds: body.orderIds } : { filter: body.filter ?? {}, customer: mayReadCustomer(actor), ...(body.expectedCount !== undefined ? { expectedCount: body.expectedCount } : {}) };
      const results = await runBatchReview(ctx, stock, { mode: 'auto', ...scope, by: stepBy(actor), locale });
      return { approved: tally(results, 'approved'), exceptions: tally(results, 'exception'), skipped: tally(results, 'skipped'), results };
    },
  });

  ctx.routes.add<Record<string, string>, Empty, { orderIds: number[] }, { approved: number; refused: number; skipped: number; results: BatchResult[] }>({
    method: 'post',
    path: '/orders/batch-approve',
    permission: 'fulfillment.orders.review',
    summary: { 'zh-CN': '批量审核：选中的订单规则都通过的审核通过，其余列出原因、保持原状', en: 'Approve the chosen orders that pass every rule; report the rest unchanged' },
    body: { type: 'object', properties: { orderIds: { type: 'array', items: def('id'), minItems: 1, maxItems: 20000 } }, required: ['orderIds'], additionalProperties: false },
    response: { type: 'object', properties: { approved: { type: 'integer' }, refused: { type: 'integer' }, skipped: { type: 'integer' }, results: { type: 'array', items: resultSchema } }, required: ['approved', 'refused', 'results'] },
    action: 'batch-approve orders',
    handler: async ({ body, actor, locale }) => {
      const results = await runBatchReview(ctx, stock, { mode: 'batch', orderIds: body.orderIds, by: stepBy(actor), locale });
      return { approved: tally(results, 'approved'), refused: tally(results, 'refused'), skipped: tally(results, 'skipped'), results };
    },
  });
}
