import { expect, test } from 'vitest';
import { supplierBalance } from '../server/ledger/ledger-math.js';

test('owed is goods and transport less payments; payments settle the oldest deliveries first', () => {
  const b = supplierBalance(
    [
      { date: '2026-12-01', amount: 50_000, transport: 0, paid: 0 },
      { date: '2026-08-20', amount: 100_000, transport: 2_000, paid: 0 },
      { date: '2026-09-25', amount: 30_000, transport: 1_000, paid: 0 },
      { date: '2026-10-01', amount: 0, transport: 0, paid: 60_000 },
    ],
    '2026-12-07',
  );
  expect(b).toMatchObject({ charged: 183_000, paid: 60_000, owed: 123_000 });
  // 8-20 (109 days): 102,000 − 60,000 = 42,000; 9-25 (73 days): 31,000; 12-01 (6 days): 50,000.
  expect(b.ageing).toEqual([
    { from: 0, to: 30, owed: 50_000 },
    { from: 31, to: 60, owed: 0 },
    { from: 61, to: 90, owed: 31_000 },
    { from: 91, to: null, owed: 42_000 },
  ]);
});

test('paid ahead: nothing ages and the balance goes below zero', () => {
  const b = supplierBalance([{ date: '2026-11-01', amount: 10_000, transport: 500, paid: 0 }, { date: '2026-11-02', amount: 0, transport: 0, paid: 20_000 }], '2026-12-07');
  expect(b.owed).toBe(-9_500);
  expect(b.ageing.every((x) => x.owed === 0)).toBe(true);
});
