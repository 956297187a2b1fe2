import { ConflictError, InputError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES, type Bilingual } from '../../shared/state-names.js';
import { mayReadCustomer, toOrder, type OrderRow } from '../orders/order-record.js';
import { moveOrder, recordHistory } from '../orders/order-moves.js';
import { stepBy, type StepBy } from '../shared/actor.js';
import type { CatalogSku, CatalogView } from '../types.js';
import { expectedLines, isComplete, orderById, withBarcodes, type ExpectedLine } from './verify-lines.js';
import type { ScanAnswer, VerificationView } from './wave-types.js';

type Outcome = 'ok' | 'wrong-item' | 'surplus' | 'unknown';

/** Only 已拣货 orders are verified; anything else is refused saying where the order is. */
function requirePicked(row: OrderRow, doing: Bilingual): void {
  if (row.status === 'picked') return;
  const name = ORDER_STATUS_NAMES[row.status];
  throw new ConflictError({
    'zh-CN': `订单 ${row.order_no} 现在是「${name['zh-CN']}」，只有「已拣货」的订单才能${doing['zh-CN']}`,
    en: `Order ${row.order_no} is "${name.en}"; only picked orders can be ${doing.en}`,
  });
}

/** What the order still needs, e.g. `A-M×1、B-L×2`, so the clerk knows what to look for. */
const needsText = (lines: ExpectedLine[]) =>
  lines
    .filter((l) => l.scanned < l.expected)
    .map((l) => `${l.skuCode}×${l.expected - l.scanned}`)
    .join('、');

function refusal(outcome: Exclude<Outcome, 'ok'>, code: string, sku: CatalogSku | undefined, lines: ExpectedLine[], orderNo: string): ConflictError {
  const scanned = sku && sku.code !== code ? `${code}（${sku.code}）` : code;
  const line = sku && lines.find((l) => l.skuId === sku.id);
  const text: Bilingual =
    outcome === 'unknown'
      ? { 'zh-CN': `扫到的「${code}」不是任何商品的条码或商家编码：请重扫，或核对商品上的标签`, en: `"${code}" is neither a barcode nor a SKU code of any product: scan again, or check the label` }
      : outcome === 'wrong-item'
        ? { 'zh-CN': `不是这个订单的商品：扫到的是 ${scanned}，订单 ${orderNo} 要的是 ${needsText(lines)}。请把这件拿出来`, en: `Not an item of this order: scanned ${scanned}, order ${orderNo} needs ${needsText(lines)}. Take this one out` }
        : { 'zh-CN': `${line?.skuCode ?? scanned} 已经扫够了（要 ${line?.expected ?? 0} 件，已扫 ${line?.scanned ?? 0} 件），这件多了，请拿出来放回`, en: `${line?.skuCode ?? scanned} is complete (${line?.expected ?? 0} needed, ${line?.scanned ?? 0} scanned); this one is surplus, put it back` };
  return new ConflictError(text, { errors: [{ path: '/code', in: 'body', message: outcome }] });
}

async function recordScan(tx: Transaction, orderId: number, scan: { code: string; skuId: number | null; outcome: Outcome }, step: { by: StepBy; at: string }): Promise<number> {
  const { lastId } = await tx.run(
    'INSERT INTO fulfillment_verification_scans (order_id, code, sku_id, outcome, actor_id, actor_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [orderId, scan.code, scan.skuId, scan.outcome, step.by.id, step.by.name, step.at],
  );
  return lastId;
}

/**
 * The SKU a scanned barcode or 商家编码 names, whatever its letter case: a scanner with Caps Lock
 * on, or a clerk typing, sends the label's letters in the other case, and no shop tells two items
 * apart by case alone. The order's own items are tried first, so their codes always count; then
 * the catalog, as scanned, in capitals (the way codes are printed) and in small letters.
 */
