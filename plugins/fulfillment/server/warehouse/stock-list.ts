import type { PluginContext, Queryable } from '@workbench/plugin-api';
import type { StockItem } from '../../shared/records.js';
import { CatalogToken } from '../tokens.js';
import { skuNames } from './sku-names.js';
import { startingWith } from '../shared/like-text.js';

export type { StockItem } from '../../shared/records.js';

export interface StockQuery {
  page: number;
  pageSize: number;
  q?: string;
  zone?: string;
  /** Only SKUs whose available stock is below this. */
  low?: number;
  sku?: number;
}

interface TotalsRow {
  sku_id: number;
  on_hand: number;
  reserved: number;
  defective: number;
}

// Every SKU the warehouse knows: stocked, reserved, defective, or carded on a bin.
const TOTALS = `WITH known AS (
    SELECT sku_id FROM fulfillment_stock UNION SELECT sku_id FROM fulfillment_reservations
    UNION SELECT sku_id FROM fulfillment_defective_stock UNION SELECT sku_id FROM fulfillment_locations WHERE sku_id IS NOT NULL
  ), totals AS (
    SELECT k.sku_id,
      COALESCE((SELECT SUM(qty) FROM fulfillment_stock s WHERE s.sku_id = k.sku_id), 0) AS on_hand,
      COALESCE((SELECT SUM(qty) FROM fulfillment_reservations r WHERE r.sku_id = k.sku_id), 0) AS reserved,
      COALESCE((SELECT qty FROM fulfillment_defective_stock d WHERE d.sku_id = k.sku_id), 0) AS defective
    FROM known k
  )`;

/**
 * Stock per SKU, by SKU id. `q` is a 商家编码 or barcode (exact, through the catalog) or the start
 * of a location code; `zone` keeps SKUs with a bin in that zone.
 */
export async function listStock(ctx: PluginContext, q: Queryable, query: StockQuery) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (query.sku !== undefined) {
    where.push('sku_id = ?');
    args.push(query.sku);
  }
  if (query.zone) {
    where.push('sku_id IN (SELECT sku_id FROM fulfillment_locations WHERE zone = ? AND sku_id IS NOT NULL)');
    args.push(query.zone.toUpperCase());
  }
  if (query.low !== undefined) {
    where.push('on_hand - reserved < ?');
    args.push(query.low);
  }
  const text = query.q?.trim();
  if (text) {
    const catalog = ctx.services.get(CatalogToken);
    const sku = (await catalog.skuByCode(text)) ?? (await catalog.skuByBarcode(text));
    where.push(`(sku_id = ? OR sku_id IN (SELECT sku_id FROM fulfillment_locations WHERE code LIKE ? ESCAPE '\\' AND sku_id IS NOT NULL))`);
    args.push(sku?.id ?? 0, startingWith(text.toUpperCase()));
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await q.get<{ n: number }>(`${TOTALS} SELECT COUNT(*) AS n FROM totals ${filter}`, args))!.n;
  const rows = await q.all<TotalsRow>(`${TOTALS} SELECT * FROM totals ${filter} ORDER BY sku_id LIMIT ? OFFSET ?`, [...args, query.pageSize, (query.page - 1) * query.pageSize]);
  return { items: await toStockItems(ctx, q, rows), total, page: query.page, pageSize: query.pageSize };
}

/** One SKU's stock (zeros for a SKU the warehouse has never seen). */
export async function readStockItem(ctx: PluginContext, q: Queryable, skuId: number): Promise<StockItem> {
  const page = await listStock(ctx, q, { page: 1, pageSize: 1, sku: skuId });
  return page.items[0] ?? (await toStockItems(ctx, q, [{ sku_id: skuId, on_hand: 0, reserved: 0, defective: 0 }]))[0]!;
}

async function toStockItems(ctx: PluginContext, q: Queryable, rows: TotalsRow[]): Promise<StockItem[]> {
  if (rows.length === 0) return [];
  const bins = await q.all<{ id: number; code: string; kind: string; sku_id: number; qty: number }>(
    `SELECT l.id, l.code, l.kind, l.sku_id, COALESCE(s.qty, 0) AS qty FROM fulfillment_locations l
     LEFT JOIN fulfillment_stock s ON s.location_id = l.id AND s.sku_id = l.sku_id
     WHERE l.sku_id IN (SELECT value FROM json_each(?)) ORDER BY l.path_order, l.code`,
    [JSON.stringify(rows.map((r) => r.sku_id))],
  );
  const names = await skuNames(ctx, rows.map((r) => r.sku_id));
  return rows.map((r) => ({
    skuId: r.sku_id,
    skuCode: names.get(r.sku_id)?.code ?? `#${r.sku_id}`,
    title: names.get(r.sku_id)?.title ?? '',
    onHand: r.on_hand,
    reserved: r.reserved,
    available: r.on_hand - r.reserved,
    defective: r.defective,
    bins: bins.filter((b) => b.sku_id === r.sku_id).map((b) => ({ locationId: b.id, locationCode: b.code, kind: b.kind, qty: b.qty })),
  }));
}
