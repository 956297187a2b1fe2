// Handover notes with read receipts, and the Monday meeting, weekly report and day checklist.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import { addStaff, plan, templates } from './helpers.js';

let host: TestHost;
let dayClerk: TestClient;
let nightClerk: TestClient;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-11T09:00:00+08:00' });
  const all = await templates(host.owner);
  dayClerk = await host.staff('day-cs', ['customer-service']);
  nightClerk = await host.staff('night-cs', ['customer-service']);
  const dayPerson = await addStaff(host.owner, { name: '白班小张', department: 'cs-presale', accountId: (await dayClerk.get('/api/auth/me')).body.id });
  const nightPerson = await addStaff(host.owner, { name: '晚班小李', department: 'cs-presale', accountId: (await nightClerk.get('/api/auth/me')).body.id });
  await plan(host.owner, dayPerson.id, '2026-11-11', all['白班']!.id);
  await plan(host.owner, nightPerson.id, '2026-11-11', all['晚班 17:30']!.id);
});
afterAll(() => host?.close());

test('the day shift writes a note; the night shift sees it unread, reads it, and the writer sees who read it', async () => {
  host.clock.set('2026-11-11T17:20:00+08:00');
  const written = await dayClerk.post('/api/staff-rules/handover', { text: '  买家 tb_小王 要求明天发顺丰，已备注  ' });
  expect(written.status, written.text).toBe(201);
  expect(written.body).toMatchObject({ date: '2026-11-11', department: 'cs-presale', text: '买家 tb_小王 要求明天发顺丰，已备注', writtenByName: '白班小张', reads: [] });
  expect((await dayClerk.get('/api/staff-rules/handover/unread')).body.items).toEqual([]);

  host.clock.set('2026-11-11T17:35:00+08:00');
  const unread = await nightClerk.get('/api/staff-rules/handover/unread');
  expect(unread.body.items.map((n: { id: number }) => n.id)).toEqual([written.body.id]);
  const read = await nightClerk.post(`/api/staff-rules/handover/${written.body.id}/read`);
  expect(read.status, read.text).toBe(200);
  expect(read.body.reads).toEqual([{ accountId: expect.any(Number), name: '晚班小李', readAt: '2026-11-11T17:35:00.000+08:00' }]);
  host.clock.set('2026-11-11T18:00:00+08:00');
  expect((await nightClerk.post(`/api/staff-rules/handover/${written.body.id}/read`)).body.reads[0].readAt).toBe('2026-11-11T17:35:00.000+08:00');
  expect((await nightClerk.get('/api/staff-rules/handover/unread')).body.items).toEqual([]);
  const day = await dayClerk.get('/api/staff-rules/handover?date=2026-11-11');
  expect(day.body.items[0].reads.map((r: { name: string }) => r.name)).toEqual(['晚班小李']);
  expect((await nightClerk.post('/api/staff-rules/handover/99999/read')).status).toBe(404);
});

test('a note written after midnight on the night shift belongs to the day the shift started', async () => {
  host.clock.set('2026-11-12T00:40:00+08:00');
  const late = await nightClerk.post('/api/staff-rules/handover', { text: '仓库的打印机卡纸了' });
  expect(late.body.date).toBe('2026-11-11');
});

test('unread notes older than the window are not shown; the setting moves the window', async () => {
  host.clock.set('2026-11-13T09:00:00+08:00');
  const window = async () => (await dayClerk.get('/api/staff-rules/handover/unread')).body.items.length;
  expect(await window()).toBe(1); // the 00:40 note, 32 h ago
  const current = await host.owner.get('/api/settings/staff-rules');
  await host.owner.put('/api/settings/staff-rules', { value: { ...current.body.value, handoverWindowHours: 24 }, version: current.body.version });
  expect(await window()).toBe(0);
});

test('the Monday meeting and weekly report start from their skeleton, per department and week', async () => {
  const fresh = await dayClerk.get('/api/staff-rules/routines/meeting/cs-presale/2026-11-11');
  expect(fresh.status, fresh.text).toBe(200);
  expect(fresh.body).toMatchObject({ period: '2026-11-09', updatedAt: null });
  expect(fresh.body.entries.map((e: { key: string }) => e.key)).toEqual(['review', 'problems', 'plan', 'decisions']);
  const saved = await dayClerk.put('/api/staff-rules/routines/weekly-report/cs-presale/2026-11-13', { entries: [{ key: 'figures', text: '询单 1,204，转化 38%' }] });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body.period).toBe('2026-11-09');
  expect((await host.owner.get('/api/staff-rules/routines/weekly-report/cs-presale/2026-11-09')).body.entries[1].text).toBe('询单 1,204，转化 38%');
  expect((await host.owner.get('/api/staff-rules/routines/weekly-report/warehouse/2026-11-09')).body.entries[1].text).toBe('');
  const wrong = await dayClerk.put('/api/staff-rules/routines/meeting/cs-presale/2026-11-11', { entries: [{ key: 'nonsense', text: 'x' }] });
  expect(wrong.status).toBe(400);
  expect((await dayClerk.put('/api/staff-rules/routines/meeting/cs-presale/2026-11-11', { entries: [{ key: 'plan', done: true }] })).status).toBe(400);
});

test('the operations day checklist is ticked with who and when, and unticked', async () => {
  host.clock.set('2026-11-13T09:30:00+08:00');
  const list = await host.owner.get('/api/staff-rules/routines/day-checklist/operations/2026-11-13');
  expect(list.body.entries.map((e: { key: string }) => e.key)).toEqual(['morning-sales-stock', 'noon-order-stats', 'afternoon-promotions', 'evening-daily-report']);
  const ticked = await dayClerk.put('/api/staff-rules/routines/day-checklist/operations/2026-11-13', { entries: [{ key: 'morning-sales-stock', done: true, text: '昨日 86 单，黑色 M 码缺货' }] });
  expect(ticked.body.entries[0]).toMatchObject({ done: true, doneBy: '白班小张', doneAt: '2026-11-13T09:30:00.000+08:00' });
  const unticked = await dayClerk.put('/api/staff-rules/routines/day-checklist/operations/2026-11-13', { entries: [{ key: 'morning-sales-stock', done: false }] });
  expect(unticked.body.entries[0]).toMatchObject({ done: false, doneBy: null, text: '昨日 86 单，黑色 M 码缺货' });
  expect((await host.owner.get('/api/staff-rules/routines/day-checklist/operations/2026-11-14')).body.entries[0].done).toBe(false);
});

test('permissions: handover.use for notes, routines.read and routines.write for routines', async () => {
  const outsider = await host.staff('no-handover', ['staff-rules.staff.read']);
  expect((await outsider.get('/api/staff-rules/handover')).status).toBe(403);
  expect((await outsider.get('/api/staff-rules/handover/unread')).status).toBe(403);
  expect((await outsider.post('/api/staff-rules/handover', { text: '试试' })).status).toBe(403);
  expect((await outsider.post('/api/staff-rules/handover/1/read')).status).toBe(403);
  expect((await outsider.get('/api/staff-rules/routines/meeting/cs-presale/2026-11-09')).status).toBe(403);
  const reader = await host.staff('routine-reader', ['staff-rules.routines.read']);
  expect((await reader.get('/api/staff-rules/routines/meeting/cs-presale/2026-11-09')).status).toBe(200);
  expect((await reader.put('/api/staff-rules/routines/meeting/cs-presale/2026-11-09', { entries: [] })).status).toBe(403);
});
