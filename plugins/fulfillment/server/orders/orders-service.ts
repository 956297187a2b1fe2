import type { PluginContext, Queryable } from '@workbench/plugin-api';
import type { OrderQuery, OrdersService, SkuSales } from '../types.js';
import { createFollowUp } from './follow-up-order.js';
import { csDeskMethods } from './cs-desk.js';
import { findOrders } from './orders-find.js';
import { orderStore } from './order-store.js';
import { mayReadCustomer, type OrderRow } from './order-record.js';

/** Pieces shipped per SKU between two instants, of the SKUs in `skuIds` (null: of all). */
async function shippedBySku(ctx: PluginContext, q: Queryable, skuIds: number[] | null, from: string, to: string): Promise<Map<number, number>> {
  // Stored times are shop time; bounds in any offset are rewritten the same way to compare as text.
  // CROSS JOIN keeps the orders shipped in the window outside (index on status and shipped_at,
  // migration 014): left to itself SQLite starts from the SKU's lines, every line it ever sold —
  // at 100,000 orders of one SKU listings' excess-stock check took 200 ms, 15 ms this way. The
  // `+` keeps the SKU index out of the inner loop: with it, each order was looked up once per
  // SKU asked for (5,000 SKUs for procurement's suggestions: seconds); without, an order's lines
  // come by order id and each is checked against the list. The lines come from migration 018's
  // covering index. The answer is one row of two JSON arrays: for thousands of SKUs, sqlite3
  // making a JavaScript object of every row cost more than the query.
  const row = await q.get<{ ids: string; ns: string }>(
    `SELECT json_group_array(sku_id) AS ids, json_group_array(n) AS ns FROM (
       SELECT i.sku_id, SUM(i.quantity) AS n FROM fulfillment_orders o CROSS JOIN fulfillment_order_items i ON o.id = i.order_id
        WHERE ${skuIds ? '+i.sku_id IN (SELECT value FROM json_each(?))' : 'i.sku_id IS NOT NULL'} AND i.refund_state <> 'succeeded'
          AND o.status = 'shipped' AND o.shipped_at >= ? AND o.shipped_at < ?
        GROUP BY i.sku_id)`,
    [...(skuIds ? [JSON.stringify(skuIds)] : []), ctx.shopTime(from), ctx.shopTime(to)],
  );
  const ids = JSON.parse(row?.ids ?? '[]') as number[];
  const ns = JSON.parse(row?.ns ?? '[]') as number[];
  return new Map(ids.map((id, k) => [id, ns[k]!]));
}

/**
 * `orders` for other plugins (after-sales, CS, dashboards, listings), read-only. Receivers come
 * masked unless the caller passes an actor allowed to see them, so a plugin never shows its user
 * more than fulfillment's own screens would.
 */
export function createOrdersService(ctx: PluginContext): OrdersService {
  const find: OrdersService['find'] = (query, options) => ctx.db.read((q) => findOrders(ctx, q, query, mayReadCustomer(options?.actor)));
  return {
    byId: (id, options) => ctx.db.read(async (q) => {
      const row = await orderStore(q).row(id);
      return row && orderStore(q).detailOf(row, mayReadCustomer(options?.actor));
    }),
    byOrderNo: (orderNo, options) => ctx.db.read(async (q) => {
      const row = await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE order_no = ?', [orderNo.trim()]);
      return row && orderStore(q).detailOf(row, mayReadCustomer(options?.actor));
    }),
    find,
    byShopDay: (day, query: OrderQuery = {}, options) => find({ ...query, day }, options),
    byBuyer: (buyerNick, query: OrderQuery = {}, options) => find({ ...query, buyerNick }, options),
    bySku: (skuId, query: OrderQuery = {}, options) => find({ ...query, skuId }, options),
    salesBySku: (skuIds, from, to) => ctx.db.read(async (q) => {
      if (skuIds.length === 0) return new Map<number, SkuSales>();
      const rows = await q.all<{ sku_id: number; qty: number; amount: number; orders: number }>(
        `SELECT i.sku_id, SUM(i.quantity) AS qty, SUM(i.quantity * i.price) AS amount, COUNT(DISTINCT o.id) AS orders
           FROM fulfillment_order_items i JOIN fulfillment_orders o ON o.id = i.order_id
          WHERE i.sku_id IN (SELECT value FROM json_each(?)) AND o.status <> 'closed' AND o.paid_at >= ? AND o.paid_at < ?
          GROUP BY i.sku_id`,
        [JSON.stringify(skuIds), ctx.shopTime(from), ctx.shopTime(to)],
      );
      return new Map(rows.map((r) => [r.sku_id, { qty: r.qty, amount: r.amount, orders: r.orders }]));
    }),
    shippedQuantities: (skuIds, from, to) => ctx.db.read((q) => (skuIds.length === 0 ? Promise.resolve(new Map<number, number>()) : shippedBySku(ctx, q, skuIds, from, to))),
    shippedQuantitiesOfAll: (from, to) => ctx.db.read((q) => shippedBySku(ctx, q, null, from, to)),
    createFollowUp: (request, options) => createFollowUp(ctx, request, options?.actor),
    ...csDeskMethods(ctx),
  };
}
