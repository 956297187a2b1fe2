// Procurement's reorder suggestions (GET /api/procurement/suggestions?all=true) for 5,000 SKUs over
// 100,000 orders, against the same figures worked out by raw SQL on sqlite3 in this process (the
// baseline): shipped pieces in the window, stock on hand and reserved, the cheapest valid offer,
// delisted products left out, then the same arithmetic. Every SKU's figures must agree, or the
// benchmark fails. Run alone with `node bench/procurement-suggest.mjs` (after a build) or through
// `npm run bench`; `test/bench-procurement.test.ts` runs a small shop of it in `npm test`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { stringify } from 'yaml';
import { ROOT, call, formatTable, installCleanup, int, makeTempDir, ms, ratio, removeTempDir, rng, shopTime, startServerProcess } from './lib.mjs';
import { all, exec, open, run } from './raw-sqlite.mjs';

export { open };

const OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' };
const WORKBENCH = join(ROOT, 'dist', 'workbench.js');
const DAY = 86_400_000;
const SKUS_PER_PRODUCT = 50;
/** The settings' defaults: 28-day window, 7 safety days, 7 days without a supplier, first batch 3. */
const WINDOW = 28;
const SAFETY = 7;
const DEFAULT_LEAD = 7;
const FIRST_BATCH = 3;



const startWorkbench = (dir) => startServerProcess(WORKBENCH, {
  nodeArgs: ['--enable-source-maps'],
  env: { WORKBENCH_CONFIG: join(dir, 'config.yaml'), WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_PORT: '0' },
  timeoutMs: 60_000,
});

