// A month of one person's attendance, lived through with the test clock: every clock is pressed
// at the server's time, and each day's classification is read back through the API.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient, TestHost } from '@workbench/plugin-api/testing';
import type { DayFacts } from '../server/model.js';
import { plan, startWithClockedPerson, templates, type ClockedPerson } from './helpers.js';

let host: TestHost;
let wang: TestClient;
let wangId: number;
let press: ClockedPerson['press'];

beforeAll(async () => {
  ({ host, person: wang, staffId: wangId, press } = await startWithClockedPerson('7'));
});
afterAll(() => host?.close());

test('late 4, 6 and 16 minutes, an absence, a night shift across midnight and leave on a rest day', async () => {
  const t = await templates(host.owner);
  for (const date of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-09', '2026-11-10']) await plan(host.owner, wangId, date, t['白班']!.id);
  await plan(host.owner, wangId, '2026-11-06', t['晚班 17:30']!.id);
  // 11-07 and 11-08 are days off. He asks for leave on the 7th anyway, and for the 10th.
  await host.clock.set('2026-11-01T20:00:00+08:00');
  const restLeave = await wang.post('/api/staff-rules/leave', { kind: 'personal', from: '2026-11-07', to: '2026-11-07', reason: '回老家' });
  const workLeave = await wang.post('/api/staff-rules/leave', { kind: 'sick', from: '2026-11-10', to: '2026-11-10', reason: '看病' });
  for (const leave of [restLeave.body, workLeave.body]) {
    const decided = await host.owner.post(`/api/staff-rules/leave/${leave.id}/decide`, { approve: true, note: '同意', version: leave.version });
    expect(decided.status, decided.text).toBe(200);
  }

  await press('2026-11-02', '08:34');
  await press('2026-11-02', '17:30');
  await press('2026-11-03', '08:36');
  await press('2026-11-03', '17:31');
  await press('2026-11-04', '08:46');
  await press('2026-11-04', '17:30');
  // 11-05: nobody comes. At ten the day is still open; after the shift it is absence.
  await host.clock.set('2026-11-05T10:00:00+08:00');
  const morning = await host.owner.get('/api/staff-rules/attendance/board');
  expect(morning.body.items.find((i: { member: { id: number } }) => i.member.id === wangId).facts.status).toBe('open');
  await press('2026-11-06', '17:25');
  await press('2026-11-07', '01:02');
  await press('2026-11-09', '08:30');
  await press('2026-11-09', '17:20');
  await host.clock.set('2026-11-11T09:00:00+08:00');

  const month = await host.owner.get(`/api/staff-rules/attendance/month?month=2026-11&staffId=${wangId}`);
  expect(month.status, month.text).toBe(200);
  const day = (date: string) => (month.body.days as DayFacts[]).find((d) => d.date === date)!;
  expect(day('2026-11-02')).toMatchObject({ status: 'late', lateMinutes: 4, lateBand: 'grace', lateFineable: false });
  expect(day('2026-11-03')).toMatchObject({ status: 'late', lateMinutes: 6, lateBand: 'late', lateFineable: false });
  expect(day('2026-11-04')).toMatchObject({ status: 'late', lateMinutes: 16, lateBand: 'over', lateFineable: true });
  expect(day('2026-11-05')).toMatchObject({ status: 'absent', clockIn: null, leave: null });
  expect(day('2026-11-06')).toMatchObject({ status: 'on-time', clockIn: '2026-11-06T17:25:00.000+08:00', clockOut: '2026-11-07T01:02:00.000+08:00', earlyMinutes: 0 });
  // The clock-out after midnight did not make the 7th a worked day: it is still his day off, leave or not.
  expect(day('2026-11-07')).toMatchObject({ status: 'rest', clockIn: null, leave: null });
  expect(day('2026-11-08')).toMatchObject({ status: 'rest' });
  expect(day('2026-11-09')).toMatchObject({ status: 'early-leave', earlyMinutes: 10, earlyBand: 'late', earlyFineable: false });
  expect(day('2026-11-10')).toMatchObject({ status: 'leave', leave: { id: workLeave.body.id, kind: 'sick', unpaid: false, withoutNeed: false } });
  expect(day('2026-11-11')).toMatchObject({ status: 'rest' });
  // Three lates, one absence, one leave on a working day: nothing for the owner yet.
  expect(month.body.flags).toEqual([]);

  // He sees the same month on his own page.
  const mine = await wang.get('/api/staff-rules/attendance/me?month=2026-11');
  expect(mine.status, mine.text).toBe(200);
  expect(mine.body).toMatchObject({ member: { name: '小王', code: '7' }, today: '2026-11-11' });
  expect((mine.body.days as DayFacts[]).filter((d) => d.lateMinutes > 0).map((d) => d.lateMinutes)).toEqual([4, 6, 16]);
});
