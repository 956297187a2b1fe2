// The roster's rules, pure: gaps per post and hour, rotation, six on one off, days off a month.
import { expect, test } from 'vitest';
import type { Department } from '../server/model.js';
import { findGaps, findProblems, type PlannedDay, type RosterRuleSettings } from '../server/roster/roster-rules.js';
import { daysBetween } from '../server/roster/shift-times.js';

const day = (staffId: number, date: string): PlannedDay => ({ staffId, date, kind: 'day', start: '08:30', end: '17:30' });
const night = (staffId: number, date: string, start = '17:30', end = '01:00'): PlannedDay => ({ staffId, date, kind: 'night', start, end });
const settings: RosterRuleSettings = { restRule: 'weekly', maxDaysInRow: 6, monthlyRestDays: 4, weeklyRotation: true, rotatingDepartments: ['cs-presale'], posts: [{ department: 'cs-presale', from: '08:30', to: '24:00' }] };
const departments = new Map<number, Department>([[1, 'cs-presale'], [2, 'cs-presale'], [3, 'warehouse']]);
const dept = (id: number) => departments.get(id);

test('a post covered by a day and an evening shift has no gap; without the evening it has one, named', () => {
  expect(findGaps('2026-11-16', settings.posts, [day(1, '2026-11-16'), night(2, '2026-11-16', '16:00', '00:00')], dept)).toEqual([]);
  expect(findGaps('2026-11-16', settings.posts, [day(1, '2026-11-16'), night(3, '2026-11-16')], dept))
    .toEqual([{ department: 'cs-presale', date: '2026-11-16', from: '17:30', to: '24:00' }]);
  // A 17:30 start meets the day shift's 17:30 end: nothing between them.
  expect(findGaps('2026-11-16', settings.posts, [day(1, '2026-11-16'), night(2, '2026-11-16')], dept)).toEqual([]);
  expect(findGaps('2026-11-16', settings.posts, [], dept)).toEqual([{ department: 'cs-presale', date: '2026-11-16', from: '08:30', to: '24:00' }]);
});

test('a gap in the middle of the day is named with its hours', () => {
  const posts = [{ department: 'cs-presale' as const, from: '08:30', to: '24:00' }];
  const late = { staffId: 2, date: '2026-11-16', kind: 'night' as const, start: '18:00', end: '00:00' };
  expect(findGaps('2026-11-16', posts, [day(1, '2026-11-16'), late], dept)).toEqual([{ department: 'cs-presale', date: '2026-11-16', from: '17:30', to: '18:00' }]);
});

test('the night shift of the day before covers the early hours of a post that opens at midnight', () => {
  const posts = [{ department: 'cs-presale' as const, from: '00:00', to: '02:00' }];
  expect(findGaps('2026-11-17', posts, [night(1, '2026-11-16')], dept)).toEqual([{ department: 'cs-presale', date: '2026-11-17', from: '01:00', to: '02:00' }]);
});

test('day and night swap weekly: the same kind two weeks running is named, unless the week is kept', () => {
  const twoDayWeeks = [...daysBetween('2026-11-09', '2026-11-13'), ...daysBetween('2026-11-16', '2026-11-20')].map((d) => day(1, d));
  expect(findProblems(1, '2026-11-16', '2026-11-22', twoDayWeeks, settings, new Set()))
    .toEqual([{ kind: 'no-rotation', staffId: 1, week: '2026-11-16', shiftKind: 'day' }]);
  expect(findProblems(1, '2026-11-16', '2026-11-22', twoDayWeeks, settings, new Set(['2026-11-16']))).toEqual([]);
  expect(findProblems(1, '2026-11-16', '2026-11-22', twoDayWeeks, { ...settings, weeklyRotation: false }, new Set())).toEqual([]);
  const swapped = [...daysBetween('2026-11-09', '2026-11-13').map((d) => day(1, d)), ...daysBetween('2026-11-16', '2026-11-20').map((d) => night(1, d))];
  expect(findProblems(1, '2026-11-16', '2026-11-22', swapped, settings, new Set())).toEqual([]);
});

test('six days on and one off: a seventh day in a row is named; the setting moves the limit', () => {
  const seven = daysBetween('2026-11-16', '2026-11-22').map((d) => day(1, d));
  const noRotation = { ...settings, weeklyRotation: false };
  expect(findProblems(1, '2026-11-16', '2026-11-22', seven.slice(0, 6), noRotation, new Set())).toEqual([]);
  expect(findProblems(1, '2026-11-16', '2026-11-22', seven, noRotation, new Set()))
    .toEqual([{ kind: 'too-many-days', staffId: 1, from: '2026-11-16', to: '2026-11-22', days: 7, max: 6 }]);
  expect(findProblems(1, '2026-11-16', '2026-11-22', seven, { ...noRotation, maxDaysInRow: 7 }, new Set())).toEqual([]);
});

test('four days off a month: fewer is named, counted only while the person works here', () => {
  const monthly = { ...settings, restRule: 'monthly' as const, weeklyRotation: false };
  const november = daysBetween('2026-11-01', '2026-11-30');
  const worked27 = november.slice(0, 27).map((d) => day(1, d));
  expect(findProblems(1, '2026-11-01', '2026-11-30', worked27, monthly, new Set()))
    .toEqual([{ kind: 'too-few-rest-days', staffId: 1, month: '2026-11', restDays: 3, min: 4 }]);
  expect(findProblems(1, '2026-11-01', '2026-11-30', worked27.slice(0, 26), monthly, new Set())).toEqual([]);
  // Seven days on in a row breaks nothing under the monthly rule.
  expect(findProblems(1, '2026-11-01', '2026-11-30', worked27.slice(0, 7), monthly, new Set())).toEqual([]);
  // Hired on the 20th: 11 days, all of them worked.
  const late = daysBetween('2026-11-20', '2026-11-30').map((d) => day(1, d));
  expect(findProblems(1, '2026-11-01', '2026-11-30', late, monthly, new Set(), { from: '2026-11-20', to: null })[0]).toMatchObject({ restDays: 0 });
});
