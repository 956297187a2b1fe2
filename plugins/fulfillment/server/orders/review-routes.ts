import { ID_PARAMS, ref, type PluginContext } from '@workbench/plugin-api';
import { stepBy } from '../shared/actor.js';
import type { OrderDetail } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { mayReadCustomer } from './order-record.js';
import { readDetail } from './order-store.js';
import { approveByHand, closeOrder, markException, markFraud, reopen } from './review-moves.js';
import { ORDER_SCHEMAS, reasonBody, versionBody } from './schemas.js';

type Id = { id: number };
type Empty = Record<string, unknown>;

/** 审单 moves of one order: approve, exception, fraud, reopen, close. */
export function addReviewRoutes(ctx: PluginContext, stock: StockOps): void {
  const answer = (id: number, actor: Parameters<typeof mayReadCustomer>[0]) => ctx.db.read((q) => readDetail(q, id, mayReadCustomer(actor)));

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
      await ctx.db.transaction((tx) => approveByHand(ctx, stock, tx, params.id, body.version, stepBy(actor)));
      return answer(params.id, actor);
    },
  });

  ctx.routes.add<Id, Empty, { version: number; reason: string }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/exception',
    permission: 'fulfillment.orders.review',
    summary: { 'zh-CN': '标为异常（写明原因；已占用的库存释放）', en: 'Mark as exception (with a reason; any reserved stock is released)' },
    params: ID_PARAMS,
    body: reasonBody,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'mark order exception',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction((tx) => markException(stock, tx, params.id, body.version, body.reason, stepBy(actor), ctx.now()));
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
      await ctx.db.transaction((tx) => markFraud(stock, tx, params.id, body.version, body.reason, stepBy(actor), ctx.now()));
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
      await ctx.db.transaction((tx) => reopen(stock, tx, params.id, body.version, stepBy(actor), ctx.now()));
      return answer(params.id, actor);
    },
  });

  ctx.routes.add<Id, Empty, { version: number; reason: string }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/close',
    permission: 'fulfillment.orders.review',
    summary: { 'zh-CN': '关闭订单（未付款或未发货；释放库存，退回优惠券）', en: 'Close an order (unpaid or not shipped; stock released, coupon returned)' },
    params: ID_PARAMS,
    body: reasonBody,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'close order',
    handler: async ({ params, body, actor }) => {
      await ctx.db.transaction((tx) => closeOrder(ctx, stock, tx, params.id, body.version, body.reason, stepBy(actor)));
      return answer(params.id, actor);
    },
  });
}
