import { describe, expect, test } from 'vitest';
import { priceCart } from '../server/promotions/engine.js';
import { benchCarts, digest, randomInputs } from './fixtures/pricing-digest.js';
import before from './fixtures/pricing-before.json' with { type: 'json' };

// The engine was made faster; the answers must not move by one 分 or one word. The engine as it
// was priced 800 random carts (random promotions, coupons and policies, drawn with a fixed seed)
// and the benchmark's carts; fixtures/pricing-before.json keeps a digest of each whole answer —
// totals, every line's discounts, gifts, the explanation. The engine must give the same.

describe('the engine gives the same answers as before it was made faster', () => {
  test('800 random carts under random promotions, coupons and policies', () => {
    const inputs = randomInputs();
    expect(inputs).toHaveLength(before.random.length);
    const moved = inputs.flatMap((input, i) => (digest(priceCart(input)) === before.random[i] ? [] : [i]));
    expect(moved, `answers that changed, by input number: ${moved.slice(0, 10).join(', ')}`).toEqual([]);
  });

  test('the benchmark carts: 50 and 5 lines under 200 promotions, with and without a coupon', () => {
    for (const [name, input] of benchCarts()) {
      const result = priceCart(input);
      expect(result.explanation.length, name).toBeGreaterThanOrEqual(200);
      expect(digest(result), name).toBe(before.bench[name as keyof typeof before.bench]);
    }
  });

  test('a cart priced twice with the same promotion objects gives the same answer both times', () => {
    const [, input] = benchCarts()[1]!;
    const first = digest(priceCart(input));
    priceCart({ ...input, cart: { ...input.cart, memberLevel: 'V1' } });
    expect(digest(priceCart(input))).toBe(first);
  });
});
