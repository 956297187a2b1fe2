// Stock warnings when fulfillment is not running: a plain answer saying why, never an error.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProduct, startListings, type Client, type TestServer } from './api.js';

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  ({ server, owner } = await startListings({ inProcess: true }));
});

afterAll(async () => {
  await server?.dispose();
});

test('GET and POST answer 200 with available: false and the reason', async () => {
  await createProduct(owner);
  for (const reply of [await owner.get('/api/listings/stock-warnings'), await owner.post('/api/listings/stock-warnings/check')]) {
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ available: false, threshold: 10, items: [], checkedAt: null });
    expect(reply.body.reason['zh-CN']).toContain('订单与仓储');
    expect(reply.body.reason.en).toContain('Fulfillment');
  }
});

test('the threshold shown is the setting', async () => {
  const current = await owner.get('/api/settings/listings');
  const saved = await owner.put('/api/settings/listings', { value: { lowStockThreshold: 4 }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  expect((await owner.get('/api/listings/stock-warnings')).body.threshold).toBe(4);
});

test('the five-minute job runs without error', async () => {
  const job = await owner.post('/api/jobs/listings/stock-check/run');
  expect(job.status, job.text).toBe(200);
  expect(job.body.lastError ?? null).toBeNull();
  expect(job.body.runs).toBeGreaterThanOrEqual(1);
});
