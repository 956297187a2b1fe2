import { ConflictError, InputError, NotFoundError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { Location, LocationKind } from '../../shared/records.js';
import { CatalogToken } from '../tokens.js';
import { derivedPathOrder, parseLocationCode, type LocationParts } from './location-code.js';
import { skuNames } from './sku-names.js';

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

/** Locations in path order (the order a picker walks them); `q` is a code prefix or a SKU's 商家编码. */
export async function listLocations(ctx: PluginContext, q: Queryable, query: LocationListQuery) {
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
    args.push(`${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (sku) args.push(sku.id);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_locations l ${filter}`, args))!.n;
  const rows = await q.all<LocationRow>(`${SELECT} ${filter} ORDER BY l.path_order, l.code LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
  return { items: await toLocations(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function readLocation(ctx: PluginContext, q: Queryable, id: number): Promise<Location> {
  const row = await q.get<LocationRow>(`${SELECT} WHERE l.id = ?`, [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': '库位不存在', en: 'No such location' });
  return (await toLocations(ctx, [row]))[0]!;
}

/** The location with this code, or a 400 naming the code (and the field it came from). */
export async function locationByCode(q: Queryable, code: string, path: string): Promise<{ id: number; code: string; kind: LocationKind; active: number; sku_id: number | null }> {
  const row = await q.get<{ id: number; code: string; kind: LocationKind; active: number; sku_id: number | null }>(
    'SELECT id, code, kind, active, sku_id FROM fulfillment_locations WHERE code = ?',
    [code.trim().toUpperCase()],
  );
  if (!row) {
    throw new InputError(
      { 'zh-CN': `库位 ${code} 不存在：请先建好库位，或检查编号是否写错`, en: `There is no location ${code}: create it first, or check the code` },
      { errors: [{ path, in: 'body', message: code }] },
    );
  }
  return row;
}

/** Refuses to put stock into a location taken out of use. */
export function requireActive(location: { code: string; active: number }): void {
  if (location.active !== 1) {
    throw new ConflictError({ 'zh-CN': `库位 ${location.code} 已停用，不能放货；请换一个库位或先启用它`, en: `Location ${location.code} is out of use; choose another or bring it back into use first` });
  }
}

export interface NewLocation {
  code: string;
  kind?: LocationKind;
  pathOrder?: number;
  capacity?: number | null;
}

/** Inserts one location; a code already in use is a 409 naming it. Answers the new id. */
export async function insertLocation(tx: Transaction, parts: LocationParts, code: string, input: Omit<NewLocation, 'code'>, now: string): Promise<number> {
  const taken = await tx.get('SELECT id FROM fulfillment_locations WHERE code = ?', [code]);
  if (taken) throw new ConflictError({ 'zh-CN': `库位 ${code} 已经有了，不用再建`, en: `Location ${code} already exists` });
  const { lastId } = await tx.run(
    `INSERT INTO fulfillment_locations (code, zone, shelf, level, bin, kind, path_order, capacity, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [code, parts.zone, parts.shelf, parts.level, parts.bin, input.kind ?? 'pick', input.pathOrder ?? derivedPathOrder(parts), input.capacity ?? null, now, now],
  );
  return lastId;
}

export async function createLocation(tx: Transaction, input: NewLocation, now: string): Promise<number> {
  const parts = parseLocationCode(input.code);
  return insertLocation(tx, parts, `${parts.zone}-${parts.shelf}-${parts.level}-${parts.bin}`, input, now);
}
