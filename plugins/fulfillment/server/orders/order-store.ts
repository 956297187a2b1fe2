import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { OrderDetail } from '../types.js';
import { toItem, toOrder, toRemark, type ItemRow, type OrderRow, type RemarkRow } from './order-record.js';

export const orderMissing = (id: number | string) =>
  new NotFoundError({ 'zh-CN': `找不到订单 ${id}：可能已被删除或编号有误，请回到订单列表重新查找`, en: `Order ${id} was not found; it may have been removed or the number is wrong — look it up in the order list again` });

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

/**
 * Reads of one order over `fulfillment_orders`, its items, remarks and history. The moves that
 * change an order (review, edit, ship…) write in their own files, each in one transaction.
 */
export interface OrderStore {
  row(id: number): Promise<OrderRow | undefined>;
  /** The order's row, or a 404 a clerk can act on. */
  requireRow(id: number): Promise<OrderRow>;
  items(orderId: number): Promise<ItemRow[]>;
  /** The order with its items and remarks; the receiver masked unless `showCustomer`. */
  detailOf(row: OrderRow, showCustomer: boolean): Promise<OrderDetail>;
  /** `detailOf` for an id, or a 404. */
  detail(id: number, showCustomer: boolean): Promise<OrderDetail>;
  remarkCount(orderId: number): Promise<number>;
  /** Every step of the order, oldest first (责任到人). */
  history(orderId: number): Promise<HistoryEntry[]>;
}

/** The order store over a transaction or any other Queryable. */
export function orderStore(q: Queryable): OrderStore {
  return new DbOrderStore(q);
}

class DbOrderStore implements OrderStore {
  constructor(private readonly q: Queryable) {}

  row(id: number): Promise<OrderRow | undefined> {
    return this.q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [id]);
  }

  async requireRow(id: number): Promise<OrderRow> {
    const row = await this.row(id);
    if (!row) throw orderMissing(id);
    return row;
  }

  items(orderId: number): Promise<ItemRow[]> {
    return this.q.all<ItemRow>('SELECT * FROM fulfillment_order_items WHERE order_id = ? ORDER BY id', [orderId]);
  }

  async detailOf(row: OrderRow, showCustomer: boolean): Promise<OrderDetail> {
    const [items, remarks] = await Promise.all([
      this.items(row.id),
      this.q.all<RemarkRow>('SELECT * FROM fulfillment_order_remarks WHERE order_id = ? ORDER BY id', [row.id]),
    ]);
    return { ...toOrder(row, showCustomer), items: items.map(toItem), remarks: remarks.map(toRemark) };
  }

  async detail(id: number, showCustomer: boolean): Promise<OrderDetail> {
    return this.detailOf(await this.requireRow(id), showCustomer);
  }

  async remarkCount(orderId: number): Promise<number> {
    return (await this.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM fulfillment_order_remarks WHERE order_id = ?', [orderId]))?.n ?? 0;
  }

  async history(orderId: number): Promise<HistoryEntry[]> {
    await this.requireRow(orderId);
    const rows = await this.q.all<{ id: number; action: string; from_status: string | null; to_status: string | null; actor_id: number | null; actor_name: string; at: string; detail: string }>(
      'SELECT * FROM fulfillment_order_history WHERE order_id = ? ORDER BY id',
      [orderId],
    );
    return rows.map((r) => ({ id: r.id, action: r.action, from: r.from_status, to: r.to_status, actorId: r.actor_id, actorName: r.actor_name, at: r.at, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
