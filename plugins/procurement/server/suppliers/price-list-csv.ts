// Reading a supplier's price list (CSV, GBK or UTF-8) into rows, with every problem at its row and
// column; the route imports the rows only when there is none, so a file is never half taken.
import { decodeCsv, isBlankCsvRecord, moneyCellReason, parseYuan, readCsv, readCsvHeader, type CsvColumns, type CsvProblem } from '@workbench/plugin-api';
import type { SupplierItemInput } from './supplier-item-store.js';

const COLUMNS = {
  skuCode: { header: '商家编码', also: ['SKU编码', 'SKU 编码', '编码', '货品编码', 'sku', 'SKU code'], required: true },
  price: { header: '进货价', also: ['进价', '单价', '价格', '供货价', '采购价', 'price'], required: true },
  minQuantity: { header: '起订量', also: ['最小起订量', '起订数量', 'MOQ', 'minimum'] },
  validUntil: { header: '有效期至', also: ['有效期', '截止日期', '价格有效期', 'valid until'] },
} satisfies CsvColumns<'skuCode' | 'price' | 'minQuantity' | 'validUntil'>;

export interface PriceListRow extends SupplierItemInput {
  row: number;
}

export interface PriceList {
  rows: PriceListRow[];
  problems: CsvProblem[];
  /** The column names as the file writes them, for problems found later (unknown codes). */
  column: (key: keyof typeof COLUMNS) => string;
}

/** `2026-12-31`, `2026/12/31`, `2026.1.5` → `YYYY-MM-DD`, or undefined when it is not a real day. */
export function readDay(cell: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell.trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}

export function readPriceList(bytes: Uint8Array): PriceList {
  const { records, problems } = readCsv(decodeCsv(bytes).text);
  const [first, ...data] = records;
  const header = readCsvHeader(first?.cells ?? [], COLUMNS);
  const column = (key: keyof typeof COLUMNS) => header.name(key);
  if (header.problems.length > 0) return { rows: [], problems: [...problems, ...header.problems], column };
  const rows: PriceListRow[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of data) {
    if (isBlankCsvRecord(cells)) continue;
    const code = header.cell(cells, 'skuCode');
    if (code === '') {
      problems.push({ row, column: column('skuCode'), reason: { 'zh-CN': '没有商家编码：价格表按商家编码对应商品', en: 'No SKU code: the price list is matched to goods by it' } });
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problems.push({ row, column: column('skuCode'), reason: { 'zh-CN': `商家编码 ${code} 在第 ${earlier} 行已经有了`, en: `SKU code ${code} is already on row ${earlier}` } });
      continue;
    }
    seen.set(code, row);
    const priceCell = header.cell(cells, 'price');
    const price = parseYuan(priceCell);
    if ('problem' in price) problems.push({ row, column: column('price'), reason: moneyCellReason(column('price'), priceCell, price.problem) });
    const minCell = header.cell(cells, 'minQuantity');
    const minQuantity = minCell === '' ? 1 : Number(minCell);
    if (!Number.isInteger(minQuantity) || minQuantity < 1) {
      problems.push({ row, column: column('minQuantity'), reason: { 'zh-CN': `起订量“${minCell}”应是 1 或更大的整数`, en: `Minimum "${minCell}" should be a whole number of 1 or more` } });
    }
    const dayCell = header.cell(cells, 'validUntil');
    const validUntil = dayCell === '' ? null : readDay(dayCell);
    if (validUntil === undefined) {
      problems.push({ row, column: column('validUntil'), reason: { 'zh-CN': `有效期“${dayCell}”不是日期，请写成 2026-12-31`, en: `Valid until "${dayCell}" is not a date; write it as 2026-12-31` } });
    }
    if ('fen' in price && validUntil !== undefined && Number.isInteger(minQuantity) && minQuantity >= 1) rows.push({ row, skuCode: code, price: price.fen, minQuantity, validUntil });
  }
  return { rows, problems, column };
}
