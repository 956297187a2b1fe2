// The Taobao order import (plugins/fulfillment/server/import) of 100,000 orders and 150,000 item
// lines in GBK, through the built workbench's HTTP API, against the sqlite3 command-line tool's
// `.import --csv` of the same rows measured in this same run. Run alone with
// `node bench/orders-import.mjs` (after a build) or through `npm run bench`.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { stringify } from 'yaml';
import { writeTaobaoExport } from '../plugins/fulfillment/test/fixtures/taobao-export.mjs';
import { ROOT, formatTable, installCleanup, int, makeTempDir, ratio, removeTempDir, startServerProcess } from './lib.mjs';

export const ORDERS = 100_000;
/** SKUs the orders are spread over, created in listings (through its CSV import) before the run. */
const SKUS = 400;
const SQLITE = '/usr/bin/sqlite3';
const WORKBENCH = join(ROOT, 'dist', 'workbench.js');
const OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' };
/** The same pragmas the workbench's writer uses, so the baseline writes the same way. */
const PRAGMAS = ['PRAGMA journal_mode = WAL;', 'PRAGMA synchronous = NORMAL;'];

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** The CPU time a process has used so far (user + system, all its threads), in ms; NaN where /proc is not there. */
async function cpuMs(pid) {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs the sqlite3 CLI to completion; answers its wall time in ms and its output. */
function sqlite(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(SQLITE, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ ms: performance.now() - t0, out }) : reject(new Error(`sqlite3 ${args.join(' ')} exited ${code}: ${out.slice(0, 500)}`))));
  });
}

/** The baseline: a fresh database, both CSV files into two new tables, one sqlite3 process. */
async function cliImport(dir, round, files) {
  const db = join(dir, `cli-${round}.sqlite`);
  const { ms } = await sqlite([db, ...PRAGMAS, `.import --csv ${files.orders} orders`, `.import --csv ${files.items} items`]);
  const { out } = await sqlite([db, 'SELECT (SELECT COUNT(*) FROM orders) || \' \' || (SELECT COUNT(*) FROM items);']);
  return { ms, counts: out.trim() };
}

async function post(url, cookie, path, body) {
  return fetch(url + path, { method: 'POST', headers: { cookie, 'x-workbench-request': '1', ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) }, body: body instanceof FormData ? body : JSON.stringify(body) });
}

/** Uploads files to an importer and waits for the end of its event stream; answers the result. */
async function runImporter(url, cookie, path, files) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.bytes], { type: 'text/csv' }), f.name);
  const started = await post(url, cookie, path, form);
  if (started.status !== 202) throw new Error(`${path}: ${started.status} ${await started.text()}`);
  const { events } = await started.json();
  const stream = await (await fetch(url + events, { headers: { cookie, accept: 'text/event-stream' } })).text();
  const last = stream.split(/\r?\n\r?\n/).filter((b) => b.trim()).at(-1) ?? '';
  const data = JSON.parse(last.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n'));
  if (!last.includes('event: done')) throw new Error(`${path} failed: ${JSON.stringify(data).slice(0, 500)}`);
  return data.result;
}

