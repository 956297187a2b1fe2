// The scorecard's rule as pure functions: thresholds, fix-by date, explanations, the order gate and
// the reset's cut-off.
import { expect, test } from 'vitest';
import { addDays, afterBreach, orderGate, resetCutoff, standingFor } from '../server/scorecard/scorecard-rules.js';

const rules = { breaches: [], approvalAt: 50, endAt: 100, fixDays: 30 };

test('points under 50 keep a supplier active, 50 asks for the owner, 100 ends it; ended stays ended', () => {
  expect(standingFor(49, 'active', rules)).toBe('active');
  expect(standingFor(50, 'active', rules)).toBe('approval');
  expect(standingFor(99, 'approval', rules)).toBe('approval');
  expect(standingFor(100, 'approval', rules)).toBe('ended');
  expect(standingFor(0, 'ended', rules)).toBe('ended');
});

test('reaching 50 sets the fix-by date once; more points keep it; 100 ends with the reason', () => {
  const first = afterBreach({ points: 40, standing: 'active', fixBy: null }, 10, '2026-11-11', rules);
  expect(first).toMatchObject({ pointsBefore: 40, points: 50, standing: 'approval', fixBy: '2026-12-11' });
  expect(first.explanation['zh-CN']).toBe('今年已扣 50 分，达到 50 分：新订单须店长批准，须在 2026-12-11 前整改；满 100 分终止合作');
  const later = afterBreach({ points: 50, standing: 'approval', fixBy: '2026-12-11' }, 20, '2026-11-20', rules);
  expect(later).toMatchObject({ points: 70, fixBy: '2026-12-11' });
  const end = afterBreach({ points: 90, standing: 'approval', fixBy: '2026-12-11' }, 20, '2026-11-25', rules);
  expect(end).toMatchObject({ points: 110, standing: 'ended' });
  expect(end.explanation.en).toBe('110 points this year, at or over 100: the supplier is ended and gets no new orders');
  expect(afterBreach({ points: 0, standing: 'active', fixBy: null }, 10, '2026-11-11', rules)).toMatchObject({ standing: 'active', fixBy: null });
});

test('the gate: active orders freely, approval needs the owner, ended gets nothing', () => {
  expect(orderGate({ points: 10, standing: 'active', fixBy: null }, rules)).toMatchObject({ allowed: true, needsOwnerApproval: false });
  expect(orderGate({ points: 60, standing: 'approval', fixBy: '2026-12-11' }, rules)).toMatchObject({ allowed: true, needsOwnerApproval: true });
  const ended = orderGate({ points: 100, standing: 'ended', fixBy: null }, rules);
  expect(ended).toMatchObject({ allowed: false, needsOwnerApproval: false });
  expect(ended.reason['zh-CN']).toContain('终止合作');
});

test('the reset closes the year of 31 December, or the year before when it runs late', () => {
  expect(resetCutoff('2026-12-31T23:59:00.000+08:00')).toBe('2026-12-31T23:59:00.000+08:00');
  expect(resetCutoff('2027-01-03T08:00:00.000+08:00')).toBe('2026-12-31T23:59:59.999+08:00');
  expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
});
