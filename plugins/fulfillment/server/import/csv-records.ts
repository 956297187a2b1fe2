import { CsvError, parse } from 'csv-parse/sync';

/** One record and the row Excel shows it on (the header is row 1). */
export interface CsvRecord {
  cells: string[];
  row: number;
}

export interface CsvRecords {
  records: CsvRecord[];
  /** The row whose quote never closes; nothing from there on could be read. */
  unclosedAt?: number;
}

// csv-parse as the importers use it: ragged rows allowed, and a quote inside an unquoted field
// kept as text, which is how Excel's ="2345678901234567" number cells read.
const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

const QUOTE = 34;
const quotesIn = (text: string) => text.split('"').length - 1;
const withoutCr = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);

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
    return { records };
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') return { records, unclosedAt: records.length + 1 };
    throw error;
  }
}

/**
 * Fills in the records that quote a field with one csv-parse call for all of them (a call costs
 * far more than its bytes: about half a millisecond each). Each chunk must come back as exactly
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
 * Reads CSV text into records with the row of each. A line where no field opens with a quote is
 * split at its commas, which is exactly what csv-parse answers for it with these options, at a
 * small part of the cost — a report of 100,000 orders is almost only such lines. Records that
 * quote a field (a message with a comma, a quote or a line break) are read by csv-parse, all in
 * one call; a quoted record runs over as many lines as it takes to balance its quotes. If csv-parse
 * does not see the same record boundaries (a stray quote in an unquoted field), the whole text is
 * read by csv-parse instead.
 */
export function readRecords(text: string): CsvRecords {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  // A final line break leaves one empty piece, which is not a row.
  const last = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  const records: CsvRecord[] = [];
  const pending: { index: number; text: string; lines: number }[] = [];
  for (let i = 0; i < last; i++) {
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
    if (quotes % 2 === 1) return parseAll(body);
    records.push({ cells: [], row: records.length + 1 });
    pending.push({ index: records.length - 1, text: withoutCr(chunk), lines: spanned });
  }
  if (pending.length > 0 && !parseQuoted(records, pending)) return parseAll(body);
  return { records };
}
