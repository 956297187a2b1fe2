import type { Queryable } from '@workbench/plugin-api';
import type { OrderStatus, PlatformStatus, WaveClass } from '../../shared/state-names.js';
import { binsOf, type Bin } from './bins.js';
import { byPath, planSku, type SkuDemand, type SkuPlan } from './pick-plan.js';
import type { PickLine, SeedingSummary, WaveOrder } from './wave-types.js';

interface MemberRow {
  order_id: number;
  order_no: string;
  class: WaveClass;
  slot: number;
  bulk_pick: number;
  status: OrderStatus;
  item_count: number;
  platform_status: PlatformStatus;
}

/** Goods taken (or about to be) for an order Taobao closed or is refunding go back on the shelf. */
export const mustPutBack = (o: { status: OrderStatus; platform_status: PlatformStatus }) =>
  (o.status === 'approved' || o.status === 'picked' || o.status === 'verified') && (o.platform_status === 'closed' || o.platform_status === 'refunding');

interface ItemRow {
  order_id: number;
  sku_id: number;
  sku_code: string;
  title: string;
  quantity: number;
}

/** A wave's orders and its plan: pick lines in path order, the seeding summary, what it lacks on the faces. */
export interface WavePlan {
  orders: WaveOrder[];
  pickList: PickLine[];
  seeding: SeedingSummary;
  skus: SkuPlan[];
}

export async function waveOrders(q: Queryable, waveId: number): Promise<WaveOrder[]> {
  const rows = await q.all<MemberRow>(
    `SELECT wo.order_id, o.order_no, wo.class, wo.slot, wo.bulk_pick, o.status, o.item_count, o.platform_status
     FROM fulfillment_wave_orders wo JOIN fulfillment_orders o ON o.id = wo.order_id
     WHERE wo.wave_id = ? ORDER BY wo.slot`,
    [waveId],
  );
  return rows.map((r) => ({ orderId: r.order_id, orderNo: r.order_no, class: r.class, slot: r.slot, bulkPick: r.bulk_pick === 1, status: r.status, itemCount: r.item_count, platformStatus: r.platform_status, mustPutBack: mustPutBack(r) }));
}

/**
 * Works the wave's plan out from the stock as it is now, so it always matches the shelves: bins as
 * they will be once open replenishments are done, less what earlier waves not yet shipped still
 * take, plus what this wave's own shipped orders already took out. Closed orders are not picked.
 */
export async function planWave(q: Queryable, waveId: number): Promise<WavePlan> {
  const orders = await waveOrders(q, waveId);
  const picked = orders.filter((o) => o.status !== 'closed');
  const bySlot = new Map(picked.map((o) => [o.orderId, o]));
  const items = await q.all<ItemRow>(
    `SELECT i.order_id, i.sku_id, i.sku_code, i.title, i.quantity FROM fulfillment_order_items i
     JOIN fulfillment_wave_orders wo ON wo.order_id = i.order_id
     WHERE wo.wave_id = ? AND i.sku_id IS NOT NULL AND i.refund_state <> 'succeeded' ORDER BY i.id`,
    [waveId],
  );
  const demands = new Map<number, SkuDemand>();
  for (const item of items) {
    const order = bySlot.get(item.order_id);
    if (!order) continue;
    const demand = demands.get(item.sku_id) ?? { skuId: item.sku_id, skuCode: item.sku_code, title: item.title, needs: [] };
    const same = demand.needs.find((n) => n.slot === order.slot);
    if (same) same.qty += item.quantity;
    else demand.needs.push({ slot: order.slot, orderNo: order.orderNo, qty: item.quantity, bulk: order.bulkPick });
    demands.set(item.sku_id, demand);
  }
  const skuIds = [...demands.keys()];
  const bins = await virtualBins(q, waveId, skuIds);
  const claims = await earlierClaims(q, waveId, skuIds);
  const skus = [...demands.values()].map((d) => planSku(d, bins.get(d.skuId) ?? [], claims.get(d.skuId) ?? 0));
  const pickList = skus.flatMap((s) => s.lines).sort(byPath);
  return { orders, pickList, seeding: seedingOf([...demands.values()], orders.length), skus };
}

