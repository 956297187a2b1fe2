// The order search of the fulfillment plugin (GET /api/fulfillment/orders) at 100,000 orders with
// about 150,000 items, against two baselines measured in this same run: the very SQL of the route
// (plugins/fulfillment/server/orders/order-search-sql.ts, bundled on the fly with esbuild) run on
// raw sqlite3 in this process, and a bare Hono route for the HTTP overhead. Run alone with
// `node bench/orders-search.mjs` (after a build) or through `npm run bench`.
import http from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { ROOT, call, formatTable, getText, importSource, installCleanup, int, makeTempDir, ms, percentile, ratio, removeTempDir, rng, startServerProcess } from './lib.mjs';
import { all, exec, open } from './raw-sqlite.mjs';

export const ORDERS = 100_000;
/** Requests per filter mix, one at a time (a clerk's search, not a load test). */
export const REPEAT = 200;
/** Orders waiting for review, timed once through POST /orders/auto-review at the end. */
export const PENDING = 5_000;
const SKUS = 300;
export const OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' };
const WORKBENCH = join(ROOT, 'dist', 'workbench.js');
const OFFSET = '+08:00';
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// The shop: a workbench started once (migrations run), stopped, filled straight in its SQLite
// file, and started again.


const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇晨浩然子轩欣怡梓涵一诺雨桐思远嘉怡'];
const PLACES = [
  ['浙江省', '杭州市', '西湖区', '文三路'],
  ['江苏省', '南京市', '鼓楼区', '中山路'],
  ['广东省', '深圳市', '南山区', '科技园路'],
  ['上海市', '上海市', '浦东新区', '世纪大道'],
  ['北京市', '北京市', '朝阳区', '建国路'],
  ['四川省', '成都市', '武侯区', '人民南路'],
  ['新疆维吾尔自治区', '乌鲁木齐市', '天山区', '解放北路'],
];
const COURIERS = [['STO', '77'], ['YTO', 'YT'], ['ZTO', '75'], ['YD', '31'], ['SF', 'SF1']];

/** Shop time as the workbench writes it. */
const shopTime = (ms) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', OFFSET);

/** The orders' states: most of a year's orders have shipped; a working day's worth waits. */
function statusOf(i, pending) {
  // The other states keep their shares of the waiting orders in a smaller shop (the smoke test's).
  const f = pending / PENDING;
  if (i < pending) return ['pending', 'paid'];
  if (i < pending + 1_000 * f) return ['exception', 'paid'];
  if (i < pending + 2_500 * f) return ['approved', 'paid'];
  if (i < pending + 3_000 * f) return ['picked', 'paid'];
  if (i < pending + 3_300 * f) return ['verified', 'paid'];
  if (i < pending + 5_000 * f) return ['closed', 'closed'];
  return ['shipped', 'completed'];
}

/** Collects rows and inserts them with one multi-row INSERT per hundred. */
function batcher(db, head, tuple, size = 100) {
  let rows = [];
  let pending = [];
  const run = (batch) =>
    new Promise((resolve, reject) => db.run(`${head} ${batch.map(() => tuple).join(', ')}`, batch.flat(), (e) => (e ? reject(e) : resolve())));
  return {
    add(...values) {
      rows.push(values);
      if (rows.length === size) {
        pending.push(run(rows));
        rows = [];
      }
    },
    async flush() {
      if (rows.length) pending.push(run(rows));
      rows = [];
      await Promise.all(pending);
      pending = [];
    },
  };
}

const finalize = (...statements) => Promise.all(statements.map((st) => new Promise((resolve, reject) => st.finalize((e) => (e ? reject(e) : resolve())))));

