import { createHash } from 'node:crypto';
import type { LocalizedText } from '../i18n/localized-text.js';
import { CSV_REASONS, type CsvProblem } from './problems.js';

/**
 * A column a reader looks for, declared by the header a clerk sees in Excel. Other spellings of
 * the same column are declared beside it, so every importer of that file reads them alike.
 *
 * @example
 * const COLUMNS = {
 *   orderNo: { header: '订单编号', also: ['订单号'], required: true },
 *   weight: { header: '重量', also: [/^重量/] },
 * } satisfies CsvColumns<'orderNo' | 'weight'>;
 */
export interface CsvColumn {
  /** The header as the file is expected to write it; it names the column in problems. */
  header: string;
  /** Other headers meaning this column, tried in order after `header`; a RegExp is tested on the cleaned header. */
  also?: readonly (string | RegExp)[];
  /** A file without this column is refused with one problem on row 1. */
  required?: boolean;
}

export type CsvColumns<K extends string> = { readonly [P in K]: CsvColumn };

export interface CsvHeaderOptions<K extends string> {
  /** Groups of columns of which the file needs at least one; when it has none, the first is named. */
  oneOf?: readonly (readonly K[])[];
  /** The words for a missing column, when the file's origin warrants more than the plain "no such column". */
  missing?: (header: string) => LocalizedText;
  /**
   * A clerk's answer for this file's layout: the header cell (as {@link csvHeaderName} cleans it)
   * that holds each column, or null for an optional column the file does not have. It is tried
   * before the declared names. Importers get it from `ImportRequest.readHeader`.
   */
  mapping?: CsvColumnMapping;
}

/** Column key → the header cell holding it, or null: "not in this file" (optional columns only). */
export type CsvColumnMapping = Readonly<Record<string, string | null>>;

/** A declared column the header lacks, as the import dialog asks for it. */
export interface CsvUnmappedColumn {
  key: string;
  /** The declared header, which labels the field. */
  header: string;
  /** A file without it cannot be read; an optional one may be answered "not in the file". */
  required: boolean;
}

/**
 * The key of a file's layout: a hash of its header cells, cleaned as columns are matched and in
 * their order, so the same export reads as the same layout however Excel spaced its header.
 */
export function csvLayoutKey(cells: readonly string[]): string {
  const names = cells.map(csvHeaderName);
  while (names.length && names.at(-1) === '') names.pop();
  return createHash('sha256').update(names.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * A header cell as columns are matched: without a BOM and any white space (the stray and the
 * full-width spaces some exports add: `  收货人姓名 `, `重量　(克)`), full-width brackets as
 * half-width (`重量（克）` → `重量(克)`).
 */
export const csvHeaderName = (cell: string): string => cell.replace(/[\s\uFEFF]+/g, '').replace(/（/g, '(').replace(/）/g, ')');

// A leading ' is how Excel (and our writer) keeps a cell as text: before what would run as a
// formula, and before a number such as a phone number. A ' before other text is the clerk's own.
const TEXT_GUARD = /^'(?:[=+\-@\t\r]|[\d\s()+\-]+$)/;

/**
 * A cell as the shop means it: without Excel's `="…"` wrapper (kept on long numbers so Excel shows
 * every digit), without the `'` Excel and {@link excelCell} put before formulas and numbers, and
 * without surrounding spaces.
 *
 * @example unwrapCsvCell('="0012"') === '0012'; unwrapCsvCell("'=HYPERLINK(1)") === '=HYPERLINK(1)'
 */
export function unwrapCsvCell(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 3 && trimmed.startsWith('="') && trimmed.endsWith('"')) return trimmed.slice(2, -1).trim();
  return trimmed.charCodeAt(0) === 39 && TEXT_GUARD.test(trimmed) ? trimmed.slice(1).trim() : trimmed;
}

/** True for a record without any text (a blank line, or one of commas only): skipped, yet counted. */
export function isBlankCsvRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && unwrapCsvCell(cell) !== '') return false;
  return true;
}

const matches = (want: string | RegExp, name: string) => (typeof want === 'string' ? csvHeaderName(want) === name : want.test(name));

/** The columns a file's header row holds, by key; see {@link readCsvHeader}. */
export class CsvHeader<K extends string> {
  /** One problem on row 1 per required column the header lacks; empty when the file can be read. */
  readonly problems: CsvProblem[] = [];
  /**
   * Every declared column the header lacks and no mapping answers, in declared order: the
   * required ones (a group of `oneOf` by its first) and the optional ones, so a dialog can ask
   * for all of them at once. Empty when every column was found or answered.
   */
  readonly unmapped: CsvUnmappedColumn[] = [];
  /** The header cells, cleaned ({@link csvHeaderName}); what a mapping may name. */
  readonly cells: string[];
  /** The layout's key ({@link csvLayoutKey}), under which a mapping for this header is saved. */
  readonly layout: string;

