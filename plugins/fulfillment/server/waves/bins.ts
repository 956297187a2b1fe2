import type { Queryable } from '@workbench/plugin-api';

/** A location assigned to a SKU (一物一卡一位), with what it holds now. */
export interface Bin {
  id: number;
  code: string;
  zone: string;
  kind: 'pick' | 'storage';
  pathOrder: number;
  capacity: number | null;
  skuId: number;
  qty: number;
}

interface BinRow {
  id: number;
  code: string;
  zone: string;
  kind: 'pick' | 'storage';
  path_order: number;
  capacity: number | null;
  sku_id: number;
  qty: number;
}

/**
 * The active bins of each SKU, pick faces first and then storage, each in path order — the order
 * StockOps.shipOut takes goods from, so a plan made here matches what shipping later books.
 */
export async function binsOf(q: Queryable, skuIds: number[]): Promise<Map<number, Bin[]>> {
  const result = new Map<number, Bin[]>();
  if (skuIds.length === 0) return result;
  const rows = await q.all<BinRow>(
    `SELECT l.id, l.code, l.zone, l.kind, l.path_order, l.capacity, l.sku_id, COALESCE(s.qty, 0) AS qty
     FROM fulfillment_locations l LEFT JOIN fulfillment_stock s ON s.location_id = l.id AND s.sku_id = l.sku_id
     WHERE l.active = 1 AND l.sku_id IN (SELECT value FROM json_each(?))
     ORDER BY l.kind = 'storage', l.path_order, l.id`,
    [JSON.stringify([...new Set(skuIds)])],
  );
  for (const r of rows) {
    const bin: Bin = { id: r.id, code: r.code, zone: r.zone, kind: r.kind, pathOrder: r.path_order, capacity: r.capacity, skuId: r.sku_id, qty: r.qty };
    const list = result.get(r.sku_id) ?? [];
    list.push(bin);
    result.set(r.sku_id, list);
  }
  return result;
}

/** The zone a SKU is picked in: its first pick face, or its first storage bin when it has no face. */
export function zoneOfSku(bins: Map<number, Bin[]>, skuId: number): string | undefined {
  return bins.get(skuId)?.[0]?.zone;
}
