import type { Queryable } from '@workbench/plugin-api';
import type { Order } from '../types.js';
import { toOrder, type OrderRow } from './order-record.js';
import { orderStore } from './order-store.js';
import { MERGEABLE_STATUSES } from './review-facts.js';

/** Other orders to the same buyer and address that are not picked yet (合并发货), oldest first. */
export async function mergeCandidates(q: Queryable, id: number, showCustomer: boolean): Promise<Order[]> {
  const row = await orderStore(q).requireRow(id);
  if (row.merge_key === '') return [];
  const rows = await q.all<OrderRow>(
    `SELECT * FROM fulfillment_orders WHERE merge_key = ? AND id <> ? AND status IN (${MERGEABLE_STATUSES.map((s) => `'${s}'`).join(', ')}) ORDER BY placed_at, id`,
    [row.merge_key, row.id],
  );
  return rows.map((r) => toOrder(r, showCustomer));
}
