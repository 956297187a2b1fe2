import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_PASSWORD_COST } from '@workbench/plugin-api/testing';
import { Client, OWNER, staffClient, type Reply } from './helpers/client.js';
import { startInProcess } from './helpers/in-process.js';
import { FIXTURE_PLUGINS, type TestServer } from './helpers/server.js';

const STAFF_PASSWORD = 'staff-pass-123';
const CHINESE = /[\u4e00-\u9fff]/;
const SHOP_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/;

interface AuditItem {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  plugin: string;
  action: string;
  target: string | null;
  outcome: 'ok' | 'error';
  status: number | null;
  detail: string | null;
}

let server: TestServer;
/** Logged in as the owner once setup has run. */
let owner: Client;
let ownerId: number;

// In-process, through the HTTP routes and middleware, on a workbench as at its first start. That a
// workbench started by main.ts hashes with the strong cost is shown in testing-kit.test.ts.
beforeAll(async () => {
  ({ server } = await startInProcess({ plugins: [join(FIXTURE_PLUGINS, 'example')], setup: false, clock: 'system', logLevel: 'info' }));
});
afterAll(async () => {
  await server?.dispose();
});

function expectProblem(reply: Reply, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

function cookieOf(reply: Reply): string {
  const header = reply.headers.get('set-cookie');
  expect(header).toBeTruthy();
  return header!;
}

function readOnlyQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(server.dataDir, 'workbench.db'), sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all(sql, params, (err: Error | null, rows: T[]) => {
        db.close();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  });
}

async function auditPage(query: string, client: Client = owner): Promise<{ items: AuditItem[]; total: number; page: number; pageSize: number }> {
  const reply = await client.get(`/api/audit?${query}`);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function userByName(username: string): Promise<{ id: number; version: number; roles: string[]; disabled: boolean }> {
  const list = await owner.get('/api/users');
  expect(list.status).toBe(200);
  const user = (list.body.items as { id: number; username: string; version: number; roles: string[]; disabled: boolean }[]).find((u) => u.username === username);
  expect(user).toBeDefined();
  return user!;
}

async function roleVersion(id: string): Promise<number> {
  const roles = await owner.get('/api/roles');
  expect(roles.status).toBe(200);
  const role = (roles.body.items as { id: string; version: number }[]).find((r) => r.id === id);
  expect(role).toBeDefined();
  return role!.version;
}

// The tests share one server and run in order: setup first, then everything that needs the owner.
describe('first-run setup', () => {
  test('the first start prints a one-time setup link and says setup is needed', async () => {
    expect(server.setupToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(server.output()).toContain(`/setup?token=${server.setupToken}`);
    const info = await new Client(server.url).get('/api/workbench/info');
    expect(info.status).toBe(200);
    expect(info.body.setupNeeded).toBe(true);
  });

  test('there is no default account to log in with before setup', async () => {
    const anonymous = new Client(server.url);
    for (const [username, password] of [
      ['admin', 'admin'],
      ['admin', '123456'],
      ['root', 'root'],
    ] as const) {
      const reply = await anonymous.login(username, password);
      expectProblem(reply, 401);
      expect(reply.headers.get('set-cookie')).toBeNull();
    }
    expect(anonymous.cookie).toBe('');
  });

  test('setup with a wrong token is refused with 403', async () => {
    const reply = await new Client(server.url).post('/api/auth/setup', { token: 'not-the-token-at-all-xyz12345', ...OWNER });
    expectProblem(reply, 403);
    expect(reply.headers.get('set-cookie')).toBeNull();
    expect((await new Client(server.url).get('/api/workbench/info')).body.setupNeeded).toBe(true);
  });

  test('setup with a password under 10 characters is refused with 400 naming /password', async () => {
    const reply = await new Client(server.url).post('/api/auth/setup', { token: server.setupToken, ...OWNER, password: 'short-9!x' });
    expectProblem(reply, 400);
    expect(reply.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/password' })]));
    expect((await new Client(server.url).get('/api/workbench/info')).body.setupNeeded).toBe(true);
  });

  test('setup with the right token creates the owner and logs them in', async () => {
    owner = new Client(server.url);
    const reply = await owner.post('/api/auth/setup', { token: server.setupToken, ...OWNER });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ username: OWNER.username, displayName: OWNER.displayName });
    ownerId = reply.body.id;
    expect(ownerId).toBeGreaterThan(0);
    expect(owner.cookie).toMatch(/^wb_session=.+/);

    const me = await owner.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: ownerId, username: OWNER.username, roles: ['owner'], permissions: ['*'] });
    expect((await new Client(server.url).get('/api/workbench/info')).body.setupNeeded).toBe(false);
  });

  test('a second setup is refused with 409, even with the original token', async () => {
    const reply = await new Client(server.url).post('/api/auth/setup', { token: server.setupToken, ...OWNER, username: 'intruder' });
    expectProblem(reply, 409);
    expect(reply.headers.get('set-cookie')).toBeNull();
    expect((await owner.get('/api/users')).body.items).toHaveLength(1);
  });
});

