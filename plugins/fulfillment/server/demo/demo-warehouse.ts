import type { Transaction } from '@workbench/plugin-api';
import { derivedPathOrder, locationCode, twoDigits } from '../warehouse/location-code.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import type { StepBy } from '../shared/actor.js';
import type { CatalogSku } from '../types.js';

/** Where a demo SKU lives: its pick face (and zone), and a storage bin for some. */
export interface DemoBin {
  locationId: number;
  zone: string;
  code: string;
}

// Pick faces by zone: A tops, B bottoms and knitwear, C dresses and coats — near enough for a
// demo, split by the products' order in the catalog. Zone R is storage behind the pick faces.
const PICK_ZONES = ['A', 'B', 'C'];
const BINS_PER_LEVEL = 6;
const LEVELS = 4;

async function insertLocation(tx: Transaction, zone: string, index: number, kind: 'pick' | 'storage', now: string, capacity: number): Promise<{ id: number; code: string }> {
  const perShelf = BINS_PER_LEVEL * LEVELS;
  const parts = {
    zone,
    shelf: twoDigits(1 + Math.floor(index / perShelf)),
    level: twoDigits(1 + Math.floor((index % perShelf) / BINS_PER_LEVEL)),
    bin: twoDigits(1 + (index % BINS_PER_LEVEL)),
  };
  const code = locationCode(parts);
  const { lastId } = await tx.run(
    `INSERT INTO fulfillment_locations (code, zone, shelf, level, bin, kind, path_order, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [code, parts.zone, parts.shelf, parts.level, parts.bin, kind, derivedPathOrder(parts), capacity, now, now],
  );
  return { id: lastId, code };
}

/**
 * Locations for every SKU and their opening stock through one inbound note, so the ledger
 * starts where the stock does. `demand` is what the demo orders will take per SKU; each pick face
 * gets that plus a margin, except `lowSkuIds` (kept just under the low-stock line) and `emptySkuIds`
 * (no stock: their orders wait as 缺货 exceptions).
 */
export async function fillWarehouse(
  tx: Transaction,
  stock: StockOps,
  skus: CatalogSku[],
  demand: Map<number, number>,
  options: { now: string; by: StepBy; lowSkuIds: Set<number>; emptySkuIds: Set<number>; random: () => number },
): Promise<Map<number, DemoBin>> {
  const bins = new Map<number, DemoBin>();
  const productIds = [...new Set(skus.map((s) => s.productId ?? 0))];
  const perZone = Math.ceil(productIds.length / PICK_ZONES.length);
  const used = new Map<string, number>();
  let storage = 0;
  const { lastId: noteId } = await tx.run(
    `INSERT INTO fulfillment_inbound_notes (note_no, source, reference, supplier, remark, actor_id, actor_name, created_at) VALUES (?, 'manual', ?, ?, ?, ?, ?, ?)`,
    [`RK${options.now.slice(0, 10).replaceAll('-', '')}0001`, 'CG-DEMO-001', '广州云裳服饰', '开业备货', options.by.id, options.by.name, options.now],
  );
  for (const sku of skus) {
    const zone = PICK_ZONES[Math.min(PICK_ZONES.length - 1, Math.floor(productIds.indexOf(sku.productId ?? 0) / perZone))]!;
    const index = used.get(zone) ?? 0;
    used.set(zone, index + 1);
    const pick = await insertLocation(tx, zone, index, 'pick', options.now, 60);
    bins.set(sku.id, { locationId: pick.id, zone, code: pick.code });
    if (options.emptySkuIds.has(sku.id)) {
      await tx.run('UPDATE fulfillment_locations SET sku_id = ? WHERE id = ?', [sku.id, pick.id]);
      continue;
    }
    const need = demand.get(sku.id) ?? 0;
    const qty = options.lowSkuIds.has(sku.id) ? need + 3 : need + 12 + Math.floor(options.random() * 30);
    await stock.post(tx, [{ kind: 'inbound', skuId: sku.id, locationId: pick.id, qty, reference: 'CG-DEMO-001', reason: '开业备货', by: options.by }]);
    await tx.run('INSERT INTO fulfillment_inbound_lines (note_id, sku_id, received, passed, failed, location_id) VALUES (?, ?, ?, ?, 0, ?)', [noteId, sku.id, qty, qty, pick.id]);
    // Every third SKU also has reserve stock in the storage zone, to refill its pick face.
    if (sku.id % 3 === 0 && !options.lowSkuIds.has(sku.id)) {
      const reserve = await insertLocation(tx, 'R', storage++, 'storage', options.now, 200);
      await stock.post(tx, [{ kind: 'inbound', skuId: sku.id, locationId: reserve.id, qty: 80, reference: 'CG-DEMO-001', reason: '开业备货（存储区）', by: options.by }]);
      await tx.run('INSERT INTO fulfillment_inbound_lines (note_id, sku_id, received, passed, failed, location_id) VALUES (?, ?, 80, 80, 0, ?)', [noteId, sku.id, reserve.id]);
    }
  }
  return bins;
}
