import { encodeCsv, type CsvEncoding } from './decode.js';

// What Excel runs as a formula when the file is opened: a cell starting with = + - @, or with a
// tab or carriage return before one (a product titled =HYPERLINK(…) becomes a live link).
const FORMULA_START = /^[=+\-@\t\r]/;
// Digits Excel would turn into a number: 6.9E+15 for an order number, 12 for a 0012 code.
const EXCEL_NUMBER = /^\d{6,}$|^0\d+$/;

/**
 * A cell as Excel should show it: digits it would turn into a number are kept as text with
 * `="…"`, and text it would run as a formula gets a leading `'`. {@link unwrapCsvCell} takes both
 * off again when the file comes back.
 *
 * @example excelCell('3100000000000001') === '="3100000000000001"'; excelCell('=1+1') === "'=1+1"
 */
export function excelCell(value: string): string {
  if (EXCEL_NUMBER.test(value)) return `="${value}"`;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV line: each cell through {@link excelCell}, quoted where it holds a comma, quote, line break or edge space. */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((value) => {
      const cell = excelCell(value);
      return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
    })
    .join(',');
}

/** The CSV text of rows, the header first, with the CRLF Excel expects between and after rows. */
export const csvText = (rows: Iterable<readonly string[]>): string => {
  let text = '';
  for (const row of rows) text += `${csvLine(row)}\r\n`;
  return text;
};

/**
 * A whole CSV file for Excel: every cell safe (see {@link excelCell}), CRLF rows, GBK or UTF-8
 * with a BOM.
 *
 * @example
 * return new Response(writeCsv([['订单编号', '运单号'], [orderNo, trackingNo]], 'gbk'), { headers: { 'content-type': 'text/csv; charset=gbk' } });
 */
export const writeCsv = (rows: Iterable<readonly string[]>, encoding: CsvEncoding): Uint8Array<ArrayBuffer> => encodeCsv(csvText(rows), encoding);
