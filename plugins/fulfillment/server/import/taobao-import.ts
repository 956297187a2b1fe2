import { ColumnsUnmappedError, readCsvHeader, Turns, type ImportRequest, type LocalizedText, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { resolveImportCodes } from '../mapping/import-codes.js';
import { stepBy } from '../shared/actor.js';
import { fulfillmentSettings, type FulfillmentSettings } from '../settings.js';
import { CatalogToken } from '../tokens.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { dropIndexesForBulkLoad } from './bulk-indexes.js';
import { planImport, type ImportPlan, type SkuInfo } from './import-plan.js';
import { announceImport, lastOrderId } from './import-news.js';
import { writePlan } from './import-write.js';
import { readItemReport, type ItemReport, type ParsedItem } from './item-rows.js';
import { readOrderReport, type ParsedOrder } from './order-rows.js';
import { moneyReader } from './report-cells.js';
import { pairReports, type ReportPair } from './report-files.js';
import { ITEM_COLUMN_GROUPS, ITEM_REPORT_COLUMNS, ORDER_REPORT_COLUMNS } from './report-columns.js';
import { REASONS, type Rejection } from './row-reasons.js';
import { ShopClock } from './shop-clock.js';
import { readStoredOrders } from './stored-orders.js';
import { screenByHash } from './hash-screen.js';
import { orderHash } from './order-hash.js';
import { filesDigest, markSettled, readingContext, sameReportsStored, type ReportsReading } from './same-reports.js';

/** What the `taobao-orders` importer answers (README "Import"); texts in the uploader's language. */
export interface TaobaoImportResult {
  /** The `fulfillment_imports` row, or null when rows were refused and nothing was written. */
  importId: number | null;
  created: number;
  updated: number;
  unchanged: number;
  /** Item lines the reports hold. */
  items: number;
  /** Orders that became 异常 (unknown SKU, an item no mapping names, refund). */
  exceptions: number;
  /** Orders closed because the trade is closed on Taobao. */
  closed: number;
  /** 商家编码 new to listings, recorded there as SKUs to complete. */
  skuStubs: string[];
  /** Orders the platform's news could not move (already picked …): someone must look at them. */
  attention: { orderNo: string; reason: string }[];
  rejected: { file: string; row: number; column: string; reason: string }[];
}

const say = (text: LocalizedText, locale: string) => (typeof text === 'string' ? text : (locale === 'en' ? text.en : undefined) ?? text['zh-CN']);

function refusedResult(rejected: Rejection[], fileOrder: string[], locale: string): TaobaoImportResult {
  const sorted = [...rejected].sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.row - b.row);
  return {
    importId: null, created: 0, updated: 0, unchanged: 0, items: 0, exceptions: 0, closed: 0, skuStubs: [], attention: [],
    rejected: sorted.map((r) => ({ file: r.file, row: r.row, column: r.column, reason: say(r.reason, locale) })),
  };
}

/**
 * Every line to its order, keyed by 子订单编号 or else its position in the order; a line without
 * an order, a repeated line and an order without lines are refused.
 */
async function linkItems(orders: Map<string, ParsedOrder>, refused: Set<string>, items: ItemReport, files: { orders: string; items: string }, turns: Turns): Promise<Rejection[]> {
  const rejected: Rejection[] = [];
  for (const item of items.items) {
    if (turns.due) await turns.next();
    const order = orders.get(item.orderNo);
    if (!order) {
      if (!refused.has(item.orderNo)) rejected.push({ file: files.items, row: item.row, column: items.orderColumn, reason: REASONS.itemWithoutOrder(item.orderNo) });
      continue;
    }
    if (item.lineKey === '') item.lineKey = String(order.items.length + 1);
    let earlier: ParsedItem | undefined;
    for (const line of order.items) if (line.lineKey === item.lineKey) earlier = line;
    if (earlier) rejected.push({ file: files.items, row: item.row, column: items.lineColumn, reason: REASONS.repeatedLine(order.orderNo, item.lineKey, earlier.row) });
    else order.items.push(item);
  }
  for (const order of orders.values()) {
    if (order.items.length === 0 && !items.refused.has(order.orderNo)) rejected.push({ file: files.orders, row: order.row, column: '订单编号', reason: REASONS.orderWithoutItems(order.orderNo) });
  }
  return rejected;
}

/**
 * The mappings the clerk saved for the two reports' layouts; when either header still lacks a
 * required column, the import ends before reading a row, asking about both files at once.
 */
