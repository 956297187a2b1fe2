import { describe, expect, test } from 'vitest';
import { priceTag, yuanShort } from '../server/shared/money.js';

describe('money in listings messages', () => {
  test('yuanShort drops 分 only when there are none', () => {
    expect(yuanShort(19900)).toBe('199');
    expect(yuanShort(19950)).toBe('199.50');
  });

  test('priceTag puts the sign before ¥', () => {
    expect(priceTag(8900)).toBe('¥89.00');
    expect(priceTag(-150)).toBe('-¥1.50');
    expect(priceTag(0)).toBe('¥0.00');
  });
});

