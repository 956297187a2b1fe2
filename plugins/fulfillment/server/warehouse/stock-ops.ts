import { AsyncLocalStorage } from 'node:async_hooks';
import { ConflictError, InputError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { StepBy } from '../shared/actor.js';
import type { StockLine } from '../types.js';

export type MovementKind = 'inbound' | 'outbound' | 'transfer' | 'adjustment' | 'defective' | 'return' | 'putback';

/** One signed movement: + into the location (or the defective stock when `locationId` is null). */
export interface Movement {
  kind: MovementKind;
  skuId: number;
  locationId: number | null;
  qty: number;
  orderId?: number | null;
  reference?: string | null;
  reason?: string;
  /** Allows the balance below zero; the caller checks the override permission and a reason. */
  override?: boolean;
  by: StepBy;
}

/** Who ships the goods out, and how `shipOut` takes them. */
export interface ShipOutOptions {
  by: StepBy;
  /** Let the last bin go negative when the bins hold too little (the caller checks the permission). */
  override?: boolean;
  /** The bin to take each SKU (by id) from first. */
  from?: ReadonlyMap<number, number>;
}

/**
 * The warehouse's primitives, used by every area in its own transaction: movements with their
 * ledger rows, reservations for approved orders, stock taken out for a shipment. Each call that
 * moves stock emits `fulfillment.stock.changed` for the SKUs it touched, inside the transaction.
 */
export class StockOps {
  /** SKUs whose `fulfillment.stock.changed` waits for the end of a `batch`. */
  private readonly deferred = new AsyncLocalStorage<Set<number>>();

  constructor(private readonly ctx: PluginContext) {}

  /**
   * Runs `work` (inside the caller's transaction) announcing the SKUs it moved once, at its end,
   * instead of once per movement: a batch review reserving for hundreds of orders would otherwise
   * make listings re-check its low-stock warnings hundreds of times.
   */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    if (this.deferred.getStore()) return work();
    const skuIds = new Set<number>();
    const result = await this.deferred.run(skuIds, work);
    if (skuIds.size) await this.ctx.events.emit('fulfillment.stock.changed', { skuIds: [...skuIds] });
    return result;
  }

  /** Posts movements in order; answers the balance after each. Refuses a negative balance without override. */
  async post(tx: Transaction, movements: Movement[]): Promise<number[]> {
    const balances: number[] = [];
    const now = this.ctx.now();
    for (const m of movements) {
      if (!Number.isInteger(m.qty) || m.qty === 0) throw new Error(`a movement needs a non-zero whole quantity, got ${m.qty}`);
      balances.push(m.locationId === null ? await this.postDefective(tx, m, now) : await this.postLocation(tx, m, now));
    }
    await this.changed(tx, movements.map((m) => m.skuId));
    return balances;
  }

  private async postLocation(tx: Transaction, m: Movement, now: string): Promise<number> {
    const location = await tx.get<{ code: string; sku_id: number | null }>('SELECT code, sku_id FROM fulfillment_locations WHERE id = ?', [m.locationId]);
    if (!location) throw new InputError({ 'zh-CN': '库位不存在', en: 'No such location' });
    if (location.sku_id !== null && location.sku_id !== m.skuId) {
      throw new ConflictError({
        'zh-CN': `库位 ${location.code} 已放了别的商品：一个库位只放一种 SKU（一物一卡一位）`,
        en: `Location ${location.code} already holds another SKU: one SKU per bin`,
      });
    }
    if (location.sku_id === null) await tx.run('UPDATE fulfillment_locations SET sku_id = ? WHERE id = ?', [m.skuId, m.locationId]);
    await tx.run(
      `INSERT INTO fulfillment_stock (location_id, sku_id, qty) VALUES (?, ?, ?)
       ON CONFLICT (location_id, sku_id) DO UPDATE SET qty = qty + excluded.qty`,
      [m.locationId, m.skuId, m.qty],
    );
    const row = await tx.get<{ qty: number }>('SELECT qty FROM fulfillment_stock WHERE location_id = ? AND sku_id = ?', [m.locationId, m.skuId]);
    const balance = row!.qty;
    if (balance < 0 && !m.override) {
      throw new ConflictError({
        'zh-CN': `库位 ${location.code} 只剩 ${balance - m.qty} 件，不够出 ${-m.qty} 件；库存不能为负（如确需，请由有权限的人填写原因后强制出库）`,
        en: `Location ${location.code} holds only ${balance - m.qty}, not enough for ${-m.qty}; stock cannot go negative without an override and a reason`,
      });
    }
    await this.ledger(tx, m, balance, now);
    return balance;
  }

  private async postDefective(tx: Transaction, m: Movement, now: string): Promise<number> {
    const row = await tx.get<{ qty: number }>('SELECT qty FROM fulfillment_defective_stock WHERE sku_id = ?', [m.skuId]);
    const balance = (row?.qty ?? 0) + m.qty;
    if (balance < 0) {
      throw new ConflictError({ 'zh-CN': `残次库只有 ${row?.qty ?? 0} 件`, en: `The defective stock holds only ${row?.qty ?? 0}` });
    }
    await tx.run(
      'INSERT INTO fulfillment_defective_stock (sku_id, qty) VALUES (?, ?) ON CONFLICT (sku_id) DO UPDATE SET qty = excluded.qty',
      [m.skuId, balance],
    );
    await this.ledger(tx, m, balance, now);
    return balance;
  }

  private async ledger(tx: Transaction, m: Movement, balance: number, now: string): Promise<void> {
    await tx.run(
      `INSERT INTO fulfillment_ledger (at, kind, sku_id, location_id, qty, balance, order_id, reference, reason, override, actor_id, actor_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [now, m.kind, m.skuId, m.locationId, m.qty, balance, m.orderId ?? null, m.reference ?? null, m.reason ?? '', m.override && balance < 0 ? 1 : 0, m.by.id, m.by.name],
    );
  }

  /** Sellable stock: pieces in bins minus reservations. SKUs never stocked nor reserved are absent. */
  async available(q: Queryable, skuIds: number[]): Promise<Map<number, number>> {
    const [onHand, reserved] = await Promise.all([this.onHand(q, skuIds), this.reserved(q, skuIds)]);
    const result = new Map<number, number>();
    for (const id of new Set([...onHand.keys(), ...reserved.keys()])) result.set(id, (onHand.get(id) ?? 0) - (reserved.get(id) ?? 0));
    return result;
  }

  onHand(q: Queryable, skuIds: number[]): Promise<Map<number, number>> {
    return sumBySku(q, 'SELECT sku_id AS id, SUM(qty) AS n FROM fulfillment_stock WHERE sku_id IN (SELECT value FROM json_each(?)) GROUP BY sku_id', skuIds);
  }

  reserved(q: Queryable, skuIds: number[]): Promise<Map<number, number>> {
    return sumBySku(q, 'SELECT sku_id AS id, SUM(qty) AS n FROM fulfillment_reservations WHERE sku_id IN (SELECT value FROM json_each(?)) GROUP BY sku_id', skuIds);
  }

  /** Replaces the order's reservation with `lines` (several lines of one SKU add up). */
  async reserve(tx: Transaction, orderId: number, lines: StockLine[]): Promise<void> {
    await tx.run('DELETE FROM fulfillment_reservations WHERE order_id = ?', [orderId]);
    const bySku = new Map<number, number>();
    for (const l of lines) bySku.set(l.skuId, (bySku.get(l.skuId) ?? 0) + l.qty);
    for (const [skuId, qty] of bySku) await tx.run('INSERT INTO fulfillment_reservations (order_id, sku_id, qty) VALUES (?, ?, ?)', [orderId, skuId, qty]);
    await this.changed(tx, [...bySku.keys()]);
  }

  /**
   * `reserve` for many orders at once (a batch review's slice): each order's reservation replaced
   * by its pieces per SKU, in one DELETE and bulk INSERTs.
   */
  async reserveMany(tx: Transaction, orders: ReadonlyMap<number, ReadonlyMap<number, number>>): Promise<void> {
    await tx.run('DELETE FROM fulfillment_reservations WHERE order_id IN (SELECT value FROM json_each(?))', [JSON.stringify([...orders.keys()])]);
    const rows = [...orders].flatMap(([orderId, bySku]) => [...bySku].map(([skuId, qty]) => [orderId, skuId, qty]));
    await tx.insertMany('fulfillment_reservations', ['order_id', 'sku_id', 'qty'], rows);
    await this.changed(tx, [...orders.values()].flatMap((bySku) => [...bySku.keys()]));
  }

  /** Drops the order's reservation (sent back to review, closed, or shipped). */
  async release(tx: Transaction, orderId: number): Promise<void> {
    const rows = await tx.all<{ sku_id: number }>('SELECT sku_id FROM fulfillment_reservations WHERE order_id = ?', [orderId]);
    if (rows.length === 0) return;
    await tx.run('DELETE FROM fulfillment_reservations WHERE order_id = ?', [orderId]);
    await this.changed(tx, rows.map((r) => r.sku_id));
  }

  /**
   * Takes an order's goods out of the bins (出库 against the order): pick faces in path order
   * first, then storage — or, for a SKU in `options.from`, that bin first (where the pick list
   * sent the picker). Releases its reservation. Refuses, naming the SKU, when the bins hold too
   * little — unless `options.override` (checked by the caller) lets the last bin go negative.
   */
  async shipOut(tx: Transaction, order: { id: number; orderNo: string }, lines: StockLine[], options: ShipOutOptions): Promise<void> {
    const { by } = options;
    const override = options.override ?? false;
    await this.release(tx, order.id);
    const movements: Movement[] = [];
    for (const line of lines) {
      let left = line.qty;
      const first = options.from?.get(line.skuId) ?? null;
      const bins = await tx.all<{ location_id: number; qty: number }>(
        `SELECT s.location_id, s.qty FROM fulfillment_stock s JOIN fulfillment_locations l ON l.id = s.location_id
         WHERE s.sku_id = ? AND s.qty > 0 ORDER BY l.id IS NOT ?, l.kind = 'storage', l.path_order, l.id`,
        [line.skuId, first],
      );
      for (const bin of bins) {
        if (left === 0) break;
        const take = Math.min(bin.qty, left);
        movements.push({ kind: 'outbound', skuId: line.skuId, locationId: bin.location_id, qty: -take, orderId: order.id, reference: order.orderNo, reason: '订单出库', by });
        left -= take;
      }
      if (left > 0) {
        const last = bins.at(-1)?.location_id ?? (await this.anyBinOf(tx, line.skuId));
        if (!override || last === undefined) {
          const code = await tx.get<{ code: string }>('SELECT sku_code AS code FROM fulfillment_order_items WHERE order_id = ? AND sku_id = ?', [order.id, line.skuId]);
          throw new ConflictError({
            'zh-CN': `订单 ${order.orderNo} 的 ${code?.code ?? `SKU ${line.skuId}`} 库存不够，还差 ${left} 件，不能出库`,
            en: `Order ${order.orderNo}: ${code?.code ?? `SKU ${line.skuId}`} is short by ${left}; it cannot leave the warehouse`,
          });
        }
        movements.push({ kind: 'outbound', skuId: line.skuId, locationId: last, qty: -left, orderId: order.id, reference: order.orderNo, reason: '订单出库（强制）', override: true, by });
      }
    }
    if (movements.length) await this.post(tx, movements);
  }

  /**
   * Picked goods of an order that will not ship go back to the shelf: one `putback` row per SKU at
   * the bin the pick list takes it from first. Picking never took them out of the books, so the
   * row moves nothing (qty 0, the bin's balance as it is); it says who put what back, and why.
   */
  async putBack(tx: Transaction, order: { id: number; orderNo: string }, lines: StockLine[], step: { by: StepBy; reason: string }): Promise<void> {
    const { by, reason } = step;
    const now = this.ctx.now();
    for (const line of lines) {
      const bin = await tx.get<{ id: number; qty: number | null }>(
        `SELECT l.id, s.qty FROM fulfillment_locations l LEFT JOIN fulfillment_stock s ON s.location_id = l.id AND s.sku_id = l.sku_id
         WHERE l.sku_id = ? ORDER BY l.kind = 'storage', l.path_order, l.id LIMIT 1`,
        [line.skuId],
      );
      await this.ledger(tx, { kind: 'putback', skuId: line.skuId, locationId: bin?.id ?? null, qty: 0, orderId: order.id, reference: order.orderNo, reason, by }, bin?.qty ?? 0, now);
    }
  }

  private async anyBinOf(tx: Transaction, skuId: number): Promise<number | undefined> {
    const row = await tx.get<{ id: number }>("SELECT id FROM fulfillment_locations WHERE sku_id = ? ORDER BY kind = 'storage', path_order LIMIT 1", [skuId]);
    return row?.id;
  }

  private async changed(_tx: Transaction, skuIds: number[]): Promise<void> {
    const batch = this.deferred.getStore();
    if (batch) {
      for (const id of skuIds) batch.add(id);
      return;
    }
    const unique = [...new Set(skuIds)];
    if (unique.length) await this.ctx.events.emit('fulfillment.stock.changed', { skuIds: unique });
  }
}

async function sumBySku(q: Queryable, sql: string, skuIds: number[]): Promise<Map<number, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await q.all<{ id: number; n: number }>(sql, [JSON.stringify(skuIds)]);
  return new Map(rows.map((r) => [r.id, r.n]));
}