describe('sessions', () => {
  test('the session cookie is HttpOnly, SameSite=Strict, Path=/ and carries at least 128 random bits', async () => {
    const client = new Client(server.url);
    const reply = await client.login(OWNER.username, OWNER.password);
    expect(reply.status).toBe(200);
    const header = cookieOf(reply);
    const attributes = header.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    const value = /^wb_session=([^;]*)/.exec(header)?.[1] ?? '';
    expect(value).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(value, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  test('every login gets a new token', async () => {
    const a = new Client(server.url);
    const b = new Client(server.url);
    expect((await a.login(OWNER.username, OWNER.password)).status).toBe(200);
    expect((await b.login(OWNER.username, OWNER.password)).status).toBe(200);
    expect(a.cookie).not.toBe('');
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.cookie).not.toBe(owner.cookie);
    // Both sessions are live at once: a new login does not reuse or end the other one.
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(200);
  });

  test('logout clears the cookie and ends the session on the server', async () => {
    const client = new Client(server.url);
    expect((await client.login(OWNER.username, OWNER.password)).status).toBe(200);
    const oldCookie = client.cookie;
    expect((await client.get('/api/auth/me')).status).toBe(200);

    const out = await client.post('/api/auth/logout');
    expect(out.status).toBe(200);
    const header = cookieOf(out);
    expect(header).toMatch(/^wb_session=;/);
    expect(header.toLowerCase()).toContain('max-age=0');
    expect(client.cookie).toBe('');

    // Replaying the old cookie must not work: the session is gone, not just forgotten by the browser.
    const replay = new Client(server.url);
    replay.cookie = oldCookie;
    expectProblem(await replay.get('/api/auth/me'), 401);
    // Other sessions of the same account are untouched.
    expect((await owner.get('/api/auth/me')).status).toBe(200);
  });

  test('GET /api/auth/me answers 401 problem+json without a session, or with a made-up one', async () => {
    const anonymous = await new Client(server.url).get('/api/auth/me');
    expectProblem(anonymous, 401);
    expect(anonymous.body.detail).toMatch(CHINESE);
    const forged = new Client(server.url);
    forged.cookie = `wb_session=${Buffer.alloc(32, 7).toString('base64url')}`;
    expectProblem(await forged.get('/api/auth/me'), 401);
  });
});

describe('passwords and login', () => {
  test('passwords are stored only as scrypt hashes', async () => {
    const rows = await readOnlyQuery<{ username: string; password_hash: string }>('SELECT username, password_hash FROM core_users');
    const row = rows.find((r) => r.username === OWNER.username);
    expect(row).toBeDefined();
    expect(row!.password_hash.startsWith(`scrypt$${TEST_PASSWORD_COST.N}$8$1$`)).toBe(true);
    expect(row!.password_hash).not.toContain(OWNER.password);
  });

  test('a wrong password and an unknown account get the same 401 with a Chinese message', async () => {
    const wrong = await new Client(server.url).login(OWNER.username, 'not-the-password');
    expectProblem(wrong, 401);
    expect(wrong.body.detail).toMatch(CHINESE);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const unknown = await new Client(server.url).login('nobody-here', 'not-the-password');
    expectProblem(unknown, 401);
    // Same words for both, so the answer does not reveal which accounts exist.
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.body.title).toBe(wrong.body.title);
  });

  test('five wrong passwords within a minute lock the account, even for the right password; others are unaffected', async () => {
    await staffClient(server, owner, 'lockme', ['warehouse']);
    const attacker = new Client(server.url);
    for (let i = 0; i < 5; i++) expectProblem(await attacker.login('lockme', `guess-${i}-wrong`), 401);

    const locked = await new Client(server.url).login('lockme', STAFF_PASSWORD);
    expectProblem(locked, 429);
    expect(locked.body.detail).toMatch(CHINESE);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(locked.headers.get('set-cookie')).toBeNull();

    const other = new Client(server.url);
    expect((await other.login(OWNER.username, OWNER.password)).status).toBe(200);
  });
});

describe('the current person', () => {
  test('GET /api/auth/me returns the username, roles and permissions', async () => {
    const me = await owner.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: ownerId,
      username: OWNER.username,
      displayName: OWNER.displayName,
      roles: ['owner'],
      roleNames: { owner: { 'zh-CN': '店长', en: 'Owner' } },
      permissions: ['*'],
      locale: null,
    });
  });

  test('switching one’s own locale to English makes problems for that person English', async () => {
    const staff = await staffClient(server, owner, 'yingwen', ['purchasing']);
    const before = await staff.get('/api/users');
    expectProblem(before, 403);
    expect(before.body.detail).toMatch(CHINESE);

    const changed = await staff.patch('/api/auth/me', { locale: 'en' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ username: 'yingwen', locale: 'en', roles: ['purchasing'] });

    const after = await staff.get('/api/users');
    expectProblem(after, 403);
    expect(after.body.detail).not.toMatch(CHINESE);
    expect(after.body.detail).toContain('core.users.manage');
    expect(after.body.title).toBe('Not allowed');
    // Even when the browser asks for Chinese, the person's own choice wins.
    const asked = await staff.get('/api/users', { 'accept-language': 'zh-CN' });
    expect(asked.body.detail).not.toMatch(CHINESE);
  });
});

