import { expect, test } from 'vitest';
import { against, hoursBetween, pareto, quantile, refundRatePercent } from '../server/figures/figure-rules.js';

test('median and p90 by nearest rank, whatever the order', () => {
  const hours = [30, 2, 5, 12, 48, 1, 3, 8, 20, 72];
  expect(quantile(hours, 0.5)).toBe(8);
  expect(quantile(hours, 0.9)).toBe(48);
  expect(quantile([7], 0.9)).toBe(7);
  expect(quantile([], 0.5)).toBeUndefined();
});

test('refund rate over paid orders; none paid is no figure', () => {
  expect(refundRatePercent(3, 120)).toBe(2.5);
  expect(refundRatePercent(1, 3)).toBe(33.3);
  expect(refundRatePercent(0, 0)).toBeNull();
});

test('reasons as a Pareto: most first, with the running share', () => {
  expect(pareto(['尺码不合适', '质量问题', '尺码不合适', '发错货', '尺码不合适', '质量问题'])).toEqual([
    { reason: '尺码不合适', count: 3, share: 50, cumulative: 50 },
    { reason: '质量问题', count: 2, share: 33.3, cumulative: 83.3 },
    { reason: '发错货', count: 1, share: 16.7, cumulative: 100 },
  ]);
});

test('hours across offsets, and the comparison with the industry (0 = not entered)', () => {
  expect(hoursBetween('2026-11-11T09:00:00+08:00', '2026-11-12T03:30:00+00:00')).toBe(26.5);
  expect(against(2.5, 5)).toBe('better');
  expect(against(60, 48)).toBe('worse');
  expect(against(3, 0)).toBeNull();
  expect(against(null, 5)).toBeNull();
});
