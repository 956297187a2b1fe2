// "My shifts" through the plugin's API (the test kit): the logged-in person's own roster for this
// week and next, found through the account linked to them on the staff list.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import type { StaffMember } from '../server/model.js';
import { addStaff, plan, templates } from './helpers.js';

const A = '/api/staff-rules';
let host: TestHost;

// A Tuesday: this week runs from Monday 11-30, next week ends on Sunday 12-13.
beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-12-01T10:00:00+08:00' });
});
afterAll(() => host?.close());

/** A person with a login of their own (role customer-service), linked on the staff list. */
async function withLogin(username: string): Promise<{ client: TestClient; member: StaffMember }> {
  const client = await host.staff(username, ['customer-service']);
  const account = (await client.get('/api/auth/me')).body as { id: number };
  return { client, member: await addStaff(host.owner, { name: username, accountId: account.id }) };
}

type Day = { date: string; shift: { staffId: number; templateName: string; kind: string; startsAt: string; endsAt: string } | null };

test('a person sees exactly their own shifts of this week and next, the night shift on the day it starts, days off empty', async () => {
  const all = await templates(host.owner);
  const { client, member } = await withLogin('xiaolin');
  const other = await addStaff(host.owner, { name: '阿珍' });
  for (const d of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) await plan(host.owner, member.id, d, all['白班']!.id);
  await plan(host.owner, member.id, '2026-12-04', all['晚班 17:30']!.id);
  await plan(host.owner, member.id, '2026-12-06', all['晚班 16:00']!.id);
  await plan(host.owner, member.id, '2026-12-08', all['白班']!.id);
  // 阿珍 works the days 小林 is off, and the same night: none of hers may show.
  for (const d of ['2026-12-04', '2026-12-05', '2026-12-07', '2026-12-09']) await plan(host.owner, other.id, d, all['晚班 15:30']!.id);

  const reply = await client.get(`${A}/roster/mine`);
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body).toMatchObject({ from: '2026-11-30', to: '2026-12-13', today: '2026-12-01', member: { id: member.id, name: 'xiaolin' } });
  const days = reply.body.days as Day[];
  expect(days.map((d) => d.date)).toEqual([
    '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06',
    '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13',
  ]);
  expect(days.filter((d) => d.shift).map((d) => `${d.date} ${d.shift!.templateName}`)).toEqual([
    '2026-11-30 白班', '2026-12-01 白班', '2026-12-02 白班', '2026-12-03 白班', '2026-12-04 晚班 17:30', '2026-12-06 晚班 16:00', '2026-12-08 白班',
  ]);
  expect(days.every((d) => !d.shift || d.shift.staffId === member.id)).toBe(true);
  // The 17:30–01:00 shift is Friday's, ending early on Saturday; Saturday itself is a day off.
  expect(days[4]!.shift).toMatchObject({ kind: 'night', startsAt: '2026-12-04T17:30:00.000+08:00', endsAt: '2026-12-05T01:00:00.000+08:00' });
  expect(days[5]!.shift).toBeNull();
  expect(days[6]!.shift!.endsAt).toBe('2026-12-07T00:00:00.000+08:00');

  // A span of one's own choosing, checked like the roster's.
  const friday = await client.get(`${A}/roster/mine?from=2026-12-04&to=2026-12-05`);
  expect((friday.body.days as Day[]).map((d) => d.shift?.templateName ?? null)).toEqual(['晚班 17:30', null]);
  expect((await client.get(`${A}/roster/mine?from=2026-12-05&to=2026-12-04`)).status).toBe(400);
});

test('an account linked to nobody on the staff list gets a 404 saying whom to ask', async () => {
  const stranger = await host.staff('stranger', ['warehouse']);
  const en = await stranger.get(`${A}/roster/mine`, { 'accept-language': 'en' });
  expect(en.status).toBe(404);
  expect(en.body.detail).toBe('Your account is not linked to anyone on the staff list, so there are no shifts to show; ask the owner to link it there');
  const zh = await stranger.get(`${A}/roster/mine`);
  expect(zh.status).toBe(404);
  expect(zh.body.detail).toBe('你的账号还没有关联到员工名单里的人，所以没有你的班次；请店长在员工名单里关联');
});
