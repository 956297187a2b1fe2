import type { Turns } from '@workbench/plugin-api';
import { readRecords, type CsvRecords } from './csv-records.js';

// Lines handed to readRecords at once: a few milliseconds of reading for the widest report.
const PIECE_LINES = 500;
const QUOTE = 34;
const quotesIn = (line: string) => line.split('"').length - 1;

/**
 * Where the next piece of CSV text may end: after about PIECE_LINES lines, on a line break where
 * readRecords' own reading ends a record — a line that opens no quoted field, or the last line
 * of a quoted record whose quotes balance. A quote that never balances runs to the end of the
 * text, so readRecords sees it whole and answers as it does for the whole file.
 */
function pieceEnd(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && i - from < PIECE_LINES) {
    const line = lines[i++]!;
    if (line.charCodeAt(0) !== QUOTE && !line.includes(',"')) continue;
    let quotes = quotesIn(line);
    while (quotes % 2 === 1 && i < lines.length) quotes += quotesIn(lines[i++]!);
  }
  return i;
}

/**
 * {@link readRecords} for a large report, a piece of whole records at a time with a pause in
 * between. Each piece starts where a record starts, so csv-parse — which reads from the start
 * of the text record by record — reads it as it reads that part of the whole text: the records,
 * their rows and an unclosed quote's row are those readRecords answers for the whole text.
 */
export async function readRecordsInTurns(text: string, turns: Turns): Promise<CsvRecords> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  // A final line break leaves one empty piece, which is not a row.
  const broken = lines.at(-1) === '';
  if (broken) lines.pop();
  const records: CsvRecords['records'] = [];
  for (let from = 0; from < lines.length; ) {
    const to = pieceEnd(lines, from);
    // Each piece ends as the text goes on after it: csv-parse takes a last line without its break differently.
    const piece = readRecords(lines.slice(from, to).join('\n') + (to < lines.length || broken ? '\n' : ''));
    const before = records.length;
    for (const record of piece.records) records.push({ cells: record.cells, row: before + record.row });
    if (piece.unclosedAt !== undefined) return { records, unclosedAt: before + piece.unclosedAt };
    from = to;
    await turns.pause();
  }
  return { records };
}
