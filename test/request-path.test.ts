// The request path every API call takes (core/http/request-pipeline.ts and the route table):
// what it answers must not depend on which shortcut it took — a logged-in constant route, a page
// of rows checked by its response schema, a public route, refusals — and every answer carries the
// same security headers and `no-store` as before.
import { join } from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { SECURITY_HEADERS, SECURITY_HEADER_OPTIONS } from '../core/http/security-headers.js';
import { ROOT } from './helpers/server.js';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [join(ROOT, 'test', 'fixtures', 'plugins', 'example')], enabled: ['example'], clock: 'system' });
});
afterAll(() => host?.close());

test('GET /api/example/ping answers a constant to someone allowed to read notes, and refuses the rest', async () => {
  const reader = await host.staff('ping-reader', ['example.notes.read']);
  const other = await host.staff('ping-other', ['example.notes.edit']);
  const ok = await reader.get('/api/example/ping');
  expect(ok.status).toBe(200);
  expect(ok.body).toEqual({ pong: true });
  expect((await other.get('/api/example/ping')).status).toBe(403);
  expect((await host.anonymous().get('/api/example/ping')).status).toBe(401);
});

/** What Hono's secureHeaders middleware sets with the workbench's options: the headers every answer had before. */
async function honoSecurityHeaders(): Promise<Map<string, string>> {
  const probe = new Hono().use(secureHeaders(SECURITY_HEADER_OPTIONS)).get('/', (c) => c.body(null, 204));
  return new Map((await probe.request('/')).headers);
}

test('the security headers written out are the ones Hono computes from the options', async () => {
  expect(Object.fromEntries(await honoSecurityHeaders())).toEqual(SECURITY_HEADERS);
});

test('every answer carries the security headers Hono set before, no-store on the API, and the same body', async () => {
  const security = await honoSecurityHeaders();
  expect(security.get('x-frame-options')).toBe('DENY');
  const owner = host.owner;
  const replies: [string, string, Response][] = [];
  const raw = async (where: string, path: string, init: RequestInit = {}) => {
    const headers = { host: 'localhost', ...(init.headers as Record<string, string> | undefined) };
    replies.push([where, path, await host.request(path, { ...init, headers })]);
  };
  await raw('public core route', '/api/health');
  await raw('public plugin route', '/api/example/hello');
  await raw('logged-in constant', '/api/example/ping', { headers: { cookie: owner.cookie } });
  await raw('logged-in page', '/api/example/notes?page=1&pageSize=5', { headers: { cookie: owner.cookie } });
  await raw('own profile', '/api/auth/me', { headers: { cookie: owner.cookie } });
  await raw('401 problem', '/api/example/ping');
  await raw('CSRF refusal', '/api/example/notes', { method: 'POST', headers: { cookie: owner.cookie, 'content-type': 'application/json' }, body: '{"text":"x"}' });
  await raw('404 problem', '/api/example/no-such-route', { headers: { cookie: owner.cookie } });
  await raw('host refusal', '/api/health', { headers: { host: 'evil.example' } });
  await raw('handler error', '/api/example/boom', { headers: { cookie: owner.cookie } });
  await raw('UI page', '/');
  for (const [where, path, res] of replies) {
    for (const [name, value] of security) expect(res.headers.get(name), `${where}: ${name}`).toBe(value);
    expect(res.headers.get('x-powered-by'), where).toBeNull();
    if (path.startsWith('/api')) expect(res.headers.get('cache-control'), where).toBe('no-store');
    else expect(res.headers.get('cache-control') ?? '', where).not.toContain('no-store');
  }
  const statuses = Object.fromEntries(replies.map(([where, , res]) => [where, res.status]));
  expect(statuses).toEqual({
    'public core route': 200,
    'public plugin route': 200,
    'logged-in constant': 200,
    'logged-in page': 200,
    'own profile': 200,
    '401 problem': 401,
    'CSRF refusal': 403,
    '404 problem': 404,
    'host refusal': 403,
    'handler error': 500,
    'UI page': 200,
  });
  const types = replies.map(([where, , res]) => [where, res.headers.get('content-type')]);
  expect(Object.fromEntries(types)).toMatchObject({
    'public core route': 'application/json',
    'logged-in page': 'application/json',
    '401 problem': 'application/problem+json; charset=utf-8',
    'host refusal': 'application/problem+json; charset=utf-8',
  });
});

test('GET /api/auth/me, kept between requests, shows a change of one’s own profile and of one’s role at the next request', async () => {
  const clerk = await host.staff('me-clerk', ['example.notes.read']);
  for (let i = 0; i < 3; i++) expect((await clerk.get('/api/auth/me')).body).toMatchObject({ username: 'me-clerk', locale: null, permissions: ['example.notes.read'] });
  expect((await clerk.patch('/api/auth/me', { displayName: '二号客服', locale: 'en' })).status).toBe(200);
  expect((await clerk.get('/api/auth/me')).body).toMatchObject({ displayName: '二号客服', locale: 'en' });

  const roles = (await host.owner.get('/api/roles')).body as { id: string; version: number }[] | { items: { id: string; version: number }[] };
  const role = (Array.isArray(roles) ? roles : roles.items).find((r) => r.id === 'me-clerk-role')!;
  const name = { 'zh-CN': '夜班客服', en: 'Night shift' };
  expect((await host.owner.patch('/api/roles/me-clerk-role', { version: role.version, name, permissions: ['example.notes.read', 'example.notes.edit'] })).status).toBe(200);
  const after = (await clerk.get('/api/auth/me')).body as { roleNames: Record<string, unknown>; permissions: string[] };
  expect(after.roleNames['me-clerk-role']).toEqual(name);
  expect(after.permissions).toEqual(['example.notes.edit', 'example.notes.read']);
});
