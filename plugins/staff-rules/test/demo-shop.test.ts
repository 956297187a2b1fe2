// The demo shop's people and four weeks of roster, loaded at first-run setup.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], demoShop: true, clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

test('has eight people in their departments, with 工号', async () => {
  const people = (await host.owner.get('/api/staff-rules/staff')).body.items as { code: string; department: string }[];
  expect(people).toHaveLength(8);
  expect(new Set(people.map((p) => p.department))).toEqual(new Set(['cs-presale', 'cs-aftersale', 'warehouse', 'operations', 'design']));
  expect((await host.owner.get('/api/staff-rules/staff?q=07')).body.items[0].code).toBe('07');
});

test('has four weeks of roster around today: six days on, staggered days off, nights that take turns', async () => {
  const roster = await host.owner.get('/api/staff-rules/roster?from=2026-10-26&to=2026-11-22');
  expect(roster.status, roster.text).toBe(200);
  const shifts = roster.body.items as { staffId: number; kind: string; date: string }[];
  expect(shifts).toHaveLength(8 * 4 * 6);
  const check = await host.owner.get('/api/staff-rules/roster/check?from=2026-10-26&to=2026-11-22');
  expect(check.body.problems).toEqual([]);
  expect(shifts.some((s) => s.kind === 'night' && s.date === '2026-11-11')).toBe(true);
  // Somebody is on now, on the demo's Wednesday morning.
  expect((await host.owner.get('/api/staff-rules/roster/now')).body.items.length).toBeGreaterThan(3);
});
