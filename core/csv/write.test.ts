import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeCsv, encodeCsv } from './decode.js';
import { readCsvHeader, unwrapCsvCell } from './read.js';
import { readCsv } from './records.js';
import { csvLine, csvText, excelCell, writeCsv } from './write.js';

describe('writing CSV for Excel', () => {
  test('digits Excel would turn into numbers stay text; short numbers and amounts stay numbers', () => {
    expect(excelCell('3100000000000001')).toBe('="3100000000000001"');
    expect(excelCell('0012')).toBe('="0012"');
    expect(excelCell('180')).toBe('180');
    expect(excelCell('129.00')).toBe('129.00');
    expect(excelCell('M20261123001')).toBe('M20261123001');
  });

  test('cells Excel would run as formulas are defused, and read back as written', () => {
    for (const risky of ['=HYPERLINK("http://x","点我")', '+86 138', '-20% 特价', '@SUM(A1)', '\t=1+1', '\r=1+1']) {
      expect(excelCell(risky)).toBe(`'${risky}`);
    }
    for (const risky of ['=HYPERLINK("http://x","点我")', '+1 件', '-20% 特价', '@SUM(A1)']) expect(unwrapCsvCell(excelCell(risky))).toBe(risky);
    expect(excelCell('纯棉T恤')).toBe('纯棉T恤');
  });

  test('lines quote only where needed; rows end in CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', ''])).toBe('a,"b,c","say ""hi""","x\ny",');
    expect(csvLine(['0012'])).toBe('"=""0012"""');
    expect(csvText([['订单编号', '运单号'], ['1', '']])).toBe('订单编号,运单号\r\n1,\r\n');
  });

  test('GBK has no BOM; UTF-8 has one; both read back to the same cells', () => {
    const rows = [['订单编号', '  收货人姓名 ', '备注'], ['3100000000000001', '张三', '=HYPERLINK("x")']];
    const gbk = writeCsv(rows, 'gbk');
    expect(gbk[0]).not.toBe(0xef);
    expect(iconv.decode(Buffer.from(gbk), 'gbk')).toBe(csvText(rows));
    expect([...writeCsv(rows, 'utf-8').slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const encoding of ['gbk', 'utf-8'] as const) {
      const { text } = decodeCsv(writeCsv(rows, encoding));
      const { records } = readCsv(text);
      const header = readCsvHeader(records[0]!.cells, { order: { header: '订单编号' }, name: { header: '收货人姓名' }, note: { header: '备注' } });
      expect(['order', 'name', 'note'].map((k) => header.cell(records[1]!.cells, k as 'order'))).toEqual(rows[1]);
    }
    expect(decodeCsv(encodeCsv('a\r\n', 'utf-8')).text).toBe('a\r\n');
  });
});
