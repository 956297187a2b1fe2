import type { PluginContext, SearchResult } from '@workbench/plugin-api';
import { maskName } from '../../shared/mask.js';
import { ORDER_STATUS_NAMES, type OrderStatus } from '../../shared/state-names.js';
import { prefixUpper } from './order-filter.js';
import { mayReadCustomer } from './order-record.js';

/**
 * Quick open (Ctrl+P) finds orders by the start of the order number or the receiver's full name,
 * both through their indexes. Staff without customer details find by the number only: a hit on a
 * guessed name would confirm it even with the receiver masked.
 */
export function provideOrderSearch(ctx: PluginContext): void {
  ctx.search.provide({
    permission: 'fulfillment.orders.read',
    search: async ({ text, limit, actor, locale }) => {
      const term = text.trim();
      if (term === '') return [];
      const show = mayReadCustomer(actor);
      const byName = show ? 'UNION SELECT * FROM (SELECT id, order_no, receiver_name, status, placed_at FROM fulfillment_orders WHERE receiver_name = ? ORDER BY placed_at DESC LIMIT ?)' : '';
      const rows = await ctx.db.read((q) =>
        q.all<{ id: number; order_no: string; receiver_name: string; status: OrderStatus }>(
          `SELECT id, order_no, receiver_name, status FROM (
             SELECT * FROM (SELECT id, order_no, receiver_name, status, placed_at FROM fulfillment_orders WHERE order_no >= ? AND order_no < ? ORDER BY order_no LIMIT ?)
             ${byName}
           ) ORDER BY placed_at DESC, id DESC LIMIT ?`,
          [term, prefixUpper(term), limit, ...(show ? [term, limit] : []), limit],
        ),
      );
      const lang = locale === 'en' ? 'en' : 'zh-CN';
      return rows.map((r): SearchResult => ({
        title: `${lang === 'en' ? 'Order' : '订单'} ${r.order_no}`,
        detail: `${show ? r.receiver_name : maskName(r.receiver_name)} · ${ORDER_STATUS_NAMES[r.status][lang]}`,
        opens: 'order',
        id: r.id,
      }));
    },
  });
}
