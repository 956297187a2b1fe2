import { InputError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { ledgerStore } from '../ledger/ledger-store.js';
import type { BreachRecorder } from '../orders/supplier-gate.js';
import { orderSettings } from '../orders/order-settings.js';
import { orderStore } from '../orders/order-store.js';
import { refuseMove } from '../orders/order-routes.js';
import { returnStore } from '../returns/return-store.js';
import { countProblem, receiptOutcome, type LineCount } from './receipt-math.js';
import { receiptStore } from './receipt-store.js';

/** A line as the receiving station sends it: the order line, or the SKU code or barcode scanned. */
export interface CountInput {
  lineId?: number;
  code?: string;
  counted: number;
  failed?: number;
  failureReason?: string;
  /** The bin the passed pieces go to; else the receipt's, else the SKU's first pick face. */
  locationCode?: string;
}

export interface ReceiveResult {
  receiptId: number;
  receiptNo: string;
  returnId: number | null;
  returnNo: string | null;
}

/** `procurement.quality.changed`: a later batch of a SKU inspected unlike the supplier's first one. */
export interface QualityChanged {
  skuId: number;
  skuCode: string;
  supplierId: number;
  supplierName: string;
  poNo: string;
  receiptNo: string;
  /** Failure rates in percent, rounded to one decimal. */
  firstFailedPercent: number;
  batchFailedPercent: number;
  firstReceiptNo: string;
  reasons: string[];
}

const percent = (failed: number, counted: number) => Math.round((failed / counted) * 1000) / 10;

/**
 * A delivery counted and inspected against an order, in one transaction: the receipt, the order's
 * running totals and state, the passed goods to fulfillment (`procurement.goods.received`, whose
 * refusal undoes everything), the failed ones onto a return, the delivery on the supplier's
 * ledger, the breaches it shows on the scorecard, and a notice when quality drifted.
 */
export async function receive(ctx: PluginContext, tx: Transaction, orderId: number, input: { lines: CountInput[]; locationCode?: string }, actor: Actor, breach: BreachRecorder): Promise<ReceiveResult> {
  const orders = orderStore(tx);
  const order = await orders.get(orderId);
  refuseMove(order.status, 'receive');
  const day = ctx.now().slice(0, 10);
  const by = { id: actor.id, name: actor.displayName };

  // Scanned codes match the 商家编码 or the barcode, without regard to case or stray spaces.
  const counts = new Map<number, LineCount & { reasons: string[]; locationCode?: string }>();
  const notOnOrder: string[] = [];
  for (const c of input.lines) {
    const code = c.code?.trim().toUpperCase();
    const line = c.lineId !== undefined ? order.lines.find((l) => l.id === c.lineId) : order.lines.find((l) => l.skuCode.toUpperCase() === code || l.barcode?.toUpperCase() === code);
    if (!line) {
      notOnOrder.push(c.code?.trim() || `#${c.lineId}`);
      continue;
    }
    const sum = counts.get(line.id) ?? { lineId: line.id, counted: 0, failed: 0, reasons: [] };
    sum.counted += c.counted;
    sum.failed += c.failed ?? 0;
    if (c.locationCode?.trim()) sum.locationCode = c.locationCode.trim();
    if ((c.failed ?? 0) > 0 && c.failureReason?.trim()) sum.reasons.push(c.failureReason.trim());
    counts.set(line.id, sum);
  }
  if (notOnOrder.length > 0) {
    throw new InputError({ 'zh-CN': `${notOnOrder.join('、')} 不在采购单 ${order.poNo} 上，请核对送货单`, en: `${notOnOrder.join(', ')} is not on purchase order ${order.poNo}; check the delivery note` });
  }
  const soFar = order.lines.map((l) => ({ lineId: l.id, ordered: l.qty, passed: l.passed, expectedDate: l.expectedDate ?? order.expectedDate }));
  const problem = countProblem(soFar, [...counts.values()]);
  if (problem?.kind === 'nothing') throw new InputError({ 'zh-CN': '这次一件也没有点到，请扫描或填写件数', en: 'Nothing was counted; scan the goods or type the counts' });
  if (problem) {
    const sku = order.lines.find((l) => l.id === problem.lineId)?.skuCode ?? '';
    throw new InputError({ 'zh-CN': `${sku} 不合格件数不能多于点到的件数`, en: `${sku}: more pieces failed than were counted` });
  }

  const outcome = receiptOutcome(soFar, [...counts.values()], day);
  const reasonOf = (lineId: number) => counts.get(lineId)!.reasons.join('；') || null;
  const receipt = await receiptStore(tx).add(order.id, day, outcome.lines.map((l) => ({ ...l, failureReason: l.failed > 0 ? reasonOf(l.lineId) ?? '验收不合格' : null })), by, ctx.now());
  for (const l of outcome.lines) await orders.addPassed(l.lineId, l.passed, l.failed);
  await orders.move(order.id, order.version, 'receive', outcome.status, by, ctx.now(), receipt.receiptNo);

  const lineOf = (id: number) => order.lines.find((l) => l.id === id)!;
  const passed = outcome.lines.filter((l) => l.passed > 0);
  if (passed.length > 0) {
    await ctx.events.emit('procurement.goods.received', {
      reference: receipt.receiptNo,
      supplier: order.supplierName,
      lines: passed.map((l) => {
        const locationCode = counts.get(l.lineId)!.locationCode ?? input.locationCode;
        return { skuId: lineOf(l.lineId).skuId, passed: l.passed, ...(locationCode ? { locationCode } : {}) };
      }),
    });
  }

  // Failed pieces stay with procurement, on a return of their own, until exchanged or settled.
  const failed = outcome.lines.filter((l) => l.failed > 0);
  let ret: { id: number; no: string } | null = null;
  if (failed.length > 0) {
    const returns = returnStore(tx);
    const id = await returns.add(
      {
        supplierId: order.supplierId,
        orderId: order.id,
        receiptId: receipt.id,
        reason: `${receipt.receiptNo} 验收不合格`,
        lines: failed.map((l) => ({ orderLineId: l.lineId, skuId: lineOf(l.lineId).skuId, skuCode: lineOf(l.lineId).skuCode, title: lineOf(l.lineId).title, qty: l.failed, price: lineOf(l.lineId).price, reason: reasonOf(l.lineId) ?? '验收不合格' })),
      },
      actor.id,
      ctx.now(),
    );
    ret = { id, no: (await returns.get(id)).returnNo };
  }

  // The shop owes what passed, and the transport once, with the first delivery.
  const firstDelivery = order.history.every((h) => h.move !== 'receive');
  const amount = passed.reduce((s, l) => s + l.passed * lineOf(l.lineId).price, 0);
  const transport = firstDelivery ? order.transportCost : 0;
  if (amount + transport > 0) {
    await ledgerStore(tx).add({ supplierId: order.supplierId, day, kind: 'delivery', reference: receipt.receiptNo, orderId: order.id, amount, transport, note: order.poNo }, actor.id, ctx.now());
  }

  const scored = (kind: 'late-delivery' | 'over-delivery' | 'quality-failure', lines: typeof outcome.lines, what: (l: (typeof outcome.lines)[number]) => string) =>
    lines.length > 0 ? breach(tx, { supplierId: order.supplierId, kind, note: `${order.poNo} ${receipt.receiptNo}：${lines.map((l) => `${lineOf(l.lineId).skuCode} ${what(l)}`).join('，')}`, reference: receipt.receiptNo, source: 'receiving', by: actor.id }) : Promise.resolve();
  await scored('late-delivery', outcome.lines.filter((l) => l.daysLate > 0), (l) => `晚 ${l.daysLate} 天`);
  await scored('over-delivery', outcome.lines.filter((l) => l.over > 0), (l) => `多 ${l.over} 件`);
  await scored('quality-failure', failed, (l) => `${l.failed}/${l.counted} 件不合格`);

  if (order.contractId) {
    await tx.run('INSERT INTO procurement_contract_performance (contract_id, receipt_id, day, on_time, in_full, counted, failed) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      order.contractId, receipt.id, day, outcome.lines.every((l) => l.daysLate === 0) ? 1 : 0, outcome.status === 'received' ? 1 : 0,
      outcome.lines.reduce((s, l) => s + l.counted, 0), outcome.lines.reduce((s, l) => s + l.failed, 0),
    ]);
  }

  await noticeQualityDrift(ctx, tx, order, outcome.lines, receipt.receiptNo, reasonOf);
  return { receiptId: receipt.id, receiptNo: receipt.receiptNo, returnId: ret?.id ?? null, returnNo: ret?.no ?? null };
}

