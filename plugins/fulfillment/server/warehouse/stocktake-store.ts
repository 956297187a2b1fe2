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

export interface StocktakeListQuery {
  page: number;
  pageSize: number;
  status?: StocktakeStatus;
  zone?: string;
  /** The zone, or text in the name of who started or posted the count. */
  q?: string;
}

export interface LineKey {
  locationId: number;
  skuId: number;
}

type LineState = { book_qty: number; counted_qty: number | null; reason: string | null; code: string };

/** Reads of 盘点单; any Queryable will do. */
export interface StocktakeReader {
  /** The sheet with its lines in path order, or a 404. */
  require(id: number): Promise<Stocktake>;
  /** Sheets, newest first, with their totals. */
  list(query: StocktakeListQuery): Promise<{ items: StocktakeSummary[]; total: number; page: number; pageSize: number }>;
}

/** 盘点单 over `fulfillment_stocktakes` and `_lines`, inside the caller's transaction. */
export interface StocktakeStore extends StocktakeReader {
  /**
   * Opens a count of one zone: every active bin carded with a SKU gets a line, its book quantity
   * frozen now. One open count per zone, so two sheets never adjust the same bins.
   */
  open(zone: string, by: StepBy, now: string): Promise<number>;
  /** The count, when it is still open; posted and cancelled counts no longer change. */
  requireCounting(id: number): Promise<StocktakeRow>;
  /** The line for a bin and SKU on this sheet, or a 400 (at `path`) saying the bin is not on it. */
  requireLine(id: number, key: LineKey, path: string): Promise<LineState>;
  /** Writes a bin's counted quantity; a reason given replaces the one on the line. */
  recordCount(id: number, count: LineKey & { counted: number; reason?: string | null }): Promise<void>;
  /** Writes why a bin differs from the book. */
  recordReason(id: number, given: LineKey & { reason: string }): Promise<void>;
  /** Moves the sheet's version on (a stale one is a 409), changing `changes` with it. */
  update(id: number, version: number, changes: Record<string, string | number | null>): Promise<void>;
}

/** The stocktake store over a transaction (reads and writes) or any Queryable (reads only); `ctx` gives it the catalog. */
export function stocktakeStore(tx: Transaction, ctx: PluginContext): StocktakeStore;
export function stocktakeStore(q: Queryable, ctx: PluginContext): StocktakeReader;
export function stocktakeStore(q: Queryable, ctx: PluginContext): StocktakeReader {
  return new DbStocktakeStore(q as Transaction, ctx);
}

class DbStocktakeStore implements StocktakeStore {
  constructor(
    private readonly tx: Transaction,
    private readonly ctx: PluginContext,
  ) {}

  async require(id: number): Promise<Stocktake> {
    const row = await this.tx.get<StocktakeRow>('SELECT * FROM fulfillment_stocktakes WHERE id = ?', [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': '盘点单不存在', en: 'No such stocktake' });
    const lines = await this.tx.all<LineRow>(`${LINES} WHERE t.stocktake_id = ? ORDER BY l.path_order, l.code`, [id]);
    const names = await skuNames(this.ctx, lines.map((l) => l.sku_id));
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

  async list(query: StocktakeListQuery) {
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
    const total = (await this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_stocktakes ${filter}`, args))!.n;
    const rows = await this.tx.all<StocktakeRow>(`SELECT * FROM fulfillment_stocktakes ${filter} ORDER BY id DESC LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
    const lines = rows.length ? await this.tx.all<LineRow>(`${LINES} WHERE t.stocktake_id IN (SELECT value FROM json_each(?))`, [JSON.stringify(rows.map((r) => r.id))]) : [];
    const items = rows.map((r) => summary(r, lines.filter((l) => l.stocktake_id === r.id)));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async open(zone: string, by: StepBy, now: string): Promise<number> {
    const open = await this.tx.get<{ id: number }>("SELECT id FROM fulfillment_stocktakes WHERE zone = ? AND status = 'counting'", [zone]);
    if (open) throw new ConflictError({ 'zh-CN': `${zone} 区已有一张盘点单（#${open.id}）在盘，请先过账或作废它`, en: `Zone ${zone} already has a count in progress (#${open.id}); post or cancel it first` });
    const bins = await this.tx.all<{ id: number; sku_id: number; qty: number }>(
      `SELECT l.id, l.sku_id, COALESCE(s.qty, 0) AS qty FROM fulfillment_locations l
       LEFT JOIN fulfillment_stock s ON s.location_id = l.id AND s.sku_id = l.sku_id
       WHERE l.zone = ? AND l.active = 1 AND l.sku_id IS NOT NULL ORDER BY l.path_order`,
      [zone],
    );
    if (bins.length === 0) throw new InputError({ 'zh-CN': `${zone} 区没有放货的库位，无需盘点；请检查区号`, en: `Zone ${zone} has no bins holding goods; check the zone` });
    const { lastId } = await this.tx.run('INSERT INTO fulfillment_stocktakes (zone, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?)', [zone, by.id, by.name, now]);
    for (const bin of bins) {
      await this.tx.run('INSERT INTO fulfillment_stocktake_lines (stocktake_id, location_id, sku_id, book_qty) VALUES (?, ?, ?, ?)', [lastId, bin.id, bin.sku_id, bin.qty]);
    }
    return lastId;
  }

  async requireCounting(id: number): Promise<StocktakeRow> {
    const row = await this.tx.get<StocktakeRow>('SELECT * FROM fulfillment_stocktakes WHERE id = ?', [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': '盘点单不存在', en: 'No such stocktake' });
    if (row.status !== 'counting') {
      const state = row.status === 'posted' ? '已过账' : '已作废';
      throw new ConflictError({ 'zh-CN': `盘点单 #${id} ${state}，不能再改；如需重盘请新建盘点单`, en: `Stocktake #${id} is ${row.status}; start a new count instead` });
    }
    return row;
  }

  async recordCount(id: number, count: LineKey & { counted: number; reason?: string | null }): Promise<void> {
    await this.tx.run(
      'UPDATE fulfillment_stocktake_lines SET counted_qty = ?, reason = COALESCE(?, reason) WHERE stocktake_id = ? AND location_id = ? AND sku_id = ?',
      [count.counted, count.reason?.trim() || null, id, count.locationId, count.skuId],
    );
  }

  async recordReason(id: number, given: LineKey & { reason: string }): Promise<void> {
    await this.tx.run('UPDATE fulfillment_stocktake_lines SET reason = ? WHERE stocktake_id = ? AND location_id = ? AND sku_id = ?', [given.reason, id, given.locationId, given.skuId]);
  }

  async update(id: number, version: number, changes: Record<string, string | number | null>): Promise<void> {
    await this.tx.updateVersioned('fulfillment_stocktakes', { id, version }, changes);
  }

  async requireLine(id: number, key: LineKey, path: string): Promise<LineState> {
    const line = await this.tx.get<LineState>(
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
}
