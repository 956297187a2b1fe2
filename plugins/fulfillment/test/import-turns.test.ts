// The importers' slices read exactly what the one-call readers read: the decoded text, the
// records with their rows, and an unclosed quote's row.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { Turns } from '@workbench/plugin-api';
import { readRecords } from '../server/import/csv-records.js';
import { readRecordsInTurns } from '../server/import/records-in-turns.js';
import { decodeReport } from '../server/import/report-decode.js';
import { decodeInTurns } from '../server/shared/decode-in-turns.js';
import { csvRecords, decodeCsv } from '../server/shipping/csv-cells.js';
import { csvRecordsInTurns } from '../server/shipping/csv-in-turns.js';
import { encodeReport, taobaoExportText } from './fixtures/taobao-export.mjs';

// Slices of no time at all: every pause yields, so every piece boundary is crossed.
const turns = () => new Turns(0);

describe('reading in slices', () => {
  const { orderReport, itemReport } = taobaoExportText({ orders: 1_500, skuCodes: ['A-1', 'B-2', ''], seed: 5, layout: 'later' });

  test('a large report decodes to the same text from GBK, UTF-8 and UTF-8 with a BOM', async () => {
    for (const encoding of ['gbk', 'utf-8', 'utf-8-bom'] as const) {
      const bytes = encodeReport(orderReport, encoding);
      expect(await decodeInTurns(bytes, turns())).toEqual(decodeReport(bytes));
      expect((await decodeInTurns(bytes, turns())).text).toBe(decodeCsv(bytes));
    }
    // A character of four bytes in GB18030 and in UTF-8, across the boundary of two pieces.
    const rare = `${'a'.repeat(32 * 1024 - 2)}𠮷,${'b'.repeat(10)}`;
    for (const bytes of [new Uint8Array(iconv.encode(rare, 'gb18030')), encodeReport(rare, 'utf-8')]) {
      expect(await decodeInTurns(bytes, turns())).toEqual(decodeReport(bytes));
      expect((await decodeInTurns(bytes, turns())).text).toBe(rare);
    }
  });

  test('records, rows and an unclosed quote read as readRecords reads the whole text', async () => {
    const quoted = ['订单编号,买家留言', ...Array.from({ length: 1_200 }, (_, i) => (i % 7 === 3 ? `${i},"第一行\r\n第二行, 还有""引号"""` : i % 11 === 5 ? `${i},5"寸` : `${i},好`))].join('\r\n');
    const cases = [orderReport, itemReport, quoted, `${quoted}\r\n`, `\uFEFF${quoted}`, `${quoted}\r\n1200,"never closed\r\n1201,x\r\n`, '', 'a,b'];
    for (const text of cases) expect(await readRecordsInTurns(text, turns())).toEqual(readRecords(text));
  });

  test('shipping files read as csvRecords reads them, and a file it refuses is refused', async () => {
    const text = ['订单编号,物流单号', ...Array.from({ length: 3_000 }, (_, i) => (i % 9 === 1 ? `="${i}","77${i}, 备注"` : `${i},77${i}`))].join('\r\n');
    expect(await csvRecordsInTurns(text, turns())).toEqual(csvRecords(text));
    expect(await csvRecordsInTurns(`\uFEFF${text}`, turns())).toEqual(parse(`\uFEFF${text}`, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }));
    const unclosed = `${text}\r\n1,"77`;
    expect(() => csvRecords(unclosed)).toThrow();
    await expect(csvRecordsInTurns(unclosed, turns())).rejects.toThrow();
  });
});
