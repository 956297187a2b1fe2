// Staff through the plugin's API, in this process (the test kit).
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { addStaff, plan, templates } from './helpers.js';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

test('a person is entered with 工号, department and hire date, and listed by department', async () => {
  const reply = await host.owner.post('/api/staff-rules/staff', { code: ' A07 ', name: ' 李小红 ', department: 'cs-presale', position: '售前组长', hiredOn: '2025-03-01', phone: '13812345678' });
  expect(reply.status, reply.text).toBe(201);
  expect(reply.body).toMatchObject({ code: 'A07', name: '李小红', department: 'cs-presale', position: '售前组长', hiredOn: '2025-03-01', phone: '13812345678', accountId: null, leftOn: null });
  const list = await host.owner.get('/api/staff-rules/staff?department=cs-presale');
  expect(list.body.items.map((m: { code: string }) => m.code)).toContain('A07');
  expect((await host.owner.get(`/api/staff-rules/staff/${reply.body.id}`)).body.name).toBe('李小红');
  expect((await host.owner.get('/api/staff-rules/staff/99999')).status).toBe(404);
});

test('a 工号 written with spaces or full-width digits is the same 工号, and refused twice', async () => {
  const first = await addStaff(host.owner, { code: '88', name: '张三' });
  const spaced = await host.owner.post('/api/staff-rules/staff', { code: ' 8 8 ', name: '张三丰', department: 'warehouse' });
  expect(spaced.status).toBe(409);
  expect(spaced.body.detail).toBe('工号 88 已经是 张三 的了，请换一个工号');
  expect(spaced.body.errors).toEqual([{ path: '/code', in: 'body', message: 'taken' }]);
  const wide = await host.owner.post('/api/staff-rules/staff', { code: '８８', name: '张三丰', department: 'warehouse' }, { 'accept-language': 'en' });
  expect(wide.status).toBe(409);
  expect(wide.body.detail).toBe('Staff number 88 already belongs to 张三; choose another');
  // Renaming someone else onto the code is refused the same way; keeping one's own is fine.
  const other = await addStaff(host.owner, { code: '89' });
  expect((await host.owner.patch(`/api/staff-rules/staff/${other.id}`, { code: '88 ' })).status).toBe(409);
  expect((await host.owner.patch(`/api/staff-rules/staff/${first.id}`, { code: '88', position: '打包' })).status).toBe(200);
  expect((await host.owner.post('/api/staff-rules/staff', { code: '   ', name: '空', department: 'warehouse' })).status).toBe(400);
});

test('an account links to one person only', async () => {
  await addStaff(host.owner, { accountId: 501 });
  const again = await host.owner.post('/api/staff-rules/staff', { code: 'X501', name: '重复', department: 'finance', accountId: 501 });
  expect(again.status).toBe(409);
  expect(again.body.errors[0].path).toBe('/accountId');
});

test('the phone is masked without staff-rules.staff.phone', async () => {
  const member = await addStaff(host.owner, { phone: '139 0000 1234' });
  const clerk = await host.staff('kefu-phone', ['staff-rules.staff.read']);
  expect((await clerk.get(`/api/staff-rules/staff/${member.id}`)).body.phone).toBe('139****1234');
  const list = await clerk.get('/api/staff-rules/staff');
  expect(list.body.items.find((m: { id: number }) => m.id === member.id).phone).toBe('139****1234');
  const boss = await host.staff('zhuguan-phone', ['staff-rules.staff.read', 'staff-rules.staff.phone']);
  expect((await boss.get(`/api/staff-rules/staff/${member.id}`)).body.phone).toBe('139 0000 1234');
});

test('a person who left drops off the list, keeps the 工号, and loses the shifts planned from that day', async () => {
  const { 白班 } = await templates(host.owner);
  const member = await addStaff(host.owner, { code: 'L1', name: '王离职' });
  await plan(host.owner, member.id, '2026-11-12', 白班!.id);
  await plan(host.owner, member.id, '2026-11-14', 白班!.id);
  const left = await host.owner.patch(`/api/staff-rules/staff/${member.id}`, { leftOn: '2026-11-13' });
  expect(left.status, left.text).toBe(200);
  expect(left.body.leftOn).toBe('2026-11-13');
  expect((await host.owner.get('/api/staff-rules/staff')).body.items.some((m: { id: number }) => m.id === member.id)).toBe(false);
  expect((await host.owner.get('/api/staff-rules/staff?includeLeft=true')).body.items.some((m: { id: number }) => m.id === member.id)).toBe(true);
  const roster = await host.owner.get(`/api/staff-rules/roster?from=2026-11-09&to=2026-11-15&staffId=${member.id}`);
  expect(roster.body.items.map((s: { date: string }) => s.date)).toEqual(['2026-11-12']);
  const refused = await host.owner.put(`/api/staff-rules/roster/${member.id}/2026-11-16`, { templateId: 白班!.id });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe('王离职 已于 2026-11-13 离职，不能再排班');
  expect((await host.owner.post('/api/staff-rules/staff', { code: 'l1 ', name: '新人', department: 'design' })).status).toBe(201);
});

test('permissions: reading needs staff.read, changing staff.manage', async () => {
  const reader = await host.staff('reader-staff', ['staff-rules.staff.read']);
  expect((await reader.get('/api/staff-rules/staff')).status).toBe(200);
  expect((await reader.post('/api/staff-rules/staff', { code: 'NO', name: '不行', department: 'design' })).status).toBe(403);
  expect((await reader.patch('/api/staff-rules/staff/1', { name: '不行' })).status).toBe(403);
  const nobody = await host.staff('nobody-staff', ['staff-rules.roster.read']);
  expect((await nobody.get('/api/staff-rules/staff')).status).toBe(403);
  expect((await nobody.get('/api/staff-rules/staff/1')).status).toBe(403);
  expect((await host.anonymous().get('/api/staff-rules/staff')).status).toBe(401);
  // Every built-in role can see who works here.
  const cs = await host.staff('cs-role', ['customer-service']);
  expect((await cs.get('/api/staff-rules/staff')).status).toBe(200);
});
