// Sessions and permission sets are kept in memory between requests (core/auth/sessions.ts,
// core/http/session.ts). Each way a session or its rights end must still show at the very next
// request: logout, a role changed, a plugin switched off, an account disabled. (Expiry after the
// idle timeout runs on the system clock: core/auth/sessions.test.ts moves a clock of its own.)
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestClient, type TestHost } from '@workbench/plugin-api/testing';
import { ROOT } from './helpers/server.js';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [join(ROOT, 'test', 'fixtures', 'plugins', 'example')], enabled: ['example', 'listings'], clock: 'system' });
});
afterAll(() => host?.close());

/** A few requests, so that the session and the person's rights are surely kept in memory. */
async function warm(client: TestClient, path = '/api/example/notes') {
  for (let i = 0; i < 3; i++) expect((await client.get(path)).status).toBe(200);
}

async function userId(username: string): Promise<{ id: number; version: number }> {
  const users = (await host.owner.get('/api/users')).body as { id: number; username: string; version: number }[] | { items: { id: number; username: string; version: number }[] };
  const list = Array.isArray(users) ? users : users.items;
  return list.find((u) => u.username === username)!;
}

test('logout: the session is gone at the next request', async () => {
  const clerk = await host.staff('kefu-logout', ['example.notes.read']);
  await warm(clerk);
  expect((await clerk.post('/api/auth/logout', {})).status).toBe(200);
  expect((await clerk.get('/api/example/notes')).status).toBe(401);
});

test('a role changed: the permission is gone at the next request', async () => {
  const clerk = await host.staff('kefu-role', ['example.notes.read']);
  await warm(clerk);
  const role = (await host.owner.get('/api/roles')).body as { id: string; version: number }[] | { items: { id: string; version: number }[] };
  const mine = (Array.isArray(role) ? role : role.items).find((r) => r.id === 'kefu-role-role')!;
  expect((await host.owner.patch('/api/roles/kefu-role-role', { version: mine.version, permissions: ['example.notes.edit'] })).status).toBe(200);
  expect((await clerk.get('/api/example/notes')).status).toBe(403);
  expect((await clerk.get('/api/auth/me')).body.permissions).toEqual(['example.notes.edit']);
});

test('an account disabled: its kept session ends at the next request', async () => {
  const clerk = await host.staff('kefu-off', ['example.notes.read']);
  await warm(clerk);
  const user = await userId('kefu-off');
  expect((await host.owner.patch(`/api/users/${user.id}`, { version: user.version, disabled: true })).status).toBe(200);
  expect((await clerk.get('/api/example/notes')).status).toBe(401);
});

test("a plugin switched off: its built-in role defaults leave the kept permission set at the next request", async () => {
  // 客服 gets listings' product and price permissions from listings' manifest, while it runs.
  const clerk = await host.staff('kefu-plugin', ['customer-service']);
  await warm(clerk, '/api/listings/products');
  expect((await clerk.get('/api/auth/me')).body.permissions).toContain('listings.products.read');
  expect((await host.owner.post('/api/plugins/listings/disable', {})).status).toBe(200);
  try {
    expect((await clerk.get('/api/auth/me')).body.permissions).not.toContain('listings.products.read');
  } finally {
    expect((await host.owner.post('/api/plugins/listings/enable', {})).status).toBe(200);
  }
  expect((await clerk.get('/api/auth/me')).body.permissions).toContain('listings.products.read');
});
