import { invisibleCharacterIn, isBlankCsvRecord, moneyCellReason, readCsv, readCsvHeader, readCsvInTurns, Turns, type CsvColumns, type CsvHeader, type CsvProblem, type CsvRecords, type LocalizedText } from '@workbench/plugin-api';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns.js';
import { parseYuan } from '../shared/money.js';

/** A row the import refused: `row` as Excel numbers it (the header is row 1). */
export type Rejection = CsvProblem;

/** How the header is read: the importer's `readHeader` (with the clerk's saved mapping), or the plain reader. */
type HeaderReader = <K extends string>(cells: readonly string[], columns: CsvColumns<K>) => CsvHeader<K>;

/** The product-level cells of a row; absent means the cell was empty (keep what is stored). */
export interface ProductCells {
  title?: string;
  category?: string;
  fabric?: string;
  description?: string;
  shippingTemplate?: string;
}

export interface SkuCells {
  code: string;
  color?: string;
  size?: string;
  price?: number;
  cost?: number;
  barcode?: string;
  weightGrams?: number;
  lowStockThreshold?: number;
}

/** One readable data row: its product's 货号 and cells, and the SKU it describes, if any. */
export interface CsvRow {
  row: number;
  itemCode: string;
  product: ProductCells;
  sku?: SkuCells;
}

/** Cells that name or identify something, where a hidden character would make two look-alikes differ. */
const VISIBLE_ONLY: CsvColumn[] = ['货号', '商家编码', '条形码', '分类'];
const LIMITS: Partial<Record<CsvColumn, number>> = { 货号: 64, 商家编码: 64, 条形码: 64, 标题: 200, 分类: 81, 面料: 200, 颜色: 200, 尺码: 200, 运费模板: 100, 描述: 50000 };

/**
 * Reads the CSV text into rows, by header name. Cells that cannot be read become rejections naming
 * the row and column; rows with nothing in them are skipped but still counted, so the row numbers
 * stay those Excel shows.
 */
export function readCsvRows(text: string): { rows: CsvRow[]; rejected: Rejection[] } {
  const reader = recordReader(readCsv(text));
  if (reader.rows) for (let i = 0; i < reader.data.length; i++) reader.read(i);
  return { rows: reader.rows ?? [], rejected: reader.rejected };
}

/** Rows read between two turns of the event loop, so the server answers others while a large file is read. */
export const ROWS_PER_TURN = 200;
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** {@link readCsvRows} for a large file: parses and checks it a slice at a time, letting other requests in between. */
export async function readCsvRowsInTurns(text: string, onRead: (done: number, total: number) => void = () => undefined, readHeader: HeaderReader = readCsvHeader): Promise<{ rows: CsvRow[]; rejected: Rejection[] }> {
  const reader = recordReader(await readCsvInTurns(text, new Turns()), readHeader);
  if (reader.rows) {
    for (let i = 0; i < reader.data.length; i++) {
      reader.read(i);
      if ((i + 1) % ROWS_PER_TURN === 0) {
        onRead(i + 1, reader.data.length);
        await nextTurn();
      }
    }
  }
  return { rows: reader.rows ?? [], rejected: reader.rejected };
}

/**
 * The header's columns, then one data record at a time into rows or rejections; `rows` is absent
 * when the header lacks a required column. A quote that never closes is refused at its row.
 */
function recordReader({ records, problems }: CsvRecords, readHeader: HeaderReader = readCsvHeader): { data: CsvRecords['records']; rows?: CsvRow[]; rejected: Rejection[]; read: (i: number) => void } {
  const [first, ...data] = records;
  const header = readHeader(first?.cells ?? [], CSV_COLUMNS);
  const rejected: Rejection[] = [...header.problems];
  if (rejected.length > 0) return { data, rejected, read: () => undefined };
  rejected.push(...problems);

  const rows: CsvRow[] = [];
  const read = (i: number): void => {
    const { cells: record, row } = data[i]!;
    const cell = (column: CsvColumn): string | undefined => {
      const value = header.cell(record, column);
      return value === '' ? undefined : value;
    };
    if (isBlankCsvRecord(record)) return;
    const problems: Rejection[] = [];
    const refuse = (column: CsvColumn, reason: LocalizedText) => problems.push({ row, column, reason });
    for (const [column, max] of Object.entries(LIMITS) as [CsvColumn, number][]) {
      const value = cell(column);
      if (value !== undefined && value.length > max) refuse(column, { 'zh-CN': `${column}太长了（最多 ${max} 个字）`, en: `${column} is too long (at most ${max} characters)` });
      else if (value !== undefined && column !== '描述' && /[\r\n]/.test(value)) refuse(column, { 'zh-CN': `${column}里不能换行`, en: `${column} cannot contain line breaks` });
      else if (value !== undefined && VISIBLE_ONLY.includes(column)) {
        const hidden = invisibleCharacterIn(value);
        if (hidden) refuse(column, { 'zh-CN': `${column}“${value}”含有看不见的字符 ${hidden}，请在表格里删掉后重新输入`, en: `${column} “${value}” contains the invisible character ${hidden}; delete it in the sheet and type it again` });
      }
    }
    const money = (column: '价格' | '成本'): number | undefined => {
      const value = cell(column);
      if (value === undefined) return undefined;
      const parsed = parseYuan(value);
      if ('problem' in parsed) return void refuse(column, moneyCellReason(column, value, parsed.problem));
      return parsed.fen;
    };
    const count = (column: '重量(克)' | '预警线'): number | undefined => {
      const value = cell(column);
      if (value === undefined) return undefined;
      if (!/^\d{1,7}$/.test(value)) return void refuse(column, { 'zh-CN': `${column}要填不小于 0 的整数（“${value}”）`, en: `${column} must be a whole number, 0 or more (“${value}”)` });
      return Number(value);
    };
    const itemCode = cell('货号');
    if (itemCode === undefined) refuse('货号', { 'zh-CN': '没有填货号', en: 'The item code (货号) is empty' });
    const code = cell('商家编码');
    const sku = {
      color: cell('颜色'),
      size: cell('尺码'),
      price: money('价格'),
      cost: money('成本'),
      barcode: cell('条形码'),
      weightGrams: count('重量(克)'),
      lowStockThreshold: count('预警线'),
    };
    if (code === undefined && Object.values(sku).some((v) => v !== undefined)) {
      refuse('商家编码', { 'zh-CN': '填了 SKU 的内容却没有商家编码', en: 'SKU cells are filled in but the outer SKU code is empty' });
    }
    if (problems.length > 0) return void rejected.push(...problems);
    rows.push({
      row,
      itemCode: itemCode!,
      product: { title: cell('标题'), category: cell('分类'), fabric: cell('面料'), description: cell('描述'), shippingTemplate: cell('运费模板') },
      ...(code === undefined ? {} : { sku: { code, ...sku } }),
    });
  };
  return { data, rows, rejected, read };
}