async function skuOfCode(ctx: PluginContext, catalog: CatalogView, orderId: number, code: string): Promise<CatalogSku | undefined> {
  const wanted = code.toUpperCase();
  const lines = await ctx.db.read((q) => expectedLines(q, orderId));
  const own = await Promise.all(lines.map((l) => catalog.skuById(l.skuId)));
  const index = lines.findIndex((l, i) => [l.skuCode, own[i]?.code, own[i]?.barcode].some((c) => c?.toUpperCase() === wanted));
  if (index >= 0 && own[index]) return own[index];
  for (const spelling of new Set([code, wanted, code.toLowerCase()])) {
    const sku = (await catalog.skuByBarcode(spelling)) ?? (await catalog.skuByCode(spelling));
    if (sku) return sku;
  }
  return undefined;
}

/**
 * One scan at the station. The code is a barcode or a 商家编码, in any letter case. A wrong,
 * surplus or unknown item is recorded and committed first, then refused, so the trace of a
 * near-mistake stays. The scan that completes the order makes it 已复核, with the verifier
 * recorded. A scan on an order that is not 已拣货 is refused unrecorded: no item was checked
 * against it.
 */
export async function scanItem(parts: { ctx: PluginContext; catalog: CatalogView }, actor: Actor, orderId: number, rawCode: string): Promise<ScanAnswer> {
  const { ctx, catalog } = parts;
  const code = rawCode.trim();
  if (code === '') throw new InputError({ 'zh-CN': '没有扫到内容，请重扫', en: 'Nothing was scanned; scan again' }, { errors: [{ path: '/code', in: 'body', message: 'empty' }] });
  // Looked up before the transaction: the catalog is another plugin's, and a scan must not wait on it inside one.
  const sku = await skuOfCode(ctx, catalog, orderId, code);
  const by = stepBy(actor);
  const result = await ctx.db.transaction(async (tx) => {
    const row = await orderById(tx, orderId);
    requirePicked(row, { 'zh-CN': '复核', en: 'verified' });
    const lines = await expectedLines(tx, orderId);
    const line = sku && lines.find((l) => l.skuId === sku.id);
    const outcome: Outcome = !sku ? 'unknown' : !line ? 'wrong-item' : line.scanned >= line.expected ? 'surplus' : 'ok';
    const now = ctx.now();
    await recordScan(tx, orderId, { code, skuId: sku?.id ?? null, outcome }, { by, at: now });
    if (outcome !== 'ok') return { outcome, lines, orderNo: row.order_no };
    line!.scanned += 1;
    const complete = isComplete(lines);
    if (complete) {
      await moveOrder(tx, orderId, 'verified', { action: 'verify', by, at: now, set: { verified_by: by.id, verified_by_name: by.name, verified_at: now } });
    }
    return { outcome, line: line!, complete };
  });
  if (result.outcome !== 'ok') throw refusal(result.outcome, code, sku, result.lines, result.orderNo);
  const [named] = await withBarcodes(catalog, [result.line]);
  return { orderId, line: named!, complete: result.complete, status: result.complete ? 'verified' : 'picked' };
}

/** The station's screen for one order. */
export async function verificationView(catalog: CatalogView, actor: Actor, row: OrderRow, lines: ExpectedLine[]): Promise<VerificationView> {
  return { order: toOrder(row, mayReadCustomer(actor)), lines: await withBarcodes(catalog, lines), complete: isComplete(lines) };
}

/**
 * Starts the order's count again. The scans stay for tracing; a history row marks where counting
 * starts anew. Not once verified: send it back to picking first.
 */
export async function resetScans(ctx: PluginContext, catalog: CatalogView, actor: Actor, orderId: number): Promise<VerificationView> {
  const { row, lines } = await ctx.db.transaction(async (tx) => {
    const order = await orderById(tx, orderId);
    requirePicked(order, { 'zh-CN': '重新复核', en: 'counted again' });
    const last = await tx.get<{ id: number | null; n: number }>('SELECT MAX(id) AS id, COUNT(*) AS n FROM fulfillment_verification_scans WHERE order_id = ?', [orderId]);
    await recordHistory(tx, orderId, { action: 'verify-reset', by: stepBy(actor), at: ctx.now(), detail: { afterScanId: last?.id ?? 0, scans: last?.n ?? 0 } });
    return { row: order, lines: await expectedLines(tx, orderId) };
  });
  return verificationView(catalog, actor, row, lines);
}
