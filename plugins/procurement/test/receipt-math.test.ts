import { expect, test } from 'vitest';
import { countProblem, receiptOutcome, type LineSoFar } from '../server/receiving/receipt-math.js';

const LINES: LineSoFar[] = [
  { lineId: 1, ordered: 10, passed: 0, expectedDate: '2026-12-10' },
  { lineId: 2, ordered: 5, passed: 0, expectedDate: null },
];

test('a delivery short on one line leaves the order partly received, failed pieces not filling it', () => {
  const out = receiptOutcome(LINES, [{ lineId: 1, counted: 10, failed: 2 }, { lineId: 2, counted: 5, failed: 0 }], '2026-12-10');
  expect(out.status).toBe('partly-received');
  expect(out.lines).toEqual([
    { lineId: 1, counted: 10, passed: 8, failed: 2, over: 0, outstanding: 2, daysLate: 0 },
    { lineId: 2, counted: 5, passed: 5, failed: 0, over: 0, outstanding: 0, daysLate: 0 },
  ]);
});

test('the rest, late and with extra pieces: received, the over-delivery and the days late counted once', () => {
  const after = [{ ...LINES[0]!, passed: 8 }, { ...LINES[1]!, passed: 5 }];
  const out = receiptOutcome(after, [{ lineId: 1, counted: 4, failed: 0 }], '2026-12-13');
  expect(out).toEqual({ status: 'received', lines: [{ lineId: 1, counted: 4, passed: 4, failed: 0, over: 2, outstanding: 0, daysLate: 3 }] });
  const again = receiptOutcome([{ ...LINES[0]!, passed: 12 }, after[1]!], [{ lineId: 1, counted: 1, failed: 0 }], '2026-12-13');
  expect(again.lines[0]!.over).toBe(1);
});

test('a line not on the order, more failed than counted, or nothing counted is a problem', () => {
  expect(countProblem(LINES, [{ lineId: 9, counted: 1, failed: 0 }])).toEqual({ lineId: 9, kind: 'not-on-order' });
  expect(countProblem(LINES, [{ lineId: 1, counted: 1, failed: 2 }])).toEqual({ lineId: 1, kind: 'failed-over-counted' });
  expect(countProblem(LINES, [{ lineId: 1, counted: 0, failed: 0 }])).toEqual({ lineId: 0, kind: 'nothing' });
  expect(countProblem(LINES, [{ lineId: 2, counted: 3, failed: 3 }])).toBeUndefined();
});
