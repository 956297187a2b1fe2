// Every benchmark of `npm run bench` once, at a tiny size: each must finish and its guards hold
// (the route's figures agree with the raw SQL, the import loads every row, the counter counts
// every write…), so a benchmark can no longer break unnoticed. No speed is asserted here.
// The attendance and procurement benchmarks have their own tests (bench-attendance, bench-procurement).
import { describe, expect, test } from 'vitest';
import { runAfterSalesQueue } from '../bench/after-sales-queue.mjs';
import { runAutoReview } from '../bench/auto-review.mjs';
import { runDb } from '../bench/db.mjs';
import { runHttp } from '../bench/http.mjs';
import { runOrdersImport } from '../bench/orders-import.mjs';
import { runOrdersSearch } from '../bench/orders-search.mjs';
import { runPricing } from '../bench/pricing.mjs';
import { runUiSize } from '../bench/ui-size.mjs';

const quiet = { log: () => undefined };
const names = (rows: string[][]) => rows.map((r) => r[1]);

describe('every benchmark runs at a smoke size', () => {
  test('pricing: the engine bundles with the plugin API it uses and prices the cart', async () => {
    const rows = await runPricing({ ...quiet, rounds: 1, windowMs: 5 });
    expect(rows).toHaveLength(4);
    expect(rows[1]![3]).toMatch(/× naive pass/);
  });

  test('db: core Database against raw sqlite3', async () => {
    const rows = await runDb({ ...quiet, rounds: 1, scale: 0.01 });
    expect(rows).toHaveLength(7);
  });

  test('http: public, logged-in and bare routes, the notes list against bare Hono on raw sqlite3', async () => {
    const rows = await runHttp({ ...quiet, rounds: 1, windowMs: 30, warmupMs: 10 });
    expect(names(rows)).toContain('GET /api/notes?page=1&pageSize=20 (bare Hono + raw sqlite3, same SQL)');
    expect(rows.find((r) => r[1]!.startsWith('GET /api/example/notes'))!.at(-1)).toMatch(/bare Hono \+ raw SQL/);
  }, 90_000);

  test('orders: every search mix agrees with its answer check, auto-review reviews every waiting order', async () => {
    const rows = await runOrdersSearch({ ...quiet, orders: 1_500, pending: 60, repeat: 2 });
    expect(rows.at(-1)![1]).toBe('POST /orders/auto-review, 60 orders waiting');
  }, 120_000);

  test('auto-review: every waiting order reviewed, the same way in every round', async () => {
    const rows = await runAutoReview({ ...quiet, orders: 400, pending: 40, rounds: 2 });
    expect(rows[0]![1]).toBe('POST /orders/auto-review, 40 orders waiting in 400');
  }, 120_000);

  test('orders-import: the Taobao import loads every order, then finds them all unchanged', async () => {
    const rows = await runOrdersImport({ ...quiet, orders: 300 });
    expect(rows).toHaveLength(3);
  }, 90_000);

  test('after-sales: the case queue agrees with its raw SQL for every filter mix', async () => {
    const rows = await runAfterSalesQueue({ ...quiet, cases: 800, repeat: 2 });
    expect(rows).toHaveLength(7);
  }, 90_000);

  test('ui: the shell size is measured', async () => {
    const rows = await runUiSize();
    expect(rows.length).toBeGreaterThan(0);
  });
});
