// jsonRows (server/shared/json-rows.ts) reads rows through one JSON text that SQLite builds; the
// batch review reads its orders and lines so. The rows must be exactly what `all` answers.
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Queryable, SqlParams } from '@workbench/plugin-api';
import { jsonRows } from '../server/shared/json-rows.js';

interface Row {
  id: number;
  n: number | null;
  t: string | null;
  k: number;
}

let db: sqlite3.Database;
const q: Queryable = {
  get: <T>(sql: string, params: SqlParams = []) => new Promise<T | undefined>((resolve, reject) => db.get(sql, params, (e, row) => (e ? reject(e) : resolve(row as T)))),
  all: <T>(sql: string, params: SqlParams = []) => new Promise<T[]>((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows as T[])))),
};

const TEXTS = ['王芳', 'a "quoted" \\ back\\slash', 'line\nbreak\ttab', '', '[{"code":"needs-person","message":"订单有买家留言"}]', '😀 emoji', null, '\u0001 control', '1e5', 'null'];

beforeAll(async () => {
  db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(':memory:', (e) => (e ? reject(e) : resolve(d)));
  });
  await new Promise<void>((resolve, reject) => db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, t TEXT, k INTEGER NOT NULL)', (e) => (e ? reject(e) : resolve())));
  const numbers = [0, -1, 42, 2 ** 53 - 1, -(2 ** 53 - 1), null, 5900, 1, 7, 100_000];
  for (let i = 0; i < 30; i++) {
    await q.get('INSERT INTO t (id, n, t, k) VALUES (?, ?, ?, ?)', [i + 1, numbers[i % numbers.length] ?? null, TEXTS[i % TEXTS.length] ?? null, (i * 7) % 5]);
  }
});
afterAll(() => new Promise<void>((resolve) => db.close(() => resolve())));

test('the same rows, values and order as `all`, whatever the text holds', async () => {
  const viaAll = await q.all<Row>('SELECT id, n, t, k FROM t WHERE id > ? ORDER BY k DESC, id', [3]);
  const viaJson = await jsonRows<Row>(q, ['id', 'n', 't', 'k'], 'FROM t WHERE id > ?', [3], 'k DESC, id');
  expect(viaJson).toEqual(viaAll);
  expect(viaJson.length).toBe(27);
  // Same values and types, not merely equal-looking ones.
  expect(JSON.stringify(viaJson)).toBe(JSON.stringify(viaAll));
});

test('no rows is an empty list; a column name that is not plain is refused', async () => {
  expect(await jsonRows<Row>(q, ['id'], 'FROM t WHERE id < 0', [], 'id')).toEqual([]);
  await expect(jsonRows<Row>(q, ['id', 'n) FROM t; --' as 'n'], 'FROM t', [], 'id')).rejects.toThrow(/not a plain column name/);
});