/** The first batch of a SKU from a supplier is kept; a later one failing at a rate far from it is announced. */
async function noticeQualityDrift(
  ctx: PluginContext,
  tx: Transaction,
  order: { supplierId: number; supplierName: string; poNo: string; lines: { id: number; skuId: number; skuCode: string }[] },
  lines: { lineId: number; counted: number; failed: number }[],
  receiptNo: string,
  reasonOf: (lineId: number) => string | null,
): Promise<void> {
  const store = receiptStore(tx);
  const drift = orderSettings(ctx).qualityDriftPercent;
  for (const l of lines.filter((x) => x.counted > 0)) {
    const line = order.lines.find((x) => x.id === l.lineId)!;
    const first = await store.firstInspection(order.supplierId, line.skuId);
    if (!first) {
      await store.keepFirstInspection(order.supplierId, line.skuId, { counted: l.counted, failed: l.failed, receiptNo });
      continue;
    }
    const firstFailedPercent = percent(first.failed, first.counted);
    const batchFailedPercent = percent(l.failed, l.counted);
    if (Math.abs(batchFailedPercent - firstFailedPercent) < drift) continue;
    const news: QualityChanged = {
      skuId: line.skuId, skuCode: line.skuCode, supplierId: order.supplierId, supplierName: order.supplierName, poNo: order.poNo, receiptNo,
      firstFailedPercent, batchFailedPercent, firstReceiptNo: first.receiptNo, reasons: reasonOf(l.lineId)?.split('；') ?? [],
    };
    await ctx.events.emit('procurement.quality.changed', news);
  }
}
