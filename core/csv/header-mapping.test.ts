// A clerk's answer for a header the declared columns do not cover: which cell holds each field,
// or that an optional one is not in the file; and the layout key that recognises the header again.
import { describe, expect, test } from 'vitest';
import { ColumnsUnmappedError } from './columns-unmapped.js';
import { csvLayoutKey, readCsvHeader, type CsvColumns } from './read.js';

const COLUMNS = {
  orderNo: { header: '订单编号', required: true },
  receiver: { header: '收货人姓名', also: ['收货人'], required: true },
  note: { header: '备注' },
  shop: { header: '店铺名称' },
} satisfies CsvColumns<'orderNo' | 'receiver' | 'note' | 'shop'>;

describe('header mapping', () => {
  test('a header without a required column lists every field still missing, with its label and whether it is required', () => {
    const header = readCsvHeader(['单号', '收件人', '备注'], COLUMNS);
    expect(header.unmapped).toEqual([
      { key: 'orderNo', header: '订单编号', required: true },
      { key: 'receiver', header: '收货人姓名', required: true },
      { key: 'shop', header: '店铺名称', required: false },
    ]);
    expect(header.asks).toBe(true);
    expect(header.cells).toEqual(['单号', '收件人', '备注']);
  });

  test('a mapping names the cell of each field; an optional field mapped as absent is no longer asked', () => {
    const header = readCsvHeader(['单号', '收件人', '备注'], COLUMNS, { mapping: { orderNo: '单号', receiver: '收件人', shop: null } });
    expect(header.problems).toEqual([]);
    expect(header.unmapped).toEqual([]);
    expect(header.asks).toBe(false);
    expect(header.cell(['="0012"', '张三', '请放门口'], 'orderNo')).toBe('0012');
    expect(header.cell(['0012', '张三', ''], 'receiver')).toBe('张三');
    expect(header.has('shop')).toBe(false);
  });

  test('a required field mapped as absent, or to a cell the header lacks, is still asked', () => {
    const header = readCsvHeader(['单号', '收件人'], COLUMNS, { mapping: { orderNo: '单号', receiver: null } });
    expect(header.asks).toBe(true);
    expect(header.unmapped.map((u) => u.key)).toEqual(['receiver', 'note', 'shop']);
    expect(readCsvHeader(['单号', '收件人'], COLUMNS, { mapping: { orderNo: '订单号', receiver: '收件人' } }).unmapped.map((u) => u.key)).toContain('orderNo');
  });

  test('the layout key is the same for the same header however it is spaced, and differs for another', () => {
    expect(csvLayoutKey(['\uFEFF单号', ' 收件人 ', '重量（克）'])).toBe(csvLayoutKey(['单号', '收件人', '重量(克)']));
    expect(csvLayoutKey(['单号', '收件人'])).not.toBe(csvLayoutKey(['收件人', '单号']));
    expect(readCsvHeader(['单号', '收件人'], COLUMNS).layout).toBe(csvLayoutKey(['单号', '收件人']));
  });

  test('the error that asks carries the files, their headers and the fields, in both languages', () => {
    const header = readCsvHeader(['单号', '收件人'], COLUMNS);
    const error = new ColumnsUnmappedError([{ file: '订单.csv', header }]);
    expect(error.status).toBe(400);
    expect(error.details).toEqual({
      kind: 'columns-unmapped',
      files: [{ file: '订单.csv', layout: header.layout, header: ['单号', '收件人'], fields: header.unmapped }],
    });
    expect(error.text).toEqual({ 'zh-CN': expect.stringContaining('订单编号'), en: expect.stringContaining('订单编号') });
  });
});
