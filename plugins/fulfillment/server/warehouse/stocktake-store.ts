import { ConflictError, InputError, NotFoundError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { Stocktake, StocktakeStatus, StocktakeSummary } from '../../shared/records.js';
import type { StepBy } from '../shared/actor.js';
import { containing } from '../shared/like-text.js';
import { skuNames } from './sku-names.js';

interface StocktakeRow {
  id: number;
  zone: string;
  status: StocktakeStatus;
  created_by_name: string;
  created_at: string;
  posted_by_name: string | null;
  posted_at: string | null;
  version: number;
}

interface LineRow {
  stocktake_id: number;
  location_id: number;
  location_code: string;
  path_order: number;
  sku_id: number;
  book_qty: number;
  counted_qty: number | null;
  reason: string | null;
  current_qty: number;
}

const LINES = `SELECT t.*, l.code AS location_code, l.path_order, COALESCE(s.qty, 0) AS current_qty
  FROM fulfillment_stocktake_lines t JOIN fulfillment_locations l ON l.id = t.location_id
  LEFT JOIN fulfillment_stock s ON s.location_id = t.location_id AND s.sku_id = t.sku_id`;

function totals(lines: LineRow[]): StocktakeSummary['totals'] {
  const counted = lines.filter((l) => l.counted_qty !== null);
  return {
    bins: lines.length,
    counted: counted.length,
    uncounted: lines.length - counted.length,
    book: lines.reduce((n, l) => n + l.book_qty, 0),
    countedQty: counted.reduce((n, l) => n + l.counted_qty!, 0),
    difference: counted.reduce((n, l) => n + l.counted_qty! - l.book_qty, 0),
    binsWithDifference: counted.filter((l) => l.counted_qty !== l.book_qty).length,
  };
}

function summary(row: StocktakeRow, lines: LineRow[]): StocktakeSummary {
  return {
    id: row.id,
    zone: row.zone,
    status: row.status,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    postedByName: row.posted_by_name,
    postedAt: row.posted_at,
    version: row.version,
    totals: totals(lines),
  };
}

export async function readStocktake(ctx: PluginContext, q: Queryable, id: number): Promise<Stocktake> {
  const row = await q.get<StocktakeRow>('SELECT * FROM fulfillment_stocktakes WHERE id = ?', [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': '盘点单不存在', en: 'No such stocktake' });
  const lines = await q.all<LineRow>(`${LINES} WHERE t.stocktake_id = ? ORDER BY l.path_order, l.code`, [id]);
  const names = await skuNames(ctx, lines.map((l) => l.sku_id));
  return {
    ...summary(row, lines),
    lines: lines.map((l) => ({
      locationId: l.location_id,
      locationCode: l.location_code,
      pathOrder: l.path_order,
      skuId: l.sku_id,
      skuCode: names.get(l.sku_id)?.code ?? `#${l.sku_id}`,
      title: names.get(l.sku_id)?.title ?? '',
      book: l.book_qty,
      counted: l.counted_qty,
      difference: l.counted_qty === null ? null : l.counted_qty - l.book_qty,
      current: l.current_qty,
      reason: l.reason,
    })),
  };
}

export interface StocktakeListQuery {
  page: number;
  pageSize: number;
  status?: StocktakeStatus;
  zone?: string;
  /** The zone, or text in the name of who started or posted the count. */
  q?: string;
}

export async function listStocktakes(q: Queryable, query: StocktakeListQuery) {
  const where: string[] = [];
  const args: string[] = [];
  if (query.status) {
    where.push('status = ?');
    args.push(query.status);
  }
  if (query.zone) {
    where.push('zone = ?');
    args.push(query.zone.toUpperCase());
  }
  const text = query.q?.trim();
  if (text) {
    // The list's search box: a sheet has no title, so a clerk looks for its zone or its counter.
    where.push("(zone = ? OR created_by_name LIKE ? ESCAPE '\\' OR posted_by_name LIKE ? ESCAPE '\\')");
    args.push(text.toUpperCase(), containing(text), containing(text));
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_stocktakes ${filter}`, args))!.n;
  const rows = await q.all<StocktakeRow>(`SELECT * FROM fulfillment_stocktakes ${filter} ORDER BY id DESC LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
  const lines = rows.length ? await q.all<LineRow>(`${LINES} WHERE t.stocktake_id IN (SELECT value FROM json_each(?))`, [JSON.stringify(rows.map((r) => r.id))]) : [];
  const items = rows.map((r) => summary(r, lines.filter((l) => l.stocktake_id === r.id)));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Opens a count of one zone: every active bin carded with a SKU gets a line, its book quantity
 * frozen now. One open count per zone, so two sheets never adjust the same bins.
 */
export async function openStocktake(tx: Transaction, zone: string, by: StepBy, now: string): Promise<number> {
  const open = await tx.get<{ id: number }>("SELECT id FROM fulfillment_stocktakes WHERE zone = ? AND status = 'counting'", [zone]);
  if (open) throw new ConflictError({ 'zh-CN': `${zone} 区已有一张盘点单（#${open.id}）在盘，请先过账或作废它`, en: `Zone ${zone} already has a count in progress (#${open.id}); post or cancel it first` });
  const bins = await tx.all<{ id: number; sku_id: number; qty: number }>(
    `SELECT l.id, l.sku_id, COALESCE(s.qty, 0) AS qty FROM fulfillment_locations l
     LEFT JOIN fulfillment_stock s ON s.location_id = l.id AND s.sku_id = l.sku_id
     WHERE l.zone = ? AND l.active = 1 AND l.sku_id IS NOT NULL ORDER BY l.path_order`,
    [zone],
  );
  if (bins.length === 0) throw new InputError({ 'zh-CN': `${zone} 区没有放货的库位，无需盘点；请检查区号`, en: `Zone ${zone} has no bins holding goods; check the zone` });
  const { lastId } = await tx.run('INSERT INTO fulfillment_stocktakes (zone, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?)', [zone, by.id, by.name, now]);
  for (const bin of bins) {
    await tx.run('INSERT INTO fulfillment_stocktake_lines (stocktake_id, location_id, sku_id, book_qty) VALUES (?, ?, ?, ?)', [lastId, bin.id, bin.sku_id, bin.qty]);
  }
  return lastId;
}

/** The count, when it is still open; posted and cancelled counts no longer change. */
export async function requireCounting(tx: Transaction, id: number): Promise<StocktakeRow> {
  const row = await tx.get<StocktakeRow>('SELECT * FROM fulfillment_stocktakes WHERE id = ?', [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': '盘点单不存在', en: 'No such stocktake' });
  if (row.status !== 'counting') {
    const state = row.status === 'posted' ? '已过账' : '已作废';
    throw new ConflictError({ 'zh-CN': `盘点单 #${id} ${state}，不能再改；如需重盘请新建盘点单`, en: `Stocktake #${id} is ${row.status}; start a new count instead` });
  }
  return row;
}

export interface LineKey {
  locationId: number;
  skuId: number;
}

/** The line for a bin and SKU on this sheet, or a 400 saying the bin is not on it. */
export async function requireLine(tx: Transaction, id: number, key: LineKey, path: string): Promise<{ book_qty: number; counted_qty: number | null; reason: string | null; code: string }> {
  const line = await tx.get<{ book_qty: number; counted_qty: number | null; reason: string | null; code: string }>(
    `SELECT t.book_qty, t.counted_qty, t.reason, l.code FROM fulfillment_stocktake_lines t JOIN fulfillment_locations l ON l.id = t.location_id
     WHERE t.stocktake_id = ? AND t.location_id = ? AND t.sku_id = ?`,
    [id, key.locationId, key.skuId],
  );
  if (!line) {
    throw new InputError(
      { 'zh-CN': `库位 ${key.locationId} 的 SKU ${key.skuId} 不在盘点单 #${id} 上，请核对`, en: `Location ${key.locationId} with SKU ${key.skuId} is not on stocktake #${id}; check it` },
      { errors: [{ path, in: 'body', message: `${key.locationId}/${key.skuId}` }] },
    );
  }
  return line;
}
