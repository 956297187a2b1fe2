import { expect, test } from 'vitest';
import { openProblem, outcomeProblem, stepProblem } from '../server/claims/claim-rules.js';
import { followUpProblem, priceDifference } from '../server/follow-ups/follow-up-rules.js';

test('part of a line exchanged is set against what the buyer paid for as many pieces', () => {
  // Three pieces paid 250.00 元 together, two exchanged for a SKU at 99.00: 166.67 paid for them.
  expect(priceDifference('exchange', { linePaid: 25000, quantity: 3 }, { quantity: 2, value: 19800 })).toMatchObject({ paidValue: 16667, difference: 3133 });
  expect(priceDifference('exchange', { linePaid: 9900, quantity: 1 }, { quantity: 1, value: 9900 }).explanation['zh-CN']).toBe('换出 1 件共 99.00 元，原付 99.00 元，没有差价');
  expect(priceDifference('reship', { linePaid: 9900, quantity: 1 }, { quantity: 1, value: 12900 })).toMatchObject({ difference: 0, explanation: { 'zh-CN': '补发 1 件，不收差价' } });
});

test('a follow-up order is made once, at 换货待发, for an exchange or a reshipment of the same SKU', () => {
  const c = { kind: 'reship' as const, state: 'exchange-pending' as const, quantity: 2, skuCode: 'A-M' };
  expect(followUpProblem(c, { quantity: 2, skuCode: 'A-M' }, undefined)).toBeUndefined();
  expect(followUpProblem(c, { quantity: 1, skuCode: 'A-L' }, undefined)).toEqual({ kind: 'other-sku' });
  expect(followUpProblem({ ...c, kind: 'exchange' }, { quantity: 1, skuCode: 'A-L' }, undefined)).toBeUndefined();
  expect(followUpProblem(c, { quantity: 2, skuCode: 'A-M' }, 'T1-BF1')).toEqual({ kind: 'already', orderNo: 'T1-BF1' });
  expect(followUpProblem({ ...c, state: 'wait-seller-agree' }, { quantity: 2, skuCode: 'A-M' }, undefined)).toEqual({ kind: 'not-ready', state: 'wait-seller-agree' });
});

test("a claim needs the courier's responsibility, an offer only for confiscated goods, and ends once", () => {
  expect(openProblem('shop', false, 'lost', undefined)).toEqual({ kind: 'not-courier' });
  expect(openProblem('courier', false, 'confiscated', 'gift')).toBeUndefined();
  expect(openProblem('courier', false, 'confiscated', undefined)).toEqual({ kind: 'offer-needed' });
  expect(stepProblem('claimed', ['recorded'], 'recorded')).toEqual({ kind: 'step-done', step: 'recorded' });
  expect(outcomeProblem('claimed', 9900, { state: 'paid', amountPaid: 9900, paidOn: '2026-11-20' })).toBeUndefined();
  expect(outcomeProblem('refused', 9900, { state: 'paid', amountPaid: 100, paidOn: '2026-11-20' })).toEqual({ kind: 'decided', state: 'refused' });
});