describe('roles and permissions', () => {
  let kefu: Client;

  beforeAll(async () => {
    kefu = await staffClient(server, owner, 'kefu', ['customer-service']);
  });

  test('a role without permissions gets 403 with a Chinese message naming the permission', async () => {
    const notes = await kefu.get('/api/example/notes');
    expectProblem(notes, 403);
    expect(notes.body.detail).toMatch(CHINESE);
    expect(notes.body.detail).toContain('example.notes.read');
    expectProblem(await kefu.get('/api/users'), 403);
    expectProblem(await kefu.get('/api/roles'), 403);
    // Her own roles by name, for the status bar, though she may not read the role list.
    expect((await kefu.get('/api/auth/me')).body.roleNames).toEqual({ 'customer-service': { 'zh-CN': '客服', en: 'Customer service' } });
    // Public routes stay open to everyone.
    expect((await kefu.get('/api/example/hello')).status).toBe(200);
  });

  test('granting a permission to the role takes effect at once, and only that permission', async () => {
    const version = await roleVersion('customer-service');
    const granted = await owner.patch('/api/roles/customer-service', { version, permissions: ['example.notes.read'] });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ id: 'customer-service', permissions: ['example.notes.read'] });
    expect(granted.body.version).not.toBe(version);

    const list = await kefu.get('/api/example/notes');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
    const create = await kefu.post('/api/example/notes', { text: '客服想写笔记' });
    expectProblem(create, 403);
    expect(create.body.detail).toContain('example.notes.edit');
    const me = await kefu.get('/api/auth/me');
    expect(me.body).toMatchObject({ roles: ['customer-service'], permissions: ['example.notes.read'] });
  });

  test('a stale role version is refused with 409 and changes nothing', async () => {
    const version = await roleVersion('customer-service');
    expect(version).toBeGreaterThan(0);
    const stale = await owner.patch('/api/roles/customer-service', { version: version - 1, permissions: ['example.notes.read', 'example.admin'] });
    expectProblem(stale, 409);
    expect(await roleVersion('customer-service')).toBe(version);
    expect((await kefu.get('/api/auth/me')).body.permissions).toEqual(['example.notes.read']);
  });

  test('the owner role cannot lose its permissions', async () => {
    const version = await roleVersion('owner');
    expectProblem(await owner.patch('/api/roles/owner', { version, permissions: [] }), 409);
    expect((await owner.get('/api/auth/me')).body.permissions).toEqual(['*']);
  });

  test('contributions leave out commands whose permission the person lacks', async () => {
    const commandsOf = async (client: Client) => {
      const reply = await client.get('/api/workbench/contributions');
      expect(reply.status).toBe(200);
      const example = (reply.body.plugins as { id: string; commands: { id: string }[]; views: { id: string }[] }[]).find((p) => p.id === 'example');
      expect(example).toBeDefined();
      return { commands: example!.commands.map((c) => c.id), views: example!.views.map((v) => v.id) };
    };
    const staff = await commandsOf(kefu);
    expect(staff.commands).not.toContain('example.newNote');
    expect(staff.commands).not.toContain('example.resetCounter');
    // kefu holds example.notes.read by now, so the notes view is there: the filter is per permission.
    expect(staff.views).toContain('notes');
    const own = await commandsOf(owner);
    expect(own.commands).toEqual(expect.arrayContaining(['example.newNote', 'example.resetCounter']));
    expectProblem(await new Client(server.url).get('/api/workbench/contributions'), 401);
  });

  test('the permission list names core and plugin permissions', async () => {
    const reply = await owner.get('/api/permissions');
    expect(reply.status).toBe(200);
    const items = reply.body.items as { id: string; plugin: string }[];
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'core.users.manage', plugin: 'core' }),
        expect.objectContaining({ id: 'core.audit.read', plugin: 'core' }),
        expect.objectContaining({ id: 'example.notes.read', plugin: 'example' }),
        expect.objectContaining({ id: 'example.admin', plugin: 'example' }),
      ]),
    );
    expectProblem(await kefu.get('/api/permissions'), 403);
  });

  test('a new role can be created and given to a staff account', async () => {
    const created = await owner.post('/api/roles', { id: 'auditor', name: { 'zh-CN': '查账', en: 'Auditor' }, permissions: ['core.audit.read'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'auditor', permissions: ['core.audit.read'], builtin: false });
    expectProblem(await owner.post('/api/roles', { id: 'auditor', name: { 'zh-CN': '查账', en: 'Auditor' } }), 409);

    expectProblem(await kefu.get('/api/audit'), 403);
    const user = await userByName('kefu');
    const updated = await owner.patch(`/api/users/${user.id}`, { version: user.version, roles: ['auditor', 'customer-service'] });
    expect(updated.status).toBe(200);
    expect(updated.body.roles).toEqual(['auditor', 'customer-service']);
    expect((await kefu.get('/api/audit?pageSize=1')).status).toBe(200);
    // Back to plain customer service, so later tests see a staff account without core.audit.read.
    const back = await owner.patch(`/api/users/${user.id}`, { version: updated.body.version, roles: ['customer-service'] });
    expect(back.status).toBe(200);
    expectProblem(await kefu.get('/api/audit'), 403);
  });

  test('the last owner cannot drop their own owner role or disable themselves', async () => {
    const me = await userByName(OWNER.username);
    expect(me.id).toBe(ownerId);
    const demote = await owner.patch(`/api/users/${ownerId}`, { version: me.version, roles: ['customer-service'] });
    expectProblem(demote, 409);
    expect(demote.body.detail).toMatch(CHINESE);
    expectProblem(await owner.patch(`/api/users/${ownerId}`, { version: me.version, disabled: true }), 409);

    const after = await userByName(OWNER.username);
    expect(after).toMatchObject({ roles: ['owner'], disabled: false, version: me.version });
    expect((await owner.get('/api/auth/me')).status).toBe(200);
  });

  test('disabling a staff account ends its sessions and stops its logins', async () => {
    const staff = await staffClient(server, owner, 'tingyong', ['warehouse']);
    expect((await staff.get('/api/auth/me')).status).toBe(200);
    const user = await userByName('tingyong');
    const disabled = await owner.patch(`/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);

    expectProblem(await staff.get('/api/auth/me'), 401);
    expectProblem(await new Client(server.url).login('tingyong', STAFF_PASSWORD), 401);
  });

  test('the users list never contains password hashes', async () => {
    const reply = await owner.get('/api/users');
    expect(reply.status).toBe(200);
    const items = reply.body.items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      for (const key of Object.keys(item)) expect(key.toLowerCase()).not.toMatch(/password|hash/);
    }
    expect(reply.text).not.toContain('scrypt');
    expect(reply.text).not.toContain(STAFF_PASSWORD);
  });

  describe('audit', () => {
    test('creating a note is recorded with actor, shop time, plugin, action, target and outcome', async () => {
      const created = await owner.post('/api/example/notes', { text: '周五发顺丰' });
      expect(created.status).toBe(201);
      const { items } = await auditPage('page=1&pageSize=5&plugin=example');
      expect(items[0]).toMatchObject({
        actorId: ownerId,
        actorName: OWNER.username,
        plugin: 'example',
        action: 'create note',
        target: String(created.body.id),
        outcome: 'ok',
        status: 201,
      });
      expect(items[0]!.at).toMatch(SHOP_TIME);
      expect(Math.abs(Date.parse(items[0]!.at) - Date.now())).toBeLessThan(60_000);
    });

    test('refused mutations are recorded as errors with their status', async () => {
      const kefuId = (await userByName('kefu')).id;
      expectProblem(await kefu.post('/api/example/notes', { text: '没有权限' }), 403);
      let { items } = await auditPage('page=1&pageSize=1&plugin=example');
      expect(items[0]).toMatchObject({ actorId: kefuId, actorName: 'kefu', plugin: 'example', action: 'create note', outcome: 'error', status: 403 });
      expect(items[0]!.at).toMatch(SHOP_TIME);

      expectProblem(await owner.post('/api/example/notes', {}), 400);
      ({ items } = await auditPage('page=1&pageSize=1&plugin=example'));
      expect(items[0]).toMatchObject({ actorId: ownerId, plugin: 'example', action: 'create note', outcome: 'error', status: 400 });

      const errors = await auditPage('page=1&pageSize=500&plugin=example&outcome=error');
      expect(errors.items.length).toBeGreaterThanOrEqual(3);
      expect(errors.items.every((i) => i.outcome === 'error' && i.plugin === 'example')).toBe(true);
      const oks = await auditPage('page=1&pageSize=500&plugin=example&outcome=ok');
      expect(oks.items.length).toBeGreaterThanOrEqual(1);
      expect(oks.items.every((i) => i.outcome === 'ok')).toBe(true);
      const byKefu = await auditPage(`page=1&pageSize=500&actorId=${kefuId}`);
      expect(byKefu.items.length).toBeGreaterThanOrEqual(2);
      expect(byKefu.items.every((i) => i.actorId === kefuId)).toBe(true);
    });

    test('a failed login is recorded without the password tried', async () => {
      const tried = 'Secret-Guess-777';
      const before = (await auditPage('page=1&pageSize=1&plugin=core')).total;
      expectProblem(await new Client(server.url).login('kefu', tried), 401);
      const { items, total } = await auditPage('page=1&pageSize=1&plugin=core');
      expect(total).toBe(before + 1);
      // Nobody is logged in yet, so the record names the account that was tried.
      expect(items[0]).toMatchObject({ actorId: null, plugin: 'core', action: 'login', target: 'kefu', outcome: 'error', status: 401 });
      expect(items[0]!.at).toMatch(SHOP_TIME);
      expect(JSON.stringify(items[0])).not.toContain(tried);
    });

    test('core mutations are recorded too: account, role and setup changes', async () => {
      const { items } = await auditPage('page=1&pageSize=500&plugin=core');
      const kefuId = (await userByName('kefu')).id;
      expect(items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'setup', outcome: 'ok', status: 201, target: OWNER.username }),
          expect.objectContaining({ action: 'create user', outcome: 'ok', actorId: ownerId, target: String(kefuId) }),
          expect.objectContaining({ action: 'update role', outcome: 'ok', actorId: ownerId, target: 'customer-service' }),
          expect.objectContaining({ action: 'update role', outcome: 'error', status: 409, target: 'customer-service' }),
          expect.objectContaining({ action: 'update user', outcome: 'error', status: 409, target: String(ownerId) }),
          expect.objectContaining({ action: 'setup', outcome: 'error', status: 403 }),
          expect.objectContaining({ action: 'logout', outcome: 'ok' }),
        ]),
      );
      for (const item of items) expect(item.at).toMatch(SHOP_TIME);
    });

    test('the audit log pages newest first and filters by plugin', async () => {
      for (let i = 0; i < 6; i++) expect((await owner.post('/api/example/notes', { text: `笔记 ${i}` })).status).toBe(201);
      const all = await auditPage('page=1&pageSize=500&plugin=example');
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThanOrEqual(9);
      expect(all.items.every((i) => i.plugin === 'example')).toBe(true);

      const first = await auditPage('page=1&pageSize=5&plugin=example');
      expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 5 });
      expect(first.items).toHaveLength(5);
      const ids = first.items.map((i) => i.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(first.items[0]).toMatchObject({ action: 'create note', outcome: 'ok' });
      expect(first.items.map((i) => i.id)).toEqual(all.items.slice(0, 5).map((i) => i.id));

      const second = await auditPage('page=2&pageSize=5&plugin=example');
      expect(second.items.map((i) => i.id)).toEqual(all.items.slice(5, 10).map((i) => i.id));
      expect(Math.max(...second.items.map((i) => i.id))).toBeLessThan(Math.min(...ids));

      const everything = await auditPage('page=1&pageSize=1');
      expect(everything.total).toBeGreaterThan(all.total);
    });

    test('staff without core.audit.read cannot read the audit log', async () => {
      const reply = await kefu.get('/api/audit?page=1&pageSize=5&plugin=example');
      expectProblem(reply, 403);
      expect(reply.body.detail).toContain('core.audit.read');
      expect(reply.text).not.toContain('create note');
      expectProblem(await new Client(server.url).get('/api/audit'), 401);
    });
  });
});
