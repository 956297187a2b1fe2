// Attendance priced from the classified days: clocks pressed with the test clock, leave approved
// as without real need, the person's own daily pay, a waiver that survives pricing again.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestClient, TestHost } from '@workbench/plugin-api/testing';
import { plan, startWithClockedPerson, templates, type ClockedPerson } from './helpers.js';

let host: TestHost;
let wang: TestClient;
let wangId: number;
let press: ClockedPerson['press'];

beforeAll(async () => {
  ({ host, person: wang, staffId: wangId, press } = await startWithClockedPerson('8'));
});
afterAll(() => host?.close());

const ledger = async () => ((await host.owner.get(`/api/staff-rules/fines?staffId=${wangId}&month=2026-11`)).body.items as { id: number; rule: string; date: string; amountFen: number; waived: unknown }[])
  .map((a) => [a.date, a.rule, a.amountFen, a.waived ? 'waived' : '']).sort();

test('a month of days is priced with the person\'s own pay; a waiver survives pricing again; the close books and locks it', async () => {
  const t = await templates(host.owner);
  for (const date of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']) await plan(host.owner, wangId, date, t['白班']!.id);
  const current = await host.owner.get('/api/settings/staff-rules');
  const value = structuredClone(current.body.value);
  value.pay.byStaff = [{ code: '8', fen: 20000 }];
  expect((await host.owner.put('/api/settings/staff-rules', { value, version: current.body.version })).status).toBe(200);
  const leave = (await wang.post('/api/staff-rules/leave', { kind: 'personal', from: '2026-11-05', to: '2026-11-05', reason: '想休息' })).body;
  expect((await host.owner.post(`/api/staff-rules/leave/${leave.id}/decide`, { approve: true, note: '同意，但无正当理由', withoutNeed: true, version: leave.version })).status).toBe(200);
  await press('2026-11-02', '08:34');
  await press('2026-11-02', '17:30');
  await press('2026-11-03', '08:46');
  await press('2026-11-03', '17:30');
  await host.clock.set('2026-11-10T09:00:00+08:00');

  expect((await host.owner.post('/api/staff-rules/months/2026-11/attendance')).body).toEqual({ booked: 4 });
  expect(await ledger()).toEqual([
    ['2026-11-02', 'late', 0, ''], ['2026-11-03', 'late', 500, ''], ['2026-11-04', 'absence', 60000, ''], ['2026-11-05', 'leave-without-need', 40000, ''],
  ]);
  const mine = (await wang.get('/api/staff-rules/fines/mine')).body.items as { rule: string; explanation: { text: { 'zh-CN': string } } }[];
  expect(mine.find((a) => a.rule === 'absence')!.explanation.text['zh-CN']).toBe('2026-11-04 排了班（08:30 上班），没有打卡也没有批准的请假，按旷工计：扣 3 天本人日薪，3 × 200.00 元 = 600.00 元。');

  const late = (await host.owner.get(`/api/staff-rules/fines?staffId=${wangId}&month=2026-11`)).body.items.find((a: { amountFen: number }) => a.amountFen === 500);
  expect((await host.owner.post(`/api/staff-rules/fines/${late.id}/waive`, { reason: '地铁故障，有证明' })).status).toBe(200);
  const again = structuredClone((await host.owner.get('/api/settings/staff-rules')).body);
  again.value.fines.absenceDaysPay = 1;
  expect((await host.owner.put('/api/settings/staff-rules', { value: again.value, version: again.version })).status).toBe(200);
  expect((await host.owner.post('/api/staff-rules/months/2026-11/attendance')).body).toEqual({ booked: 3 });
  expect(await ledger()).toEqual([
    ['2026-11-02', 'late', 0, ''], ['2026-11-03', 'late', 500, 'waived'], ['2026-11-04', 'absence', 20000, ''], ['2026-11-05', 'leave-without-need', 40000, ''],
  ]);

  const summary = (await host.owner.get('/api/staff-rules/months/2026-11')).body.rows.find((r: { staff: { id: number } }) => r.staff.id === wangId);
  expect(summary).toMatchObject({ attendance: { daysWorked: 2, lates: 2, earlyLeaves: 0, leaveDays: 1, absences: 1 }, finesFen: 60000, waivedFen: 500, deductionFen: 60000 });

  await host.clock.set('2026-12-01T09:00:00+08:00');
  expect((await host.owner.post('/api/staff-rules/months/2026-11/close')).status).toBe(200);
  const refused = await host.owner.post('/api/staff-rules/months/2026-11/attendance', undefined, { 'accept-language': 'en' });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe('2026-11 was closed by the owner on 2026-12-01; its fines and rewards can no longer change');
});
