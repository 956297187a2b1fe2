// The demo shop's suppliers, loaded at first-run setup on top of listings' catalogue and
// fulfillment's stock and orders, seen through the API.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;
let owner: TestHost['owner'];

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], enabled: ['listings', 'fulfillment', 'procurement'], demoShop: true, clock: 'system' });
  owner = host.owner;
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

test('a month of buying: an order received three weeks ago and paid, one on its way, a draft waiting for the owner', async () => {
  const orders = (await owner.get('/api/procurement/orders')).body.items as { id: number; status: string; supplierId: number; createdAt: string }[];
  expect(orders.map((o) => o.status).sort()).toEqual(['draft', 'received', 'sent']);
  const received = orders.find((o) => o.status === 'received')!;
  expect(Date.now() - Date.parse(received.createdAt)).toBeGreaterThan(20 * 86_400_000);
  const reply = await owner.get(`/api/procurement/orders/${received.id}`);
  expect(reply.status, reply.text).toBe(200);
  const detail = reply.body;
  expect(detail.lines.every((l: { passed: number; qty: number }) => l.passed === l.qty)).toBe(true);
  const ledger = (await owner.get(`/api/procurement/ledger?supplier=${received.supplierId}`)).body;
  expect(ledger.items.map((r: { kind: string }) => r.kind)).toEqual(['delivery', 'payment']);
  expect(ledger.items.at(-1).balance).toBe(0);
  // The order on its way counts in the suggestions as on order.
  const sent = (await owner.get(`/api/procurement/orders/${orders.find((o) => o.status === 'sent')!.id}`)).body;
  const run = (await owner.get('/api/procurement/suggestions?all=true')).body;
  const line = run.items.find((s: { skuCode: string }) => s.skuCode === sent.lines[0].skuCode);
  expect(line.onOrder).toBe(30);
});
