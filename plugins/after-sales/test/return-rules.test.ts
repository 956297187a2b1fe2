import { expect, test } from 'vitest';
import { normalScan, receiptProblem, returnLines } from '../server/returns/return-rules.js';

const c = { kind: 'return-refund' as const, state: 'wait-buyer-return' as const, quantity: 3 };

test('a receipt needs a case expecting goods and at most its pieces', () => {
  expect(receiptProblem(c, { intact: 2, damaged: 1 })).toBeNull();
  expect(receiptProblem({ ...c, state: 'wait-seller-confirm' }, { intact: 1, damaged: 0 })).toBeNull();
  expect(receiptProblem(c, { intact: 3, damaged: 1 })).toEqual({ kind: 'too-many', pieces: 4, quantity: 3 });
  expect(receiptProblem(c, { intact: 0, damaged: 0 })).toEqual({ kind: 'no-pieces' });
  expect(receiptProblem({ ...c, kind: 'refund-only' }, { intact: 1, damaged: 0 })).toEqual({ kind: 'no-goods-back', caseKind: 'refund-only' });
  expect(receiptProblem({ ...c, state: 'refunded' }, { intact: 1, damaged: 0 })).toEqual({ kind: 'not-expecting', state: 'refunded' });
});

test('intact pieces go to the bin named or the SKU\'s own, damaged ones to 残次库', () => {
  expect(returnLines(5, { intact: 2, damaged: 1 }, null)).toEqual([{ skuId: 5, qty: 2 }, { skuId: 5, qty: 1, defective: true }]);
  expect(returnLines(5, { intact: 0, damaged: 1 }, 'A-01')).toEqual([{ skuId: 5, qty: 1, defective: true }]);
  expect(returnLines(5, { intact: 1, damaged: 0 }, 'A-01')).toEqual([{ skuId: 5, qty: 1, locationCode: 'A-01' }]);
  expect(normalScan(' sf 1234 5678 ')).toBe('SF12345678');
});
