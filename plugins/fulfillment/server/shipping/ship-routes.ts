import { def, ID_PARAMS, NotFoundError, ref, type PluginContext } from '@workbench/plugin-api';
import { regionOf } from '../../shared/mask.js';
import { mayReadCustomer, toOrder, type OrderRow } from '../orders/order-record.js';
import { courierNameOf, fulfillmentSettings } from '../settings.js';
import { stepBy } from '../shared/actor.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { COURIER_CHOICE, SHIPPED_ORDER } from './schemas.js';
import { courierChoiceFor, shipOrder, type ShipInput } from './ship-order.js';
import { inLocale } from './texts.js';

/** `GET /orders/:id/courier` and `POST /orders/:id/ship` (README, "Shipping and statements"). */
export function addShipRoutes(ctx: PluginContext, stock: StockOps): void {
  // The station offers these to ship with another courier than the rules chose; packers need not
  // be allowed to read the settings to see them.
  ctx.routes.add({
    method: 'get',
    path: '/couriers',
    permission: 'fulfillment.ship',
    summary: { 'zh-CN': '本店可用的快递公司', en: 'The couriers the shop ships with' },
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } }, required: ['code', 'name'] } } },
      required: ['items'],
    },
    handler: () => ({ items: fulfillmentSettings(ctx).couriers.map((c) => ({ code: c.code, name: c.name })) }),
  });

  // Orders, remarks and lists name an order's courier for whoever reads them (a 客服 without the
  // station included): codes and names only, the fees and regions stay with the settings.
  ctx.routes.add({
    method: 'get',
    path: '/couriers/names',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '快递公司的中英文名称', en: 'The couriers’ names in Chinese and English' },
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: def('localizedText') }, required: ['code', 'name'] } } },
      required: ['items'],
    },
    handler: () => ({ items: fulfillmentSettings(ctx).couriers.map((c) => ({ code: c.code, name: courierNameOf(c) })) }),
  });

  ctx.routes.add<{ id: number }>({
    method: 'get',
    path: '/orders/:id/courier',
    permission: 'fulfillment.orders.read',
    summary: { 'zh-CN': '按选快递规则给订单选的快递', en: 'The courier the rules choose for an order' },
    description: {
      'zh-CN': '买家指定的快递（能送到时）→ 默认快递 → 默认快递不到的地区改用的快递；都送不到时 courier 为 null',
      en: 'The courier the buyer asked for (when it delivers there) → the default → the fallback where the default does not reach; null when none reaches',
    },
    params: ID_PARAMS,
    response: ref(COURIER_CHOICE),
    handler: async ({ params, locale }) => {
      const row = await ctx.db.read((q) => q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [params.id]));
      if (!row) throw new NotFoundError({ 'zh-CN': '订单不存在', en: 'No such order' });
      const choice = courierChoiceFor(fulfillmentSettings(ctx), row);
      return {
        courier: choice.courier ? { code: choice.courier.code, name: choice.courier.name } : null,
        rule: choice.rule,
        reason: inLocale(choice.reason, locale),
        region: row.receiver_region || regionOf(row.receiver_address),
      };
    },
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, ShipInput & { version: number }>({
    method: 'post',
    path: '/orders/:id/ship',
    permission: 'fulfillment.ship',
    summary: { 'zh-CN': '称重、填运单号并发货', en: 'Weigh, enter the tracking number and ship' },
    description: {
      'zh-CN': '已复核的订单（单品订单拣货后即可）出库并改为已发货；不填快递按选快递规则选。运单号要符合该快递的单号格式且没用过；设置要求称重时必须填重量。出库、改状态和发货事件在同一个事务里，任何一步失败都不生效',
      en: 'A verified order (a single-SKU order once picked) leaves the bins and becomes shipped; without a courier the rules choose one. The tracking number must have the courier’s shape and be unused; the weight is required when the settings say so. Stock, state and the shipped event commit together or not at all',
    },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        version: def('version'),
        courier: { type: 'string', pattern: '^[A-Za-z]{2,5}$', description: 'A courier code from the settings, e.g. STO' },
        trackingNo: { type: 'string', minLength: 1, maxLength: 40 },
        weightGrams: { type: 'integer', minimum: 1, maximum: 1000000, description: 'Whole grams' },
      },
      required: ['version', 'trackingNo'],
      additionalProperties: false,
    },
    response: ref(SHIPPED_ORDER),
    action: 'ship order',
    handler: async ({ params, body, actor }) => {
      const input: ShipInput = { ...body, ...(body.courier ? { courier: body.courier.toUpperCase() } : {}) };
      const row = await ctx.db.transaction((tx) => shipOrder(tx, { ctx, stock, by: stepBy(actor) }, params.id, input));
      return toOrder(row, mayReadCustomer(actor));
    },
  });
}
