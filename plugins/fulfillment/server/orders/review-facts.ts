import type { Queryable } from '@workbench/plugin-api';
import type { CatalogSku, CatalogView } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { jsonRows } from '../shared/json-rows.js';
import { REVIEW_ITEM_COLUMNS, type ReviewItem, type ReviewRow } from './review-rows.js';
import type { ReviewFacts } from './review-rules.js';

/** Orders that may still be merged with another: not yet picked (nor closed or fraud). */
export const MERGEABLE_STATUSES = ['pending', 'exception', 'approved'] as const;

/**
 * What the review rules need for many orders at once, in a handful of queries whatever the
 * number of orders: their items, remarks, merge partners, reservations and the stock.
 * `available` is the sellable stock per SKU now (on hand minus every reservation); the batch
 * review lowers it as it approves, so two orders cannot both take the last piece.
 */
export interface BatchFacts {
  items: Map<number, ReviewItem[]>;
  remarked: Set<number>;
  mergeWith: Map<number, string[]>;
  reserved: Map<number, Map<number, number>>;
  available: Map<number, number>;
  catalog: Map<string, CatalogSku>;
}

export async function loadBatchFacts(q: Queryable, stock: StockOps, catalog: CatalogView, orders: ReviewRow[]): Promise<BatchFacts> {
  const ids = JSON.stringify(orders.map((o) => o.id));
  const keys = JSON.stringify([...new Set(orders.map((o) => o.merge_key).filter((k) => k !== ''))]);
  const [itemRows, remarkRows, partnerRows, reservedRows] = await Promise.all([
    // A line refunded on Taobao stays on the order but is neither checked nor reserved.
    jsonRows<ReviewItem>(q, REVIEW_ITEM_COLUMNS, "FROM fulfillment_order_items WHERE order_id IN (SELECT value FROM json_each(?)) AND refund_state <> 'succeeded'", [ids], 'order_id, id'),
    q.all<{ order_id: number }>('SELECT DISTINCT order_id FROM fulfillment_order_remarks WHERE order_id IN (SELECT value FROM json_each(?))', [ids]),
    q.all<{ id: number; order_no: string; merge_key: string }>(
      `SELECT id, order_no, merge_key FROM fulfillment_orders
       WHERE merge_key IN (SELECT value FROM json_each(?)) AND status IN (${MERGEABLE_STATUSES.map((s) => `'${s}'`).join(', ')}) ORDER BY id`,
      [keys],
    ),
    q.all<{ order_id: number; sku_id: number; qty: number }>('SELECT order_id, sku_id, qty FROM fulfillment_reservations WHERE order_id IN (SELECT value FROM json_each(?))', [ids]),
  ]);
  const items = new Map<number, ReviewItem[]>();
  for (const row of itemRows) {
    const list = items.get(row.order_id);
    if (list) list.push(row);
    else items.set(row.order_id, [row]);
  }
  const byKey = new Map<string, { id: number; order_no: string }[]>();
  for (const p of partnerRows) byKey.set(p.merge_key, [...(byKey.get(p.merge_key) ?? []), p]);
  const mergeWith = new Map<number, string[]>();
  for (const o of orders) {
    const partners = (byKey.get(o.merge_key) ?? []).filter((p) => p.id !== o.id).map((p) => p.order_no);
    if (partners.length) mergeWith.set(o.id, partners);
  }
  const reserved = new Map<number, Map<number, number>>();
  for (const r of reservedRows) {
    const m = reserved.get(r.order_id) ?? new Map<number, number>();
    m.set(r.sku_id, r.qty);
    reserved.set(r.order_id, m);
  }
  const skuIds = [...new Set(itemRows.flatMap((i) => (i.sku_id === null ? [] : [i.sku_id])))];
  const [available, skus] = await Promise.all([stock.available(q, skuIds), catalog.skusByCodes([...new Set(itemRows.map((i) => i.sku_code))])]);
  return { items, remarked: new Set(remarkRows.map((r) => r.order_id)), mergeWith, reserved, available, catalog: skus };
}

/** The facts of one order of the batch: free stock is what is sellable plus its own reservation. */
export function factsOf(batch: BatchFacts, order: ReviewRow): ReviewFacts {
  const items = batch.items.get(order.id) ?? [];
  const own = batch.reserved.get(order.id);
  const free = new Map<number, number>();
  for (const i of items) {
    if (i.sku_id !== null) free.set(i.sku_id, (batch.available.get(i.sku_id) ?? 0) + (own?.get(i.sku_id) ?? 0));
  }
  return { order, items, hasRemarks: batch.remarked.has(order.id), free, mergeWith: batch.mergeWith.get(order.id) ?? [], catalog: batch.catalog };
}

/** After approving `order`, its pieces are no longer sellable for the next orders of the batch. */
export function takeStock(batch: BatchFacts, order: ReviewRow): void {
  const own = batch.reserved.get(order.id);
  for (const [skuId, qty] of own ?? []) batch.available.set(skuId, (batch.available.get(skuId) ?? 0) + qty);
  const now = new Map<number, number>();
  for (const i of batch.items.get(order.id) ?? []) {
    if (i.sku_id === null) continue;
    batch.available.set(i.sku_id, (batch.available.get(i.sku_id) ?? 0) - i.quantity);
    now.set(i.sku_id, (now.get(i.sku_id) ?? 0) + i.quantity);
  }
  batch.reserved.set(order.id, now);
}