  // Positions on their own: cell() runs for every column of every row (millions in a large report).
  private readonly positions = new Map<K, number>();

  constructor(
    private readonly columns: CsvColumns<K>,
    private readonly index: ReadonlyMap<K, { at: number; name: string }>,
    cells: readonly string[],
  ) {
    for (const [key, { at }] of index) this.positions.set(key, at);
    this.cells = cells.map(csvHeaderName);
    this.layout = csvLayoutKey(cells);
  }

  /** True when a required column is still missing: the import cannot go on without an answer. */
  get asks(): boolean {
    return this.unmapped.some((u) => u.required);
  }

  has(key: K): boolean {
    return this.positions.has(key);
  }

  /** The position of the column in each record, or undefined when the file lacks it. */
  at(key: K): number | undefined {
    return this.positions.get(key);
  }

  /** The header as the file writes it, cleaned (`重量(克)`), or undefined when the file lacks it. */
  found(key: K): string | undefined {
    return this.index.get(key)?.name;
  }

  /** The column's declared header, which names it in problems. */
  name(key: K): string {
    return this.columns[key].header;
  }

  /** The cell of the column in a record, unwrapped; '' when the file lacks the column or the row is short. */
  cell(cells: readonly string[], key: K): string {
    const at = this.positions.get(key);
    return at === undefined ? '' : unwrapCsvCell(cells[at] ?? '');
  }
}

/**
 * Finds the declared columns in a header row by name: each column takes the leftmost cell its
 * header (then each of `also`, in order) names, and a cell serves one column only, the first
 * declared. Unknown columns are ignored, so a later layout with more columns reads the same.
 *
 * @example
 * const { records } = readCsv(decodeCsv(file.bytes).text);
 * const header = readCsvHeader(records[0]?.cells ?? [], COLUMNS);
 * if (header.problems.length) return { rejected: header.problems };
 * for (const record of records.slice(1)) header.cell(record.cells, 'orderNo');
 */
export function readCsvHeader<K extends string>(cells: readonly string[], columns: CsvColumns<K>, options: CsvHeaderOptions<K> = {}): CsvHeader<K> {
  const names = cells.map(csvHeaderName);
  const taken = new Set<number>();
  const index = new Map<K, { at: number; name: string }>();
  const mapping = options.mapping ?? {};
  const keys = Object.keys(columns) as K[];
  // The clerk's answers first, so a cell they named is theirs before any declared name takes it.
  for (const key of keys) {
    const cell = mapping[key];
    if (typeof cell !== 'string') continue;
    const at = names.findIndex((name, i) => name !== '' && !taken.has(i) && name === csvHeaderName(cell));
    if (at < 0) continue;
    taken.add(at);
    index.set(key, { at, name: names[at]! });
  }
  for (const key of keys) {
    if (index.has(key)) continue;
    const column = columns[key];
    for (const want of [column.header, ...(column.also ?? [])]) {
      const at = names.findIndex((name, i) => name !== '' && !taken.has(i) && matches(want, name));
      if (at < 0) continue;
      taken.add(at);
      index.set(key, { at, name: names[at]! });
      break;
    }
  }
  const header = new CsvHeader(columns, index, cells);
  const missing = options.missing ?? CSV_REASONS.missingColumn;
  // In the order the columns are declared, so the problems read left to right like the file.
  const needs = [...keys.filter((k) => columns[k].required).map((k) => [k]), ...(options.oneOf ?? [])].sort((a, b) => keys.indexOf(a[0]!) - keys.indexOf(b[0]!));
  const needed = new Set<K>();
  for (const anyOf of needs) {
    if (anyOf.some((k) => index.has(k))) continue;
    needed.add(anyOf[0]!);
    const name = columns[anyOf[0]!].header;
    header.problems.push({ row: 1, column: name, reason: missing(name) });
  }
  for (const key of keys) {
    if (index.has(key)) continue;
    const required = needed.has(key);
    // An optional column answered "not in the file" is settled; so is one of a group another member fills.
    if (!required && mapping[key] === null) continue;
    if (!required && needs.some((group) => group.includes(key))) continue;
    header.unmapped.push({ key, header: columns[key].header, required });
  }
  return header;
}
