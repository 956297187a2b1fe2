// The data layer: the core `Database` (core/db/database.ts, bundled on the fly with esbuild)
// against raw `sqlite3` on one connection, with the same pragmas, in this process. Run alone with
// `node bench/db.mjs` or through `npm run bench`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import { CACHE_DIR, ROOT, formatTable, installCleanup, int, makeTempDir, ratio, removeAtExit, removeTempDir } from './lib.mjs';

export const TRANSACTIONS = 2_000;
export const READS = 20_000;
export const CONCURRENCY = 16;
/** Rows the point reads pick from. */
const ROWS = 10_000;
/** Every measurement is repeated this many times, interleaved; the median is reported. */
export const ROUNDS = 5;
/** The same pragmas `Database.open` sets on its writer, so the baseline does the same I/O. */
const PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;';
const CREATE = 'CREATE TABLE bench_items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL)';
const INSERT = 'INSERT INTO bench_items (name, qty) VALUES (?, ?)';
const SELECT = 'SELECT id, name, qty FROM bench_items WHERE id = ?';
/** Spreads the reads over the seeded rows (7919 is prime, so every id comes up). */

/** Bundles core/db/database.ts into bench/.cache and imports it (sqlite3 stays external). */
async function importDatabase() {
  const result = await build({
    entryPoints: [join(ROOT, 'core', 'db', 'database.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  await mkdir(CACHE_DIR, { recursive: true });
  removeAtExit(CACHE_DIR);
  const file = join(CACHE_DIR, `database-${process.pid}.mjs`);
  await writeFile(file, result.outputFiles[0].contents);
  try {
    const { Database } = await import(pathToFileURL(file).href);
    return Database;
  } finally {
    // Once imported the file is no longer needed.
    rmSync(CACHE_DIR, { recursive: true, force: true });
  }
}

/** Raw sqlite3, promisified the same thin way as core/db/sqlite.ts. */
class Raw {
  static open(file) {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (e) => (e ? reject(e) : resolve(new Raw(db))));
    });
  }
  constructor(db) {
    this.db = db;
  }
  exec(sql) {
    return new Promise((resolve, reject) => this.db.exec(sql, (e) => (e ? reject(e) : resolve())));
  }
  run(sql, params) {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, function (e) {
        if (e) reject(e);
        else resolve({ changes: this.changes, lastId: this.lastID });
      }),
    );
  }
  get(sql, params) {
    return new Promise((resolve, reject) => this.db.get(sql, params, (e, row) => (e ? reject(e) : resolve(row))));
  }
  close() {
    return new Promise((resolve, reject) => this.db.close((e) => (e ? reject(e) : resolve())));
  }
}

/** Runs `op(i)` for i < n with `concurrency` callers, each awaiting its previous call. */
async function timed(n, concurrency, op) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await op(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { n, seconds, perSecond: n / seconds, usPerOp: (seconds * 1e6) / n };
}

