// The demo shop's month of attendance, loaded at first-run setup with the people and roster.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import type { DayFacts } from '../server/model.js';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], demoShop: true, clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

test('the eight demo people have a month of attendance with every kind of day in it', async () => {
  const people = new Map(((await host.owner.get('/api/staff-rules/staff')).body.items as { id: number; code: string }[]).map((p) => [p.code, p.id]));
  const days: DayFacts[] = [];
  for (const month of ['2026-10', '2026-11']) days.push(...(await host.owner.get(`/api/staff-rules/attendance/month?month=${month}`)).body.days);
  const past = days.filter((d) => d.date >= '2026-10-12' && d.date < '2026-11-11');
  // Every person worked most of the last thirty days.
  for (const id of people.values()) expect(past.filter((d) => d.staffId === id && d.clockIn).length).toBeGreaterThan(20);
  expect(new Set(past.filter((d) => d.lateMinutes > 0).map((d) => d.lateBand))).toEqual(new Set(['grace', 'late', 'over']));
  expect(past.filter((d) => d.status === 'absent')).toHaveLength(1);
  expect(past.filter((d) => d.earlyMinutes > 0).length).toBeGreaterThan(0);
  expect(past.some((d) => d.shift && d.clockOut && d.clockOut.slice(0, 10) > d.date)).toBe(true);
  expect(past.filter((d) => d.corrections.length).map((d) => d.corrections[0]!.reason)).toEqual(['考勤机卡纸，陈静看到他 8:25 到岗']);
  expect(past.filter((d) => d.status === 'leave').map((d) => [d.staffId, d.date])).toEqual([[people.get('07'), '2026-11-05'], [people.get('07'), '2026-11-06']]);

  const leave = (await host.owner.get('/api/staff-rules/leave?from=2026-11-01&to=2026-11-30')).body.items as { state: string }[];
  expect(leave.map((l) => l.state).sort()).toEqual(['approved', 'pending', 'refused']);
  // This morning's board: people are in.
  const board = await host.owner.get('/api/staff-rules/attendance/board');
  expect(board.body.items.filter((i: { facts: DayFacts }) => i.facts.clockIn).length).toBeGreaterThan(3);
});
