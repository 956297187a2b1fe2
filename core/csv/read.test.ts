// The shared CSV reader on the files shops really send: GBK without a BOM, Excel's ="…" cells,
// headers with stray and full-width spaces, CRLF, blank lines at the end, short rows.
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { decodeCsv, encodeCsv } from './decode.js';
import { moneyCellReason } from './problems.js';
import { csvHeaderName, isBlankCsvRecord, readCsvHeader, unwrapCsvCell, type CsvColumns } from './read.js';
import { Turns } from '../lifecycle/turns.js';
import { readCsv, readCsvInTurns } from './records.js';

const reference = (text: string) => parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
const cellsOf = (text: string) => readCsv(text).records.map((r) => r.cells);

const COLUMNS = {
  orderNo: { header: '订单编号', required: true },
  receiver: { header: '收货人姓名', required: true },
  weight: { header: '重量(克)', also: [/^重量/] },
  note: { header: '备注' },
} satisfies CsvColumns<'orderNo' | 'receiver' | 'weight' | 'note'>;

describe('decoding', () => {
  test('a GBK file without a BOM is told from UTF-8 by its bytes alone', () => {
    const text = '订单编号,  收货人姓名 \r\n="0012",张三\r\n';
    expect(decodeCsv(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual({ text, encoding: 'gbk' });
    expect(decodeCsv(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(encodeCsv(text, 'utf-8'))).toEqual({ text, encoding: 'utf-8' });
  });

  test('characters only GB18030 has still read', () => {
    const text = '收货人姓名\r\n𠮷野家\r\n';
    expect(decodeCsv(new Uint8Array(iconv.encode(text, 'gb18030')))).toEqual({ text, encoding: 'gbk' });
  });
});

describe('records', () => {
  test.each([
    ['quoted commas, doubled quotes and a line break inside a field', 'a,b,c\r\n"x,1","say ""hi""","two\r\nlines"\r\nlast,,\r\n'],
    ['="…" cells and a quote inside an unquoted field', 'a,b\n="0012345",5"寸\n'],
    ['a stray quote before a quoted field on the same line', 'a,b\nx"y,"q,r"\nnext,1\n'],
    ['a quoted field that closes and goes on', 'a,b\n"ab"c,d\n'],
    ['blank lines, a BOM and no final line break', '\uFEFFa,b\n\n1,2\n,\nend'],
    ['a CRLF file with empty trailing lines', 'a,b\r\n1,2\r\n\r\n\r\n'],
  ])('%s: read exactly as csv-parse reads it, quickly or in turns', async (_name, text) => {
    expect(cellsOf(text)).toEqual(reference(text));
    expect((await readCsvInTurns(text, new Turns(0))).records.map((r) => r.cells)).toEqual(reference(text));
  });

  test('rows are numbered as Excel shows them: a field over two lines is still one row', () => {
    const { records } = readCsv('订单编号,买家留言\n1,"第一行\n第二行"\n2,好\n');
    expect(records.map((r) => [r.row, r.cells[0]])).toEqual([[1, '订单编号'], [2, '1'], [3, '2']]);
  });

  test('a quote that never closes is one problem at its row; the rows before it are read', async () => {
    for (const read of [readCsv('a,b\n1,2\n"3,4\n5,6\n'), await readCsvInTurns('a,b\n1,2\n"3,4\n5,6\n', new Turns(0))]) {
      expect(read.records.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
      expect(read.problems).toEqual([{ row: 3, column: '', reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('引号') }) }]);
    }
  });
});

describe('headers and cells', () => {
  test('columns are found by name, with stray, full-width and BOM spaces forgiven and unknown columns ignored', () => {
    const header = readCsvHeader(['\uFEFF订单编号', '  收货人姓名 ', '赠品', '重量　（克）'], COLUMNS);
    expect(header.problems).toEqual([]);
    expect([header.at('orderNo'), header.at('receiver'), header.at('weight'), header.at('note')]).toEqual([0, 1, 3, undefined]);
    expect(header.found('weight')).toBe('重量(克)');
    expect(csvHeaderName(' 收货人姓名\u3000')).toBe('收货人姓名');
  });

  test('another spelling declared beside a column is read as that column; the declared header is tried first', () => {
    const header = readCsvHeader(['重量kg', '订单编号', '收货人姓名'], COLUMNS);
    expect(header.at('weight')).toBe(0);
    expect(header.found('weight')).toBe('重量kg');
    expect(header.name('weight')).toBe('重量(克)');
    expect(readCsvHeader(['重量kg', '重量(克)', '订单编号', '收货人姓名'], COLUMNS).at('weight')).toBe(1);
  });

  test('a missing required column is one problem on row 1 naming it, in both languages and in the caller’s words when given', () => {
    expect(readCsvHeader(['订单编号', '备注'], COLUMNS).problems).toEqual([{ row: 1, column: '收货人姓名', reason: { 'zh-CN': '表头里没有“收货人姓名”这一列', en: 'The header has no “收货人姓名” column' } }]);
    const missing = (name: string) => ({ 'zh-CN': `订单报表缺“${name}”`, en: `no ${name}` });
    expect(readCsvHeader([], COLUMNS, { missing }).problems.map((p) => [p.column, p.reason])).toEqual([
      ['订单编号', missing('订单编号')],
      ['收货人姓名', missing('收货人姓名')],
    ]);
  });

  test('of a group of columns one is enough; with none, the first is named', () => {
    const columns = { main: { header: '主订单编号' }, order: { header: '订单编号' } } satisfies CsvColumns<'main' | 'order'>;
    expect(readCsvHeader(['订单编号'], columns, { oneOf: [['main', 'order']] }).problems).toEqual([]);
    expect(readCsvHeader(['标题'], columns, { oneOf: [['main', 'order']] }).problems.map((p) => p.column)).toEqual(['主订单编号']);
  });

  test("cells lose Excel's =\"…\" and text guards, a short row reads its missing cells as empty", () => {
    const { records } = readCsv('订单编号,  收货人姓名 ,备注\r\n="0012",张三,"=HYPERLINK(""http://x"",""点我"")"\r\n="3100000000000001"\r\n');
    const header = readCsvHeader(records[0]!.cells, COLUMNS);
    expect(header.cell(records[1]!.cells, 'orderNo')).toBe('0012');
    expect(header.cell(records[1]!.cells, 'note')).toBe('=HYPERLINK("http://x","点我")');
    expect(header.cell(records[2]!.cells, 'orderNo')).toBe('3100000000000001');
    expect(header.cell(records[2]!.cells, 'receiver')).toBe('');
    expect(header.cell(records[2]!.cells, 'weight')).toBe('');
  });

  test("a ' before a formula or a number is Excel's; before other text it is the clerk's", () => {
    expect(unwrapCsvCell(`'=HYPERLINK("x")`)).toBe('=HYPERLINK("x")');
    expect(unwrapCsvCell("'13812345678")).toBe('13812345678');
    expect(unwrapCsvCell("'0571-88886666")).toBe('0571-88886666');
    expect(unwrapCsvCell("'90后")).toBe("'90后");
    expect(unwrapCsvCell(' ="" ')).toBe('');
  });

  test('blank records are those without any text', () => {
    expect(isBlankCsvRecord([''])).toBe(true);
    expect(isBlankCsvRecord([' ', '=""', ''])).toBe(true);
    expect(isBlankCsvRecord(['', 'x'])).toBe(false);
  });
});

test('a money cell is refused naming its column and the cell as written', () => {
  expect(moneyCellReason('运费', '五元', 'not-a-number')).toEqual({ 'zh-CN': '运费“五元”不是金额，请写成 129.00 这样的元', en: '运费 “五元” is not an amount; write yuan like 129.00' });
  expect(moneyCellReason('总金额', '99.005', 'too-precise')).toMatchObject({ en: '总金额 “99.005” has at most two decimals' });
});
