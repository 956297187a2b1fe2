import { ConflictError, NotFoundError, type Transaction } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES, type OrderStatus } from '../../shared/state-names.js';
import type { StepBy } from '../shared/actor.js';

/**
 * Where an order may go from each shop state. 已审核 → 已拣货 is the wave's pick, 已拣货 → 已复核
 * the verification station, 已复核 → 已发货 shipping; review may send an order back to 待审核
 * until it is picked. A shipped or closed order does not move again here (after-sales takes over).
 */
export const ORDER_MOVES: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['approved', 'exception', 'fraud', 'closed'],
  exception: ['pending', 'approved', 'fraud', 'closed'],
  fraud: ['pending', 'closed'],
  approved: ['pending', 'exception', 'picked', 'closed'],
  // A single-item order may ship straight from picking; multi-item orders are verified first.
  picked: ['verified', 'approved', 'shipped'],
  verified: ['shipped', 'picked'],
  shipped: [],
  closed: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_MOVES[from].includes(to);
}

/** The refusal for a move the state does not allow, in the clerk's words. */
export function refusedMove(orderNo: string, from: OrderStatus, to: OrderStatus): ConflictError {
  return new ConflictError({
    'zh-CN': `订单 ${orderNo} 现在是「${ORDER_STATUS_NAMES[from]['zh-CN']}」，不能改为「${ORDER_STATUS_NAMES[to]['zh-CN']}」`,
    en: `Order ${orderNo} is "${ORDER_STATUS_NAMES[from].en}"; it cannot become "${ORDER_STATUS_NAMES[to].en}"`,
  });
}

export interface MoveOptions {
  /** The version the caller read; a stale one is a 409. Left out by batch work that just read the row. */
  version?: number;
  /** History action, e.g. `approve`, `pick`, `verify`, `ship`. */
  action: string;
  by: StepBy;
  at: string;
  /** Other columns to set with the move, e.g. `{ reviewed_by: 3, reviewed_at: now }`. */
  set?: Record<string, string | number | null>;
  detail?: Record<string, unknown>;
  /**
   * The order's picked goods went back on the shelf (a `putback` ledger row says so): an order
   * picked or verified may then leave the warehouse's way, to 异常 or 已关闭.
   */
  goodsBack?: boolean;
  /** The order as the caller just read it in this transaction; spares the read in batch work. */
  current?: { order_no: string; status: OrderStatus; version: number };
}

/**
 * Moves one order to `to` in the caller's transaction: checks the move, bumps the version, sets
 * the extra columns and writes the history row with who did it. Answers the new version.
 */
export async function moveOrder(tx: Transaction, orderId: number, to: OrderStatus, options: MoveOptions): Promise<number> {
  const order = options.current ?? (await tx.get<{ order_no: string; status: OrderStatus; version: number }>('SELECT order_no, status, version FROM fulfillment_orders WHERE id = ?', [orderId]));
  if (!order) throw new NotFoundError({ 'zh-CN': '订单不存在', en: 'No such order' });
  if (options.version !== undefined && options.version !== order.version) {
    throw new ConflictError({ 'zh-CN': `订单 ${order.order_no} 刚被别人修改过，请刷新后再操作`, en: `Order ${order.order_no} was changed by someone else; reload and try again` });
  }
  const back = options.goodsBack === true && (order.status === 'picked' || order.status === 'verified') && (to === 'exception' || to === 'closed');
  if (order.status !== to && !canMove(order.status, to) && !back) throw refusedMove(order.order_no, order.status, to);
  const version = await tx.updateVersioned('fulfillment_orders', { id: orderId, version: order.version }, { status: to, updated_at: options.at, ...(options.set ?? {}) });
  await recordHistory(tx, orderId, { action: options.action, by: options.by, at: options.at, from: order.status, to, detail: options.detail });
  return version;
}

/** One line of an order's history: what happened, by whom and when, and the states it moved between. */
export interface HistoryStep {
  action: string;
  by: StepBy;
  at: string;
  from?: OrderStatus;
  to?: OrderStatus;
  detail?: Record<string, unknown>;
}

/** Writes one history row; `from`/`to` only for state moves. */
export async function recordHistory(tx: Transaction, orderId: number, step: HistoryStep): Promise<void> {
  await tx.run(
    'INSERT INTO fulfillment_order_history (order_id, action, from_status, to_status, actor_id, actor_name, at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [orderId, step.action, step.from ?? null, step.to ?? null, step.by.id, step.by.name, step.at, JSON.stringify(step.detail ?? {})],
  );
}
