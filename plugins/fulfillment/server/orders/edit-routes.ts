import { def, ID_PARAMS, ref, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import type { OrderDetail } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { editOrder, type OrderPatch } from './order-edit.js';
import { lineSchema } from './order-lines.js';
import { addRemark, setFlag } from './order-notes.js';
import { changePrice, readPriceChanges, type PriceChange, type PriceChangeInput } from './price-change.js';
import { ORDER_SCHEMAS } from './schemas.js';

type Id = { id: number };
type Empty = Record<string, unknown>;

const text = (max: number): JsonSchema => ({ type: 'string', maxLength: max });
const filled = (max: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

const patchSchema: JsonSchema = {
  type: 'object',
  properties: {
    version: def('version'),
    receiverName: filled(50),
    receiverPhone: filled(30),
    receiverAddress: filled(300),
    postCode: { type: 'string', pattern: '^(\\d{6})?$' },
    buyerMessage: text(500),
    sellerRemark: text(500),
    task: { type: 'boolean' },
    courierRequested: { anyOf: [{ type: 'string', pattern: '^[A-Z]{2,5}$' }, { type: 'null' }] },
    items: { type: 'array', items: lineSchema, minItems: 1, maxItems: 200 },
  },
  required: ['version'],
  additionalProperties: false,
};

/** Edits, price changes, flags and remarks of one order. */
export function addEditRoutes(ctx: PluginContext, stock: StockOps): void {
  ctx.routes.add<Id, Empty, OrderPatch, OrderDetail>({
    method: 'patch',
    path: '/orders/:id',
    permission: 'fulfillment.orders.edit',
    summary: {
      'zh-CN': '修改订单（收件信息、留言备注、任务单、指定快递、商品；拣货后不能改；已审核的订单改后回到待审核）',
      en: 'Edit an order (receiver, message and remark, task, requested courier, items; not once picked; an approved order goes back to review)',
    },
    params: ID_PARAMS,
    body: patchSchema,
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'edit order',
    handler: ({ params, body, actor }) => editOrder({ ctx, stock }, params.id, body, actor),
  });

  ctx.routes.add<Id, Empty, PriceChangeInput, OrderDetail>({
    method: 'post',
    path: '/orders/:id/price-change',
    permission: 'fulfillment.orders.edit',
    summary: { 'zh-CN': '改价（和买家商定的商品单价或运费，记下原价、新价和原因）', en: 'Change a price agreed with the buyer (item price or shipping fee; old, new and reason kept)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        itemId: def('id'),
        field: { enum: ['item-price', 'shipping-fee'] },
        newAmount: def('price'),
        reason: filled(200),
      },
      required: ['version', 'field', 'newAmount', 'reason'],
      additionalProperties: false,
    },
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'change order price',
    handler: ({ params, body, actor }) => changePrice({ ctx, stock }, params.id, body, actor),
  });

  ctx.routes.add<Id, Empty, undefined, { items: PriceChange[] }>({
    method: 'get',
    path: '/orders/:id/price-changes',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '订单的改价记录', en: "The order's price changes" },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: ref(ORDER_SCHEMAS.priceChange) } }, required: ['items'] },
    handler: async ({ params }) => ({ items: await ctx.db.read((q) => readPriceChanges(q, params.id)) }),
  });

  ctx.routes.add<Id, Empty, { version: number; flag: number }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/flag',
    permission: 'fulfillment.orders.edit',
    summary: { 'zh-CN': '插旗（0 无旗，1 红 2 黄 3 绿 4 蓝 5 紫）', en: 'Flag (0 none, 1 red 2 yellow 3 green 4 blue 5 purple)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { version: def('version'), flag: { type: 'integer', minimum: 0, maximum: 5 } }, required: ['version', 'flag'], additionalProperties: false },
    response: ref(ORDER_SCHEMAS.orderDetail),
    action: 'flag order',
    handler: ({ params, body, actor }) => setFlag(ctx, { id: params.id, version: body.version }, body.flag, actor),
  });

  ctx.routes.add<Id, Empty, { text: string; flag?: number }, OrderDetail>({
    method: 'post',
    path: '/orders/:id/remarks',
    permission: 'fulfillment.orders.edit',
    summary: { 'zh-CN': '加备注（工号+快递+备注，例如 12+申通+送袜子一双；可同时插旗）', en: 'Add a remark (agent no.+courier+note, e.g. 12+申通+送袜子一双; optionally a flag)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { text: filled(700), flag: { type: 'integer', minimum: 0, maximum: 5 } }, required: ['text'], additionalProperties: false },
    response: ref(ORDER_SCHEMAS.orderDetail),
    status: 201,
    action: 'add order remark',
    handler: ({ params, body, actor }) => addRemark(ctx, params.id, body, actor),
  });
}