function headerMappings(reports: ReportPair, request: ImportRequest) {
  const orderCells = reports.orders.records[0]?.cells ?? [];
  const itemCells = reports.items.records[0]?.cells ?? [];
  const mappings = { orders: request.columnMapping(orderCells), items: request.columnMapping(itemCells) };
  const asking = [
    { file: reports.orders.name, header: readCsvHeader(orderCells, ORDER_REPORT_COLUMNS, { mapping: mappings.orders }) },
    { file: reports.items.name, header: readCsvHeader(itemCells, ITEM_REPORT_COLUMNS, { oneOf: ITEM_COLUMN_GROUPS, mapping: mappings.items }) },
  ].filter((f) => f.header.asks);
  if (asking.length) throw new ColumnsUnmappedError(asking);
  return mappings;
}

/** What the import keeps of the two reports once they are read: their names, the orders with their lines, the refusals. */
interface ReadReports {
  names: { orders: string; items: string };
  /** How they were read, kept with the import to know the same files again (same-reports.ts). */
  reading: Pick<ReportsReading, 'orderFile' | 'headers' | 'context'>;
  orders: Map<string, ParsedOrder>;
  itemReport: ItemReport;
  rejected: Rejection[];
}

/**
 * Both reports decoded, read, checked and linked. The files' records (millions of cells) stay in
 * this function: once it returns they can go, and the rest of the import, the writing above all,
 * does not carry them through every garbage collection.
 */
async function readReports(ctx: PluginContext, request: ImportRequest, settings: FulfillmentSettings, turns: Turns): Promise<ReadReports> {
  const { files, progress } = request;
  const reports = await pairReports(files, turns);
  const mappings = headerMappings(reports, request);
  const names = { orders: reports.orders.name, items: reports.items.name };
  const readWith = {
    orderFile: reports.orders.index,
    headers: { orders: reports.orders.records[0]?.cells ?? [], items: reports.items.records[0]?.cells ?? [] },
    context: readingContext(ctx, settings, mappings),
  };

  const rows = reports.orders.records.length + reports.items.records.length - 2;
  let read = 0;
  const reading = { 'zh-CN': '行已读取', en: 'rows read' };
  progress.report({ done: 0, total: rows, message: reading });
  // The progress bar shows "done / total" itself; each message only names the unit.
  const onRow = () => {
    if (++read % 1000 === 0) progress.report({ done: read, total: rows, message: reading });
  };
  const money = moneyReader();
  const orderReport = await readOrderReport(names.orders, reports.orders.records, { clock: new ShopClock(ctx), money, couriers: settings.couriers, onRow, turns, mapping: mappings.orders });
  const itemReport = await readItemReport(names.items, reports.items.records, { money, onRow, turns, mapping: mappings.items });
  progress.report({ done: rows, total: rows, message: reading });
  const rejected = [...reports.rejected, ...orderReport.rejected, ...itemReport.rejected];
  // Only readable headers say where every line belongs.
  if (orderReport.rejected.every((r) => r.row > 1) && itemReport.rejected.every((r) => r.row > 1)) rejected.push(...(await linkItems(orderReport.orders, orderReport.refused, itemReport, names, turns)));
  return { names, reading: readWith, orders: orderReport.orders, itemReport, rejected };
}

/**
 * The same two files as an import that nothing has changed since (same-reports.ts): every order
 * unchanged, as reading them would have found, recorded as an import of its own. Undefined
 * otherwise, and nothing written.
 */
async function settleSameReports(ctx: PluginContext, request: ImportRequest, settings: FulfillmentSettings, digest: string): Promise<TaobaoImportResult | undefined> {
  const { actor, files, progress } = request;
  return ctx.db.transaction(async (tx: Transaction) => {
    const reading = await sameReportsStored(tx, ctx.services.get(CatalogToken), ctx, request, settings, digest);
    if (!reading) return undefined;
    const fileOrder = [files[reading.orderFile]!.name, files[1 - reading.orderFile]!.name];
    const by = stepBy(actor);
    const { lastId: importId } = await tx.run(
      'INSERT INTO fulfillment_imports (file_names, created, updated, unchanged, exceptions, actor_id, actor_name, at, files_digest, reading) VALUES (?, 0, 0, ?, 0, ?, ?, ?, ?, ?)',
      [JSON.stringify(fileOrder), reading.orders, by.id, by.name, ctx.now(), digest, JSON.stringify(reading)],
    );
    progress.report({ done: reading.orders, total: reading.orders, message: { 'zh-CN': '个订单与上次导入相同', en: 'orders as last imported' } });
    return { importId, created: 0, updated: 0, unchanged: reading.orders, items: reading.items, exceptions: 0, closed: 0, skuStubs: [], attention: [], rejected: [] };
  });
}

