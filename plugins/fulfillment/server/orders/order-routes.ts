import { def, ID_PARAMS, listQuery, ref, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { ORDER_STATUSES, PLATFORM_STATUSES } from '../../shared/state-names.js';
import type { Order, OrderDetail } from '../types.js';
import { enterOrder, type OrderInput } from './order-entry.js';
import { lineSchema } from './order-lines.js';
import { CountsCache } from './counts-cache.js';
import { listOrders, type OrderListQuery, type OrderPage, type ShopCounts } from './order-list.js';
import { mergeCandidates } from './merge-candidates.js';
import { mayReadCustomer } from './order-record.js';
import { withCatalogNames } from '../shared/catalog-names.js';
import { CatalogToken } from '../tokens.js';
import { queueCounts, type QueueCounts } from './queue-counts.js';
import { orderStore, type HistoryEntry } from './order-store.js';
import { EXCEPTION_CODES, ORDER_SCHEMAS, orderPageSchema } from './schemas.js';

const listOf = (values: readonly string[]) => `^ *(${values.join('|')}) *(, *(${values.join('|')}) *)*$`;
const TIME_OR_DAY = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';

/** The filters of the order list; 自动审单 takes the same ones to review what the list shows. */
export const orderFilterProperties: Record<string, JsonSchema> = {
  status: { type: 'string', pattern: listOf(ORDER_STATUSES), description: 'shop states, comma-separated' },
  platformStatus: { type: 'string', pattern: listOf(PLATFORM_STATUSES), description: 'platform states, comma-separated' },
  flag: { type: 'string', pattern: '^ *[0-5] *(, *[0-5] *)*$', description: 'flags 0–5, comma-separated' },
  from: { type: 'string', pattern: TIME_OR_DAY, description: 'placed from: an instant, or a shop day YYYY-MM-DD' },
  to: { type: 'string', pattern: TIME_OR_DAY, description: 'placed up to: an instant, or a shop day YYYY-MM-DD (the whole day)' },
  courier: { type: 'string', pattern: '^[A-Z]{2,5}$', description: 'courier code' },
  sku: { type: 'string', minLength: 1, maxLength: 64, description: '商家编码' },
  exception: { type: 'string', enum: [...EXCEPTION_CODES] },
  wave: def('id'),
  followUp: { type: 'string', enum: ['exchange', 'reship', 'any'], description: 'exchange (换货) or reshipment (补发) orders after-sales sent, or both' },
};

export const orderListQuery: JsonSchema = listQuery(orderFilterProperties);

const text = (max: number): JsonSchema => ({ type: 'string', maxLength: max });
const required = (max: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

export const orderInputSchema: JsonSchema = {
  type: 'object',
  properties: {
    buyerNick: required(64),
    buyerAccount: text(100),
    receiverName: required(50),
    receiverPhone: required(30),
    receiverAddress: required(300),
    postCode: { type: 'string', pattern: '^(\\d{6})?$' },
    buyerMessage: text(500),
    shippingMethod: text(50),
    shippingFee: def('price'),
    paid: { type: 'boolean' },
    task: { type: 'boolean' },
    items: { type: 'array', items: lineSchema, minItems: 1, maxItems: 200 },
  },
  required: ['buyerNick', 'receiverName', 'receiverPhone', 'receiverAddress', 'shippingFee', 'paid', 'items'],
  additionalProperties: false,
};

/** Search, read and enter orders. */
export function addOrderRoutes(ctx: PluginContext): void {
  const counts: ShopCounts = new CountsCache();
  ctx.routes.add<Record<string, string>, OrderListQuery, undefined, OrderPage>({
    method: 'get',
    path: '/orders',
    permission: 'fulfillment.orders.read',
    summary: {
      'zh-CN': '订单查询：按订单号（可输前几位）、收件人、支付宝账号、运单号查找，按状态、旗帜、下单日期、快递、商家编码、异常、波次、换货补发筛选',
      en: 'Find orders by order number (or its start), receiver, payment account or tracking number; filter by state, flag, date placed, courier, SKU code, exception, wave, exchange or reshipment',
    },
    query: orderListQuery,
    response: orderPageSchema,
    handler: ({ query, actor }) => ctx.db.read((q) => listOrders(q, { ctx, counts }, query, actor)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, OrderDetail>({
    method: 'get',
    path: '/orders/:id',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '订单详情（含商品与备注）', en: 'An order with its items and remarks' },
    params: ID_PARAMS,
    response: ref(ORDER_SCHEMAS.orderDetail),
    handler: async ({ params, actor }) => {
      const detail = await ctx.db.read((q) => orderStore(q).detail(params.id, mayReadCustomer(actor)));
      return { ...detail, items: await withCatalogNames(ctx.services.get(CatalogToken), detail.items) };
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, OrderInput, OrderDetail>({
    method: 'post',
    path: '/orders',
    permission: 'fulfillment.orders.edit',
    summary: { 'zh-CN': '手工录入订单（编号 M＋日期＋序号）', en: 'Enter an order by hand (number M + date + sequence)' },
    body: orderInputSchema,
    response: ref(ORDER_SCHEMAS.orderDetail),
    status: 201,
    action: 'enter order',
    handler: ({ body, actor }) => enterOrder(ctx, body, actor),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { items: HistoryEntry[] }>({
    method: 'get',
    path: '/orders/:id/history',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '订单操作记录：每一步做了什么、谁做的、什么时候', en: "The order's history: each step, who did it and when" },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: ref(ORDER_SCHEMAS.history) } }, required: ['items'] },
    handler: async ({ params }) => ({ items: await ctx.db.read((q) => orderStore(q).history(params.id)) }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { items: Order[] }>({
    method: 'get',
    path: '/orders/:id/merge-candidates',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '可合并的订单：同买家同地址、还没拣货', en: 'Orders to merge with: same buyer and address, not picked yet' },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: ref(ORDER_SCHEMAS.order) } }, required: ['items'] },
    handler: async ({ params, actor }) => ({ items: await ctx.db.read((q) => mergeCandidates(q, params.id, mayReadCustomer(actor))) }),
  });

  const perKey: JsonSchema = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } };
  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, QueueCounts>({
    method: 'get',
    path: '/queue',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '待处理订单统计：各状态、各优先级、各类异常的单数', en: 'The work queue: orders per state, per priority and per exception reason' },
    response: { type: 'object', properties: { statuses: perKey, priorities: perKey, exceptions: perKey }, required: ['statuses', 'priorities', 'exceptions'] },
    handler: () => ctx.db.read((q) => queueCounts(q, counts)),
  });
}
