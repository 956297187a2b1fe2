import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Connection, isSqliteError } from './sqlite.js';

let dir: string;
let c: Connection;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqlite-'));
  c = await Connection.open(join(dir, 'test.db'));
  await c.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
});
afterEach(async () => {
  await c.close();
  await rm(dir, { recursive: true, force: true });
});

test('a statement is compiled once per connection and kept: running it again binds new values', async () => {
  for (let i = 1; i <= 50; i++) expect(await c.run('INSERT INTO t (name) VALUES (?)', [`货 ${i}`])).toEqual({ changes: 1, lastId: i });
  for (let i = 1; i <= 50; i++) expect(await c.get('SELECT name FROM t WHERE id = ?', [i])).toEqual({ name: `货 ${i}` });
  expect(await c.all('SELECT id FROM t WHERE id <= ? ORDER BY id', [3])).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  expect(c.keptStatements).toBe(3);
});

test('a read through a kept statement does not hold the database: a checkpoint truncates the WAL', async () => {
  await c.exec('PRAGMA journal_mode = WAL');
  await c.run('INSERT INTO t (name) VALUES (?)', ['a']);
  await c.run('INSERT INTO t (name) VALUES (?)', ['b']);
  expect(await c.get('SELECT name FROM t ORDER BY id')).toEqual({ name: 'a' });
  const other = await Connection.open(join(dir, 'test.db'));
  try {
    expect(await other.all('PRAGMA wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
  } finally {
    await other.close();
  }
});

test('errors stay those SQLite gives: a text it cannot compile, a constraint', async () => {
  await expect(c.run('INSERT INTO nowhere (x) VALUES (?)', [1])).rejects.toThrow(/no such table: nowhere/);
  await expect(c.get('SELEC 1')).rejects.toThrow(/syntax error/);
  await c.run('INSERT INTO t (name) VALUES (?)', ['同名']);
  const error = await c.run('INSERT INTO t (name) VALUES (?)', ['同名']).catch((e: unknown) => e);
  expect(isSqliteError(error, 'SQLITE_CONSTRAINT')).toBe(true);
  expect(String(error)).toMatch(/UNIQUE constraint failed: t\.name/);
  expect(c.keptStatements).toBe(1);
});

test('calls of the same text side by side each get their own answer (one uses the kept statement, the others their own)', async () => {
  for (let i = 1; i <= 20; i++) await c.run('INSERT INTO t (name) VALUES (?)', [`货 ${i}`]);
  const firsts = await Promise.all(Array.from({ length: 50 }, () => c.get<{ name: string }>('SELECT name FROM t ORDER BY id')));
  expect(new Set(firsts.map((r) => r?.name))).toEqual(new Set(['货 1']));
  const counts = await Promise.all(Array.from({ length: 50 }, () => c.all<{ n: number }>('SELECT COUNT(*) AS n FROM t')));
  expect(new Set(counts.map((r) => r[0]?.n))).toEqual(new Set([20]));
});