/** Writes `orders` orders (and their items) in one transaction with prepared statements. */
export async function fillShop(file, skus, { orders, pending }) {
  const db = await open(file);
  const random = rng(20261123);
  const now = Date.now();
  const samples = { orderNos: [], names: [], tracking: [], days: [] };
  await exec(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; BEGIN');
  // Rows go in a hundred at a time: one statement per row would spend most of the time crossing
  // into sqlite3's thread.
  const ORDER_COLUMNS = `id, order_no, source, buyer_nick, buyer_account, platform_status, status, goods_total, shipping_fee, total, paid_amount,
    buyer_message, receiver_name, receiver_phone, receiver_address, receiver_region, post_code, item_count, flag, task, priority, courier, tracking_no,
    merge_key, placed_at, paid_at, shipped_at, version, created_at, updated_at`;
  const order = batcher(db, `INSERT INTO fulfillment_orders (${ORDER_COLUMNS}) VALUES`, "(?, ?, 'import', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, '310000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
  const item = batcher(db, 'INSERT INTO fulfillment_order_items (order_id, line_key, sku_id, sku_code, title, quantity, price) VALUES', '(?, ?, ?, ?, ?, ?, ?)');
  let items = 0;
  let orderNo = 3_100_000_000_000_000_000n;
  for (let i = 0; i < orders; i++) {
    const id = i + 1;
    orderNo += BigInt(1 + Math.floor(random() * 900));
    const [status, platform] = statusOf(i, pending);
    // Waiting orders were placed in the last two days; the rest over the past year.
    const placed = now - (status === 'shipped' || status === 'closed' ? 2 * DAY + random() * 363 * DAY : random() * 2 * DAY);
    const name = SURNAMES[Math.floor(random() * SURNAMES.length)] + GIVEN[Math.floor(random() * GIVEN.length)] + GIVEN[Math.floor(random() * GIVEN.length)];
    const place = PLACES[Math.floor(random() * PLACES.length)];
    const address = `${place.join('')}${1 + Math.floor(random() * 999)} 号`;
    const phone = `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    const nick = `tb_${id.toString(36)}`;
    const shipped = status === 'shipped';
    const [courier, prefix] = COURIERS[Math.floor(random() * COURIERS.length)];
    const tracking = shipped ? `${prefix}${String(id).padStart(13 - prefix.length + 2, '0')}` : null;
    const message = random() < 0.15 ? '请尽快发货' : '';
    const task = random() < 0.01 ? 1 : 0;
    const priority = task ? 1 : courier === 'SF' && !shipped ? 2 : message ? 3 : 4;
    const flag = random() < 0.8 ? 0 : 1 + Math.floor(random() * 5);
    const lines = random() < 0.6 ? 1 : random() < 0.75 ? 2 : 3;
    let goods = 0;
    let pieces = 0;
    for (let l = 0; l < lines; l++) {
      const sku = skus[Math.floor(random() * skus.length)];
      const qty = 1 + Math.floor(random() * 2);
      item.add(id, String(l + 1), sku.id, sku.code, '测试卫衣 加绒连帽', qty, sku.price);
      goods += qty * sku.price;
      pieces += qty;
      items++;
    }
    const placedAt = shopTime(placed);
    order.add(
      id, String(orderNo), nick, `${nick}@example.com`, platform, status, goods, goods, platform === 'closed' ? 0 : goods, message, name, phone, address,
      place[0].replace(/(省|市|维吾尔自治区)$/, ''), pieces, flag, task, priority, shipped ? courier : null, tracking,
      `${nick}|${name}|${phone}|${address.replace(/\s+/g, '')}`.toLowerCase(), placedAt, placedAt, shipped ? shopTime(placed + DAY) : null, placedAt, placedAt,
    );
    if (i % Math.min(500, Math.ceil(orders / 40)) === 7) {
      samples.orderNos.push(String(orderNo));
      samples.names.push(name);
      if (tracking) samples.tracking.push(tracking);
      samples.days.push(placedAt.slice(0, 10));
    }
  }
  await order.flush();
  await item.flush();
  // A pick face per SKU with 30 pieces: enough for most, not all, of the orders waiting.
  const bin = db.prepare(
    "INSERT INTO fulfillment_locations (id, code, zone, shelf, level, bin, kind, path_order, sku_id, created_at, updated_at) VALUES (?, ?, 'A', ?, '01', ?, 'pick', ?, ?, ?, ?)",
  );
  const stock = db.prepare('INSERT INTO fulfillment_stock (location_id, sku_id, qty) VALUES (?, ?, 30)');
  const stamp = shopTime(now);
  skus.forEach((sku, i) => {
    const shelf = String(Math.floor(i / 99) + 1).padStart(2, '0');
    const b = String((i % 99) + 1).padStart(2, '0');
    bin.run(i + 1, `A-${shelf}-01-${b}`, shelf, b, i + 1, sku.id, stamp, stamp);
    stock.run(i + 1, sku.id);
  });
  await finalize(bin, stock);
  // A shop's SKUs are on sale, so listings re-checks their low-stock warnings on every reservation.
  await exec(db, "UPDATE listings_products SET status = 'listed'; COMMIT");
  await new Promise((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())));
  return { items, samples };
}

export async function startWorkbench(dir, nodeArgs = []) {
  return startServerProcess(WORKBENCH, {
    nodeArgs: ['--enable-source-maps', ...nodeArgs],
    env: { WORKBENCH_CONFIG: join(dir, 'config.yaml'), WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_PORT: '0' },
    timeoutMs: 60_000,
  });
}


/** First start: the owner and SKUs through the API (listings owns them), then stop. */
export async function prepareShop(dir) {
  await writeFile(join(dir, 'config.yaml'), stringify({ logLevel: 'info', plugins: { folders: [], enabled: ['listings', 'fulfillment'] } }));
  const wb = await startWorkbench(dir);
  try {
    await new Promise((r) => setTimeout(r, 50));
    const token = wb.output().match(/setup\?token=([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`the workbench printed no setup link:\n${wb.output()}`);
    const setup = await call(wb.url, '/api/auth/setup', { method: 'POST', body: { token, ...OWNER } });
    const cookie = (setup.res.headers.get('set-cookie') ?? '').split(';')[0];
    const skus = [];
    for (let p = 0; p < SKUS / 100; p++) {
      const code = `BENCH${p}`;
      const made = await call(wb.url, '/api/listings/products', {
        method: 'POST',
        cookie,
        body: { title: '测试卫衣 加绒连帽', itemCode: code, skus: Array.from({ length: 100 }, (_, i) => ({ code: `${code}-${i}`, attributes: { 款式: String(i) }, price: 5900 + i * 10, cost: 2000 })) },
      });
      skus.push(...made.body.skus.map((s) => ({ id: s.id, code: s.code, price: s.price })));
    }
    return skus;
  } finally {
    await wb.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The baseline: the route's own SQL, bundled from its TypeScript source, on raw sqlite3.


/** The route's bound for a bare shop day (the shop is in Asia/Shanghai, +08:00 all year). */
function timeBound(value, side) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { op: side === 'from' ? '>=' : '<=', at: value };
  if (side === 'from') return { op: '>=', at: `${value}T00:00:00.000${OFFSET}` };
  const next = new Date(Date.parse(`${value}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  return { op: '<', at: `${next}T00:00:00.000${OFFSET}` };
}


// ---------------------------------------------------------------------------------------------

/**
 * Times `fn(i)` `repeat` times one after another, each after an untimed `before(i)`; median and
 * p99 in ms. As many unmeasured calls go first: a route's code is still being optimised by V8
 * for its first couple of hundred requests (0.1–0.2 ms slower), and the shop lives with the warm one.
 */
async function time(fn, before = async () => {}, repeat = REPEAT) {
  for (let i = 0; i < repeat; i++) await fn(i);
  const took = [];
  for (let i = 0; i < repeat; i++) {
    await before(i);
    const t0 = performance.now();
    await fn(i);
    took.push(performance.now() - t0);
  }
  took.sort((a, b) => a - b);
  return { median: percentile(took, 50), p99: percentile(took, 99) };
}


/**
 * Runs the order-search benchmark and answers table rows. The smoke test in `npm test` passes a
 * small shop (`orders`, `pending`) and few `repeat`s.
 */
export async function runOrdersSearch({ log = (line) => console.error(line), orders = ORDERS, pending = PENDING, repeat = REPEAT, nodeArgs = [] } = {}) {
  const dir = await makeTempDir('workbench-bench-orders-');
  const bare = await startServerProcess(join(ROOT, 'bench', 'bare-hono-server.mjs'));
  let wb;
  let raw;
  try {
    const skus = await prepareShop(dir);
    const file = join(dir, 'data', 'workbench.db');
    const t0 = performance.now();
    const { items, samples } = await fillShop(file, skus, { orders, pending });
    log(`  orders: ${int(orders)} orders with ${int(items)} items written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // `nodeArgs` for the measured start, e.g. `['--cpu-prof', '--cpu-prof-dir=/tmp/prof']` for a profile.
    wb = await startWorkbench(dir, nodeArgs);
    const login = await call(wb.url, '/api/auth/login', { method: 'POST', body: { username: OWNER.username, password: OWNER.password } });
    const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0];
    const { orderSearchSql, orderByClause } = await importSource('plugins/fulfillment/server/orders/order-search-sql.ts', 'order-search-sql');
    raw = await open(file, sqlite3.OPEN_READONLY);

    const pick = (list, i) => list[(i * 7) % list.length];
    const mixes = [
      { name: 'q = an order number', query: (i) => ({ q: pick(samples.orderNos, i) }), expect: (b) => b.total === 1 },
      { name: 'q = the first 15 digits of an order number', query: (i) => ({ q: pick(samples.orderNos, i).slice(0, 15) }), expect: (b) => b.total >= 1 },
      { name: 'q = a receiver name', query: (i) => ({ q: pick(samples.names, i) }), expect: (b) => b.total >= 1 },
      { name: 'q = a tracking number', query: (i) => ({ q: pick(samples.tracking, i) }), expect: (b) => b.total === 1 },
      { name: 'status=pending,exception & flag=1,2', query: () => ({ status: 'pending,exception', flag: '1,2' }), expect: (b) => b.total > 0 },
      { name: 'from/to: one shop day', query: (i) => ({ from: pick(samples.days, i), to: pick(samples.days, i), sort: '-placedAt' }), expect: (b) => b.total > 0 },
      { name: 'sku = one 商家编码, status=shipped', query: (i) => ({ sku: skus[i % skus.length].code, status: 'shipped' }), expect: (b) => b.total > 0 },
      { name: 'queue sort, page 1, no filter', query: () => ({}), expect: (b) => b.total === orders && b.items.length === 50 },
      { name: 'queue sort, page 1, status=pending', query: () => ({ status: 'pending' }), expect: (b) => b.total === pending },
      // The whole shop's counts are kept until the next commit; here a flag is set before each
      // request (untimed), so every answer counts afresh.
      { name: 'queue sort, page 1, no filter, after a write', query: () => ({}), expect: (b) => b.total === orders, write: true },
    ];
    let flagged = 0;
    const flagOne = async () => {
      const id = pending - 1;
      const { body } = await call(wb.url, `/api/fulfillment/orders/${id}`, { cookie });
      await call(wb.url, `/api/fulfillment/orders/${id}/flag`, { method: 'POST', cookie, body: { version: body.version, flag: (++flagged % 5) + 1 } });
    };

    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const wbBase = new URL(wb.url);
    const bareBase = new URL(bare.url);
    const rows = [];
    try {
      const hono = await time(() => getText(agent, bareBase, '/api/health'), undefined, repeat);
      const health = await time(() => getText(agent, wbBase, '/api/health'), undefined, repeat);
      rows.push(['orders', 'GET /api/health (bare Hono), one at a time', `median ${ms(hono.median)} ms`, `p99 ${ms(hono.p99)} ms`, 'HTTP baseline']);
      rows.push(['orders', 'GET /api/health (workbench), one at a time', `median ${ms(health.median)} ms`, `p99 ${ms(health.p99)} ms`, '']);
      for (const mix of mixes) {
        const path = (i) => `/api/fulfillment/orders?${new URLSearchParams(mix.query(i))}`;
        const first = JSON.parse(await getText(agent, wbBase, path(0), cookie));
        if (!mix.expect(first)) throw new Error(`${mix.name}: unexpected answer ${JSON.stringify({ total: first.total, items: first.items?.length })}`);
        const api = await time((i) => getText(agent, wbBase, path(i), cookie), mix.write ? flagOne : undefined, repeat);
        const sqlOnly = await time(async (i) => {
          const q = { page: 1, pageSize: 50, ...mix.query(i) };
          const skuId = q.sku === undefined ? undefined : skus.find((s) => s.code === q.sku)?.id;
          const s = orderSearchSql(q, orderByClause(q.sort), skuId, timeBound, true);
          await Promise.all([all(raw, s.countSql, s.countParams), all(raw, s.pageSql, s.pageParams)]);
        }, undefined, repeat);
        log(`  orders: ${mix.name}: API median ${ms(api.median)} ms, SQL ${ms(sqlOnly.median)} ms`);
        rows.push([
          'orders',
          `GET /orders ${mix.name}`,
          `median ${ms(api.median)} ms`,
          `p99 ${ms(api.p99)} ms`,
          `raw SQL median ${ms(sqlOnly.median)} ms, p99 ${ms(sqlOnly.p99)} ms (${ratio(api.median / sqlOnly.median)})` +
            // The target for a search by a key: the HTTP floor (bare Hono) plus 1.5× the raw SQL.
            (mix.name.startsWith('q =') ? `; target ≤ ${ms(hono.median + 1.5 * sqlOnly.median)} ms` : ''),
        ]);
      }
    } finally {
      agent.destroy();
    }

    // The review of a working day's orders, once: every rule, stock counted order by order.
    const review0 = performance.now();
    const reviewed = await call(wb.url, '/api/fulfillment/orders/auto-review', { method: 'POST', cookie, body: { filter: { status: 'pending' } } });
    const seconds = (performance.now() - review0) / 1000;
    const { approved, exceptions } = reviewed.body;
    if (approved + exceptions !== pending) throw new Error(`auto-review answered ${approved} approved and ${exceptions} exceptions for ${pending} pending orders`);
    rows.push(['orders', `POST /orders/auto-review, ${int(pending)} orders waiting`, `${seconds.toFixed(2)} s`, '', `${int(approved)} approved, ${int(exceptions)} exceptions (target ≤ 1 s for 5,000)`]);
    return rows;
  } finally {
    if (raw) await new Promise((r) => raw.close(r));
    await Promise.allSettled([bare.stop(), wb?.stop()]);
    removeTempDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  installCleanup(300_000);
  console.log(formatTable(await runOrdersSearch(), [2, 3]));
}
