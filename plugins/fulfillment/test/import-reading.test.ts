// Unit tests of the import's own readers: the shared CSV reading answers exactly what csv-parse
// answers on generated reports (the awkward hand-made cases are core/csv's), shop times are what
// ctx.shopTime writes, and a bulk load's dropped indexes come back as they were.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import sqlite3 from 'sqlite3';
import { describe, expect, test } from 'vitest';
import { decodeCsv, readCsv, type PluginContext, type SqlParams, type Transaction } from '@workbench/plugin-api';
import { dropIndexesForBulkLoad } from '../server/import/bulk-indexes.js';
import { ShopClock } from '../server/import/shop-clock.js';
import { taobaoExportText, encodeReport } from './fixtures/taobao-export.mjs';

const reference = (text: string) => parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
const cellsOf = (text: string) => readCsv(text).records.map((r) => r.cells);

describe('reading Taobao reports as CSV', () => {
  test('a generated report of both layouts reads exactly as csv-parse reads it', () => {
    for (const layout of ['2018', 'later'] as const) {
      const { orderReport, itemReport } = taobaoExportText({ orders: 400, skuCodes: ['A-1', 'B-2', 'C-3'], seed: 3, layout });
      expect(cellsOf(orderReport)).toEqual(reference(orderReport));
      expect(cellsOf(itemReport)).toEqual(reference(itemReport));
    }
  });

  test('bytes are UTF-8 with or without BOM when they decode cleanly, else GBK', () => {
    const text = '订单编号,收货地址 \r\n="1",新疆维吾尔自治区\r\n';
    expect(decodeCsv(encodeReport(text, 'utf-8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(encodeReport(text, 'utf-8-bom'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(encodeReport(text, 'gbk'))).toEqual({ text, encoding: 'gbk' });
  });
});

describe('shop times', () => {
  const clockIn = (timeZone: string) => {
    const shopTime = (instant: string | number | Date) => {
      const date = new Date(instant);
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
          .formatToParts(date)
          .map((p) => [p.type, p.value]),
      );
      const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
      const offset = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60000);
      const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
      const mm = String(Math.abs(offset) % 60).padStart(2, '0');
      return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${String(date.getUTCMilliseconds()).padStart(3, '0')}${offset >= 0 ? '+' : '-'}${hh}:${mm}`;
    };
    return { clock: new ShopClock({ shopTime, timeZone } as unknown as PluginContext), shopTime };
  };

  test('Asia/Shanghai: the wall-clock digits with +08:00, whichever way the export writes them', () => {
    const { clock } = clockIn('Asia/Shanghai');
    expect(clock.read('2019-03-12 10:48:00')).toBe('2019-03-12T10:48:00.000+08:00');
    expect(clock.read('2019/3/2 7:05')).toBe('2019-03-02T07:05:00.000+08:00');
    expect(clock.read('2020-02-29 23:59:59')).toBe('2020-02-29T23:59:59.000+08:00');
  });

  test('impossible times are refused', () => {
    const { clock } = clockIn('Asia/Shanghai');
    for (const text of ['2019-02-29 10:00:00', '2019-13-01 10:00:00', '2019-03-12 24:00:00', '2019-03-12 10:60:00', '2019-03-12', '昨天']) expect(clock.read(text)).toBeUndefined();
  });

  test('a zone with summer time gets each hour its own offset, as ctx.shopTime writes it', () => {
    const { clock, shopTime } = clockIn('Europe/Berlin');
    expect(clock.read('2019-03-30 12:00:00')).toBe('2019-03-30T12:00:00.000+01:00');
    expect(clock.read('2019-03-31 12:00:00')).toBe('2019-03-31T12:00:00.000+02:00');
    // 02:30 does not exist that night: the zone says where it lands.
    expect(clock.read('2019-03-31 02:30:00')).toBe(shopTime(Date.UTC(2019, 2, 31, 1, 30)));
  });
});

/** The plugin's migrations on a throw-away SQLite database, behind the Transaction the import uses. */
async function migratedDatabase(): Promise<{ tx: Transaction; close: () => Promise<void> }> {
  const db = new sqlite3.Database(':memory:');
  const call = <T>(fn: (cb: (error: Error | null, value: T) => void) => void) => new Promise<T>((resolve, reject) => fn((e, v) => (e ? reject(e) : resolve(v))));
  const dir = join(import.meta.dirname, '..', 'migrations');
  for (const file of readdirSync(dir).sort()) await call((cb) => db.exec(readFileSync(join(dir, file), 'utf8'), (e) => cb(e, undefined)));
  const tx = {
    get: (sql: string, params: SqlParams = []) => call((cb) => db.get(sql, params, cb)),
    all: (sql: string, params: SqlParams = []) => call((cb) => db.all(sql, params, cb)),
    run: (sql: string, params: SqlParams = []) => call((cb) => db.run(sql, params, function (this: sqlite3.RunResult, e) { cb(e, { changes: this?.changes ?? 0, lastId: this?.lastID ?? 0 }); })),
  } as unknown as Transaction;
  return { tx, close: () => call((cb) => db.close((e) => cb(e, undefined))) };
}

describe('bulk loads', () => {
  const indexes = (tx: Transaction) =>
    tx.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('fulfillment_orders', 'fulfillment_order_items', 'fulfillment_order_history') ORDER BY name");

  test('a large load into small tables drops the secondary indexes and builds the very same ones again', async () => {
    const { tx, close } = await migratedDatabase();
    const before = await indexes(tx);
    expect(before.map((i) => i.name)).toContain('fulfillment_orders_merge');
    const rebuild = await dropIndexesForBulkLoad(tx, 50_000);
    expect(rebuild).toBeTypeOf('function');
    expect(await indexes(tx)).toEqual([]);
    // The UNIQUE constraints keep their own indexes throughout.
    await tx.run("INSERT INTO fulfillment_orders (order_no, source, platform_status, placed_at, created_at, updated_at) VALUES ('1', 'import', 'paid', 'x', 'x', 'x')");
    await expect(tx.run("INSERT INTO fulfillment_orders (order_no, source, platform_status, placed_at, created_at, updated_at) VALUES ('1', 'import', 'paid', 'x', 'x', 'x')")).rejects.toThrow(/UNIQUE/);
    await rebuild!();
    expect(await indexes(tx)).toEqual(before);
    await close();
  });

  test('a small load, or one smaller than what is stored, keeps the indexes', async () => {
    const { tx, close } = await migratedDatabase();
    const before = await indexes(tx);
    expect(await dropIndexesForBulkLoad(tx, 500)).toBeUndefined();
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
       INSERT INTO fulfillment_orders (order_no, source, platform_status, placed_at, created_at, updated_at) SELECT i, 'import', 'paid', 'x', 'x', 'x' FROM n`,
    );
    expect(await dropIndexesForBulkLoad(tx, 25_000)).toBeUndefined();
    expect(await indexes(tx)).toEqual(before);
    await close();
  });
});
