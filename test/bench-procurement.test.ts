// The procurement bench's shop in small (bench/procurement-suggest.mjs): filled the same way, its
// suggestions from the route agree SKU by SKU with the raw SQL baseline. The full run is
// `npm run bench`; this keeps the bench and its baseline honest on every `npm test`.
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { differences, fillShop, open, rawSuggestions } from '../bench/procurement-suggest.mjs';
import { ROOT } from './helpers/server.js';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ plugins: [join(ROOT, 'plugins', 'procurement')], enabled: ['listings', 'fulfillment', 'procurement'], clock: 'system' });
});
afterAll(() => host?.close());

test('suggestions for 120 SKUs over 1,500 orders agree with the raw SQL, delisted products left out', async () => {
  const skus: { id: number; code: string; productId: number }[] = [];
  for (let p = 0; p < 6; p++) {
    const made = await host.owner.post('/api/listings/products', { title: '珊瑚绒睡袍', itemCode: `SM${p}`, skus: Array.from({ length: 20 }, (_, i) => ({ code: `SM${p}-${i}`, attributes: { 款式: String(i) }, price: 12900, cost: 4500 })) });
    expect(made.status, made.text).toBe(201);
    skus.push(...(made.body.skus as { id: number; code: string }[]).map((s) => ({ id: s.id, code: s.code, productId: made.body.id as number })));
  }
  const file = join(host.dir, 'data', 'workbench.db');
  await fillShop(file, skus, 1_500);
  const answer = (await host.owner.get('/api/procurement/suggestions?all=true')).body;
  const db = await open(file, sqlite3.OPEN_READONLY);
  try {
    const raw = await rawSuggestions(db, Date.parse(answer.window.to));
    expect(answer.delisted).toBe(20);
    expect(answer.items).toHaveLength(100);
    expect(differences(answer.items, raw)).toEqual([]);
    expect(answer.items.filter((s: { quantity: number }) => s.quantity > 0).length).toBeGreaterThan(10);
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
});