async function seed(insertMany, rows) {
  await insertMany(Array.from({ length: rows }, (_, i) => [`商品 ${i + 1}`, i % 97]));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the data-layer benchmark and answers table rows. `log` gets progress lines. */
export async function runDb({ log = (line) => console.error(line), rounds = ROUNDS, scale = 1 } = {}) {
  const Database = await importDatabase();
  const seedRows = Math.max(100, Math.round(ROWS * scale));
  const pick = (i) => ((i * 7919) % seedRows) + 1;
  const dir = await makeTempDir('workbench-bench-db-');
  let raw;
  let core;
  try {
    raw = await Raw.open(join(dir, 'raw.sqlite'));
    await raw.exec(PRAGMAS);
    await raw.exec(CREATE);
    await seed(async (rows) => {
      await raw.exec('BEGIN IMMEDIATE');
      for (const row of rows) await raw.run(INSERT, row);
      await raw.exec('COMMIT');
    }, seedRows);

    core = await Database.open(join(dir, 'core.sqlite'));
    await core.transaction((tx) => tx.run(CREATE));
    await seed((rows) =>
      core.transaction(async (tx) => {
        for (const row of rows) await tx.run(INSERT, row);
      }),
      seedRows,
    );

    // What is measured; `base` names the baseline each one is divided by.
    const cases = [
      {
        id: 'rawTx',
        label: 'raw sqlite3 sequential',
        name: 'transactions, raw sqlite3 (BEGIN IMMEDIATE; INSERT; COMMIT), sequential',
        n: Math.ceil(TRANSACTIONS * scale),
        unit: 'tx/s',
        concurrency: 1,
        op: async (i) => {
          await raw.exec('BEGIN IMMEDIATE');
          await raw.run(INSERT, [`新品 ${i}`, i % 97]);
          await raw.exec('COMMIT');
        },
      },
      {
        id: 'coreTx',
        name: 'transactions, core Database.transaction(), sequential',
        n: Math.ceil(TRANSACTIONS * scale),
        unit: 'tx/s',
        concurrency: 1,
        base: 'rawTx',
        op: (i) => core.transaction((tx) => tx.run(INSERT, [`新品 ${i}`, i % 97])),
      },
      {
        id: 'coreTx16',
        name: `transactions, core Database.transaction(), ${CONCURRENCY} concurrent callers`,
        n: Math.ceil(TRANSACTIONS * scale),
        unit: 'tx/s',
        concurrency: CONCURRENCY,
        base: 'rawTx',
        op: (i) => core.transaction((tx) => tx.run(INSERT, [`新品 ${i}`, i % 97])),
      },
      {
        id: 'rawRead',
        label: 'raw sqlite3 sequential',
        name: 'point reads, raw sqlite3, sequential',
        n: Math.ceil(READS * scale),
        unit: 'reads/s',
        concurrency: 1,
        op: (i) => raw.get(SELECT, [pick(i)]),
      },
      {
        id: 'rawRead16',
        label: `raw sqlite3 ${CONCURRENCY} concurrent`,
        name: `point reads, raw sqlite3, ${CONCURRENCY} concurrent callers`,
        n: Math.ceil(READS * scale),
        unit: 'reads/s',
        concurrency: CONCURRENCY,
        base: 'rawRead',
        op: (i) => raw.get(SELECT, [pick(i)]),
      },
      {
        id: 'coreRead',
        name: 'point reads, core Database.read(), sequential',
        n: Math.ceil(READS * scale),
        unit: 'reads/s',
        concurrency: 1,
        base: 'rawRead',
        op: (i) => core.read((q) => q.get(SELECT, [pick(i)])),
      },
      {
        id: 'coreRead16',
        name: `point reads, core Database.read(), ${CONCURRENCY} concurrent callers`,
        n: Math.ceil(READS * scale),
        unit: 'reads/s',
        concurrency: CONCURRENCY,
        base: 'rawRead16',
        op: (i) => core.read((q) => q.get(SELECT, [pick(i)])),
      },
    ];
    const byId = new Map(cases.map((c) => [c.id, c]));

    // Warm-up: a tenth of each, not measured.
    for (const c of cases) await timed(Math.ceil(c.n / 10), c.concurrency, c.op);
    log(`  db: ${rounds} rounds of ${int(TRANSACTIONS * scale)} transactions and ${int(READS * scale)} point reads per case`);
    for (const c of cases) c.rounds = [];
    for (let round = 1; round <= rounds; round++) {
      for (const c of cases) c.rounds.push(await timed(c.n, c.concurrency, c.op));
      log(`  db round ${round}/${rounds}: ${cases.map((c) => `${c.id} ${int(c.rounds.at(-1).perSecond)}`).join(', ')}`);
    }

    return cases.map((c) => {
      const perSecond = median(c.rounds.map((r) => r.perSecond));
      let vs = 'baseline';
      if (c.base) {
        const base = byId.get(c.base);
        // Per-round ratio (each against its own round's baseline), then the median.
        const ratios = c.rounds.map((r, i) => r.perSecond / base.rounds[i].perSecond);
        vs = `${ratio(median(ratios))} ${base.label} (rounds ${ratio(Math.min(...ratios)).slice(0, -1)}–${ratio(Math.max(...ratios))})`;
      }
      return ['db', c.name, `${int(perSecond)} ${c.unit.padEnd(7)}`, vs];
    });
  } finally {
    await Promise.allSettled([raw?.close(), core?.close()]);
    removeTempDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installCleanup();
  const rows = await runDb();
  console.log(formatTable(rows));
}
