import { parse as parseStream } from 'csv-parse';
import { CsvError, parse } from 'csv-parse/sync';
import type { Turns } from '../lifecycle/turns.js';
import { CSV_REASONS, type CsvProblem } from './problems.js';

/** One record and the row Excel shows it on (the header is row 1; a cell over two lines is still one row). */
export interface CsvRecord {
  cells: string[];
  row: number;
}

export interface CsvRecords {
  /** Every record, the header first; blank lines are records too, so the numbering stays Excel's. */
  records: CsvRecord[];
  /** A quote that never closes: one problem at its row, and nothing from there on was read. */
  problems: CsvProblem[];
}

// Ragged rows allowed (a short row's missing cells read as empty), and a quote inside an unquoted
// field kept as text, which is how Excel's ="2345678901234567" number cells read.
const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

const QUOTE = 34;
const quotesIn = (text: string) => text.split('"').length - 1;
const withoutCr = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const unclosed = (records: CsvRecord[]): CsvRecords => ({ records, problems: [{ row: records.length + 1, column: '', reason: CSV_REASONS.unclosedQuote() }] });

/** The whole text through csv-parse: the reference reading, used when the quick one cannot be sure. */
function parseAll(body: string): CsvRecords {
  const records: CsvRecord[] = [];
  try {
    parse(body, {
      ...OPTIONS,
      on_record: (cells: string[]) => {
        records.push({ cells, row: records.length + 1 });
        return null;
      },
    });
    return { records, problems: [] };
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') return unclosed(records);
    throw error;
  }
}

/** {@link parseAll} fed to csv-parse's streaming parser a slice of text at a time, pausing between slices. */
async function parseAllInTurns(body: string, turns: Turns): Promise<CsvRecords> {
  const records: CsvRecord[] = [];
  const parser = parseStream(OPTIONS);
  parser.on('data', (cells: string[]) => records.push({ cells, row: records.length + 1 }));
  const ended = new Promise<CsvProblem[]>((resolve, reject) => {
    parser.on('end', () => resolve([]));
    parser.on('error', (error) => {
      if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') resolve(unclosed(records).problems);
      else reject(error);
    });
  });
  // Seen only once `ended` is awaited; until then a refused file must not count as unhandled.
  ended.catch(() => undefined);
  for (let at = 0; at < body.length && !parser.destroyed; ) {
    let end = Math.min(at + SLICE_CHARACTERS, body.length);
    // Never split a surrogate pair: each slice is encoded on its own.
    if (end < body.length && /[\uD800-\uDBFF]/.test(body[end - 1]!)) end++;
    parser.write(body.slice(at, end));
    at = end;
    await turns.pause();
  }
  if (!parser.destroyed) parser.end();
  return { records, problems: await ended };
}

/**
 * Fills in the records that quote a field with one csv-parse call for a group of them (a call
 * costs far more than its bytes: about half a millisecond each). Each chunk must come back as exactly
 * one record ending on the chunk's last line, or the quick reading was wrong: answers false.
 */
function parseQuoted(records: CsvRecord[], pending: { index: number; text: string; lines: number }[]): boolean {
  const ends: number[] = [];
  let line = 0;
  for (const p of pending) ends.push((line += p.lines));
  const read: string[][] = [];
  try {
    parse(pending.map((p) => p.text).join('\n'), {
      ...OPTIONS,
      on_record: (cells: string[], context) => {
        if (context.lines !== ends[read.length]) throw new RangeError('record boundary differs');
        read.push(cells);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof RangeError || (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')) return false;
    throw error;
  }
  if (read.length !== pending.length) return false;
  pending.forEach((p, k) => (records[p.index]!.cells = read[k]!));
  return true;
}

/**
 * Reads CSV text (LF or CRLF, with or without a BOM) into records with the row of each.
 *
 * A line where no field opens with a quote is split at its commas, which is exactly what csv-parse
 * answers for it with these options, at a small part of the cost — a report of 100,000 orders is
 * almost only such lines. Records that quote a field (a message with a comma, a quote or a line
 * break) are read by csv-parse, a few hundred to a call; a quoted record runs over as many lines as it
 * takes to balance its quotes. If csv-parse does not see the same record boundaries (a stray quote
 * in an unquoted field), the whole text is read by csv-parse instead.
 *
 * @example
 * const { records, problems } = readCsv(decodeCsv(file.bytes).text);
 */
export function readCsv(text: string): CsvRecords {
  const body = withoutBom(text);
  const reading = readQuickly(body);
  let step = reading.next();
  while (!step.done) step = reading.next();
  return step.value ?? parseAll(body);
}

/**
 * {@link readCsv} for a large file in a request's lifetime: the same reading, with
 * `await turns.pause()` between its pieces, so the server answers others meanwhile. The records,
 * their rows and an unclosed quote's problem are exactly those {@link readCsv} gives.
 *
 * @example const { records, problems } = await readCsvInTurns(text, new Turns());
 */
export async function readCsvInTurns(text: string, turns: Turns): Promise<CsvRecords> {
  const body = withoutBom(text);
  const reading = readQuickly(body);
  let step = reading.next();
  while (!step.done) {
    await turns.pause();
    step = reading.next();
  }
  return step.value ?? parseAllInTurns(body, turns);
}

// Lines split, and quoted records parsed, between two chances to pause: well under a millisecond.
const PIECE_LINES = 256;
const PIECE_QUOTED = 256;
// About 16 KB of text is parsed in well under a millisecond.
const SLICE_CHARACTERS = 16_384;

/**
 * The quick reading, piece by piece: yields where a caller may pause, and ends with the records,
 * or with undefined where csv-parse must read the whole text instead. Quoted records are parsed a
 * group at a time; each group is joined by plain line breaks, so csv-parse reads it as it would
 * read all of them.
 */
function* readQuickly(body: string): Generator<void, CsvRecords | undefined> {
  const lines = body.split('\n');
  // A final line break leaves one empty piece, which is not a row.
  const last = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  const records: CsvRecord[] = [];
  const pending: { index: number; text: string; lines: number }[] = [];
  for (let i = 0, piece = 0; i < last; i++) {
    if (++piece === PIECE_LINES) {
      piece = 0;
      yield;
    }
    const raw = lines[i]!;
    const line = withoutCr(raw);
    if (line.charCodeAt(0) !== QUOTE && !line.includes(',"')) {
      records.push({ cells: line.split(','), row: records.length + 1 });
      continue;
    }
    // Line breaks inside a quoted field stay as the file has them (\r\n); only the record's own goes.
    let chunk = raw;
    let quotes = quotesIn(raw);
    let spanned = 1;
    while (quotes % 2 === 1 && i + 1 < last) {
      const next = lines[++i]!;
      chunk += `\n${next}`;
      quotes += quotesIn(next);
      spanned++;
    }
    if (quotes % 2 === 1) return undefined;
    records.push({ cells: [], row: records.length + 1 });
    pending.push({ index: records.length - 1, text: withoutCr(chunk), lines: spanned });
  }
  for (let at = 0; at < pending.length; at += PIECE_QUOTED) {
    yield;
    if (!parseQuoted(records, pending.slice(at, at + PIECE_QUOTED))) return undefined;
  }
  return { records, problems: [] };
}
