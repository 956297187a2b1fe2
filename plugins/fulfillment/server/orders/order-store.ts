import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { OrderDetail } from '../types.js';
import { toItem, toOrder, toRemark, type ItemRow, type OrderRow, type RemarkRow } from './order-record.js';

export const orderMissing = (id: number | string) =>
  new NotFoundError({ 'zh-CN': `找不到订单 ${id}：可能已被删除或编号有误，请回到订单列表重新查找`, en: `Order ${id} was not found; it may have been removed or the number is wrong — look it up in the order list again` });

export function orderRow(q: Queryable, id: number): Promise<OrderRow | undefined> {
  return q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [id]);
}

export async function requireOrderRow(q: Queryable, id: number): Promise<OrderRow> {
  const row = await orderRow(q, id);
  if (!row) throw orderMissing(id);
  return row;
}

export function itemRows(q: Queryable, orderId: number): Promise<ItemRow[]> {
  return q.all<ItemRow>('SELECT * FROM fulfillment_order_items WHERE order_id = ? ORDER BY id', [orderId]);
}

export async function detailOf(q: Queryable, row: OrderRow, showCustomer: boolean): Promise<OrderDetail> {
  const [items, remarks] = await Promise.all([
    itemRows(q, row.id),
    q.all<RemarkRow>('SELECT * FROM fulfillment_order_remarks WHERE order_id = ? ORDER BY id', [row.id]),
  ]);
  return { ...toOrder(row, showCustomer), items: items.map(toItem), remarks: remarks.map(toRemark) };
}

export async function readDetail(q: Queryable, id: number, showCustomer: boolean): Promise<OrderDetail> {
  return detailOf(q, await requireOrderRow(q, id), showCustomer);
}

export async function remarkCount(q: Queryable, orderId: number): Promise<number> {
  return (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM fulfillment_order_remarks WHERE order_id = ?', [orderId]))?.n ?? 0;
}

export interface HistoryEntry {
  id: number;
  action: string;
  from: string | null;
  to: string | null;
  actorId: number | null;
  actorName: string;
  at: string;
  detail: Record<string, unknown>;
}

/** Every step of the order, oldest first (责任到人). */
export async function readHistory(q: Queryable, orderId: number): Promise<HistoryEntry[]> {
  await requireOrderRow(q, orderId);
  const rows = await q.all<{ id: number; action: string; from_status: string | null; to_status: string | null; actor_id: number | null; actor_name: string; at: string; detail: string }>(
    'SELECT * FROM fulfillment_order_history WHERE order_id = ? ORDER BY id',
    [orderId],
  );
  return rows.map((r) => ({ id: r.id, action: r.action, from: r.from_status, to: r.to_status, actorId: r.actor_id, actorName: r.actor_name, at: r.at, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
