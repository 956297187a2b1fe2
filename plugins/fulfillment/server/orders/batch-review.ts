import type { Locale, PluginContext, Transaction } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES, type ExceptionCode, type OrderStatus } from '../../shared/state-names.js';
import { fulfillmentSettings } from '../settings.js';
import { CatalogToken } from '../tokens.js';
import type { StepBy } from '../shared/actor.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import type { OrderFilter } from './order-filter.js';
import { jsonRows } from '../shared/json-rows.js';
import { factsOf, loadBatchFacts, takeStock } from './review-facts.js';
import { REVIEW_ORDER_COLUMNS, type ReviewRow } from './review-rows.js';
import { pendingIdsOf } from './review-scope.js';
import { asExceptions } from './review-moves.js';
import { SliceWrites } from './review-writes.js';
import { blocking, reviewFindings } from './review-rules.js';

export type BatchOutcome = 'approved' | 'exception' | 'refused' | 'skipped';

export interface BatchResult {
  orderId: number;
  orderNo: string;
  outcome: BatchOutcome;
  reasons: { code: ExceptionCode | 'state' | 'not-found'; message: string }[];
}

/**
 * `auto`: 自动审单 — each order that passes every rule is approved, each that fails becomes 异常
 * with its reasons. `batch`: 批量审核 — the orders a person picked are approved when they pass
 * every rule; the rest stay as they are and are reported.
 */
export type BatchMode = 'auto' | 'batch';

const ELIGIBLE: Record<BatchMode, readonly OrderStatus[]> = { auto: ['pending'], batch: ['pending', 'exception'] };

// One transaction per slice keeps each write short for the other clerks (a thousand orders hold
// the writer for 0.1–0.2 s), while the facts of a slice still load in a handful of
// queries. Each slice also pays for what does not grow with it — the commit writing every page it
// touched, the stock and catalog of its SKUs, listings' stock check — so slices of 400 cost about
// 15 % more CPU for 5,000 orders (bench/auto-review.mjs).
const CHUNK = 1000;
const QUEUE_COLUMNS = 'priority, placed_at, id';
const QUEUE_ORDER = `ORDER BY ${QUEUE_COLUMNS}`;

/** The orders a clerk chose, or (自动审单 only) the 待审核 orders a list filter shows. */
/** `customer`: whether the clerk may see receivers, which decides what a filter's `q` matches. */
export type BatchRun = { mode: BatchMode; by: StepBy; locale: Locale } & ({ orderIds: number[] } | { filter: OrderFilter; expectedCount?: number; customer: boolean });

async function reviewSlice(ctx: PluginContext, stock: StockOps, tx: Transaction, ids: number[], run: BatchRun): Promise<BatchResult[]> {
  const rows = await jsonRows<ReviewRow>(tx, REVIEW_ORDER_COLUMNS, 'FROM fulfillment_orders WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)], QUEUE_COLUMNS);
  const found = new Set(rows.map((r) => r.id));
  const results: BatchResult[] = ids
    .filter((id) => !found.has(id))
    .map((id) => ({ orderId: id, orderNo: '', outcome: 'skipped', reasons: [{ code: 'not-found', message: run.locale === 'en' ? 'No such order' : '订单不存在' }] }));
  const eligible = rows.filter((r) => ELIGIBLE[run.mode].includes(r.status));
  for (const r of rows) {
    if (ELIGIBLE[run.mode].includes(r.status)) continue;
    const state = ORDER_STATUS_NAMES[r.status];
    results.push({ orderId: r.id, orderNo: r.order_no, outcome: 'skipped', reasons: [{ code: 'state', message: run.locale === 'en' ? `It is "${state.en}"` : `订单是「${state['zh-CN']}」，不在审核范围` }] });
  }
  const settings = fulfillmentSettings(ctx);
  const batch = await loadBatchFacts(tx, stock, ctx.services.get(CatalogToken), eligible);
  const writes = new SliceWrites({ by: run.by, at: ctx.now() }, run.mode);
  for (const row of eligible) {
    const facts = factsOf(batch, row);
    const failing = blocking(reviewFindings(settings, facts), 'auto');
    const reasons = failing.map((f) => ({ code: f.code ?? ('manual' as const), message: f.message[run.locale === 'en' ? 'en' : 'zh-CN'] }));
    if (failing.length === 0) {
      writes.approve(row, facts.items);
      takeStock(batch, row);
      results.push({ orderId: row.id, orderNo: row.order_no, outcome: 'approved', reasons });
    } else if (run.mode === 'auto') {
      writes.exception(row, asExceptions(failing), failing.map((f) => f.code));
      results.push({ orderId: row.id, orderNo: row.order_no, outcome: 'exception', reasons });
    } else {
      results.push({ orderId: row.id, orderNo: row.order_no, outcome: 'refused', reasons });
    }
  }
  await writes.flush(tx, stock);
  return results;
}

/** Reviews the orders in queue order (priority, then first placed), a slice per transaction. */
export async function runBatchReview(ctx: PluginContext, stock: StockOps, run: BatchRun): Promise<BatchResult[]> {
  const ids = 'orderIds' in run ? [...new Set(run.orderIds)] : await ctx.db.read((q) => pendingIdsOf(ctx, q, run, run.customer));
  const results: BatchResult[] = [];
  if ('orderIds' in run) {
    // The caller's orders are reviewed in queue order too, so the first in line gets the last piece.
    const ordered = await ctx.db.read((q) => q.all<{ id: number }>(`SELECT id FROM fulfillment_orders WHERE id IN (SELECT value FROM json_each(?)) ${QUEUE_ORDER}`, [JSON.stringify(ids)]));
    const known = new Set(ordered.map((r) => r.id));
    ids.splice(0, ids.length, ...ordered.map((r) => r.id), ...ids.filter((id) => !known.has(id)));
  }
  for (let i = 0; i < ids.length; i += CHUNK) {
    const slice = ids.slice(i, i + CHUNK);
    results.push(...(await ctx.db.transaction((tx) => stock.batch(() => reviewSlice(ctx, stock, tx, slice, run)))));
  }
  return results;
}
