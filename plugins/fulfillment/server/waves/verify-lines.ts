import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { OrderRow } from '../orders/order-record.js';
import { catalogNames } from '../shared/catalog-names.js';
import { normaliseTracking } from '../shipping/courier-rules.js';
import type { CatalogView } from '../types.js';
import type { VerificationLine, VerificationScan } from './wave-types.js';

/** An order line as the station counts it: one per SKU, pieces summed over the order's lines. */
export interface ExpectedLine {
  skuId: number;
  skuCode: string;
  title: string;
  expected: number;
  scanned: number;
}

/**
 * The order by its order number, tracking number or id, in that order (numbers look alike). Order
 * and tracking numbers are kept in capitals, so a scan in small letters finds them too.
 */
export async function orderByRef(q: Queryable, ref: string): Promise<OrderRow> {
  const text = ref.trim();
  const row =
    (await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE order_no IN (?, ?) ORDER BY order_no = ? DESC LIMIT 1', [text, text.toUpperCase(), text])) ??
    (await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE tracking_no = ? ORDER BY id DESC LIMIT 1', [normaliseTracking(text)])) ??
    (/^\d{1,12}$/.test(text) ? await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [Number(text)]) : undefined);
  if (!row) {
    throw new NotFoundError({ 'zh-CN': `没有找到订单 ${text}：请扫订单编号、物流单号，或输入订单 id`, en: `No order ${text}: scan the order number or the tracking number, or type the order id` });
  }
  return row;
}

export async function orderById(q: Queryable, id: number): Promise<OrderRow> {
  const row = await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': `订单 ${id} 不存在`, en: `Order ${id} does not exist` });
  return row;
}

/**
 * Which scans count now: those after the latest reset, or after the order last became 已拣货
 * (a verified order sent back to picking is verified afresh). Only the latest of the two matters.
 */
async function countingFrom(q: Queryable, orderId: number): Promise<{ afterId: number; since: string }> {
  const last = await q.get<{ action: string; at: string; detail: string }>(
    "SELECT action, at, detail FROM fulfillment_order_history WHERE order_id = ? AND (action = 'verify-reset' OR to_status = 'picked') ORDER BY id DESC LIMIT 1",
    [orderId],
  );
  if (!last) return { afterId: 0, since: '' };
  if (last.action === 'verify-reset') return { afterId: Number((JSON.parse(last.detail) as { afterScanId?: number }).afterScanId ?? 0), since: '' };
  return { afterId: 0, since: last.at };
}

/** What the order needs per SKU and how many of each the station has counted. */
export async function expectedLines(q: Queryable, orderId: number): Promise<ExpectedLine[]> {
  const from = await countingFrom(q, orderId);
  return q.all<ExpectedLine>(
    `SELECT i.sku_id AS skuId, MIN(i.sku_code) AS skuCode, MIN(i.title) AS title, SUM(i.quantity) AS expected,
       (SELECT COUNT(*) FROM fulfillment_verification_scans s
        WHERE s.order_id = i.order_id AND s.sku_id = i.sku_id AND s.outcome = 'ok' AND s.id > ? AND s.at >= ?) AS scanned
     FROM fulfillment_order_items i WHERE i.order_id = ? AND i.sku_id IS NOT NULL AND i.refund_state <> 'succeeded'
     GROUP BY i.sku_id ORDER BY MIN(i.id)`,
    [from.afterId, from.since, orderId],
  );
}

export const isComplete = (lines: ExpectedLine[]): boolean => lines.length > 0 && lines.every((l) => l.scanned >= l.expected);

/** Adds each SKU's barcode and catalogue name (with colour and size) from the catalog, for the station's screen. */
export async function withBarcodes(catalog: CatalogView, lines: ExpectedLine[]): Promise<VerificationLine[]> {
  const skus = await Promise.all(lines.map((l) => catalog.skuById(l.skuId)));
  const names = await catalogNames(catalog, lines.map((l) => l.skuId));
  return lines.map((l, i) => ({ ...l, barcode: skus[i]?.barcode ?? null, catalogName: names.get(l.skuId) ?? null }));
}

/** Every scan of the order, newest first, refused ones included: who scanned what, when. */
export async function orderScans(q: Queryable, orderId: number): Promise<VerificationScan[]> {
  await orderById(q, orderId);
  return q.all<VerificationScan>(
    'SELECT id, code, sku_id AS skuId, outcome, actor_name AS actorName, at FROM fulfillment_verification_scans WHERE order_id = ? ORDER BY id DESC',
    [orderId],
  );
}
