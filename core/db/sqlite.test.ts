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

test('calls of the same text side by side each get their own answer (each on its own compiled copy)', async () => {
  for (let i = 1; i <= 20; i++) await c.run('INSERT INTO t (name) VALUES (?)', [`货 ${i}`]);
  const firsts = await Promise.all(Array.from({ length: 50 }, () => c.get<{ name: string }>('SELECT name FROM t ORDER BY id')));
  expect(new Set(firsts.map((r) => r?.name))).toEqual(new Set(['货 1']));
  const counts = await Promise.all(Array.from({ length: 50 }, () => c.all<{ n: number }>('SELECT COUNT(*) AS n FROM t')));
  expect(new Set(counts.map((r) => r[0]?.n))).toEqual(new Set([20]));
  const byId = await Promise.all(Array.from({ length: 50 }, (_, i) => c.get<{ name: string }>('SELECT name FROM t WHERE id = ?', [(i % 20) + 1])));
  expect(byId.map((r) => r?.name)).toEqual(Array.from({ length: 50 }, (_, i) => `货 ${(i % 20) + 1}`));
  expect(c.keptStatements).toBe(4);
  // Again, now that several copies of each text are kept: the same answers.
  const again = await Promise.all(Array.from({ length: 50 }, (_, i) => c.get<{ name: string }>('SELECT name FROM t WHERE id = ?', [(i % 20) + 1])));
  expect(again).toEqual(byId);
});

test('one text read with all, then get without parameters: the get still answers the first row', async () => {
  await c.run('INSERT INTO t (name) VALUES (?)', ['a']);
  await c.run('INSERT INTO t (name) VALUES (?)', ['b']);
  const sql = 'SELECT name FROM t ORDER BY id';
  for (let i = 0; i < 3; i++) {
    expect(await c.all(sql)).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(await c.get(sql)).toEqual({ name: 'a' });
    expect(await c.get(sql)).toEqual({ name: 'a' });
  }
  // A get left undone by its reset would answer nothing here (sqlite3 would step on to the end).
  expect(await c.get('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 2 });
  expect(await c.all('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 2 }]);
  expect(await c.get('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 2 });
});

test('a read with all holds nothing open afterwards: the WAL can be truncated, and the next read sees new rows', async () => {
  await c.exec('PRAGMA journal_mode = WAL');
  await c.run('INSERT INTO t (name) VALUES (?)', ['a']);
  const reader = await Connection.open(join(dir, 'test.db'), { readOnly: true });
  try {
    expect(await reader.all('SELECT name FROM t ORDER BY id')).toEqual([{ name: 'a' }]);
    expect(await reader.get('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 1 });
    expect(await c.all('PRAGMA wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    await c.run('INSERT INTO t (name) VALUES (?)', ['b']);
    expect(await reader.all('SELECT name FROM t ORDER BY id')).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(await reader.get('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 2 });
  } finally {
    await reader.close();
  }
});

test('closing while calls still run, and one more comes: the calls answer, the close succeeds', async () => {
  for (let i = 1; i <= 20; i++) await c.run('INSERT INTO t (name) VALUES (?)', [`货 ${i}`]);
  const other = await Connection.open(join(dir, 'test.db'));
  // Many calls of the same texts at once: copies are compiled and in use as the close begins.
  const calls = Array.from({ length: 40 }, (_, i) => (i % 2 ? other.get<{ name: string }>('SELECT name FROM t WHERE id = ?', [(i % 20) + 1]) : other.all('SELECT id FROM t WHERE id > ?', [i % 20])));
  const closed = other.close();
  // A call that comes as the close begins (a request still on its way when the server stops).
  const late = other.get<{ name: string }>('SELECT name FROM t WHERE name = ?', ['货 3']).catch((error: unknown) => error);
  const answers = await Promise.all(calls);
  await late;
  await expect(closed).resolves.toBeUndefined();
  expect(answers.filter((a) => !Array.isArray(a)).map((a) => (a as { name: string }).name)).toContain('货 2');
});
