// After-sales' case queue (GET /api/after-sales/cases) at 20,000 cases, against its own SQL on raw
// sqlite3 in this process (the baseline): the same count and the same page, due first. Every
// answer's total and page (ids in order) must equal the raw SQL's, or the benchmark fails. Run
// alone with `node bench/after-sales-queue.mjs` (after a build) or through `npm run bench`;
// `test/bench-after-sales.test.ts` runs a small shop of it in `npm test`.
import http from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { stringify } from 'yaml';
import { ROOT, call, formatTable, getText, installCleanup, makeTempDir, ms, percentile, ratio, removeTempDir, rng, shopTime, startServerProcess } from './lib.mjs';
import { all, close, exec, open } from './raw-sqlite.mjs';

export const CASES = 20_000;
/** Requests per filter mix, one at a time (a clerk's queue, not a load test). */
export const REPEAT = 100;
const OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' };
const WORKBENCH = join(ROOT, 'dist', 'workbench.js');
const DAY = 86_400_000;
const KINDS = ['refund-only', 'return-refund', 'exchange', 'reship'];
const OPEN_STATES = ['wait-seller-agree', 'wait-buyer-return', 'wait-seller-confirm', 'refused', 'exchange-pending'];
const FINAL = ['refunded', 'closed', 'sent'];


/**
 * Writes `cases` cases straight into after-sales' tables: a year of them, one in eight still open
 * (due in the next days, some overdue, some without a clock), refunds on the finished ones and
 * the 24-hour warning on a few. The order and line they name need not exist: the queue does not
 * join them. Answers sample order numbers for the `orderNo` mix.
 */
export async function fillCases(file, cases, now = Date.now()) {
  const db = await open(file, sqlite3.OPEN_READWRITE);
  try {
    const random = rng(20261207);
    const orderNos = [];
    await exec(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; BEGIN');
    const insert = db.prepare(`INSERT INTO after_sales_cases (id, order_id, order_no, item_id, line_key, sku_code, title, quantity, line_paid, shipping_paid, paid_at,
      kind, reason, state, source, opened_at, opened_by, opened_by_name, due_at, closed_at, updated_at) VALUES (?, ?, ?, ?, '1', ?, '加绒卫衣', 1, ?, 0, ?, ?, '尺码不合适', ?, 'import', ?, NULL, '导入', ?, ?, ?)`);
    const refund = db.prepare("INSERT INTO after_sales_refunds (case_id, goods, shipping, compensation, note, by_id, by_name, at) VALUES (?, ?, 0, 0, '', NULL, '导入', ?)");
    const warning = db.prepare('INSERT INTO after_sales_case_warnings (case_id, hours_left, at) VALUES (?, 24, ?)');
    for (let id = 1; id <= cases; id++) {
      const isOpen = random() < 0.125;
      const opened = isOpen ? now - random() * 20 * DAY : now - 20 * DAY - random() * 345 * DAY;
      const state = isOpen ? OPEN_STATES[Math.floor(random() * OPEN_STATES.length)] : FINAL[Math.floor(random() * FINAL.length)];
      // An open case mostly carries a clock: from two days overdue to ten days ahead.
      const due = isOpen && random() < 0.85 ? shopTime(now - 2 * DAY + random() * 12 * DAY) : null;
      const orderNo = String(3_200_000_000_000_000_000n + BigInt(id * 37));
      const paid = 5_000 + Math.floor(random() * 20_000);
      const at = shopTime(opened);
      const closedAt = isOpen ? null : shopTime(opened + DAY + random() * 5 * DAY);
      insert.run(id, 100_000 + id, orderNo, 200_000 + id, `SKU-${id % 300}`, paid, at, KINDS[Math.floor(random() * KINDS.length)], state, at, due, closedAt, closedAt ?? at);
      if (state === 'refunded') refund.run(id, paid, closedAt);
      if (due && random() < 0.2) warning.run(id, at);
      if (id % Math.max(1, Math.floor(cases / 50)) === 3) orderNos.push(orderNo);
    }
    await Promise.all([insert, refund, warning].map((st) => new Promise((resolve, reject) => st.finalize((e) => (e ? reject(e) : resolve())))));
    await exec(db, 'COMMIT');
    return { orderNos };
  } finally {
    await close(db);
  }
}

/** The filter mixes a clerk uses, as query strings; `i` varies the order number. */
export function mixes(orderNos) {
  return [
    { name: 'page 1, no filter (due first)', query: () => ({}) },
    { name: 'open cases', query: () => ({ open: 'true' }) },
    { name: 'state = 等待卖家同意,等待买家退货', query: () => ({ state: 'wait-seller-agree,wait-buyer-return' }) },
    { name: 'kind = return-refund,exchange & open', query: () => ({ kind: 'return-refund,exchange', open: 'true' }) },
    { name: 'overdue', query: () => ({ overdue: 'true' }) },
    { name: 'orderNo = one order', query: (i) => ({ orderNo: orderNos[i % orderNos.length] }) },
    { name: 'page 5 of the open cases', query: () => ({ open: 'true', page: '5' }) },
  ];
}

/**
 * The baseline: the queue's count and page written out by hand on raw sqlite3 — the filters, due
 * first then newest — with the refunds summed and the warnings listed per case, as the route does.
 */
export async function rawQueue(db, query, now) {
  const where = [];
  const args = [];
  if (query.state) { where.push('c.state IN (SELECT value FROM json_each(?))'); args.push(JSON.stringify(query.state.split(','))); }
  if (query.kind) { where.push('c.kind IN (SELECT value FROM json_each(?))'); args.push(JSON.stringify(query.kind.split(','))); }
  if (query.orderNo) { where.push('c.order_no = ?'); args.push(query.orderNo); }
  if (query.open === 'true') where.push('c.closed_at IS NULL');
  if (query.overdue === 'true') { where.push('c.due_at IS NOT NULL AND c.due_at < ?'); args.push(now); }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const page = Number(query.page ?? 1);
  const [count, rows] = await Promise.all([
    all(db, `SELECT COUNT(*) AS n FROM after_sales_cases c${clause}`, args),
    all(db, `SELECT c.*, (SELECT group_concat(hours_left) FROM after_sales_case_warnings w WHERE w.case_id = c.id) AS warnings,
        COALESCE((SELECT SUM(goods) FROM after_sales_refunds r WHERE r.case_id = c.id), 0) AS goods
      FROM after_sales_cases c${clause} ORDER BY c.due_at IS NULL, c.due_at, c.id DESC LIMIT 50 OFFSET ?`, [...args, (page - 1) * 50]),
  ]);
  return { total: count[0].n, ids: rows.map((r) => r.id) };
}

/** Where the route's answer and the raw SQL's differ (empty when they agree). */
export function differences(name, answer, raw) {
  const ids = answer.items.map((c) => c.id);
  const out = [];
  if (answer.total !== raw.total) out.push(`${name}: total ${answer.total}, raw SQL ${raw.total}`);
  if (ids.join() !== raw.ids.join()) out.push(`${name}: page ${ids.slice(0, 5).join()}…, raw SQL ${raw.ids.slice(0, 5).join()}…`);
  return out;
}

const startWorkbench = (dir) => startServerProcess(WORKBENCH, {
  nodeArgs: ['--enable-source-maps'],
  env: { WORKBENCH_CONFIG: join(dir, 'config.yaml'), WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_PORT: '0' },
  timeoutMs: 60_000,
});


async function time(fn, repeat) {
  for (let i = 0; i < Math.ceil(repeat / 10); i++) await fn(i);
  const took = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn(i);
    took.push(performance.now() - t0);
  }
  took.sort((a, b) => a - b);
  return { median: percentile(took, 50), p99: percentile(took, 99) };
}

