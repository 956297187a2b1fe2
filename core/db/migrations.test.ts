import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from './database.js';
import { applyMigrations, checksum, ensureMigrationTable, MigrationChangedError, MigrationFailedError, readMigrationFolder, splitStatements, type Migration } from './migrations.js';

let dir: string;
let db: Database;
let clock: number;
/** Distinct, increasing stamps, so the order of application shows in applied_at. */
const now = () => `2026-01-01T00:00:${String(++clock).padStart(2, '0')}.000+08:00`;

beforeEach(async () => {
  clock = 0;
  dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-migrations-'));
  db = await Database.open(path.join(dir, 'test.db'));
  await ensureMigrationTable(db);
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

interface Applied {
  owner: string;
  name: string;
  checksum: string;
  applied_at: string;
}
const applied = () => db.read((q) => q.all<Applied>('SELECT owner, name, checksum, applied_at FROM core_migrations ORDER BY applied_at'));
const tables = () =>
  db.read((q) => q.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'shop%' ORDER BY name")).then((r) => r.map((t) => t.name));

const ORDERS: Migration = { name: '001-orders.sql', sql: 'CREATE TABLE shop_orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);' };
// Depends on 001: it would fail if the two ran the other way round.
const ORDER_NOTE: Migration = {
  name: '002-order-note.sql',
  sql: "ALTER TABLE shop_orders ADD COLUMN note TEXT;\nINSERT INTO shop_orders (total, note) VALUES (990, 'seed');",
};

describe('applyMigrations', () => {
  it('applies each migration once, in order, recording its checksum', async () => {
    expect(await applyMigrations(db, 'shop', [ORDERS, ORDER_NOTE], now)).toEqual(['001-orders.sql', '002-order-note.sql']);
    const rows = await applied();
    expect(rows.map((r) => r.name)).toEqual(['001-orders.sql', '002-order-note.sql']);
    expect(rows.map((r) => r.checksum)).toEqual([checksum(ORDERS.sql), checksum(ORDER_NOTE.sql)]);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.every((r) => r.owner === 'shop')).toBe(true);

    expect(await applyMigrations(db, 'shop', [ORDERS, ORDER_NOTE], now)).toEqual([]);
    expect(await applied()).toEqual(rows);
    // The seed row of 002 was inserted once, not once per start.
    expect(await db.read((q) => q.all('SELECT total, note FROM shop_orders'))).toEqual([{ total: 990, note: 'seed' }]);
  });

  it('applies only the new migrations on a later start', async () => {
    await applyMigrations(db, 'shop', [ORDERS], now);
    expect(await applyMigrations(db, 'shop', [ORDERS, ORDER_NOTE], now)).toEqual(['002-order-note.sql']);
    expect((await applied()).map((r) => r.name)).toEqual(['001-orders.sql', '002-order-note.sql']);
  });

  it('keeps owners apart: the same file name under another owner is another migration', async () => {
    await applyMigrations(db, 'shop', [ORDERS], now);
    const other: Migration = { name: '001-orders.sql', sql: 'CREATE TABLE other_orders (id INTEGER PRIMARY KEY);' };
    expect(await applyMigrations(db, 'other', [other], now)).toEqual(['001-orders.sql']);
    expect((await applied()).map((r) => `${r.owner}/${r.name}`)).toEqual(['shop/001-orders.sql', 'other/001-orders.sql']);
  });

  it('throws MigrationChangedError when an applied migration changed, and applies nothing then', async () => {
    await applyMigrations(db, 'shop', [ORDERS], now);
    const changed: Migration = { ...ORDERS, sql: ORDERS.sql + '\nCREATE INDEX shop_orders_total ON shop_orders(total);' };
    const attempt = applyMigrations(db, 'shop', [changed, ORDER_NOTE], now);
    await expect(attempt).rejects.toBeInstanceOf(MigrationChangedError);
    await expect(attempt).rejects.toMatchObject({ owner: 'shop', migration: '001-orders.sql', message: expect.stringContaining('shop/001-orders.sql') });
    expect((await applied()).map((r) => r.name)).toEqual(['001-orders.sql']);
    const index = await db.read((q) => q.get("SELECT name FROM sqlite_master WHERE name = 'shop_orders_total'"));
    expect(index).toBeUndefined();
  });

  it('throws MigrationChangedError when the file of an applied migration is gone', async () => {
    await applyMigrations(db, 'shop', [ORDERS, ORDER_NOTE], now);
    const attempt = applyMigrations(db, 'shop', [ORDERS], now);
    await expect(attempt).rejects.toMatchObject({ owner: 'shop', migration: '002-order-note.sql', kind: 'missing', message: expect.stringContaining('file is gone') });
  });

  it('does not count a change of line endings as a change', async () => {
    await applyMigrations(db, 'shop', [ORDERS, ORDER_NOTE], now);
    const windows: Migration = { ...ORDER_NOTE, sql: ORDER_NOTE.sql.replace(/\n/g, '\r\n') };
    expect(await applyMigrations(db, 'shop', [ORDERS, windows], now)).toEqual([]);
  });

  it('rolls a failing migration back entirely and does not record it', async () => {
    const failing: Migration = {
      name: '002-half.sql',
      sql: 'CREATE TABLE shop_half (id INTEGER PRIMARY KEY);\nINSERT INTO shop_half (id) VALUES (1);\nINSERT INTO shop_nowhere (id) VALUES (1);',
    };
    await expect(applyMigrations(db, 'shop', [ORDERS, failing], now)).rejects.toThrow(/shop_nowhere/);
    // 001 ran in its own transaction and stays; nothing of 002 remains.
    expect(await tables()).toEqual(['shop_orders']);
    expect((await applied()).map((r) => r.name)).toEqual(['001-orders.sql']);

    const fixed: Migration = { name: '002-half.sql', sql: 'CREATE TABLE shop_half (id INTEGER PRIMARY KEY);\nINSERT INTO shop_half (id) VALUES (1);' };
    expect(await applyMigrations(db, 'shop', [ORDERS, fixed], now)).toEqual(['002-half.sql']);
    expect(await tables()).toEqual(['shop_half', 'shop_orders']);
  });

  it('runs a migration with a trigger body, quoted semicolons and comments as written', async () => {
    const sql = `-- Orders; with a log of status changes.
CREATE TABLE shop_orders (id INTEGER PRIMARY KEY, status TEXT NOT NULL DEFAULT 'new; unpaid');
/* The log; kept forever. */
CREATE TABLE shop_log (id INTEGER PRIMARY KEY, line TEXT NOT NULL);
CREATE TRIGGER shop_orders_status AFTER UPDATE OF status ON shop_orders
BEGIN
  INSERT INTO shop_log (line) VALUES ('status; ' || old.status || ' -> ' || new.status);
  INSERT INTO shop_log (line) VALUES (CASE WHEN new.status = 'paid' THEN 'paid; ship it' ELSE 'wait' END);
END;
INSERT INTO shop_orders (id) VALUES (1);`;
    await applyMigrations(db, 'shop', [{ name: '001-orders.sql', sql }], now);
    await db.transaction((tx) => tx.run("UPDATE shop_orders SET status = 'paid' WHERE id = 1"));
    const lines = await db.read((q) => q.all<{ line: string }>('SELECT line FROM shop_log ORDER BY id'));
    expect(lines.map((l) => l.line)).toEqual(['status; new; unpaid -> paid', 'paid; ship it']);
  });
});

describe('splitStatements', () => {
  it('splits on semicolons between statements', () => {
    expect(splitStatements('CREATE TABLE a (x);\nCREATE TABLE b (y);\n')).toEqual(['CREATE TABLE a (x)', 'CREATE TABLE b (y)']);
  });

  it('keeps semicolons inside single-quoted strings, doubled quotes and quoted identifiers', () => {
    expect(splitStatements(`INSERT INTO t VALUES ('a;b', 'it''s; fine'); INSERT INTO "odd;name" VALUES (1)`)).toEqual([
      `INSERT INTO t VALUES ('a;b', 'it''s; fine')`,
      'INSERT INTO "odd;name" VALUES (1)',
    ]);
  });

  it('drops comments, including ones that contain semicolons or quotes', () => {
    const sql = "-- first; it's a comment\nCREATE TABLE a (x); /* block; 'quote */\n-- trailing;\nCREATE TABLE b (y -- inline; note\n);";
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toBe('CREATE TABLE a (x)');
    expect(statements[1]).toMatch(/^CREATE TABLE b \(y\s+\)$/);
    expect(statements.join(' ')).not.toMatch(/--|\/\*|comment|block|inline/);
  });

  it('keeps a CREATE TRIGGER … BEGIN … END body with its inner statements and CASE … END together', () => {
    const trigger =
      "CREATE TRIGGER t_log AFTER INSERT ON t\nBEGIN\n  INSERT INTO log VALUES (new.id);\n  UPDATE t SET kind = CASE WHEN new.x > 0 THEN 'plus' ELSE 'minus' END WHERE id = new.id;\nEND";
    expect(splitStatements(`CREATE TABLE t (id, x, kind);\n${trigger};\nCREATE TABLE after_trigger (z);`)).toEqual([
      'CREATE TABLE t (id, x, kind)',
      trigger,
      'CREATE TABLE after_trigger (z)',
    ]);
  });

  it('does not mistake words that contain BEGIN, END or CASE for keywords', () => {
    expect(splitStatements('CREATE TABLE backend (end_date, showcase, legend); CREATE TABLE b (x);')).toEqual([
      'CREATE TABLE backend (end_date, showcase, legend)',
      'CREATE TABLE b (x)',
    ]);
  });

  it('answers nothing for an empty or comment-only migration', () => {
    expect(splitStatements('')).toEqual([]);
    expect(splitStatements('-- nothing yet;\n/* ; */\n;;')).toEqual([]);
  });
});

describe('readMigrationFolder', () => {
  it('reads NNN-name.sql files sorted by name and ignores other files', async () => {
    const folder = path.join(dir, 'migrations');
    await mkdir(folder);
    await writeFile(path.join(folder, '010-later.sql'), 'SELECT 10;');
    await writeFile(path.join(folder, '002-second.sql'), 'SELECT 2;');
    await writeFile(path.join(folder, '001-first.sql'), 'SELECT 1;');
    await writeFile(path.join(folder, 'README.md'), '# notes');
    expect(await readMigrationFolder(folder)).toEqual([
      { name: '001-first.sql', sql: 'SELECT 1;' },
      { name: '002-second.sql', sql: 'SELECT 2;' },
      { name: '010-later.sql', sql: 'SELECT 10;' },
    ]);
  });

  it('answers no migrations for a missing folder', async () => {
    expect(await readMigrationFolder(path.join(dir, 'no-such-folder'))).toEqual([]);
  });

  it.each(['1-init.sql', '001_init.sql', '001-Init.sql', '001-init two.sql', 'init.sql'])('refuses a file named %s', async (bad) => {
    const folder = path.join(dir, 'migrations');
    await mkdir(folder);
    await writeFile(path.join(folder, '001-good.sql'), 'SELECT 1;');
    await writeFile(path.join(folder, bad), 'SELECT 2;');
    await expect(readMigrationFolder(folder)).rejects.toThrow(`migration file "${bad}" must be named like 001-create-orders.sql`);
  });
});

describe('a migration the database refuses', () => {
  it('names its file, the line and the statement, and keeps nothing of it', async () => {
    const broken: Migration = {
      name: '002-broken.sql',
      sql: "-- A typo in the second statement.\nCREATE TABLE shop_items (id INTEGER PRIMARY KEY);\n\nINSERT INTO shop_itemz (id)\n  VALUES (1);\n",
    };
    const error = await applyMigrations(db, 'shop', [ORDERS, broken], now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failed = error as MigrationFailedError;
    expect(failed.migration).toBe('002-broken.sql');
    expect(failed.line).toBe(4);
    expect(failed.message).toContain('002-broken.sql (line 4)');
    expect(failed.message).toContain('no such table: shop_itemz');
    expect(failed.message).toContain('INSERT INTO shop_itemz (id) VALUES (1)');
    // The first migration stays; nothing of the refused one does.
    expect(await tables()).toEqual(['shop_orders']);
    expect((await applied()).map((m) => m.name)).toEqual(['001-orders.sql']);
  });
});
