// The import's multi-row INSERT (server/import/batch-sql.ts) sends each batch as one JSON array
// that SQLite walks with jsonb_each. What it stores must be exactly what binding every value in
// a one-row INSERT stores: the same values of the same SQL types, in the same order (ids).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import type { SqlValue, Transaction } from '@workbench/plugin-api';
import { insertRows, InsertPipe } from '../server/import/batch-sql.js';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ plugins: [], enabled: [] });
});
afterAll(() => host?.close());

const COLUMNS = ['a', 'b', 'c', 'd', 'e'];
const TABLE = (name: string) => `CREATE TABLE ${name} (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c, d TEXT NOT NULL, e REAL)`;

/** Every row as [typeof, value] per column, in id order. */
async function stored(tx: Transaction, table: string): Promise<string> {
  const cells = ['id', ...COLUMNS].map((c) => `typeof(${c}), ${c}`).join(', ');
  return (await tx.get<{ rows: string }>(`SELECT json_group_array(json_array(${cells})) AS rows FROM (SELECT * FROM ${table} ORDER BY id)`))!.rows;
}

function rows(n: number): SqlValue[][] {
  const texts = ['', '0012', '1e3', 'null', 'true', '"quoted", with comma', 'line\nbreak\r\n', '王店长 ✓ 𠮷', '\\', ' 空格 ', "it's", '[1,2]'];
  const numbers = [0, -1, 42, 2 ** 53 - 1, -(2 ** 53) + 1, 1.5, -0.25, 19900];
  return Array.from({ length: n }, (_, i) => [
    i % 7 === 0 ? null : texts[i % texts.length]!,
    i % 5 === 0 ? null : numbers[i % numbers.length]!,
    [null, true, false, 7, 'x', 3.25][i % 6]!,
    'pending',
    numbers[(i * 3) % numbers.length]!,
  ]);
}

describe('batch inserts through jsonb_each', () => {
  test('store what one bound INSERT a row stores, across batches, with constant and varying columns', async () => {
    await host.write(async (tx) => {
      await tx.run(TABLE('batch_json'));
      await tx.run(TABLE('batch_bound'));
      for (const batch of [rows(1), rows(2), rows(12_345), Array.from({ length: 7 }, () => ['same', 1, null, 'pending', 2.5] as SqlValue[])]) {
        await insertRows(tx, 'batch_json', COLUMNS, batch);
        for (const row of batch) await tx.run(`INSERT INTO batch_bound (${COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?)`, row);
      }
      const json = await stored(tx, 'batch_json');
      expect(JSON.parse(json)).toHaveLength(1 + 2 + 12_345 + 7);
      expect(json).toBe(await stored(tx, 'batch_bound'));
      await tx.run('DROP TABLE batch_json');
      await tx.run('DROP TABLE batch_bound');
    });
  });

  test('a pipe reports each table’s rows written and refuses a batch that did not all go in', async () => {
    await host.write(async (tx) => {
      await tx.run(TABLE('batch_pipe'));
      const seen: number[] = [];
      const pipe = new InsertPipe(tx, (_table, n) => seen.push(n));
      await pipe.insert('batch_pipe', COLUMNS, rows(11_000));
      await pipe.flush();
      expect(seen).toEqual([5_000, 10_000, 11_000]);
      await tx.run("CREATE TRIGGER batch_pipe_skip BEFORE INSERT ON batch_pipe WHEN NEW.a = 'skip' BEGIN SELECT RAISE(IGNORE); END");
      await expect(insertRows(tx, 'batch_pipe', COLUMNS, [['skip', 1, null, 'x', 0], ['keep', 1, null, 'x', 0]])).rejects.toThrow(/took 1 of 2 rows/);
      await tx.run('DROP TABLE batch_pipe');
    });
  });
});
