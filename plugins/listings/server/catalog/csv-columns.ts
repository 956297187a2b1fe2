/** The columns of the product CSV, by the header a clerk sees in Excel. */
export const CSV_COLUMNS = ['货号', '标题', '分类', '面料', '描述', '运费模板', '商家编码', '颜色', '尺码', '价格', '成本', '条形码', '重量(克)', '预警线'] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const KNOWN: ReadonlySet<string> = new Set(CSV_COLUMNS);

/**
 * The column a header cell names: stray spaces, a BOM and full-width brackets (`重量（克）`) are
 * forgiven, and `价格(元)` / `成本(元)` name the money columns. Unknown headers answer undefined.
 */
export function columnOf(header: string): CsvColumn | undefined {
  const clean = header.replace(/^\uFEFF/, '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const name = clean === '价格(元)' ? '价格' : clean === '成本(元)' ? '成本' : clean;
  return KNOWN.has(name) ? (name as CsvColumn) : undefined;
}

/** A cell as written, without Excel's `="…"` wrapper (used to keep long digit strings as text) or the quote {@link plainText} adds. */
export function unwrapCell(value: string): string {
  const trimmed = value.trim();
  const wrapped = /^="(.*)"$/s.exec(trimmed);
  return (wrapped ? wrapped[1]! : trimmed.replace(/^'(?=[=+\-@])/, '')).trim();
}

/**
 * Free text for Excel: a cell starting with `=`, `+`, `-` or `@` would run as a formula when the
 * file is opened (a product titled `=HYPERLINK(…)`), so it gets a leading `'`, which Excel hides
 * and {@link unwrapCell} removes again on import.
 */
export function plainText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * A cell for Excel: digit strings that Excel would turn into numbers (dropping leading zeros or
 * writing 6.9E+12) are wrapped as `="…"`; quoting is left to the CSV writer.
 */
export function excelText(value: string): string {
  return /^\d{6,}$|^0\d+$/.test(value) ? `="${value}"` : value;
}

/** One CSV line, with fields quoted where they hold a comma, quote or line break. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}
