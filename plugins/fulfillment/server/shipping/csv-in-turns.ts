import { parse } from 'csv-parse';
import type { Turns } from '@workbench/plugin-api';

// csvRecords' options (csv-cells.ts), so a file reads the same either way.
const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true } as const;
// A few milliseconds of csv-parse's work.
const PIECE_CHARACTERS = 16_384;

/**
 * The records of a CSV text as `csvRecords` answers them (the header first), read by csv-parse's
 * streaming parser a piece at a time with a pause in between, so a statement of many thousand
 * lines does not hold the event loop. A file csv-parse refuses (a quote never closed) throws as
 * csvRecords throws.
 */
export async function csvRecordsInTurns(text: string, turns: Turns): Promise<string[][]> {
  const records: string[][] = [];
  const parser = parse(OPTIONS);
  parser.on('data', (record: string[]) => records.push(record));
  const ended = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  // Seen only once `ended` is awaited; until then a refused file must not count as unhandled.
  ended.catch(() => undefined);
  for (let at = 0; at < text.length && !parser.destroyed; ) {
    let end = Math.min(at + PIECE_CHARACTERS, text.length);
    // Never split a surrogate pair: each piece is encoded on its own.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end++;
    parser.write(text.slice(at, end));
    at = end;
    await turns.pause();
  }
  parser.end();
  await ended;
  return records;
}
