import type { PluginContext } from '@workbench/plugin-api';
import type { OrdersService } from '../types.js';
import { detailOf, orderRow } from './order-store.js';
import type { OrderRow } from './order-record.js';

/**
 * `orders` for other plugins (after-sales, KPIs), read-only. A service call carries no reader, so
 * the receiver details come whole: the calling plugin masks them for its own readers, as it
 * answers for its own routes.
 */
export function createOrdersService(ctx: PluginContext): OrdersService {
  return {
    byId: (id) => ctx.db.read(async (q) => {
      const row = await orderRow(q, id);
      return row && detailOf(q, row, true);
    }),
    byOrderNo: (orderNo) => ctx.db.read(async (q) => {
      const row = await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE order_no = ?', [orderNo.trim()]);
      return row && detailOf(q, row, true);
    }),
    shippedQuantities: (skuIds, from, to) => ctx.db.read(async (q) => {
      if (skuIds.length === 0) return new Map<number, number>();
      // Stored times are shop time; bounds in any offset are rewritten the same way to compare as text.
      const rows = await q.all<{ sku_id: number; n: number }>(
        `SELECT i.sku_id, SUM(i.quantity) AS n FROM fulfillment_order_items i JOIN fulfillment_orders o ON o.id = i.order_id
         WHERE i.sku_id IN (SELECT value FROM json_each(?)) AND i.refund_state <> 'succeeded' AND o.status = 'shipped' AND o.shipped_at >= ? AND o.shipped_at < ?
         GROUP BY i.sku_id`,
        [JSON.stringify(skuIds), ctx.shopTime(from), ctx.shopTime(to)],
      );
      return new Map(rows.map((r) => [r.sku_id, r.n]));
    }),
  };
}
