import { ConflictError, NotFoundError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { StepBy } from '../shared/actor.js';
import { startingWith } from '../shared/like-text.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import type { SkuPlan } from './pick-plan.js';
import type { Replenishment, ReplenishmentStatus } from './wave-types.js';

interface ReplenishmentRow {
  id: number;
  wave_id: number | null;
  wave_no: string | null;
  sku_id: number;
  sku_code: string | null;
  sku_title: string | null;
  from_code: string;
  to_code: string;
  from_location_id: number;
  to_location_id: number;
  qty: number;
  status: ReplenishmentStatus;
  created_at: string;
  done_by: number | null;
  done_at: string | null;
}

const SELECT = `SELECT r.*, w.wave_no, f.code AS from_code, t.code AS to_code,
    (SELECT i.sku_code FROM fulfillment_order_items i WHERE i.sku_id = r.sku_id LIMIT 1) AS sku_code,
    (SELECT i.title FROM fulfillment_order_items i WHERE i.sku_id = r.sku_id LIMIT 1) AS sku_title
  FROM fulfillment_replenishments r
  JOIN fulfillment_locations f ON f.id = r.from_location_id
  JOIN fulfillment_locations t ON t.id = r.to_location_id
  LEFT JOIN fulfillment_waves w ON w.id = r.wave_id`;

const toReplenishment = (r: ReplenishmentRow): Replenishment => ({
  id: r.id,
  waveId: r.wave_id,
  waveNo: r.wave_no,
  skuId: r.sku_id,
  skuCode: r.sku_code ?? `#${r.sku_id}`,
  title: r.sku_title ?? '',
  fromLocationCode: r.from_code,
  toLocationCode: r.to_code,
  qty: r.qty,
  status: r.status,
  createdAt: r.created_at,
  doneBy: r.done_by,
  doneAt: r.done_at,
});

export interface ReplenishmentQuery {
  status?: ReplenishmentStatus;
  wave?: number;
  /** The start of a location code (either end), a wave number or a SKU code. */
  q?: string;
  page: number;
  pageSize: number;
}

/** Replenishment tasks, oldest first (the order they should be done in). */
export async function listReplenishments(q: Queryable, query: ReplenishmentQuery): Promise<{ items: Replenishment[]; total: number; page: number; pageSize: number }> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.status) {
    where.push('r.status = ?');
    params.push(query.status);
  }
  if (query.wave) {
    where.push('r.wave_id = ?');
    params.push(query.wave);
  }
  const text = query.q?.trim();
  if (text) {
    // The SKU's code is known from the order lines that made the task.
    where.push(`(f.code LIKE ? ESCAPE '\\' OR t.code LIKE ? ESCAPE '\\' OR w.wave_no LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM fulfillment_order_items i WHERE i.sku_id = r.sku_id AND i.sku_code LIKE ? ESCAPE '\\'))`);
    params.push(startingWith(text.toUpperCase()), startingWith(text.toUpperCase()), startingWith(text.toUpperCase()), startingWith(text));
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = (await q.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM fulfillment_replenishments r
      JOIN fulfillment_locations f ON f.id = r.from_location_id
      JOIN fulfillment_locations t ON t.id = r.to_location_id
      LEFT JOIN fulfillment_waves w ON w.id = r.wave_id${clause}`,
    params,
  ))!.n;
  const rows = await q.all<ReplenishmentRow>(`${SELECT}${clause} ORDER BY r.id LIMIT ? OFFSET ?`, [...params, query.pageSize, (query.page - 1) * query.pageSize]);
  return { items: rows.map(toReplenishment), total, page: query.page, pageSize: query.pageSize };
}

export async function waveReplenishments(q: Queryable, waveId: number): Promise<Replenishment[]> {
  const rows = await q.all<ReplenishmentRow>(`${SELECT} WHERE r.wave_id = ? ORDER BY r.id`, [waveId]);
  return rows.map(toReplenishment);
}

/**
 * Tasks that refill the pick faces a new wave finds short, from storage bins in path order. Each
 * move is the shortfall, rounded up to fill the face to its capacity when it has one; storage that
 * holds less gives what it has, and the pick list then shows the rest where it lies.
 */
export async function createReplenishments(tx: Transaction, waveId: number, plans: SkuPlan[], now: string): Promise<void> {
  for (const plan of plans) {
    if (plan.shortfall <= 0 || !plan.face) continue;
    const capacity = plan.face.capacity;
    let wanted = capacity === null ? plan.shortfall : Math.max(plan.shortfall, capacity - plan.faceLeft);
    for (const { bin, left } of plan.storage) {
      if (wanted <= 0) break;
      const qty = Math.min(left, wanted);
      if (qty <= 0) continue;
      await tx.run(
        'INSERT INTO fulfillment_replenishments (wave_id, sku_id, from_location_id, to_location_id, qty, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [waveId, plan.skuId, bin.id, plan.face.id, qty, 'open', now],
      );
      wanted -= qty;
    }
  }
}

/** A cancelled wave no longer needs its open tasks. */
export async function cancelOpenReplenishments(tx: Transaction, waveId: number): Promise<void> {
  await tx.run("UPDATE fulfillment_replenishments SET status = 'cancelled' WHERE wave_id = ? AND status = 'open'", [waveId]);
}

/** Moves a task's stock storage → pick face (two transfer movements, reason 补货) and closes the task. */
export async function completeReplenishment(ctx: PluginContext, stock: StockOps, id: number, by: StepBy): Promise<Replenishment> {
  return ctx.db.transaction(async (tx) => {
    const task = await tx.get<ReplenishmentRow>(`${SELECT} WHERE r.id = ?`, [id]);
    if (!task) throw new NotFoundError({ 'zh-CN': `补货任务 ${id} 不存在`, en: `Replenishment task ${id} does not exist` });
    if (task.status !== 'open') {
      const zh = task.status === 'done' ? '已经完成' : '已经取消（波次已取消）';
      throw new ConflictError({ 'zh-CN': `补货任务 ${id} ${zh}，不用再做`, en: `Replenishment task ${id} is already ${task.status}; nothing to do` });
    }
    const held = await tx.get<{ qty: number }>('SELECT qty FROM fulfillment_stock WHERE location_id = ? AND sku_id = ?', [task.from_location_id, task.sku_id]);
    const code = task.sku_code ?? `#${task.sku_id}`;
    if ((held?.qty ?? 0) < task.qty) {
      throw new ConflictError({
        'zh-CN': `储位 ${task.from_code} 现在只有 ${code} ${held?.qty ?? 0} 件，不够补货 ${task.qty} 件；请核对储位库存，或从别的储位移库到拣货位 ${task.to_code}`,
        en: `Storage bin ${task.from_code} now holds only ${held?.qty ?? 0} of ${code}, not the ${task.qty} to move; check the bin, or transfer from another one to ${task.to_code}`,
      });
    }
    const reference = task.wave_no ?? `RP${task.id}`;
    const base = { kind: 'transfer' as const, skuId: task.sku_id, reference, reason: '补货', by };
    await stock.post(tx, [
      { ...base, locationId: task.from_location_id, qty: -task.qty },
      { ...base, locationId: task.to_location_id, qty: task.qty },
    ]);
    await tx.run("UPDATE fulfillment_replenishments SET status = 'done', done_by = ?, done_at = ? WHERE id = ?", [by.id, ctx.now(), id]);
    return toReplenishment((await tx.get<ReplenishmentRow>(`${SELECT} WHERE r.id = ?`, [id]))!);
  });
}
