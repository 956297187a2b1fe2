// Reading and writing the spreadsheets of shipping: the batch-shipping file, the bulk-shipping
// export for the platform and couriers' statements. Excel on a Chinese PC saves GBK and turns long
// digit strings into numbers, so both directions need care.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { LocalizedText } from '@workbench/plugin-api';

/** A cell the import refused: `row` as Excel numbers it (the header is row 1). */
export interface RowProblem {
  row: number;
  column: string;
  reason: LocalizedText;
}

/**
 * CSV bytes as text: UTF-8 (with or without BOM) when they are valid UTF-8, else GBK (decoded as
 * GB18030, its superset, so rarer characters survive).
 */
export function decodeCsv(bytes: Uint8Array): string {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030');
  }
}

/** Text as CSV bytes: GBK, or UTF-8 with a BOM so Excel recognises it. */
export function encodeCsv(text: string, encoding: 'utf-8' | 'gbk'): Uint8Array<ArrayBuffer> {
  if (encoding === 'gbk') return new Uint8Array(iconv.encode(text, 'gbk'));
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
}

/** A header cell without BOM, spaces and full-width brackets: `重量（千克） ` → `重量(千克)`. */
export function cleanHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** A cell as written, without Excel's `="…"` wrapper or the quote {@link plainText} adds. */
export function unwrapCell(value: string): string {
  const trimmed = value.trim();
  const wrapped = /^="(.*)"$/s.exec(trimmed);
  return (wrapped ? wrapped[1]! : trimmed.replace(/^'(?=[=+\-@])/, '')).trim();
}

/** Free text for Excel: a leading `=`, `+`, `-` or `@` would run as a formula, so it gets a `'`. */
export function plainText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Digits Excel would turn into a number (6.9E+15, lost zeros) kept as text with `="…"`. */
export function excelText(value: string): string {
  return /^\d{6,}$|^0\d+$/.test(value) ? `="${value}"` : plainText(value);
}

/** One CSV line, fields quoted where they hold a comma, quote, line break or edge space. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

/** The records of a CSV text, the header first; ragged rows and stray quotes are tolerated. */
export function csvRecords(text: string): string[][] {
  return parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
}

/** Where each known column is in the header, by the first header cell `match` names. */
export function columnIndex<C extends string>(header: readonly string[], match: (clean: string) => C | undefined): Map<C, { at: number; header: string }> {
  const index = new Map<C, { at: number; header: string }>();
  header.forEach((cell, at) => {
    const column = match(cleanHeader(cell));
    if (column && !index.has(column)) index.set(column, { at, header: cleanHeader(cell) });
  });
  return index;
}

/** Whether a weight header counts in grams (`重量(克)`, `重量g`) rather than kilograms, the couriers' usual unit. */
export function headerInGrams(header: string): boolean {
  return /克|\(g\)|g$/i.test(header) && !/千克|公斤|kg/i.test(header);
}

/** Why a weight cell could not be read. */
export type WeightProblem = 'not-a-weight' | 'zero' | 'too-precise' | 'too-heavy';

// 1 000 kg is beyond any parcel a shop sends; it keeps typing slips like 12500 kg out.
const MAX_GRAMS = 1_000_000;

/**
 * A weight cell as whole grams: `1.25` kg → 1250, `830` 克 → 830. A unit written in the cell
 * (`1.2kg`, `830g`, `0.5公斤`, `830克`) wins over the header's. Read digit by digit, so 0.1 kg is
 * exactly 100 g; finer than a gram is refused rather than rounded.
 */
export function parseWeight(cell: string, headerGrams: boolean): { grams: number } | { problem: WeightProblem } {
  const text = cell.trim().replace(/\s+/g, '');
  const unit = /(kg|千克|公斤|g|克)$/i.exec(text);
  const grams = unit ? !/kg|千克|公斤/i.test(unit[1]!) : headerGrams;
  const number = unit ? text.slice(0, -unit[1]!.length) : text;
  const match = /^(\d{1,7})(?:\.(\d+))?$/.exec(number);
  if (!match) return { problem: 'not-a-weight' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > (grams ? 0 : 3)) return { problem: 'too-precise' };
  const value = grams ? Number(match[1]) : Number(match[1]) * 1000 + Number(decimals.padEnd(3, '0'));
  if (value === 0) return { problem: 'zero' };
  if (value > MAX_GRAMS) return { problem: 'too-heavy' };
  return { grams: value };
}

export const WEIGHT_REASONS: Record<WeightProblem, (cell: string) => LocalizedText> = {
  'not-a-weight': (cell) => ({ 'zh-CN': `“${cell}”不是重量，请写成 1.25（公斤）或 1250克`, en: `“${cell}” is not a weight; write 1.25 (kg) or 1250g` }),
  zero: (cell) => ({ 'zh-CN': `重量要大于 0（${cell}）`, en: `The weight must be above 0 (${cell})` }),
  'too-precise': (cell) => ({ 'zh-CN': `重量最多精确到 1 克（${cell}）`, en: `Weights go down to the gram, no finer (${cell})` }),
  'too-heavy': (cell) => ({ 'zh-CN': `重量超过 1000 公斤，请检查单位（${cell}）`, en: `Over 1000 kg; check the unit (${cell})` }),
};