/** Runs the case-queue benchmark and answers table rows; the smoke test passes few `cases`. */
export async function runAfterSalesQueue({ log = (line) => console.error(line), cases = CASES, repeat = REPEAT } = {}) {
  const dir = await makeTempDir('workbench-bench-after-sales-');
  let wb;
  let raw;
  try {
    await writeFile(join(dir, 'config.yaml'), stringify({ logLevel: 'info', plugins: { folders: [], enabled: ['listings', 'fulfillment', 'after-sales'] } }));
    wb = await startWorkbench(dir);
    await new Promise((r) => setTimeout(r, 50));
    const token = wb.output().match(/setup\?token=([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`the workbench printed no setup link:\n${wb.output()}`);
    const setup = await call(wb.url, '/api/auth/setup', { method: 'POST', body: { token, ...OWNER } });
    const cookie = (setup.res.headers.get('set-cookie') ?? '').split(';')[0];
    const file = join(dir, 'data', 'workbench.db');
    // Written beside the running workbench: its readers see the rows after the commit.
    const t0 = performance.now();
    const { orderNos } = await fillCases(file, cases);
    log(`  after-sales: ${cases} cases written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    raw = await open(file, sqlite3.OPEN_READONLY);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const base = new URL(wb.url);
    const rows = [];
    try {
      for (const mix of mixes(orderNos)) {
        const path = (i) => `/api/after-sales/cases?${new URLSearchParams({ pageSize: '50', ...mix.query(i) })}`;
        // A guard, not a speed figure: the route and the raw SQL agree on the count and the page.
        const now = shopTime(Date.now());
        const answer = JSON.parse(await getText(agent, base, path(0), cookie));
        const problems = differences(mix.name, answer, await rawQueue(raw, mix.query(0), now));
        if (problems.length) throw new Error(problems.join('; '));
        const api = await time((i) => getText(agent, base, path(i), cookie), repeat);
        const sql = await time((i) => rawQueue(raw, mix.query(i), shopTime(Date.now())), repeat);
        log(`  after-sales: ${mix.name}: API median ${ms(api.median)} ms, SQL ${ms(sql.median)} ms`);
        rows.push([
          'after-sales',
          `GET /cases ${mix.name}`,
          `median ${ms(api.median)} ms`,
          `p99 ${ms(api.p99)} ms`,
          `raw SQL median ${ms(sql.median)} ms (${ratio(api.median / sql.median)}; target ≤ 2×) — ${answer.total} found`,
        ]);
      }
    } finally {
      agent.destroy();
    }
    return rows;
  } finally {
    if (raw) await close(raw);
    await wb?.stop();
    removeTempDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup(300_000);
  console.log(formatTable(await runAfterSalesQueue(), [2, 3]));
}
