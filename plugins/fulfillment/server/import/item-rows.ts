import { refundStateOf, type RefundState } from '../../shared/refund-state.js';
import type { CsvColumnMapping, CsvRecord, Turns } from '@workbench/plugin-api';
import { readHeader, RowCells, type MoneyReader } from './report-cells.js';
import { ITEM_COLUMN_GROUPS, ITEM_COLUMNS, ITEM_REPORT_COLUMNS, type ItemColumn } from './report-columns.js';
import { REASONS, type Rejection } from './row-reasons.js';

/** One line of the 宝贝报表, read and checked; the unit price in 分. */
export interface ParsedItem {
  row: number;
  orderNo: string;
  /**
   * 子订单编号 when the report has it, else the line's position within its order (1, 2 …),
   * given when the line joins its order.
   */
  lineKey: string;
  /**
   * 商家编码, else 外部系统编号; '' when the line has neither. The import then puts in the code of
   * the SKU a platform item mapping names, where one does (server/mapping/import-codes.ts).
   */
  code: string;
  title: string;
  properties: string;
  quantity: number;
  price: number;
  refundStatus: string | null;
  refundState: RefundState;
  /** 退款金额 of the line, 分. */
  refundAmount: number;
}

export interface ItemReport {
  items: ParsedItem[];
  rejected: Rejection[];
  /** The header name the order number was read from (主订单编号 or 订单编号), for refusals. */
  orderColumn: string;
  /** Orders with a refused line, so they are not also refused for having no lines. */
  refused: Set<string>;
  /** The header name of the line key, for refusals of a repeated line. */
  lineColumn: string;
}

/** Reads the 宝贝报表 rows in slices of `turns`; a row with any unreadable cell is refused whole, naming each cell. */
export async function readItemReport(file: string, records: readonly CsvRecord[], deps: { money: MoneyReader; onRow: () => void; turns: Turns; mapping?: CsvColumnMapping }): Promise<ItemReport> {
  const { index, rejected } = readHeader<ItemColumn>(file, records[0], ITEM_REPORT_COLUMNS, '宝贝报表', { oneOf: ITEM_COLUMN_GROUPS, mapping: deps.mapping });
  // In layouts with sub-orders, 主订单编号 is the order and 子订单编号 the line.
  const orderKey: ItemColumn = index.has('mainOrderNo') ? 'mainOrderNo' : 'orderNo';
  const items: ParsedItem[] = [];
  const refused = new Set<string>();
  const lineColumn = index.has('subOrderNo') ? ITEM_COLUMNS.subOrderNo : ITEM_COLUMNS[orderKey];
  if (rejected.length) return { items, rejected, orderColumn: ITEM_COLUMNS[orderKey], refused, lineColumn };
  const cells = new RowCells<ItemColumn>(file, index, deps.money);
  for (let r = 1; r < records.length; r++) {
    if (deps.turns.due) await deps.turns.next();
    deps.onRow();
    cells.load(records[r]!);
    if (cells.blank()) continue;
    const orderNo = cells.text(orderKey, 32);
    if (orderNo === '') cells.refuse(orderKey, REASONS.empty(ITEM_COLUMNS[orderKey]));
    else if (!/^\d+$/.test(orderNo)) cells.refuse(orderKey, REASONS.orderNo(orderNo));
    const lineKey = cells.text('subOrderNo', 64);
    // A line without any code is read all the same: a platform item mapping names its SKU.
    const code = cells.text('code', 64) || cells.text('outerId', 64);
    const quantityText = cells.text('quantity', 12);
    const quantity = /^\d{1,6}$/.test(quantityText) ? Number(quantityText) : 0;
    if (quantity < 1) cells.refuse('quantity', quantityText === '' ? REASONS.empty(ITEM_COLUMNS.quantity) : REASONS.quantity(quantityText));
    const refundStatus = cells.text('refundStatus', 100) || null;
    const item: ParsedItem = {
      row: cells.row,
      orderNo,
      lineKey,
      code,
      title: cells.text('title', 200),
      properties: cells.text('properties', 500),
      quantity,
      price: cells.fen('price'),
      refundStatus,
      refundState: refundStateOf(refundStatus),
      refundAmount: cells.fen('refundAmount'),
    };
    if (cells.problems.length) {
      rejected.push(...cells.problems);
      refused.add(orderNo);
      continue;
    }
    items.push(item);
  }
  return { items, rejected, orderColumn: ITEM_COLUMNS[orderKey], refused, lineColumn };
}
