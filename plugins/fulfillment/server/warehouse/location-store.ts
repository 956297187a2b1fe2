import { ConflictError, InputError, NotFoundError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { Location, LocationKind } from '../../shared/records.js';
import { CatalogToken } from '../tokens.js';
import { derivedPathOrder, locationCode, parseLocationCode, type LocationParts } from './location-code.js';
import { skuNames } from './sku-names.js';
import { startingWith } from '../shared/like-text.js';

export type { Location, LocationKind } from '../../shared/records.js';

interface LocationRow {
  id: number;
  code: string;
  zone: string;
  shelf: string;
  level: string;
  bin: string;
  kind: LocationKind;
  path_order: number;
  sku_id: number | null;
  capacity: number | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  qty: number;
}

// The bin's quantity is the stock of the SKU on its card (one SKU per bin).
const SELECT = `SELECT l.*, COALESCE((SELECT s.qty FROM fulfillment_stock s WHERE s.location_id = l.id AND s.sku_id = l.sku_id), 0) AS qty
  FROM fulfillment_locations l`;

async function toLocations(ctx: PluginContext, rows: LocationRow[]): Promise<Location[]> {
  const names = await skuNames(ctx, rows.flatMap((r) => (r.sku_id === null ? [] : [r.sku_id])));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    zone: r.zone,
    shelf: r.shelf,
    level: r.level,
    bin: r.bin,
    kind: r.kind,
    pathOrder: r.path_order,
    capacity: r.capacity,
    active: r.active === 1,
    skuId: r.sku_id,
    skuCode: r.sku_id === null ? null : (names.get(r.sku_id)?.code ?? null),
    qty: r.qty,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export interface LocationListQuery {
  page: number;
  pageSize: number;
  q?: string;
  zone?: string;
  kind?: LocationKind;
  sku?: number;
  active?: boolean;
}

export interface NewLocation {
  code: string;
  kind?: LocationKind;
  pathOrder?: number;
  capacity?: number | null;
}

/** A location as stock moves see it. */
export interface LocationRef {
  id: number;
  code: string;
  kind: LocationKind;
  active: number;
  sku_id: number | null;
}

/** Reads of 库位; any Queryable will do. */
export interface LocationReader {
  /** Locations in path order (the order a picker walks them); `q` is a code prefix or a SKU's 商家编码. */
  list(query: LocationListQuery): Promise<{ items: Location[]; total: number; page: number; pageSize: number }>;
  /** The location, or a 404. */
  require(id: number): Promise<Location>;
  /** The location with this code, or a 400 naming the code (and the field it came from). */
  byCode(code: string, path: string): Promise<LocationRef>;
  /** The bin named, or else the SKU's own bin: its first pick face, or (with `anyKind`, for returns) any bin of it. */
  putAwayBin(sku: { id: number; code: string }, options: { locationCode?: string; anyKind: boolean }): Promise<number>;
}

/** 库位 over `fulfillment_locations`, inside the caller's transaction. */
export interface LocationStore extends LocationReader {
  /** Inserts one location; a code already in use is a 409 naming it. Answers the new id. */
  insert(parts: LocationParts, input: Omit<NewLocation, 'code'>, now: string): Promise<number>;
  /** Parses the code and inserts the location. Answers the new id. */
  create(input: NewLocation, now: string): Promise<number>;
}

/** The location store over a transaction (reads and writes) or any Queryable (reads only); `ctx` gives it the catalog for SKU codes. */
export function locationStore(tx: Transaction, ctx: PluginContext): LocationStore;
export function locationStore(q: Queryable, ctx: PluginContext): LocationReader;
export function locationStore(q: Queryable, ctx: PluginContext): LocationReader {
  return new DbLocationStore(q as Transaction, ctx);
}

/** Refuses to put stock into a location taken out of use. */
export function requireActive(location: { code: string; active: number }): void {
  if (location.active !== 1) {
    throw new ConflictError({ 'zh-CN': `库位 ${location.code} 已停用，不能放货；请换一个库位或先启用它`, en: `Location ${location.code} is out of use; choose another or bring it back into use first` });
  }
}

class DbLocationStore implements LocationStore {
  constructor(
    private readonly tx: Transaction,
    private readonly ctx: PluginContext,
  ) {}

  async list(query: LocationListQuery) {
    const ctx = this.ctx;
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, value: string | number) => {
      where.push(sql);
      args.push(value);
    };
    if (query.zone) add('l.zone = ?', query.zone.toUpperCase());
    if (query.kind) add('l.kind = ?', query.kind);
    if (query.sku !== undefined) add('l.sku_id = ?', query.sku);
    if (query.active !== undefined) add('l.active = ?', query.active ? 1 : 0);
    const text = query.q?.trim();
    if (text) {
      const sku = await ctx.services.get(CatalogToken).skuByCode(text);
      where.push(`(l.code LIKE ? ESCAPE '\\'${sku ? ' OR l.sku_id = ?' : ''})`);
      args.push(startingWith(text.toUpperCase()));
      if (sku) args.push(sku.id);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_locations l ${filter}`, args))!.n;
    const rows = await this.tx.all<LocationRow>(`${SELECT} ${filter} ORDER BY l.path_order, l.code LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
    return { items: await toLocations(ctx, rows), total, page: query.page, pageSize: query.pageSize };
  }

  async require(id: number): Promise<Location> {
    const row = await this.tx.get<LocationRow>(`${SELECT} WHERE l.id = ?`, [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': '库位不存在', en: 'No such location' });
    return (await toLocations(this.ctx, [row]))[0]!;
  }

  async byCode(code: string, path: string): Promise<LocationRef> {
    const row = await this.tx.get<LocationRef>('SELECT id, code, kind, active, sku_id FROM fulfillment_locations WHERE code = ?', [code.trim().toUpperCase()]);
    if (!row) {
      throw new InputError(
        { 'zh-CN': `库位 ${code} 不存在：请先建好库位，或检查编号是否写错`, en: `There is no location ${code}: create it first, or check the code` },
        { errors: [{ path, in: 'body', message: code }] },
      );
    }
    return row;
  }

  async putAwayBin(sku: { id: number; code: string }, options: { locationCode?: string; anyKind: boolean }): Promise<number> {
    const { locationCode, anyKind } = options;
    if (typeof locationCode === 'string' && locationCode.trim() !== '') {
      const bin = await this.byCode(locationCode, '/lines');
      requireActive(bin);
      return bin.id;
    }
    const own = await this.tx.get<{ id: number }>(
      `SELECT id FROM fulfillment_locations WHERE sku_id = ? AND active = 1 ${anyKind ? '' : "AND kind = 'pick'"} ORDER BY kind = 'storage', path_order LIMIT 1`,
      [sku.id],
    );
    if (!own) {
      throw new InputError({
        'zh-CN': `${sku.code} 还没有${anyKind ? '' : '拣货'}库位：请先在仓库给它分配库位，或在单据上写明放到哪个库位`,
        en: `${sku.code} has no ${anyKind ? '' : 'pick '}location yet: give it one in the warehouse, or name the location on the document`,
      });
    }
    return own.id;
  }

  async insert(parts: LocationParts, input: Omit<NewLocation, 'code'>, now: string): Promise<number> {
    const code = locationCode(parts);
    const taken = await this.tx.get('SELECT id FROM fulfillment_locations WHERE code = ?', [code]);
    if (taken) throw new ConflictError({ 'zh-CN': `库位 ${code} 已经有了，不用再建`, en: `Location ${code} already exists` });
    const { lastId } = await this.tx.run(
      `INSERT INTO fulfillment_locations (code, zone, shelf, level, bin, kind, path_order, capacity, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [code, parts.zone, parts.shelf, parts.level, parts.bin, input.kind ?? 'pick', input.pathOrder ?? derivedPathOrder(parts), input.capacity ?? null, now, now],
    );
    return lastId;
  }

  create(input: NewLocation, now: string): Promise<number> {
    return this.insert(parseLocationCode(input.code), input, now);
  }
}
