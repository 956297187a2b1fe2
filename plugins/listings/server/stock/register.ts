import type { PluginContext } from '@workbench/plugin-api';
import { InventoryToken, OrdersToken } from '../tokens.js';
import { excessRule, excessWindow, readExcessStock, type ExcessStockAnswer } from './excess-stock.js';
import { checkStock } from './stock-check.js';
import { listingsSettings } from '../settings.js';
import { NEEDS_FULFILLMENT, readStockWarnings, type StockWarningsAnswer } from './stock-warnings.js';
import { def, nullable } from '../shared/schema-refs.js';

const WARNINGS = 'https://workbench.local/schemas/listings/stock-warnings';
const EXCESS = 'https://workbench.local/schemas/listings/excess-stock';

/** The payload fulfillment sends with `fulfillment.stock.changed`. */
interface StockChanged {
  skuIds: number[];
}

function isStockChanged(payload: unknown): payload is StockChanged {
  const ids = (payload as { skuIds?: unknown } | null)?.skuIds;
  return Array.isArray(ids) && ids.every((id) => Number.isInteger(id) && id > 0);
}

/**
 * 库存预警: listed SKUs below their threshold. The stock comes from fulfillment's `inventory`
 * service, looked up each time it is needed — fulfillment activates after listings, and may be
 * disabled while the workbench runs — so without it every answer says why there is nothing.
 */
export function registerStockWarnings(ctx: PluginContext): void {
  const inventory = () => ctx.services.optional(InventoryToken);
  const unavailable = (): StockWarningsAnswer => ({ available: false, reason: NEEDS_FULFILLMENT, threshold: listingsSettings(ctx).lowStockThreshold, checkedAt: null, items: [] });

  ctx.schemas.add({
    $id: WARNINGS,
    type: 'object',
    properties: {
      available: { type: 'boolean' },
      reason: def('localizedText'),
      threshold: { type: 'integer', minimum: 0 },
      checkedAt: nullable(def('timestamp')),
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            skuId: def('id'),
            code: { type: 'string' },
            productId: def('id'),
            productTitle: { type: 'string' },
            stock: { type: 'integer' },
            threshold: { type: 'integer', minimum: 0 },
          },
          required: ['skuId', 'code', 'productId', 'productTitle', 'stock', 'threshold'],
          additionalProperties: false,
        },
      },
    },
    required: ['available', 'threshold', 'checkedAt', 'items'],
    additionalProperties: false,
  });

  ctx.routes.add({
    method: 'get',
    path: '/stock-warnings',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '库存预警', en: 'Low-stock warnings' },
    description: { 'zh-CN': '上次检查时低于预警线的在售 SKU', en: 'Listed SKUs below their threshold at the last check' },
    response: { $ref: WARNINGS },
    handler: () => (inventory() ? ctx.db.read((q) => readStockWarnings(q, listingsSettings(ctx).lowStockThreshold)) : unavailable()),
  });

  ctx.schemas.add({
    $id: EXCESS,
    type: 'object',
    properties: {
      available: { type: 'boolean' },
      reason: def('localizedText'),
      days: { type: 'integer', minimum: 1 },
      windowDays: { type: 'integer', minimum: 1 },
      from: nullable(def('timestamp')),
      to: nullable(def('timestamp')),
      rule: def('localizedText'),
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            skuId: def('id'),
            code: { type: 'string' },
            productId: def('id'),
            productTitle: { type: 'string' },
            onHand: { type: 'integer' },
            shipped: { type: 'integer', minimum: 0 },
            dailySales: { type: 'number', minimum: 0 },
            daysOfStock: nullable({ type: 'integer', minimum: 0 }),
            limit: { type: 'number', minimum: 0 },
            explanation: def('localizedText'),
          },
          required: ['skuId', 'code', 'productId', 'productTitle', 'onHand', 'shipped', 'dailySales', 'daysOfStock', 'limit', 'explanation'],
          additionalProperties: false,
        },
      },
    },
    required: ['available', 'days', 'windowDays', 'from', 'to', 'rule', 'items'],
    additionalProperties: false,
  });

  ctx.routes.add({
    method: 'get',
    path: '/stock-warnings/excess',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '库存积压', en: 'Excess stock' },
    description: {
      'zh-CN': '在库件数超过日均发货 × 设定天数的在售 SKU，附每个的算式',
      en: 'Listed SKUs holding more than their daily shipments × the set days, each with its sum',
    },
    response: { $ref: EXCESS },
    handler: (): Promise<ExcessStockAnswer> | ExcessStockAnswer => {
      const { excessStockDays: days, excessStockWindowDays: windowDays, lowStockThreshold } = listingsSettings(ctx);
      const stock = inventory();
      const orders = ctx.services.optional(OrdersToken);
      if (!stock || !orders) return { available: false, reason: NEEDS_FULFILLMENT, days, windowDays, from: null, to: null, rule: excessRule(days, windowDays), items: [] };
      const window = excessWindow(ctx.now(), windowDays);
      return ctx.db.read((q) => readExcessStock(q, stock, orders, { days, windowDays, lowStockThreshold, from: ctx.shopTime(window.from), to: window.to }));
    },
  });

  ctx.routes.add({
    method: 'post',
    path: '/stock-warnings/check',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '立即检查库存', en: 'Check stock now' },
    description: { 'zh-CN': '重新读取库存并更新预警（每 5 分钟也会自动检查）', en: 'Reads the stock again and updates the warnings (also done every 5 minutes)' },
    response: { $ref: WARNINGS },
    action: 'check stock',
    handler: async () => {
      const service = inventory();
      if (!service) return unavailable();
      return ctx.db.transaction(async (tx) => {
        await checkStock(ctx, tx, service);
        return readStockWarnings(tx, listingsSettings(ctx).lowStockThreshold);
      });
    },
  });

  ctx.jobs.schedule({
    id: 'stock-check',
    title: { 'zh-CN': '库存预警检查', en: 'Low-stock check' },
    schedule: { every: '5m' },
    run: async ({ log }) => {
      const service = inventory();
      if (!service) return;
      const crossed = await ctx.db.transaction((tx) => checkStock(ctx, tx, service));
      if (crossed.length) log.info('SKUs went below their stock threshold', { count: crossed.length });
    },
  });

  // Fulfillment emits this inside the transaction that changed the stock, so the warning and its
  // cause commit together, and the inventory service already sees the new figures.
  ctx.events.on('fulfillment.stock.changed', async (payload, { tx }) => {
    if (!isStockChanged(payload)) {
      throw new Error('fulfillment.stock.changed must carry { skuIds: number[] } (positive integer SKU ids)');
    }
    const service = inventory();
    if (!service || payload.skuIds.length === 0) return;
    await checkStock(ctx, tx, service, [...new Set(payload.skuIds)]);
  });
}
