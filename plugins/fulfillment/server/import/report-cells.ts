import type { LocalizedText } from '@workbench/plugin-api';
import { parseYuan } from '@workbench/plugin-api';
import type { CsvRecord } from './csv-records.js';
import { columnIndex, unwrapCell } from './report-columns.js';
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
    private readonly index: Map<K, number>,
    private readonly names: Readonly<Record<K, string>>,
    private readonly money: MoneyReader,
  ) {}

  /** Moves on to the next record. */
  load(record: CsvRecord): void {
    this.cells = record.cells;
    this.row = record.row;
    this.problems.length = 0;
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  /** True for a row without any text (a blank line still counts in the numbering). */
  blank(): boolean {
    return this.cells.every((c) => c.trim() === '');
  }

  refuse(key: K, reason: LocalizedText): void {
    this.problems.push({ file: this.file, row: this.row, column: this.names[key], reason });
  }

  /** The cell as the shop means it ('' when the column is missing); longer than `max` is refused. */
  text(key: K, max: number): string {
    const at = this.index.get(key);
    const value = at === undefined ? '' : unwrapCell(this.cells[at] ?? '');
    if (value.length > max) {
      this.refuse(key, REASONS.tooLong(this.names[key], max));
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
      this.refuse(key, REASONS.money(this.names[key], value, read.problem));
      return 0;
    }
    return read.fen;
  }
}

/** The header's column positions, and a refusal (row 1) for each required column it lacks. */
export function readHeader<K extends string>(
  file: string,
  header: CsvRecord | undefined,
  names: Readonly<Record<K, string>>,
  required: readonly (K | readonly K[])[],
  report: string,
): { index: Map<K, number>; rejected: Rejection[] } {
  const index = columnIndex(header?.cells ?? [], names);
  const rejected: Rejection[] = [];
  for (const need of required) {
    const anyOf: readonly K[] = typeof need === 'string' ? [need] : need;
    if (!anyOf.some((k) => index.has(k))) {
      const column = names[anyOf[0]!];
      rejected.push({ file, row: 1, column, reason: REASONS.missingColumn(column, report) });
    }
  }
  return { index, rejected };
}
