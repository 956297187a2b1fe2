import { expect, test } from 'vitest';
import type { PlannedShift } from '../server/model.js';
import { DEFAULT_ATTENDANCE_RULES as RULES, attendanceRules } from '../server/attendance/attendance-rules.js';
import { classifyDay, type ApprovedLeave, type ClockRow } from '../server/attendance/classify-day.js';
import { classifyMonth, leaveDaysUnpaid, monthFlags } from '../server/attendance/classify-month.js';

/** A shift of person 1 on `date` from `start` to `end` (an end at or before the start is the next day). */
function shift(date: string, start: string, end: string): PlannedShift {
  const startsAt = `${date}T${start}:00+08:00`;
  let endsAt = `${date}T${end === '24:00' ? '00:00' : end}:00+08:00`;
  if (Date.parse(endsAt) <= Date.parse(startsAt)) endsAt = new Date(Date.parse(endsAt) + 86_400_000 + 8 * 3_600_000).toISOString().replace('Z', '+08:00').replace('.000', '');
  return { staffId: 1, date, templateId: 1, startsAt, endsAt };
}
let nextRow = 1;
const row = (at: string): ClockRow => ({ id: nextRow++, staffId: 1, at: at.length === 16 ? `${at}:00+08:00` : at, correction: null });
const LATER = '2026-12-31T00:00:00+08:00';
const day = (s: PlannedShift | null, rows: ClockRow[], leave: ApprovedLeave | null = null, now = LATER) =>
  classifyDay({ staffId: 1, date: s?.date ?? '2026-11-02', shift: s, rows, leave, leaveUnpaid: false, now }, RULES);

const WHITE = shift('2026-11-02', '08:30', '17:30');

test('arriving at the start, or within its minute, is on time', () => {
  const facts = day(WHITE, [row('2026-11-02T08:30:59+08:00'), row('2026-11-02T17:31')]);
  expect(facts).toMatchObject({ status: 'on-time', lateMinutes: 0, lateBand: 'none', lateFineable: false, earlyMinutes: 0 });
});

test('late within the grace counts as late but is not fineable; past 15 minutes it is', () => {
  expect(day(WHITE, [row('2026-11-02T08:34'), row('2026-11-02T17:30')])).toMatchObject({ status: 'late', lateMinutes: 4, lateBand: 'grace', lateFineable: false });
  expect(day(WHITE, [row('2026-11-02T08:35'), row('2026-11-02T17:30')])).toMatchObject({ lateMinutes: 5, lateBand: 'grace' });
  expect(day(WHITE, [row('2026-11-02T08:36'), row('2026-11-02T17:30')])).toMatchObject({ status: 'late', lateMinutes: 6, lateBand: 'late', lateFineable: false });
  expect(day(WHITE, [row('2026-11-02T08:45'), row('2026-11-02T17:30')])).toMatchObject({ lateMinutes: 15, lateBand: 'late', lateFineable: false });
  expect(day(WHITE, [row('2026-11-02T08:46'), row('2026-11-02T17:30')])).toMatchObject({ lateMinutes: 16, lateBand: 'over', lateFineable: true });
});

test('early leave mirrors lateness, and both on one day are both kept', () => {
  expect(day(WHITE, [row('2026-11-02T08:20'), row('2026-11-02T17:27')])).toMatchObject({ status: 'early-leave', earlyMinutes: 3, earlyBand: 'grace', earlyFineable: false });
  expect(day(WHITE, [row('2026-11-02T08:40'), row('2026-11-02T17:00')])).toMatchObject({ status: 'late-and-early', lateMinutes: 10, earlyMinutes: 30, earlyBand: 'over', earlyFineable: true });
});

test('no clock-in and no leave is absence once the shift is over; before that the day is open', () => {
  expect(day(WHITE, [])).toMatchObject({ status: 'absent', clockIn: null });
  expect(day(WHITE, [], null, '2026-11-02T10:00:00+08:00')).toMatchObject({ status: 'open' });
  // A lone clock late in the day is a departure without an arrival: still no clock-in.
  expect(day(WHITE, [row('2026-11-02T17:35')])).toMatchObject({ status: 'absent', clockOut: '2026-11-02T17:35:00+08:00' });
  // A lone arrival with no departure is classified by the arrival alone.
  expect(day(WHITE, [row('2026-11-02T08:31')])).toMatchObject({ status: 'late', clockOut: null, earlyMinutes: 0 });
});

test('approved leave covers a working day; a rest day stays a rest day', () => {
  const leave: ApprovedLeave = { id: 7, staffId: 1, kind: 'personal', from: '2026-11-02', to: '2026-11-02', withoutNeed: true };
  expect(day(WHITE, [], leave)).toMatchObject({ status: 'leave', leave: { id: 7, kind: 'personal', withoutNeed: true, unpaid: false } });
  expect(day(null, [], leave)).toMatchObject({ status: 'rest', leave: null });
});

test('leave uses the month\'s rest days first, then is unpaid', () => {
  expect([...leaveDaysUnpaid(['2026-11-09', '2026-11-03', '2026-11-05'], 2)]).toEqual(['2026-11-09']);
  expect(leaveDaysUnpaid(['2026-11-03'], 4).size).toBe(0);
});