function seedingOf(demands: SkuDemand[], slots: number): SeedingSummary {
  const skus = demands
    .map((d) => ({
      skuId: d.skuId,
      skuCode: d.skuCode,
      title: d.title,
      total: d.needs.reduce((sum, n) => sum + n.qty, 0),
      bulk: d.needs.some((n) => n.bulk),
      slots: d.needs.map((n) => ({ slot: n.slot, orderNo: n.orderNo, qty: n.qty })).sort((a, b) => a.slot - b.slot),
    }))
    .sort((a, b) => a.skuCode.localeCompare(b.skuCode));
  return { slots, bulkSkuCodes: skus.filter((s) => s.bulk).map((s) => s.skuCode), skus };
}

/** The SKUs' bins as they will be once every open replenishment is done, plus this wave's own shipped pieces. */
async function virtualBins(q: Queryable, waveId: number, skuIds: number[]): Promise<Map<number, Bin[]>> {
  const bins = await binsOf(q, skuIds);
  if (skuIds.length === 0) return bins;
  const byId = new Map<number, Bin>();
  for (const list of bins.values()) for (const b of list) byId.set(b.id, b);
  const ids = JSON.stringify(skuIds);
  const moves = await q.all<{ from_location_id: number; to_location_id: number; qty: number }>(
    "SELECT from_location_id, to_location_id, qty FROM fulfillment_replenishments WHERE status = 'open' AND sku_id IN (SELECT value FROM json_each(?))",
    [ids],
  );
  for (const m of moves) {
    const from = byId.get(m.from_location_id);
    const to = byId.get(m.to_location_id);
    if (from) from.qty -= m.qty;
    if (to) to.qty += m.qty;
  }
  const shipped = await q.all<{ location_id: number; qty: number }>(
    `SELECT location_id, -SUM(qty) AS qty FROM fulfillment_ledger
     WHERE kind = 'outbound' AND location_id IS NOT NULL AND sku_id IN (SELECT value FROM json_each(?))
       AND order_id IN (SELECT order_id FROM fulfillment_wave_orders WHERE wave_id = ?)
     GROUP BY location_id`,
    [ids, waveId],
  );
  for (const s of shipped) {
    const bin = byId.get(s.location_id);
    if (bin) bin.qty += s.qty;
  }
  return bins;
}

/** Pieces per SKU that earlier waves, still picking or picked, need for orders not yet shipped. */
async function earlierClaims(q: Queryable, waveId: number, skuIds: number[]): Promise<Map<number, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await q.all<{ sku_id: number; qty: number }>(
    `SELECT i.sku_id, SUM(i.quantity) AS qty FROM fulfillment_wave_orders wo
     JOIN fulfillment_waves w ON w.id = wo.wave_id
     JOIN fulfillment_orders o ON o.id = wo.order_id
     JOIN fulfillment_order_items i ON i.order_id = o.id
     WHERE wo.wave_id < ? AND w.status IN ('picking', 'picked') AND o.status NOT IN ('shipped', 'closed')
       AND i.sku_id IN (SELECT value FROM json_each(?)) AND i.refund_state <> 'succeeded'
     GROUP BY i.sku_id`,
    [waveId, JSON.stringify(skuIds)],
  );
  return new Map(rows.map((r) => [r.sku_id, r.qty]));
}

/**
 * The storage bin each SKU of a 单品提总 order was picked from, when its wave's plan took the
 * total from storage — so shipping books the pieces where the picker took them. Empty for any
 * other order.
 */
export async function bulkBinsOf(q: Queryable, orderId: number): Promise<Map<number, number>> {
  const member = await q.get<{ wave_id: number; slot: number }>('SELECT wave_id, slot FROM fulfillment_wave_orders WHERE order_id = ? AND bulk_pick = 1', [orderId]);
  const from = new Map<number, number>();
  if (!member) return from;
  for (const sku of (await planWave(q, member.wave_id)).skus) {
    const line = sku.lines.find((l) => l.bulk && l.slots.some((s) => s.slot === member.slot));
    const bin = sku.storage.find((s) => s.bin.code === line?.locationCode)?.bin;
    if (bin) from.set(sku.skuId, bin.id);
  }
  return from;
}
