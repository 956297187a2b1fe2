import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { divideHalfUp, payPercent, spread } from '../server/promotions/money.js';
import { combinableTest, DEFAULT_POLICY, fullOrder, policyFromSettings } from '../server/promotions/policy.js';

describe('money', () => {
  test('half up to the 分', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(7, 3)).toBe(2);
    expect(payPercent(30, 95)).toBe(29); // 28.5
    expect(payPercent(999, 88.8)).toBe(887); // 887.112
    expect(payPercent(1000, 88.85 - 0.05)).toBe(888);
  });

  test('a spread never gives a line more than it has, and its parts add up', () => {
    // Rounding down gives 0 each; the 2 分 left cannot all go to one line of 1 分.
    expect(spread(2, [1, 1, 1], [1, 1, 1], [3, 1, 2])).toEqual([0, 1, 1]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, share) => {
        const total = weights.reduce((s, w) => s + w, 0);
        const amount = Math.floor(total * share);
        const parts = spread(amount, weights, weights, weights.map((_, i) => i));
        expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(weights[i]!);
        });
      }),
    );
  });

  test('the remainder goes to the largest line', () => {
    // 27 + 27 + 44 = 98: the 2 分 left go to the 800 line.
    expect(spread(100, [500, 500, 800], [500, 500, 800], [1, 2, 3])).toEqual([27, 27, 46]);
    // Equal lines: 3 each, the 1 分 left to the line with the smallest key (the SKU id), wherever it sits.
    expect(spread(10, [5, 5, 5], [5, 5, 5], [9, 4, 7])).toEqual([3, 4, 3]);
  });
});

describe('stacking policy', () => {
  test('pairs are symmetric and a kind always combines with itself', () => {
    const may = combinableTest({ order: [], combinable: ['member+full-reduction'] });
    expect(may('full-reduction', 'member')).toBe(true);
    expect(may('member', 'full-reduction')).toBe(true);
    expect(may('member', 'percent')).toBe(false);
    expect(may('coupon', 'coupon')).toBe(true);
  });
  test('an order missing kinds gets them appended, after the campaign price, which always comes first; the policy is read from the settings as given', () => {
    expect(fullOrder({ order: ['coupon', 'percent'], combinable: [] })).toEqual(['campaign', 'coupon', 'percent', 'bundle', 'member', 'full-reduction', 'full-gift']);
    expect(policyFromSettings({ stackingOrder: ['coupon', 'bundle'], combinable: ['coupon+percent'] })).toEqual({ order: ['coupon', 'bundle'], combinable: ['coupon+percent'] });
  });

  test('by default (the settings schema) a coupon combines with no other discount, and bundles apply first', () => {
    const may = combinableTest(DEFAULT_POLICY);
    for (const other of ['bundle', 'member', 'percent', 'full-reduction', 'full-gift', 'campaign'] as const) expect(may('coupon', other)).toBe(false);
    for (const other of ['bundle', 'member', 'percent', 'full-reduction', 'full-gift'] as const) expect(may('campaign', other)).toBe(true);
    expect(combinableTest({ ...DEFAULT_POLICY, combinable: ['campaign+coupon'] })('coupon', 'campaign')).toBe(true);
    expect(may('member', 'full-reduction')).toBe(true);
    expect(DEFAULT_POLICY.order[0]).toBe('bundle');
  });
});