test('a night shift across midnight is counted on the day it started', () => {
  const night = shift('2026-11-03', '17:30', '01:00');
  const facts = classifyMonth(
    { staffId: 1, month: '2026-11', shifts: [night, shift('2026-11-04', '08:30', '17:30')], rows: [row('2026-11-03T17:29'), row('2026-11-04T00:52'), row('2026-11-04T08:30'), row('2026-11-04T17:30')], leaves: [], now: LATER },
    RULES,
  );
  expect(facts.find((f) => f.date === '2026-11-03')).toMatchObject({ status: 'early-leave', clockIn: '2026-11-03T17:29:00+08:00', clockOut: '2026-11-04T00:52:00+08:00', earlyMinutes: 8, earlyBand: 'late' });
  expect(facts.find((f) => f.date === '2026-11-04')).toMatchObject({ status: 'on-time', clockIn: '2026-11-04T08:30:00+08:00' });
  expect(facts).toHaveLength(30);
});

test('a month of leave on working days past the rest days is unpaid', () => {
  // Working every day but two: two rest days, three days of leave → the third is unpaid.
  const shifts = Array.from({ length: 28 }, (_, i) => shift(`2026-02-${String(i + 1).padStart(2, '0')}`, '08:30', '17:30')).filter((s) => !['2026-02-07', '2026-02-14'].includes(s.date));
  const leave: ApprovedLeave = { id: 1, staffId: 1, kind: 'sick', from: '2026-02-10', to: '2026-02-12', withoutNeed: false };
  const facts = classifyMonth({ staffId: 1, month: '2026-02', shifts, rows: [], leaves: [leave], now: '2026-02-01T00:00:00+08:00' }, RULES);
  expect(facts.filter((f) => f.status === 'leave').map((f) => [f.date, f.leave!.unpaid])).toEqual([['2026-02-10', false], ['2026-02-11', false], ['2026-02-12', true]]);
});

test('more than 5 lates, 3 absences or more than 3 leaves flag 自动离职 for the owner', () => {
  const dates = Array.from({ length: 12 }, (_, i) => `2026-11-${String(i + 2).padStart(2, '0')}`);
  const shifts = dates.map((d) => shift(d, '08:30', '17:30'));
  const lateRows = dates.slice(0, 6).flatMap((d) => [row(`${d}T08:32`), row(`${d}T17:30`)]);
  const leaves: ApprovedLeave[] = dates.slice(9, 12).map((d, i) => ({ id: i + 1, staffId: 1, kind: 'personal', from: d, to: d, withoutNeed: false }));
  // Days 7–9 absent (no rows, no leave), days 10–12 three leaves.
  const facts = classifyMonth({ staffId: 1, month: '2026-11', shifts, rows: lateRows, leaves, now: LATER }, RULES);
  const flags = monthFlags(facts, '2026-11', RULES);
  expect(flags.map((f) => [f.kind, f.count, f.threshold])).toEqual([['lates', 6, 5], ['absences', 3, 3]]);
  expect(flags[1]!.dates).toEqual(['2026-11-08', '2026-11-09', '2026-11-10']);
  // Five lates, two absences and three leaves are each on the allowed side.
  const fewer = classifyMonth({ staffId: 1, month: '2026-11', shifts, rows: [row('2026-11-02T08:30'), row('2026-11-02T17:30'), ...lateRows.slice(2)], leaves: [...leaves, { id: 9, staffId: 1, kind: 'personal', from: '2026-11-08', to: '2026-11-08', withoutNeed: false }], now: LATER }, RULES);
  expect(monthFlags(fewer, '2026-11', RULES).map((f) => f.kind)).toEqual(['leaves']);
});

test('every figure is a setting that moves the result', () => {
  const strict = attendanceRules({ lateGraceMinutes: 2, lateFineOverMinutes: 3, resignLatesOver: 0, resignAbsenceDays: 1, resignLeavesOver: 0 });
  const four = classifyDay({ staffId: 1, date: WHITE.date, shift: WHITE, rows: [row('2026-11-02T08:34'), row('2026-11-02T17:30')], leave: null, leaveUnpaid: false, now: LATER }, strict);
  expect(four).toMatchObject({ lateBand: 'over', lateFineable: true });
  const three = classifyDay({ staffId: 1, date: WHITE.date, shift: WHITE, rows: [row('2026-11-02T08:33'), row('2026-11-02T17:30')], leave: null, leaveUnpaid: false, now: LATER }, strict);
  expect(three).toMatchObject({ lateBand: 'late', lateFineable: false });
  const leave: ApprovedLeave = { id: 1, staffId: 1, kind: 'sick', from: '2026-11-04', to: '2026-11-04', withoutNeed: false };
  const facts = classifyMonth({ staffId: 1, month: '2026-11', shifts: [WHITE, shift('2026-11-03', '08:30', '17:30'), shift('2026-11-04', '08:30', '17:30')], rows: [row('2026-11-02T08:31'), row('2026-11-02T17:30')], leaves: [leave], now: LATER }, strict);
  expect(monthFlags(facts, '2026-11', strict).map((f) => f.kind)).toEqual(['lates', 'absences', 'leaves']);
  expect(monthFlags(facts, '2026-11', RULES)).toEqual([]);
  expect(attendanceRules({})).toEqual(RULES);
});
