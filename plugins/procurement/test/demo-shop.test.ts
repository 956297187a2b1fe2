// The demo shop's suppliers, loaded at first-run setup on top of listings' catalogue and
// fulfillment's stock and orders, seen through the API.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;
let owner: TestHost['owner'];

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], enabled: ['listings', 'fulfillment', 'procurement'], setup: false, clock: 'system' });
  owner = host.anonymous();
  const reply = await owner.post('/api/auth/setup', { token: host.setupToken, username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长', demo: true });
  expect(reply.status, reply.text).toBe(201);
}, 60_000);
afterAll(() => host?.close());

test('three suppliers with price lists; one at 60 points waits for the owner; suggestions come from the demo stock and sales', async () => {
  const list = (await owner.get('/api/procurement/suppliers')).body;
  expect(list.total).toBe(3);
  const held = list.items.find((s: { standing: string }) => s.standing === 'approval');
  expect(held).toMatchObject({ points: 60 });
  expect(held.fixBy).not.toBeNull();
  const card = (await owner.get(`/api/procurement/suppliers/${held.id}/scorecard`)).body;
  expect(card.entries).toHaveLength(4);
  for (const s of list.items) expect((await owner.get(`/api/procurement/suppliers/${s.id}/items`)).body.items.length).toBeGreaterThan(0);
  const run = (await owner.get('/api/procurement/suggestions?all=true')).body;
  expect(run.fulfillment).toBe(true);
  expect(run.items.length).toBeGreaterThan(0);
  expect(run.items.some((s: { supplier: unknown }) => s.supplier !== null)).toBe(true);
});
