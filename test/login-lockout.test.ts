import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, OWNER, staffClient } from './helpers/client.js';
import { startInProcess } from './helpers/in-process.js';
import type { TestServer } from './helpers/server.js';

// The shop PC itself, through a real socket on loopback (the test kit listening in this process:
// the lock reads the peer's address, not the process). How a lock from another PC's address leaves
// the shop PC and other PCs alone is shown in core/auth/limited-check.test.ts: tests send traffic
// to loopback only.

let server: TestServer;
let owner: Client;
/** The shop PC itself. */
let local: TestServer;

beforeAll(async () => {
  ({ server, owner } = await startInProcess({ plugins: [], listen: true, clock: 'system' }));
  const port = new URL(server.url).port;
  local = { ...server, url: `http://127.0.0.1:${port}` };
});
afterAll(async () => {
  await server?.dispose();
});

test('at the shop PC itself the owner is never locked out, while staff are', async () => {
  for (let i = 0; i < 6; i++) expect((await new Client(local.url).login(OWNER.username, `typo-${i}-wrong`)).status).toBe(401);
  expect((await new Client(local.url).login(OWNER.username, OWNER.password)).status).toBe(200);

  await staffClient(local, owner, 'cangku', ['warehouse']);
  for (let i = 0; i < 5; i++) expect((await new Client(local.url).login('cangku', `typo-${i}-wrong`)).status).toBe(401);
  expect((await new Client(local.url).login('cangku', 'staff-pass-123')).status).toBe(429);
});

test('the owner sees the failed attempts, with where they came from; staff do not', async () => {
  const reply = await owner.get('/api/auth/login-attempts');
  expect(reply.status).toBe(200);
  const items = reply.body.items as { at: string; source: string; username: string; outcome: string }[];
  expect(items[0]).toMatchObject({ username: 'cangku', source: '127.0.0.1', outcome: 'refused' });
  expect(items[0]!.at).toMatch(/\+08:00$/);
  expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ username: OWNER.username, outcome: 'wrong', source: '127.0.0.1' })]));
  expect(JSON.stringify(items)).not.toContain('typo-');

  const staff = await staffClient(local, owner, 'kefu9', ['warehouse']);
  expect((await staff.get('/api/auth/login-attempts')).status).toBe(403);
});
