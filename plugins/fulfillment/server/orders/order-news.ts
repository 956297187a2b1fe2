import type { PluginContext, Queryable } from '@workbench/plugin-api';
import type { PlatformStatus } from '../../shared/state-names.js';
import type { OrderNews, OrdersNews } from '../types.js';

/**
 * Orders per `fulfillment.order.created` / `.paid` event. A big import sends many events rather
 * than one holding every order, so a listener's work (and the payload it parses) stays bounded.
 */
export const ORDER_NEWS_BATCH = 1000;

const PAID_STATES = new Set<PlatformStatus>(['paid', 'shipped', 'completed', 'refunding']);

/**
 * The buyer has paid: the platform shows the trade paid, shipped, completed or refunding, or it
 * has a payment time (a closed trade that had been paid keeps one). Neither ever goes back in an
 * import, so "was not paid, is paid" happens once per order.
 */
export const isPaid = (platformStatus: PlatformStatus, paidAt: string | null): boolean => PAID_STATES.has(platformStatus) || paidAt !== null;

/** Emits `name` for these orders, ORDER_NEWS_BATCH at a time, inside the caller's transaction. */
export async function announce(ctx: PluginContext, name: 'fulfillment.order.created' | 'fulfillment.order.paid', orders: readonly OrderNews[]): Promise<void> {
  for (let i = 0; i < orders.length; i += ORDER_NEWS_BATCH) {
    const payload: OrdersNews = { orders: orders.slice(i, i + ORDER_NEWS_BATCH) };
    await ctx.events.emit(name, payload);
  }
}

interface NewsRow {
  id: number;
  order_no: string;
  source: 'import' | 'manual';
  buyer_nick: string;
  platform_status: PlatformStatus;
  total: number;
  paid_amount: number;
  placed_at: string;
  paid_at: string | null;
  items: string;
}

/** The news of stored orders, read as the transaction sees them (one query for all). */
export async function readNews(q: Queryable, orderIds: readonly number[]): Promise<OrderNews[]> {
  if (orderIds.length === 0) return [];
  const rows = await q.all<NewsRow>(
    `SELECT o.id, o.order_no, o.source, o.buyer_nick, o.platform_status, o.total, o.paid_amount, o.placed_at, o.paid_at,
            (SELECT json_group_array(json_object('skuId', i.sku_id, 'skuCode', i.sku_code, 'quantity', i.quantity, 'price', i.price, 'refundState', i.refund_state))
               FROM (SELECT * FROM fulfillment_order_items WHERE order_id = o.id ORDER BY id) i) AS items
       FROM fulfillment_orders o WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
    [JSON.stringify(orderIds)],
  );
  return rows.map((r) => ({
    orderId: r.id,
    orderNo: r.order_no,
    source: r.source,
    buyerNick: r.buyer_nick,
    platformStatus: r.platform_status,
    total: r.total,
    paidAmount: r.paid_amount,
    placedAt: r.placed_at,
    paidAt: r.paid_at,
    items: JSON.parse(r.items) as OrderNews['items'],
  }));
}
