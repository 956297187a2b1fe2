import { decodeCsvInTurns, isBlankCsvRecord, readCsvInTurns, Turns, type CsvColumns, type CsvProblem, type ImportRequest, type LocalizedText, type PluginContext } from '@workbench/plugin-api';
import type { BatchShippingReport } from '../../shared/records.js';
import { fulfillmentSettings } from '../settings.js';
import { stepBy } from '../shared/actor.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { courierFromText, courierNames } from './courier-rules.js';
import { shipOrder } from './ship-order.js';
import { inLocale, refusalOf } from './texts.js';
import { headerInGrams, parseWeight, WEIGHT_REASONS } from './weight-cells.js';

type Column = '订单编号' | '物流公司' | '物流单号' | '重量';

/** The columns by the headers shops and ERPs write; the weight's header may name its unit (`重量(克)`). */
const COLUMNS = {
  订单编号: { header: '订单编号', also: ['订单号', '主订单编号'], required: true },
  物流公司: { header: '物流公司', also: ['快递公司'] },
  物流单号: { header: '物流单号', also: ['运单号', '快递单号'], required: true },
  重量: { header: '重量', also: [/^重量/] },
} satisfies CsvColumns<Column>;

/** Where a refusal of the ship function points, as a column of the file. */
const COLUMN_OF_FIELD: Record<string, Column> = { '/courier': '物流公司', '/trackingNo': '物流单号', '/weightGrams': '重量' };

interface BatchRow {
  row: number;
  orderNo: string;
  courierText: string;
  courier?: string;
  trackingNo: string;
  weightGrams?: number;
}

/** The rows of the file, or the problems that keep a row from being read; read in slices of `turns`. */
async function readRows(ctx: PluginContext, text: string, turns: Turns, readHeader: ImportRequest['readHeader']): Promise<{ rows: BatchRow[]; problems: CsvProblem[] }> {
  const { records: [first, ...data], problems: unreadable } = await readCsvInTurns(text, turns);
  const header = readHeader(first?.cells ?? [], COLUMNS);
  const problems: CsvProblem[] = [...header.problems];
  if (problems.length) return { rows: [], problems };
  problems.push(...unreadable);
  const settings = fulfillmentSettings(ctx);
  const weight = header.found('重量');
  const grams = weight ? headerInGrams(weight) : false;
  const rows: BatchRow[] = [];
  const seen = new Map<string, number>();
  for (const { cells: record, row } of data) {
    await turns.pause();
    const cell = (column: Column) => header.cell(record, column);
    if (isBlankCsvRecord(record)) continue;
    const refuse = (column: Column, reason: LocalizedText) => problems.push({ row, column, reason });
    const before = problems.length;
    const orderNo = cell('订单编号');
    if (!orderNo) refuse('订单编号', { 'zh-CN': '没有填订单编号', en: 'The order number is empty' });
    const earlier = seen.get(orderNo);
    if (orderNo && earlier !== undefined) refuse('订单编号', { 'zh-CN': `订单 ${orderNo} 在第 ${earlier} 行已经有了，一个订单只发一次`, en: `Order ${orderNo} already appears in row ${earlier}; an order ships once` });
    if (orderNo && earlier === undefined) seen.set(orderNo, row);
    const courierText = cell('物流公司');
    const courier = courierText ? courierFromText(settings, courierText) : undefined;
    if (courierText && !courier) refuse('物流公司', { 'zh-CN': `认不出快递公司“${courierText}”，可写：${courierNames(settings)}`, en: `Unknown courier “${courierText}”; write one of ${courierNames(settings)}` });
    const trackingNo = cell('物流单号');
    if (!trackingNo) refuse('物流单号', { 'zh-CN': '没有填运单号', en: 'The tracking number is empty' });
    const weightCell = cell('重量');
    let weightGrams: number | undefined;
    if (weightCell) {
      const parsed = parseWeight(weightCell, grams);
      if ('problem' in parsed) refuse('重量', WEIGHT_REASONS[parsed.problem](weightCell));
      else weightGrams = parsed.grams;
    }
    if (problems.length === before) rows.push({ row, orderNo, courierText, ...(courier ? { courier: courier.code } : {}), trackingNo, ...(weightGrams === undefined ? {} : { weightGrams }) });
  }
  return { rows, problems };
}

/** Thrown to take a batch with refused rows back: all or nothing. */
class BatchRefused extends Error {}

/**
 * The `batch-shipping` importer: 订单编号, 物流公司 (name or code), 物流单号 and an optional 重量.
 * Every row goes through the same shipping as the station, each in a savepoint so a refused row
 * leaves no trace for the rows after it; one refused row and nothing ships. The file is decoded
 * and read in slices (`Turns`) and every row waits on the database, so the server answers others
 * throughout.
 */
export function registerBatchShipping(ctx: PluginContext, stock: StockOps): void {
  ctx.importers.register('batch-shipping', async ({ file, actor, locale, progress, readHeader }: ImportRequest): Promise<BatchShippingReport> => {
    const turns = new Turns();
    const { rows, problems } = await readRows(ctx, (await decodeCsvInTurns(file.bytes, turns)).text, turns, readHeader);
    const total = rows.length;
    const counted = (done: number) => ({ done, total, message: { 'zh-CN': '单已处理', en: 'orders processed' } });
    progress.report(counted(0));
    const by = stepBy(actor);
    let shipped = 0;
    if (problems.length === 0) {
      try {
        shipped = await ctx.db.transaction(async (tx) => {
          let done = 0;
          for (const row of rows) {
            const order = await tx.get<{ id: number }>('SELECT id FROM fulfillment_orders WHERE order_no = ?', [row.orderNo]);
            if (!order) {
              problems.push({ row: row.row, column: '订单编号', reason: { 'zh-CN': `没有订单编号为 ${row.orderNo} 的订单`, en: `No order has the number ${row.orderNo}` } });
            } else {
              try {
                await ctx.db.transaction((inner) => shipOrder(inner, { ctx, stock, by }, order.id, row));
              } catch (error) {
                const refusal = refusalOf(error);
                problems.push({ row: row.row, column: (refusal.path && COLUMN_OF_FIELD[refusal.path]) || '订单编号', reason: refusal.text });
              }
            }
            progress.report(counted(++done));
          }
          if (problems.length) throw new BatchRefused();
          return rows.length;
        });
      } catch (error) {
        if (!(error instanceof BatchRefused)) throw error;
        shipped = 0;
      }
    }
    const rejected = problems.sort((a, b) => a.row - b.row).map((p) => ({ row: p.row, column: p.column, reason: inLocale(p.reason, locale) }));
    return { shipped, rejected };
  });
}
