import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { Client, OWNER, staffClient, type Reply } from './helpers/client.js';
import { startInProcess } from './helpers/in-process.js';
import { FIXTURE_PLUGINS, type TestServer } from './helpers/server.js';

const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let owner: Client;
/** Holds only core.users.manage. */
let manager: Client;

beforeAll(async () => {
  // HTTP semantics only: the test kit, in this process.
  ({ server, owner } = await startInProcess({ plugins: [join(FIXTURE_PLUGINS, 'example')], clock: 'system' }));
  expect((await owner.post('/api/roles', { id: 'hr', name: { 'zh-CN': '人事', en: 'HR' }, permissions: ['core.users.manage'] })).status).toBe(201);
  manager = await staffClient(server, owner, 'renshi', ['hr']);
});
afterAll(async () => {
  await server?.dispose();
});

function expectForbidden(reply: Reply): void {
  expect(reply.status).toBe(403);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body.detail).toMatch(CHINESE);
}

async function userByName(username: string): Promise<{ id: number; version: number; roles: string[] }> {
  const list = await owner.get('/api/users');
  const user = (list.body.items as { id: number; username: string; version: number; roles: string[] }[]).find((u) => u.username === username);
  expect(user).toBeDefined();
  return user!;
}

describe('what someone who manages accounts may hand out', () => {
  test('they cannot create an owner account', async () => {
    expectForbidden(await manager.post('/api/users', { username: 'fake-owner', displayName: 'x', password: 'a-long-password-9', roles: ['owner'] }));
    expect((await owner.get('/api/users')).body.items.map((u: { username: string }) => u.username)).not.toContain('fake-owner');
  });

  test('they cannot create or widen a role beyond what they hold', async () => {
    expectForbidden(await manager.post('/api/roles', { id: 'all', name: { 'zh-CN': '全部' }, permissions: ['*'] }));
    expectForbidden(await manager.post('/api/roles', { id: 'auditor', name: { 'zh-CN': '查账' }, permissions: ['core.audit.read'] }));
    const roles = await owner.get('/api/roles');
    const warehouse = (roles.body.items as { id: string; version: number }[]).find((r) => r.id === 'warehouse')!;
    expectForbidden(await manager.patch('/api/roles/warehouse', { version: warehouse.version, permissions: ['core.settings.manage'] }));
    // What they hold themselves they may hand on.
    expect((await manager.post('/api/roles', { id: 'hr-helper', name: { 'zh-CN': '人事助理' }, permissions: ['core.users.manage'] })).status).toBe(201);
  });

  test('they cannot make themselves owner or give a role with permissions they lack', async () => {
    const me = await userByName('renshi');
    expectForbidden(await manager.patch(`/api/users/${me.id}`, { version: me.version, roles: ['hr', 'owner'] }));
    const auditor = await owner.post('/api/roles', { id: 'auditor', name: { 'zh-CN': '查账' }, permissions: ['core.audit.read'] });
    expect(auditor.status).toBe(201);
    expectForbidden(await manager.patch(`/api/users/${me.id}`, { version: me.version, roles: ['hr', 'auditor'] }));
    expect((await userByName('renshi')).roles).toEqual(['hr']);
    // Roles within their own permissions stay theirs to give.
    await staffClient(server, manager, 'xinren', ['warehouse', 'hr-helper']);
  });

  test('they cannot reset, demote or disable the owner; the owner still can reset another owner', async () => {
    const boss = await userByName(OWNER.username);
    expectForbidden(await manager.patch(`/api/users/${boss.id}`, { version: boss.version, password: 'taken-over-123' }));
    expectForbidden(await manager.patch(`/api/users/${boss.id}`, { version: boss.version, disabled: true }));
    expect((await new Client(server.url).login(OWNER.username, OWNER.password)).status).toBe(200);

    const second = await owner.post('/api/users', { username: 'laoban', displayName: '老板', password: 'second-owner-77', roles: ['owner'] });
    expect(second.status).toBe(201);
    expect((await owner.patch(`/api/users/${second.body.id}`, { version: second.body.version, password: 'second-owner-88' })).status).toBe(200);
  });
});

test('they cannot take over an account that holds permissions they lack by resetting its password', async () => {
  const finance = await owner.post('/api/users', { username: 'kuaiji', displayName: '会计', password: 'finance-pass-12', roles: ['auditor'] });
  expect(finance.status).toBe(201);
  expectForbidden(await manager.patch(`/api/users/${finance.body.id}`, { version: finance.body.version, password: 'taken-over-123' }));
  expect((await new Client(server.url).login('kuaiji', 'finance-pass-12')).status).toBe(200);
});

describe('password rules', () => {
  async function refused(body: Record<string, unknown>, why: RegExp): Promise<void> {
    const reply = await owner.post('/api/users', { displayName: '新人', roles: [], ...body });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toMatch(CHINESE);
    expect(reply.body.detail).toMatch(why);
    expect(reply.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/password' })]));
  }

  test('fewer than 10 characters, counted after normalisation, are refused saying so', async () => {
    await refused({ username: 'duan1', password: 'nine-char' }, /10/);
    // Five accented letters typed as letter + accent are ten code units but five characters.
    await refused({ username: 'duan2', password: 'e\u0301'.repeat(5) }, /10/);
  });

  test('the user name itself is refused, in any case', async () => {
    await refused({ username: 'zhangsan-1988', password: 'ZhangSan-1988' }, /账号/);
  });

  test('a common password is refused', async () => {
    await refused({ username: 'changjian', password: '1234567890' }, /常见/);
    await refused({ username: 'changjian', password: 'Password123' }, /常见/);
  });

  test('changing one’s own password keeps the same rules, in English for an English user', async () => {
    const staff = await staffClient(server, owner, 'yingwen', []);
    expect((await staff.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    const reply = await staff.patch('/api/auth/me', { currentPassword: 'staff-pass-123', newPassword: 'qwertyuiop' });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toMatch(/common/i);
    expect((await staff.patch('/api/auth/me', { currentPassword: 'staff-pass-123', newPassword: 'my-own-long-one' })).status).toBe(200);
  });
});

test('a user name with a NUL or an invisible character is refused, saying why', async () => {
  for (const username of ['xiaowang\u200B', '\u2060xiaowang', 'xiao\u0000wang']) {
    const reply = await owner.post('/api/users', { username, displayName: '小王', password: 'a-long-password-9', roles: [] });
    expect(reply.status, JSON.stringify(username)).toBe(400);
    expect(reply.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/username', message: expect.stringMatching(/看不见/) })]));
  }
});
