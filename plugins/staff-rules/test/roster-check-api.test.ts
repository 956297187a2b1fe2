// The roster check and swaps through the API: gaps named per post and hours, the rules per
// person, settings that change them, and swaps asked for and decided in writing.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import type { StaffMember } from '../server/model.js';
import { addStaff, plan, templates } from './helpers.js';

let host: TestHost;
let day: number;
let night: number;
let presale: StaffMember;
let evening: StaffMember;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-11T09:00:00+08:00' });
  const all = await templates(host.owner);
  day = all['白班']!.id;
  night = all['晚班 16:00']!.id;
  presale = await addStaff(host.owner, { department: 'cs-presale', name: '白天售前' });
  evening = await addStaff(host.owner, { department: 'cs-presale', name: '晚上售前' });
});
afterAll(() => host?.close());

async function settings(change: Record<string, unknown>): Promise<void> {
  const current = await host.owner.get('/api/settings/staff-rules');
  const saved = await host.owner.put('/api/settings/staff-rules', { value: { ...current.body.value, ...change }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
}

const check = async (from: string, to: string) => {
  const reply = await host.owner.get(`/api/staff-rules/roster/check?from=${from}&to=${to}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};

test('an empty post is named with its hours; the posts setting decides which posts count', async () => {
  await plan(host.owner, presale.id, '2026-12-01', day);
  const result = await check('2026-12-01', '2026-12-01');
  expect(result.gaps).toEqual([
    { department: 'cs-presale', date: '2026-12-01', from: '17:30', to: '24:00' },
    { department: 'cs-aftersale', date: '2026-12-01', from: '08:30', to: '17:30' },
    { department: 'warehouse', date: '2026-12-01', from: '08:30', to: '17:30' },
  ]);
  await plan(host.owner, evening.id, '2026-12-01', night);
  expect((await check('2026-12-01', '2026-12-01')).gaps.filter((g: { department: string }) => g.department === 'cs-presale')).toEqual([]);
  await settings({ posts: [{ department: 'cs-presale', from: '08:00', to: '24:00' }] });
  expect((await check('2026-12-01', '2026-12-01')).gaps).toEqual([{ department: 'cs-presale', date: '2026-12-01', from: '08:00', to: '08:30' }]);
  await settings({ posts: [] });
});

test('a seventh day in a row is named under the weekly rule; the monthly rule counts days off instead', async () => {
  const worker = await addStaff(host.owner, { department: 'warehouse' });
  for (let d = 7; d <= 13; d += 1) await plan(host.owner, worker.id, `2026-12-${String(d).padStart(2, '0')}`, day);
  const mine = async () => (await check('2026-12-07', '2026-12-13')).problems.filter((p: { staffId: number }) => p.staffId === worker.id);
  expect(await mine()).toEqual([{ kind: 'too-many-days', staffId: worker.id, from: '2026-12-07', to: '2026-12-13', days: 7, max: 6 }]);
  await settings({ maxDaysInRow: 7 });
  expect(await mine()).toEqual([]);
  for (let d = 14; d <= 31; d += 1) await plan(host.owner, worker.id, `2026-12-${d}`, day);
  await settings({ restRule: 'monthly', monthlyRestDays: 8 });
  expect(await mine()).toEqual([{ kind: 'too-few-rest-days', staffId: worker.id, month: '2026-12', restDays: 6, min: 8 }]);
  await settings({ monthlyRestDays: 4 });
  expect(await mine()).toEqual([]);
  await settings({ restRule: 'weekly', maxDaysInRow: 6 });
});

test('day shifts two weeks running are named until a keep request is approved; the settings turn the rule off', async () => {
  const worker = await addStaff(host.owner, { department: 'design' });
  for (const date of ['2026-12-14', '2026-12-15', '2026-12-21', '2026-12-22']) await plan(host.owner, worker.id, date, day);
  const mine = async () => (await check('2026-12-21', '2026-12-27')).problems.filter((p: { staffId: number }) => p.staffId === worker.id);
  // 美工 work days only, until the setting makes them take turns.
  expect(await mine()).toEqual([]);
  await settings({ rotatingDepartments: ['cs-presale', 'design'] });
  expect(await mine()).toEqual([{ kind: 'no-rotation', staffId: worker.id, week: '2026-12-21', shiftKind: 'day' }]);
  await settings({ weeklyRotation: false });
  expect(await mine()).toEqual([]);
  await settings({ weeklyRotation: true });
  const asked = await host.owner.post('/api/staff-rules/swaps', { kind: 'keep', staffId: worker.id, date: '2026-12-23', reason: '晚上要照顾孩子' });
  expect(asked.status, asked.text).toBe(201);
  expect(asked.body).toMatchObject({ kind: 'keep', date: '2026-12-21', state: 'requested' });
  expect(await mine()).toHaveLength(1);
  expect((await host.owner.post(`/api/staff-rules/swaps/${asked.body.id}/approve`, {})).body.state).toBe('approved');
  expect(await mine()).toEqual([]);
});

test('a swap moves the shifts when approved, not before; a refusal needs a reason; a decision stands', async () => {
  const a = await addStaff(host.owner, { department: 'operations', name: '甲' });
  const b = await addStaff(host.owner, { department: 'operations', name: '乙' });
  await plan(host.owner, a.id, '2026-12-28', day);
  await plan(host.owner, b.id, '2026-12-28', night);
  const asked = await host.owner.post('/api/staff-rules/swaps', { kind: 'exchange', staffId: a.id, otherStaffId: b.id, date: '2026-12-28', reason: '家里有事' });
  expect(asked.status, asked.text).toBe(201);
  const shiftOf = async (id: number) => (await host.owner.get(`/api/staff-rules/roster?from=2026-12-28&to=2026-12-28&staffId=${id}`)).body.items[0]?.templateId;
  expect(await shiftOf(a.id)).toBe(day);
  const refusedWithout = await host.owner.post(`/api/staff-rules/swaps/${asked.body.id}/refuse`, { note: '  ' });
  expect(refusedWithout.status).toBe(400);
  expect((await host.owner.post(`/api/staff-rules/swaps/${asked.body.id}/approve`, { note: '同意' })).status).toBe(200);
  expect(await shiftOf(a.id)).toBe(night);
  expect(await shiftOf(b.id)).toBe(day);
  expect((await host.owner.post(`/api/staff-rules/swaps/${asked.body.id}/refuse`, { note: '改主意' })).status).toBe(409);
  const noPartner = await host.owner.post('/api/staff-rules/swaps', { kind: 'exchange', staffId: a.id, date: '2026-12-29', reason: '换' });
  expect(noPartner.status).toBe(400);
  expect((await host.owner.get('/api/staff-rules/swaps?state=approved')).body.items.some((s: { id: number }) => s.id === asked.body.id)).toBe(true);
});

test('permissions: a clerk asks for their own swaps only and cannot decide them', async () => {
  const clerk = await host.staff('swap-clerk', ['staff-rules.swaps.request', 'staff-rules.roster.read']);
  const me = await addStaff(host.owner, { department: 'cs-aftersale', name: '我' });
  const other = await addStaff(host.owner, { department: 'cs-aftersale', name: '别人' });
  const accountId = (await clerk.get('/api/auth/me')).body.id as number;
  await host.owner.patch(`/api/staff-rules/staff/${me.id}`, { accountId });
  const forOther = await clerk.post('/api/staff-rules/swaps', { kind: 'keep', staffId: other.id, date: '2026-12-28', reason: '替人申请' });
  expect(forOther.status).toBe(403);
  const mine = await clerk.post('/api/staff-rules/swaps', { kind: 'keep', staffId: me.id, date: '2026-12-28', reason: '自己申请' });
  expect(mine.status, mine.text).toBe(201);
  expect((await clerk.post(`/api/staff-rules/swaps/${mine.body.id}/approve`, {})).status).toBe(403);
  expect((await clerk.get('/api/staff-rules/roster/check?from=2026-12-28&to=2026-12-28')).status).toBe(200);
  const outsider = await host.staff('swap-outsider', ['staff-rules.staff.read']);
  expect((await outsider.get('/api/staff-rules/swaps')).status).toBe(403);
  expect((await outsider.post('/api/staff-rules/swaps', { kind: 'keep', staffId: me.id, date: '2026-12-28', reason: '试试' })).status).toBe(403);
  expect((await outsider.get('/api/staff-rules/roster/check?from=2026-12-28&to=2026-12-28')).status).toBe(403);
});
