import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startInProcess } from './helpers/in-process.js';
import { Client } from './helpers/client.js';
import type { TestServer } from './helpers/server.js';
import type { TestHost } from '@workbench/plugin-api/testing';

// The owner looks after staff accounts: resets a password (which the person must change at the
// next login), renames and disables; everyone changes their own password with the current one.

let server: TestServer;
let owner: Client;
let host: TestHost;
const STAFF_PASSWORD = 'staff-pass-123';

beforeAll(async () => {
  ({ server, owner, host } = await startInProcess({ plugins: [], enabled: ['listings'] }));
});
afterAll(async () => {
  await server?.dispose();
});

async function user(username: string): Promise<{ id: number; version: number; username: string; resetPending: boolean; disabled: boolean }> {
  const items = (await owner.get('/api/users')).body.items as { id: number; version: number; username: string; resetPending: boolean; disabled: boolean }[];
  return items.find((u) => u.username === username)!;
}

function client(): Client {
  const c = new Client(server.url);
  return c;
}

describe('the owner resets a password', () => {
  test('reset → the old session ends → login says "must change" → only the change is allowed → changed → works', async () => {
    const before = (await host.staff('xiaoli', ['operations'])) as Client;
    const target = await user('xiaoli');
    const reset = await owner.patch(`/api/users/${target.id}`, { version: target.version, password: 'temporary-pass-77' });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body.resetPending).toBe(true);
    expect((await before.get('/api/auth/me')).status).toBe(401);

    const c = client();
    const login = await c.login('xiaoli', 'temporary-pass-77');
    expect(login.status, login.text).toBe(200);
    expect(login.body.resetPending).toBe(true);
    const blocked = await c.get('/api/listings/products');
    expect(blocked.status).toBe(403);
    expect(blocked.body.detail).toMatch(/密码/);
    expect((await c.get('/api/workbench/contributions')).status).toBe(403);
    expect((await c.get('/api/auth/me')).body.resetPending).toBe(true);
    // Whom to ask stays open to someone who cannot choose a password alone.
    expect((await c.get('/api/auth/owners')).status).toBe(200);

    // The temporary password is not good enough as the new one.
    expect((await c.patch('/api/auth/me', { currentPassword: 'temporary-pass-77', newPassword: 'temporary-pass-77' })).status).toBe(400);
    const changed = await c.patch('/api/auth/me', { currentPassword: 'temporary-pass-77', newPassword: 'my-own-secret-88' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.resetPending).toBeUndefined();
    expect((await c.get('/api/listings/products')).status).toBe(200);
    expect((await user('xiaoli')).resetPending).toBe(false);
    expect((await client().login('xiaoli', 'my-own-secret-88')).status).toBe(200);
  });
});

describe('disabling an account', () => {
  test('ends its sessions at once and refuses its logins until enabled again', async () => {
    const staff = (await host.staff('xiaozhao', ['warehouse'])) as Client;
    expect((await staff.get('/api/auth/me')).status).toBe(200);
    const target = await user('xiaozhao');
    const off = await owner.patch(`/api/users/${target.id}`, { version: target.version, disabled: true });
    expect(off.status, off.text).toBe(200);
    expect((await staff.get('/api/auth/me')).status).toBe(401);
    expect((await client().login('xiaozhao', STAFF_PASSWORD)).status).toBe(401);
    const on = await owner.patch(`/api/users/${target.id}`, { version: off.body.version, disabled: false });
    expect(on.status).toBe(200);
    expect((await client().login('xiaozhao', STAFF_PASSWORD)).status).toBe(200);
  });
});

describe('renaming an account', () => {
  test('the new login name works, the old one no longer does, and the name rules hold', async () => {
    await host.staff('xiaowang', ['customer-service']);
    await host.staff('xiaochen', ['customer-service']);
    const target = await user('xiaowang');
    const renamed = await owner.patch(`/api/users/${target.id}`, { version: target.version, username: 'wang-kefu', displayName: '小王（客服）' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ username: 'wang-kefu', displayName: '小王（客服）' });
    expect((await client().login('wang-kefu', STAFF_PASSWORD)).status).toBe(200);
    expect((await client().login('xiaowang', STAFF_PASSWORD)).status).toBe(401);

    const v = renamed.body.version as number;
    expect((await owner.patch(`/api/users/${target.id}`, { version: v, username: 'wang kefu' })).status).toBe(400);
    expect((await owner.patch(`/api/users/${target.id}`, { version: v, username: '' })).status).toBe(400);
    // Login names are told apart without regard to letter case.
    const taken = await owner.patch(`/api/users/${target.id}`, { version: v, username: 'XiaoChen' });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toMatch(/XiaoChen/);
  });
});

describe('changing one’s own password', () => {
  test('needs the current password, and a good new one', async () => {
    const c = (await host.staff('xiaosun', ['finance'])) as Client;
    const elsewhere = client();
    expect((await elsewhere.login('xiaosun', STAFF_PASSWORD)).status).toBe(200);
    expect((await c.patch('/api/auth/me', { newPassword: 'another-long-one-5' })).status).toBe(400);
    const wrong = await c.patch('/api/auth/me', { currentPassword: 'not-my-password', newPassword: 'another-long-one-5' });
    expect(wrong.status).toBe(403);
    expect((await c.patch('/api/auth/me', { currentPassword: STAFF_PASSWORD, newPassword: 'short' })).status).toBe(400);
    const ok = await c.patch('/api/auth/me', { currentPassword: STAFF_PASSWORD, newPassword: 'another-long-one-5' });
    expect(ok.status, ok.text).toBe(200);
    // The session it was changed from goes on; others of the same account end.
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await client().login('xiaosun', 'another-long-one-5')).status).toBe(200);
    expect((await client().login('xiaosun', STAFF_PASSWORD)).status).toBe(401);
  });
});

// Last: it ends the kit's owner session that host.staff() uses.
describe('the owner’s own password', () => {
  test('the owner changing their own password through the staff list does not lock themselves out', async () => {
    const me = await user('dianzhang');
    const self = await owner.patch(`/api/users/${me.id}`, { version: me.version, password: 'correct-horse-43' });
    expect(self.status, self.text).toBe(200);
    expect(self.body.resetPending).toBe(false);
    const again = client();
    expect((await again.login('dianzhang', 'correct-horse-43')).body.resetPending).toBeUndefined();
    owner.cookie = again.cookie;
    expect((await owner.get('/api/users')).status).toBe(200);
  });
});
