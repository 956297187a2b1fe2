// The request path every API call takes (core/http/request-pipeline.ts and the route table):
// what it answers must not depend on which shortcut it took — a logged-in constant route, a page
// of rows checked by its response schema, a public route, refusals — and every answer carries the
// same security headers and `no-store` as before.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
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
