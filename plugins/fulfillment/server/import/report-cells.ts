import { isBlankCsvRecord, parseYuan, readCsvHeader, type CsvColumnMapping, type CsvColumns, type CsvHeader, type CsvRecord, type LocalizedText } from '@workbench/plugin-api';
import { REASONS, type Rejection } from './row-reasons.js';

/** Money cells repeat a lot (prices, 0.00): each distinct text is read once per import. */
export type MoneyReader = (text: string) => ReturnType<typeof parseYuan>;

export function moneyReader(): MoneyReader {
  const memo = new Map<string, ReturnType<typeof parseYuan>>();
  return (text) => {
    let read = memo.get(text);
    if (!read) memo.set(text, (read = parseYuan(text)));
    return read;
  };
}

/**
 * The cells of one data row by column key, each read at most once, with the row's refusals
 * collected as it goes: a row is kept only when nothing in it was refused.
 */
export class RowCells<K extends string> {
  readonly problems: Rejection[] = [];
  cells: string[] = [];
  row = 0;

  constructor(
    private readonly file: string,
    private readonly header: CsvHeader<K>,
    private readonly money: MoneyReader,
  ) {}

  /** Moves on to the next record. */
  load(record: CsvRecord): void {
    this.cells = record.cells;
    this.row = record.row;
    this.problems.length = 0;
  }

  has(key: K): boolean {
    return this.header.has(key);
  }

  /** True for a row without any text (a blank line still counts in the numbering). */
  blank(): boolean {
    return isBlankCsvRecord(this.cells);
  }

  refuse(key: K, reason: LocalizedText): void {
    this.problems.push({ file: this.file, row: this.row, column: this.header.name(key), reason });
  }

  /** The cell as the shop means it ('' when the column is missing); longer than `max` is refused. */
  text(key: K, max: number): string {
    const value = this.header.cell(this.cells, key);
    if (value.length > max) {
      this.refuse(key, REASONS.tooLong(this.header.name(key), max));
      return value.slice(0, max);
    }
    return value;
  }

  /** Money in 分 (an empty cell or a missing column is 0). */
  fen(key: K): number {
    const value = this.text(key, 40);
    if (value === '') return 0;
    const read = this.money(value);
    if ('problem' in read) {
      this.refuse(key, REASONS.money(this.header.name(key), value, read.problem));
      return 0;
    }
    return read.fen;
  }
}

/**
 * The header's columns, with the clerk's mapping for this layout applied, and a refusal (row 1)
 * for each required column it lacks, in words that send the clerk back to the seller centre.
 */
export function readHeader<K extends string>(
  file: string,
  header: CsvRecord | undefined,
  columns: CsvColumns<K>,
  report: string,
  options: { oneOf?: readonly (readonly K[])[]; mapping?: CsvColumnMapping } = {},
): { index: CsvHeader<K>; rejected: Rejection[] } {
  const index = readCsvHeader(header?.cells ?? [], columns, { oneOf: options.oneOf, mapping: options.mapping, missing: (column) => REASONS.missingColumn(column, report) });
  return { index, rejected: index.problems.map((p) => ({ file, ...p })) };
}