/** The workbench with listings and fulfillment on a fresh data folder, its owner, and the SKUs. */
async function startWorkbench(dir, codes) {
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, stringify({ logLevel: 'info', plugins: { folders: [], enabled: ['listings', 'fulfillment'] } }));
  const server = await startServerProcess(WORKBENCH, {
    // BENCH_CPU_PROF=<folder> writes the workbench's CPU profile there (node --cpu-prof).
    nodeArgs: ['--enable-source-maps', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { WORKBENCH_CONFIG: configFile, WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_PORT: '0' },
    timeoutMs: 60_000,
  });
  try {
    // The setup link is printed around `listening`; on a busy machine it can come a little later.
    let token;
    for (let waited = 0; !token && waited < 10_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
      token = server.output().match(/setup\?token=([A-Za-z0-9_-]+)/)?.[1];
    }
    if (!token) throw new Error(`the workbench printed no setup link:\n${server.output()}`);
    const setup = await post(server.url, '', '/api/auth/setup', { token, ...OWNER });
    if (setup.status !== 201) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
    // Ten SKUs a product (尺码 per SKU), through listings' own product CSV import.
    const lines = ['货号,标题,商家编码,尺码,价格,成本', ...codes.map((code, i) => `BENCH${String(Math.floor(i / 10)).padStart(3, '0')},压测商品 ${Math.floor(i / 10)},${code},${i % 10},99.00,35.00`)];
    const made = await runImporter(server.url, cookie, '/api/listings/importers/products-csv', [{ name: 'skus.csv', bytes: Buffer.from(lines.join('\n')) }]);
    if (made.created !== codes.length) throw new Error(`listings created ${made.created} of ${codes.length} SKUs: ${JSON.stringify(made.rejected?.slice(0, 3))}`);
    return { ...server, cookie };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Runs the import benchmark and answers table rows. `log` gets progress lines; the smoke test passes a few `orders`. */
export async function runOrdersImport({ log = (line) => console.error(line), orders = ORDERS } = {}) {
  const dir = await makeTempDir('workbench-bench-');
  let wb;
  try {
    const codes = Array.from({ length: SKUS }, (_, i) => `BENCH-${String(i).padStart(4, '0')}`);
    const t0 = performance.now();
    const exported = await writeTaobaoExport(join(dir, 'reports'), { orders: orders, skuCodes: codes, seed: 42, encoding: 'gbk' });
    const files = [exported.orderFile, exported.itemFile];
    const megabytes = (files.reduce((n, f) => n + f.bytes.length, 0) / 2 ** 20).toFixed(1);
    log(`  import: wrote ${int(orders)} orders + ${int(exported.itemCount)} item lines, GBK, ${megabytes} MB, in ${seconds(performance.now() - t0)}`);
    // The baseline reads UTF-8 only: the files are converted before anything is timed.
    const utf8 = { orders: join(dir, 'orders-utf8.csv'), items: join(dir, 'items-utf8.csv') };
    await writeFile(utf8.orders, iconv.decode(await readFile(exported.orderPath), 'gb18030'));
    await writeFile(utf8.items, iconv.decode(await readFile(exported.itemPath), 'gb18030'));

    wb = await startWorkbench(dir, codes);
    const cli = [];
    const first = await cliImport(dir, 1, utf8);
    if (first.counts !== `${orders} ${exported.itemCount}`) throw new Error(`sqlite3 imported ${first.counts} rows`);
    cli.push(first.ms);
    log(`  import: sqlite3 .import ${seconds(first.ms)}`);

    const c1 = await cpuMs(wb.pid);
    const t1 = performance.now();
    const result = await runImporter(wb.url, wb.cookie, '/api/fulfillment/importers/taobao-orders', files);
    const importMs = performance.now() - t1;
    const importCpu = (await cpuMs(wb.pid)) - c1;
    if (result.created !== orders || result.items !== exported.itemCount || result.rejected.length) throw new Error(`the import answered ${JSON.stringify({ ...result, rejected: result.rejected.slice(0, 3) })}`);
    // Its CPU time too (every thread, SQLite's included): steadier than wall time on a busy machine.
    log(`  import: workbench ${seconds(importMs)}, CPU ${seconds(importCpu)} (${int(result.created)} created, ${int(result.exceptions)} exceptions)`);

    cli.push((await cliImport(dir, 2, utf8)).ms);
    log(`  import: sqlite3 .import ${seconds(cli[1])}`);

    const c2 = await cpuMs(wb.pid);
    const t2 = performance.now();
    const again = await runImporter(wb.url, wb.cookie, '/api/fulfillment/importers/taobao-orders', files);
    const againMs = performance.now() - t2;
    const againCpu = (await cpuMs(wb.pid)) - c2;
    if (again.unchanged !== orders || again.created || again.updated) throw new Error(`the second import answered ${JSON.stringify(again).slice(0, 300)}`);
    log(`  import: workbench again, all unchanged, ${seconds(againMs)}, CPU ${seconds(againCpu)}`);

    cli.push((await cliImport(dir, 3, utf8)).ms);
    log(`  import: sqlite3 .import ${seconds(cli[2])}`);

    // The workbench run lies between the first two baseline runs; the median of all three is the baseline.
    const base = median(cli);
    const label = `${int(orders)} orders + ${int(exported.itemCount)} items`;
    return [
      ['import', `sqlite3 CLI .import --csv, ${label} (UTF-8, two new tables)`, `${int(orders / (base / 1000))} orders/s`, seconds(base), `baseline (runs ${cli.map((m) => (m / 1000).toFixed(2)).join(', ')} s)`],
      ['import', `POST /importers/taobao-orders, ${label} (GBK), to done`, `${int(orders / (importMs / 1000))} orders/s`, seconds(importMs), `${ratio(importMs / base)} the sqlite3 CLI's time (target ≤ 3×)`],
      ['import', `the same two files again (every order unchanged)`, `${int(orders / (againMs / 1000))} orders/s`, seconds(againMs), `${ratio(againMs / base)} the sqlite3 CLI's time (target ≤ 1×)`],
    ];
  } finally {
    await wb?.stop();
    removeTempDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup(300_000);
  const rows = await runOrdersImport();
  console.log(formatTable(rows, [2, 3]));
}