async function logIn(url) {
  const reply = await call(url, '/api/auth/login', { method: 'POST', body: { username: OWNER.username, password: OWNER.password } });
  return (reply.res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** First start: the owner and the SKUs through listings' API, then stop. */
async function prepareShop(dir, skuCount) {
  await writeFile(join(dir, 'config.yaml'), stringify({ logLevel: 'info', plugins: { folders: [], enabled: ['listings', 'fulfillment', 'procurement'] } }));
  const wb = await startWorkbench(dir);
  try {
    await new Promise((r) => setTimeout(r, 50));
    const token = wb.output().match(/setup\?token=([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`the workbench printed no setup link:\n${wb.output()}`);
    const setup = await call(wb.url, '/api/auth/setup', { method: 'POST', body: { token, ...OWNER } });
    const cookie = (setup.res.headers.get('set-cookie') ?? '').split(';')[0];
    const skus = [];
    for (let p = 0; skus.length < skuCount; p++) {
      const n = Math.min(SKUS_PER_PRODUCT, skuCount - skus.length);
      const made = await call(wb.url, '/api/listings/products', {
        method: 'POST', cookie,
        body: { title: '珊瑚绒睡袍', itemCode: `PB${p}`, skus: Array.from({ length: n }, (_, i) => ({ code: `PB${p}-${i}`, attributes: { 款式: String(i) }, price: 12900, cost: 4500 })) },
      });
      skus.push(...made.body.skus.map((s) => ({ id: s.id, code: s.code, productId: made.body.id })));
    }
    return skus;
  } finally {
    await wb.stop();
  }
}

/** A year of orders (about a thirteenth shipped inside the window), stock, suppliers and offers, straight into SQLite. */
export async function fillShop(file, skus, orders) {
  const db = await open(file, sqlite3.OPEN_READWRITE);
  const random = rng(20261207);
  const now = Date.now();
  const stamp = shopTime(now);
  await exec(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; BEGIN');
  // A few SKUs sell most: a skewed pick.
  const pick = () => skus[Math.floor(random() ** 2 * skus.length)];
  let batch = [];
  let items = [];
  const flush = async () => {
    if (batch.length) await run(db, `INSERT INTO fulfillment_orders (id, order_no, source, platform_status, status, placed_at, paid_at, shipped_at, created_at, updated_at) VALUES ${batch.map(() => "(?, ?, 'import', ?, ?, ?, ?, ?, ?, ?)").join(', ')}`, batch.flat());
    if (items.length) await run(db, `INSERT INTO fulfillment_order_items (order_id, line_key, sku_id, sku_code, title, quantity, price) VALUES ${items.map(() => '(?, ?, ?, ?, ?, ?, 12900)').join(', ')}`, items.flat());
    batch = [];
    items = [];
  };
  for (let i = 1; i <= orders; i++) {
    const placed = now - random() * 365 * DAY;
    const status = random() < 0.9 ? 'shipped' : random() < 0.5 ? 'approved' : 'closed';
    const at = shopTime(placed);
    batch.push([i, `B${i}`, status === 'closed' ? 'closed' : 'paid', status, at, at, status === 'shipped' ? shopTime(placed + 3_600_000) : null, at, at]);
    const lines = random() < 0.7 ? 1 : 2;
    for (let l = 0; l < lines; l++) {
      const sku = pick();
      items.push([i, String(l + 1), sku.id, sku.code, '珊瑚绒睡袍', 1 + Math.floor(random() * 3)]);
    }
    if (batch.length === 100) await flush();
  }
  await flush();
  // Four SKUs in five are stocked; the rest were never stocked (new items).
  let bin = 0;
  for (const sku of skus) {
    if (random() < 0.2) continue;
    bin++;
    const shelf = String(Math.floor((bin - 1) / 99) + 1).padStart(2, '0');
    const b = String(((bin - 1) % 99) + 1).padStart(2, '0');
    const level = String(Math.floor((bin - 1) / (99 * 99)) + 1).padStart(2, '0');
    await run(db, "INSERT INTO fulfillment_locations (id, code, zone, shelf, level, bin, kind, path_order, sku_id, created_at, updated_at) VALUES (?, ?, 'A', ?, ?, ?, 'pick', ?, ?, ?, ?)", [bin, `A-${shelf}-${level}-${b}`, shelf, level, b, bin, sku.id, stamp, stamp]);
    await run(db, 'INSERT INTO fulfillment_stock (location_id, sku_id, qty) VALUES (?, ?, ?)', [bin, sku.id, Math.floor(random() * 60)]);
  }
  for (let s = 1; s <= 20; s++) {
    await run(db, "INSERT INTO procurement_suppliers (id, name, lead_time_days, standing, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", [s, `供应商${s}`, 2 + (s % 10), s === 20 ? 'ended' : 'active', stamp, stamp]);
  }
  const today = stamp.slice(0, 10);
  for (const sku of skus) {
    if (random() < 0.3) continue;
    for (const s of new Set([1 + Math.floor(random() * 20), 1 + Math.floor(random() * 20)])) {
      const expired = random() < 0.1;
      await run(db, 'INSERT INTO procurement_supplier_items (supplier_id, sku_code, price, min_quantity, valid_until, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [s, sku.code, 3000 + Math.floor(random() * 3000), 1 + Math.floor(random() * 30), expired ? '2020-01-01' : random() < 0.5 ? null : '2099-12-31', stamp]);
    }
  }
  // One product in five delisted.
  await exec(db, `UPDATE listings_products SET status = 'delisted' WHERE id % 5 = 0; UPDATE listings_products SET status = 'listed' WHERE id % 5 <> 0; COMMIT`);
  await new Promise((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())));
  return { today };
}

/** The baseline: every figure by raw SQL, then the same arithmetic as the plugin's rule. */
export async function rawSuggestions(db, now) {
  const to = shopTime(now);
  const from = shopTime(now - WINDOW * DAY);
  const rows = await all(db, `
    WITH live AS (
      SELECT s.id, s.code FROM listings_skus s JOIN listings_products p ON p.id = s.product_id
       WHERE p.status <> 'delisted' AND s.needs_completing = 0
    ), shipped AS (
      SELECT i.sku_id, SUM(i.quantity) AS n FROM fulfillment_orders o CROSS JOIN fulfillment_order_items i ON o.id = i.order_id
       WHERE o.status = 'shipped' AND o.shipped_at >= ? AND o.shipped_at < ? AND i.refund_state <> 'succeeded' GROUP BY i.sku_id
    ), hand AS (SELECT sku_id, SUM(qty) AS n FROM fulfillment_stock GROUP BY sku_id),
    held AS (SELECT sku_id, SUM(qty) AS n FROM fulfillment_reservations GROUP BY sku_id),
    offer AS (
      SELECT i.sku_code, i.min_quantity, sp.lead_time_days,
             ROW_NUMBER() OVER (PARTITION BY i.sku_code ORDER BY i.price, sp.lead_time_days, sp.id) AS rank
        FROM procurement_supplier_items i JOIN procurement_suppliers sp ON sp.id = i.supplier_id
       WHERE sp.standing <> 'ended' AND (i.valid_until IS NULL OR i.valid_until >= ?)
    )
    SELECT live.code, COALESCE(shipped.n, 0) AS shipped, hand.n AS onHand, COALESCE(held.n, 0) AS reserved,
           offer.lead_time_days AS lead, COALESCE(offer.min_quantity, 1) AS minQuantity
      FROM live LEFT JOIN shipped ON shipped.sku_id = live.id LEFT JOIN hand ON hand.sku_id = live.id
      LEFT JOIN held ON held.sku_id = live.id LEFT JOIN offer ON offer.sku_code = live.code AND offer.rank = 1`, [from, to, to.slice(0, 10)]);
  const result = new Map();
  for (const r of rows) {
    const perDay = r.shipped / WINDOW;
    const cover = (r.lead ?? DEFAULT_LEAD) + SAFETY;
    const target = Math.ceil(Math.round(perDay * cover * 100) / 100);
    const position = (r.onHand ?? 0) - r.reserved;
    const need = Math.max(0, target - position);
    const isNew = r.onHand === null && r.shipped === 0;
    const quantity = isNew ? FIRST_BATCH : need > 0 ? Math.max(need, r.minQuantity) : 0;
    result.set(r.code, { shipped: r.shipped, target, position, quantity });
  }
  return result;
}

/** Where the route's figures and the raw SQL's differ, SKU by SKU (at most six lines). */
export function differences(items, raw) {
  const mismatches = [];
  if (items.length !== raw.size) mismatches.push(`${items.length} SKUs by the route, ${raw.size} by SQL`);
  for (const s of items) {
    const r = raw.get(s.skuCode);
    if (!r || r.shipped !== s.shipped || r.target !== s.target || r.position !== s.position || r.quantity !== s.quantity) {
      mismatches.push(`${s.skuCode}: route ${JSON.stringify([s.shipped, s.target, s.position, s.quantity])}, SQL ${JSON.stringify(r && [r.shipped, r.target, r.position, r.quantity])}`);
    }
    if (mismatches.length > 5) break;
  }
  return mismatches;
}

/**
 * The median of `rounds` calls, after as many unmeasured ones: the route's first calls compile its
 * validators and run its loops unoptimised (two to four times a warm call), and the raw SQL's
 * first call reads its pages into SQLite's cache; both are warmed alike.
 */
async function timeIt(fn, rounds) {
  for (let i = 0; i < rounds; i++) await fn();
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Fills a shop of `skus` SKUs and `orders` orders, times both ways, checks they agree; the table's rows. */
export async function runProcurementSuggest({ skus: skuCount = 5_000, orders = 100_000, rounds = 5 } = {}) {
  const dir = await makeTempDir('workbench-bench-procurement-');
  try {
    const t0 = performance.now();
    const step = (what) => console.error(`procurement: ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const skus = await prepareShop(dir, skuCount);
    step(`${skus.length} SKUs made`);
    await fillShop(join(dir, 'data', 'workbench.db'), skus, orders);
    step(`${orders} orders, stock and offers written`);
    const wb = await startWorkbench(dir);
    step('workbench started');
    try {
      const cookie = await logIn(wb.url);
      let answer;
      const route = await timeIt(async () => { answer = (await call(wb.url, '/api/procurement/suggestions?all=true', { cookie })).body; }, rounds);
      step('route timed');
      const db = await open(join(dir, 'data', 'workbench.db'), sqlite3.OPEN_READONLY);
      let raw;
      const now = Date.parse(answer.window.to);
      const sql = await timeIt(async () => { raw = await rawSuggestions(db, now); }, rounds);
      await new Promise((resolve) => db.close(resolve));
      const mismatches = differences(answer.items, raw);
      if (mismatches.length) throw new Error(`the suggestions differ from the raw SQL:\n${mismatches.join('\n')}`);
      const toBuy = answer.items.filter((s) => s.quantity > 0).length;
      return {
        rows: [
          [`suggestions, ${int(skuCount)} SKUs over ${int(orders)} orders (raw SQL, baseline)`, `${ms(sql)} ms`, '1.00×'],
          [`GET /api/procurement/suggestions?all=true (${int(toBuy)} to buy, ${int(answer.delisted)} delisted left out)`, `${ms(route)} ms`, ratio(route / sql)],
        ],
        route, sql, items: answer.items.length, delisted: answer.delisted, toBuy,
      };
    } finally {
      await wb.stop();
    }
  } finally {
    removeTempDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup(600_000);
  const { rows } = await runProcurementSuggest();
  console.log(formatTable(rows, [1, 2]));
}