/**
 * The 订单报表 + 宝贝报表 import: both files read and checked in memory first; then, only if no
 * row was refused, one transaction looks up what is stored (one query each for orders, lines and
 * SKU codes), writes new orders in multi-row statements, updates what changed and moves orders
 * the platform closed or is refunding. Every stage works in slices of a few milliseconds
 * (`Turns`), so the server answers other requests throughout, however large the reports. The
 * loops ask `turns.due` and await only when the slice is up: an await on every row, line and
 * order (some 700,000 in an import of 100,000 orders) cost more than the slices themselves.
 */
export async function runTaobaoImport(ctx: PluginContext, stock: StockOps, request: ImportRequest): Promise<TaobaoImportResult> {
  const { actor, locale, progress } = request;
  const settings = fulfillmentSettings(ctx);
  const turns = new Turns();
  const digest = filesDigest(request.files);
  const same = request.files.length === 2 ? await settleSameReports(ctx, request, settings, digest) : undefined;
  if (same) return same;
  const { names, reading, orders, itemReport, rejected } = await readReports(ctx, request, settings, turns);
  const fileOrder = [names.orders, names.items];
  if (rejected.length) return refusedResult(rejected, fileOrder, locale);

  const catalog = ctx.services.get(CatalogToken);
  const writing = { 'zh-CN': '个订单已写入', en: 'orders written' };
  return ctx.db.transaction(async (tx: Transaction) => {
    // Orders whose report matches the one last written are settled here, without reading them.
    const screen = await screenByHash(tx, catalog, orders.values(), turns);
    const stored = await readStoredOrders(tx, screen.compare.map((o) => o.orderNo));
    const found = await resolveImportCodes(tx, catalog, screen.compare.flatMap((o) => o.items), stored);
    for (const o of screen.compare) if (!screen.hashes.has(o.orderNo)) screen.hashes.set(o.orderNo, orderHash(o));
    const skus = new Map<string, SkuInfo>([...found].map(([code, sku]) => [code, { id: sku.id, needsCompleting: sku.needsCompleting }]));
    const plan: ImportPlan = await planImport(settings, names.items, screen.compare, stored, skus, turns);
    if (plan.rejected.length) return refusedResult(plan.rejected, fileOrder, locale);
    plan.unchanged += screen.unchanged;

    const skuIds = new Map([...skus].map(([code, sku]) => [code, sku.id]));
    const skuStubs: string[] = [];
    for (const [code, title] of plan.unknownCodes) {
      const { sku, created } = await catalog.ensureSku(code, { title, tx });
      skuIds.set(code, sku.id);
      if (created) skuStubs.push(code);
    }
    const by = stepBy(actor);
    const now = ctx.now();
    const { lastId: importId } = await tx.run(
      'INSERT INTO fulfillment_imports (file_names, created, updated, unchanged, exceptions, actor_id, actor_name, at) VALUES (?, 0, 0, 0, 0, ?, ?, ?)',
      [JSON.stringify(fileOrder), by.id, by.name, now],
    );
    const rebuildIndexes = await dropIndexesForBulkLoad(tx, plan.creates.length);
    const lastIdBefore = await lastOrderId(tx);
    const total = plan.creates.length + plan.changes.length;
    progress.report({ done: 0, total, message: writing });
    let lastReported = 0;
    // Many closes and refunds release many reservations: listings hears of the SKUs once.
    const written = await stock.batch(() => writePlan(
      {
        ctx, tx, stock, by, now, importId, lastId: lastIdBefore, orderFile: names.orders, skuIds, hashes: screen.hashes, digest, turns,
        onOrders: (n) => {
          if (n - lastReported < 1000 && n < total) return;
          lastReported = n;
          progress.report({ done: n, total, message: writing });
        },
      },
      plan,
    ));
    const result: TaobaoImportResult = {
      importId,
      created: plan.creates.length,
      updated: plan.changes.length,
      unchanged: plan.unchanged,
      items: itemReport.items.length,
      exceptions: written.exceptions,
      closed: written.closed,
      skuStubs,
      attention: plan.attention.map((a) => ({ orderNo: a.orderNo, reason: say(a.reason, locale) })),
      rejected: [],
    };
    await rebuildIndexes?.();
    await announceImport(ctx, tx, plan, skuIds, lastIdBefore);
    await markSettled(tx, screen.settled, digest);
    const codes = new Set<string>();
    for (const o of orders.values()) for (const i of o.items) codes.add(i.code);
    const kept: ReportsReading = { ...reading, orders: orders.size, items: itemReport.items.length, codes: [...codes] };
    await tx.run('UPDATE fulfillment_imports SET created = ?, updated = ?, unchanged = ?, exceptions = ?, files_digest = ?, reading = ? WHERE id = ?', [
      result.created, result.updated, result.unchanged, result.exceptions, digest, JSON.stringify(kept), importId,
    ]);
    return result;
  });
}
