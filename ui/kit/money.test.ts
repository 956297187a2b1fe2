import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseYuan, yuan } from '../../schemas/money.js';
import { fenToYuan, yuanToFen } from './money.js';

// 元 ↔ 分 as the plugin API (server, CSV imports) and the UI kit (price fields) both offer it.
describe('parseYuan', () => {
  test.each([
    ['129.00', 12900],
    ['129', 12900],
    ['129.5', 12950],
    ['0.1', 10],
    ['0.29', 29],
    ['.5', 50],
    ['  88.80 ', 8880],
    ['¥1,299.00', 129900],
    ['￥ 59.9', 5990],
    ['0', 0],
    ['007.10', 710],
    ['19.990', 1999],
  ])('%s 元 is %i 分', (text, fen) => {
    expect(parseYuan(text)).toEqual({ fen });
  });

  test.each([
    ['12.345', 'too-precise'],
    ['-5.00', 'negative'],
    ['abc', 'not-a-number'],
    ['', 'not-a-number'],
    ['.', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['12,34', 'not-a-number'],
    ['99999999999', 'too-large'],
  ])('%s is refused as %s', (text, problem) => {
    expect(parseYuan(text)).toEqual({ problem });
  });

  test('values that float arithmetic gets wrong are exact', () => {
    // 0.07 * 100 is 7.000000000000001 and 1.15 * 100 is 114.99999999999999 in binary floating point.
    expect(parseYuan('0.07')).toEqual({ fen: 7 });
    expect(parseYuan('1.15')).toEqual({ fen: 115 });
    expect(parseYuan('4.35')).toEqual({ fen: 435 });
  });

  test('formatting and parsing are inverse for every amount in 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        expect(parseYuan(yuan(fen))).toEqual({ fen });
      }),
    );
  });
});

describe('yuan', () => {
  test('always writes two decimals', () => {
    expect(yuan(12900)).toBe('129.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(1999)).toBe('19.99');
    expect(yuan(0)).toBe('0.00');
    expect(yuan(8000)).toBe('80.00');
    expect(yuan(-150)).toBe('-1.50');
  });
});

describe('price fields in the browser read 元 as the CSV import does', () => {
  test('the same text gives the same 分, or is refused by both', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[¥]?[0-9,]{0,8}(\.[0-9]{0,3})?$/), (text) => {
        const read = parseYuan(text);
        expect(yuanToFen(text)).toBe('fen' in read && text.trim() !== '' ? read.fen : undefined);
      }),
    );
    expect(yuanToFen('45.50')).toBe(4550);
    expect(yuanToFen('')).toBeUndefined();
    expect(yuanToFen('-3')).toBeUndefined();
    expect(yuanToFen('1.005')).toBeUndefined();
  });

  test('an amount shown for editing reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
    expect(fenToYuan(null)).toBe('');
  });
});
