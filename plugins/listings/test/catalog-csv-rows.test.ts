import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { columnOf, csvLine, excelText, plainText, unwrapCell } from '../server/catalog/csv-columns.js';
import { decodeCsv, encodeCsv } from '../server/catalog/csv-decode.js';
import { readCsvRows } from '../server/catalog/csv-rows.js';

const HEADER = '货号,标题,分类,面料,商家编码,颜色,尺码,价格,成本,条形码,重量(克),预警线';

describe('reading CSV rows', () => {
  test('columns are found by header name, with stray spaces and unknown columns ignored', () => {
    const text = ' 商家编码 ,备注, 货号,价格（元）,成本,重量（克）\nA-BK-M,随便写写,A100,129.00,45,180\n';
    const { rows, rejected } = readCsvRows(text);
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { row: 2, itemCode: 'A100', product: {}, sku: expect.objectContaining({ code: 'A-BK-M', price: 12900, cost: 4500, weightGrams: 180 }) },
    ]);
  });

  test('quoted cells keep commas, quotes and line breaks', () => {
    const text = `${HEADER}\nA1,"短袖T恤, ""经典""款",上衣/T恤,纯棉,A1-BK,黑色,M,99,30,,,\n`;
    const { rows } = readCsvRows(text);
    expect(rows[0]!.product).toMatchObject({ title: '短袖T恤, "经典"款', category: '上衣/T恤', fabric: '纯棉' });
  });

  test("Excel's =\"…\" wrapped values are unwrapped", () => {
    const text = `${HEADER}\n="00123",衬衫,,,="0099",,,10,5,="6901234567892",,\n"=""00124""",衬衫2,,,X-1,,,10,5,,,\n`;
    const { rows, rejected } = readCsvRows(text);
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({ itemCode: '00123', sku: { code: '0099', barcode: '6901234567892' } });
    expect(rows[1]!.itemCode).toBe('00124');
  });

  test('a bad price is rejected with its Excel row and column; the other rows are kept', () => {
    const text = `${HEADER}\nA1,T恤,,,A1-1,,,129.00,45.00,,,\nA1,T恤,,,A1-2,,,12.345,45.00,,,\nA1,T恤,,,A1-3,,,一百,45.00,,,\n`;
    const { rows, rejected } = readCsvRows(text);
    expect(rows.map((r) => r.sku!.code)).toEqual(['A1-1']);
    expect(rejected).toEqual([
      { row: 3, column: '价格', reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('两位小数') }) },
      { row: 4, column: '价格', reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('一百') }) },
    ]);
  });

  test('blank lines are skipped but still counted, so row numbers match Excel', () => {
    const text = `${HEADER}\n\nA1,T恤,,,A1-1,,,1,1,,,\n,,,,,,,,,,,\nA2,裤子,,,A2-1,,,abc,1,,,\n`;
    const { rows, rejected } = readCsvRows(text);
    expect(rows.map((r) => r.row)).toEqual([3]);
    expect(rejected.map((r) => [r.row, r.column])).toEqual([[5, '价格']]);
  });

  test('rows count as Excel rows even when a cell spans several lines', () => {
    const text = `货号,描述,商家编码,价格,成本\nA1,"第一行\n第二行",A1-1,1,1\nA2,,A2-1,-3,1\n`;
    const { rows, rejected } = readCsvRows(text);
    expect(rows[0]!.product.description).toBe('第一行\n第二行');
    expect(rejected).toEqual([{ row: 3, column: '价格', reason: expect.anything() }]);
  });

  test('a missing 货号, non-integer weights and SKU cells without a code are refused', () => {
    const text = `${HEADER}\n,T恤,,,A1-1,,,1,1,,,\nA2,T恤,,,A2-1,,,1,1,,1.5,\nA3,T恤,,,,黑色,,1,1,,,\nA4,T恤,,,A4-1,,,1,1,,,-2\n`;
    const { rows, rejected } = readCsvRows(text);
    expect(rows).toEqual([]);
    expect(rejected.map((r) => [r.row, r.column])).toEqual([
      [2, '货号'],
      [3, '重量(克)'],
      [4, '商家编码'],
      [5, '预警线'],
    ]);
  });

  test('a row without a 商家编码 and SKU cells describes the product only', () => {
    const { rows } = readCsvRows(`${HEADER}\nA9,围巾,配饰,羊毛,,,,,,,,\n`);
    expect(rows).toEqual([{ row: 2, itemCode: 'A9', product: { title: '围巾', category: '配饰', fabric: '羊毛' } }]);
  });

  test('a header without 货号 or 商家编码 is refused on row 1', () => {
    const { rows, rejected } = readCsvRows('标题,价格\nT恤,1\n');
    expect(rows).toEqual([]);
    expect(rejected.map((r) => [r.row, r.column])).toEqual([
      [1, '货号'],
      [1, '商家编码'],
    ]);
  });
});

describe('encodings', () => {
  const sample = '货号,标题\nA1,纯棉圆领短袖T恤\n';

  test('UTF-8 with and without BOM reads as UTF-8', () => {
    expect(decodeCsv(encodeCsv(sample, 'utf-8'))).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decodeCsv(new TextEncoder().encode(sample))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  test('GBK bytes are detected and decoded', () => {
    const bytes = new Uint8Array(iconv.encode(sample, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes)).toEqual({ text: sample, encoding: 'gbk' });
  });

  test('the GBK export is GBK', () => {
    const bytes = encodeCsv(sample, 'gbk');
    expect(iconv.decode(Buffer.from(bytes), 'gbk')).toBe(sample);
    expect(bytes[0]).not.toBe(0xef);
  });
});

describe('cells', () => {
  test('header names are normalised', () => {
    expect(columnOf('\uFEFF货号')).toBe('货号');
    expect(columnOf(' 重量（克） ')).toBe('重量(克)');
    expect(columnOf('价格(元)')).toBe('价格');
    expect(columnOf('库存')).toBeUndefined();
  });

  test('long digit strings are wrapped for Excel and unwrapped again', () => {
    expect(excelText('6901234567892')).toBe('="6901234567892"');
    expect(excelText('0123')).toBe('="0123"');
    expect(excelText('T100-BK')).toBe('T100-BK');
    expect(unwrapCell(excelText('0123'))).toBe('0123');
  });

  test('text that Excel would run as a formula is defused on export and read back as written', () => {
    for (const risky of ['=HYPERLINK("http://x","点我")', '+1 件', '-20% 特价', '@SUM(A1)']) {
      expect(plainText(risky)).toBe(`'${risky}`);
      expect(unwrapCell(plainText(risky))).toBe(risky);
    }
    expect(plainText('纯棉T恤')).toBe('纯棉T恤');
    // A quote the clerk typed in front of ordinary text stays.
    expect(unwrapCell("'90后")).toBe("'90后");
  });

  test('csvLine quotes only where needed', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', ''])).toBe('a,"b,c","say ""hi""","x\ny",');
  });
});
