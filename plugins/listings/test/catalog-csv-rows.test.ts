import { describe, expect, test } from 'vitest';
import { csvText, readCsvHeader } from '@workbench/plugin-api';
import { CSV_COLUMNS } from '../server/catalog/csv-columns.js';
import { readCsvRows, readCsvRowsInTurns } from '../server/catalog/csv-rows.js';

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

describe('columns', () => {
  test('header names are found with a BOM, stray spaces and full-width brackets; 价格(元) names the price', () => {
    const header = readCsvHeader(['\uFEFF货号', ' 重量（克） ', '价格(元)', '库存', '商家编码'], CSV_COLUMNS);
    expect(header.problems).toEqual([]);
    expect([header.at('货号'), header.at('重量(克)'), header.at('价格'), header.at('商家编码')]).toEqual([0, 1, 2, 4]);
  });

  test('cells the export guards for Excel read back as written', () => {
    const text = csvText([
      ['货号', '标题', '商家编码', '价格', '成本', '条形码'],
      ['0123', '=HYPERLINK("http://x","点我")', '-20%', '1', '1', '6901234567892'],
    ]);
    expect(readCsvRows(text).rows[0]).toMatchObject({ itemCode: '0123', product: { title: '=HYPERLINK("http://x","点我")' }, sku: { code: '-20%', barcode: '6901234567892' } });
  });

  test('a quote that never closes is refused at its row; the rows before it are read', async () => {
    const text = `${HEADER}\nA1,T恤,,,A1-1,,,1,1,,,\nA2,"T恤,,,A2-1,,,1,1,,,\nA3,T恤,,,A3-1,,,1,1,,,\n`;
    for (const read of [readCsvRows(text), await readCsvRowsInTurns(text)]) {
      expect(read.rows.map((r) => r.row)).toEqual([2]);
      expect(read.rejected).toEqual([{ row: 3, column: '', reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('引号') }) }]);
    }
  });
});
