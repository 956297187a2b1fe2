import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { titleBytes, titleFits, titleLength } from '../shared/title-length.js';
import { disallowedPromotionWords } from '../server/workflow/promotion-words.js';

describe('title length, counted the platform way (shared/title-length.ts, used by the checklist and the editor)', () => {
  test('a Chinese character counts one, two Latin letters or digits count one', () => {
    expect(titleLength('纯棉T恤')).toBe(4); // 3 × 2 bytes + 1 byte = 7 bytes → 4
    expect(titleLength('ABCD')).toBe(2);
    expect(titleLength('夏季 2024')).toBe(5); // 4 + 1 + 4 = 9 bytes
    expect(titleBytes('，')).toBe(2); // full-width punctuation is double width too
  });

  test('the limit is twice as many bytes as characters', () => {
    expect(titleFits('汉'.repeat(30), 30)).toBe(true);
    expect(titleFits('汉'.repeat(31), 30)).toBe(false);
    expect(titleFits('a'.repeat(60), 30)).toBe(true);
    expect(titleFits('a'.repeat(61), 30)).toBe(false);
    expect(titleFits('汉'.repeat(29) + 'AB', 30)).toBe(true);
    expect(titleFits('汉'.repeat(29) + 'ABC', 30)).toBe(false);
  });

  test('fitting agrees with the shown length for any mix of scripts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('汉', '字', 'a', '7', ' ', '！')), fc.integer({ min: 5, max: 40 }), (chars, max) => {
        const title = chars.join('');
        expect(titleFits(title, max)).toBe(titleLength(title) <= max);
      }),
    );
  });

  test('characters outside the basic plane count as one wide character, not two', () => {
    expect(titleBytes('𠀀')).toBe(2);
    expect(titleLength('T恤👕')).toBe(3); // 1 + 2 + 2 bytes
  });
});

describe('promotion words in titles', () => {
  const allowed = ['包邮', '特价', '限时打折', '新品', '热卖', '清仓'];

  test('allowed words pass, also when they contain words that alone are not allowed', () => {
    expect(disallowedPromotionWords('限时打折 纯棉T恤 包邮', allowed)).toEqual([]);
  });

  test('promotion-like words outside the allowed list are named', () => {
    expect(disallowedPromotionWords('秒杀 纯棉T恤 买一送一', allowed).sort()).toEqual(['买一送一', '秒杀'].sort());
    expect(disallowedPromotionWords('限时 纯棉T恤', allowed)).toEqual(['限时']);
  });

  test('a word the shop allows is never flagged, even one on the built-in list', () => {
    expect(disallowedPromotionWords('秒杀 纯棉T恤', [...allowed, '秒杀'])).toEqual([]);
  });

  test('ordinary product words are not mistaken for promotions', () => {
    expect(disallowedPromotionWords('纯棉圆领短袖T恤 夏季新款 宽松', allowed)).toEqual([]);
  });
});
