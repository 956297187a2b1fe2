import type { PluginContext, Transaction } from '@workbench/plugin-api';
import type { InventoryService } from '@workbench/contracts/fulfillment';
import { listingsSettings } from '../settings.js';

/** The `listings.sku.low-stock` payload. */
export interface LowStockEvent {
  skuId: number;
  code: string;
  stock: number;
  threshold: number;
}

interface ListedSkuRow {
  id: number;
  code: string;
  low_stock_threshold: number | null;
}

interface LevelRow {
  sku_id: number;
  low: number;
}

// SQLite caps the number of `?` in one statement; a big shop's full check stays well under this per chunk.
const CHUNK = 500;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

async function listedSkus(tx: Transaction, skuIds: number[] | undefined): Promise<ListedSkuRow[]> {
  const sql = `SELECT s.id, s.code, s.low_stock_threshold FROM listings_skus s JOIN listings_products p ON p.id = s.product_id WHERE p.status = 'listed'`;
  if (skuIds === undefined) return tx.all<ListedSkuRow>(`${sql} ORDER BY s.id`);
  const rows: ListedSkuRow[] = [];
  for (const part of chunks(skuIds)) rows.push(...(await tx.all<ListedSkuRow>(`${sql} AND s.id IN (${marks(part.length)}) ORDER BY s.id`, part)));
  return rows;
}

/** Forgets the level of SKUs that no longer count, so their next crossing warns afresh. */
async function forget(tx: Transaction, skuIds: number[]): Promise<void> {
  for (const part of chunks(skuIds)) await tx.run(`DELETE FROM listings_stock_levels WHERE sku_id IN (${marks(part.length)})`, part);
}

/**
 * Compares the stock of listed SKUs (all of them, or only `skuIds`) with their thresholds and
 * remembers on which side each one is. Going below emits `listings.sku.low-stock` once; staying
 * below stays quiet; coming back up re-arms it. A SKU fulfillment does not know (never stocked)
 * counts as 0 pieces; SKUs that are not on sale drop out of the warnings. Runs inside the
 * caller's transaction.
 */
export async function checkStock(ctx: PluginContext, tx: Transaction, inventory: InventoryService, skuIds?: number[]): Promise<LowStockEvent[]> {
  const skus = await listedSkus(tx, skuIds);
  const stock = skus.length ? await inventory.available(skus.map((s) => s.id)) : new Map<number, number>();
  // Every listed SKU counts: one fulfillment has never stocked has 0 pieces, and is the first to reorder.
  const counted = new Set(skus.map((s) => s.id));

  if (skuIds === undefined) {
    const known = await tx.all<{ sku_id: number }>('SELECT sku_id FROM listings_stock_levels');
    await forget(tx, known.map((r) => r.sku_id).filter((id) => !counted.has(id)));
  } else {
    await forget(tx, skuIds.filter((id) => !counted.has(id)));
  }

  const previous = new Map<number, boolean>();
  for (const part of chunks([...counted])) {
    const rows = await tx.all<LevelRow>(`SELECT sku_id, low FROM listings_stock_levels WHERE sku_id IN (${marks(part.length)})`, part);
    for (const row of rows) previous.set(row.sku_id, row.low === 1);
  }

  const fallback = listingsSettings(ctx).lowStockThreshold;
  const now = ctx.now();
  const crossed: LowStockEvent[] = [];
  const levels: [number, number, number, number][] = [];
  for (const sku of skus) {
    const level = stock.get(sku.id) ?? 0;
    const threshold = sku.low_stock_threshold ?? fallback;
    const low = level < threshold;
    levels.push([sku.id, level, threshold, low ? 1 : 0]);
    if (low && previous.get(sku.id) !== true) crossed.push({ skuId: sku.id, code: sku.code, stock: level, threshold });
  }
  // One statement per chunk, not per SKU: fulfillment's batch review checks hundreds of SKUs per slice.
  for (const part of chunks(levels)) {
    await tx.run(
      `INSERT INTO listings_stock_levels (sku_id, stock, threshold, low, checked_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, ? FROM json_each(?) WHERE true
       ON CONFLICT (sku_id) DO UPDATE SET stock = excluded.stock, threshold = excluded.threshold, low = excluded.low, checked_at = excluded.checked_at`,
      [now, JSON.stringify(part)],
    );
  }
  for (const event of crossed) await ctx.events.emit('listings.sku.low-stock', event);
  return crossed;
}
