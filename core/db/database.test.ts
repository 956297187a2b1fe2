import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../errors.js';
import { Database, type Transaction } from './database.js';

let dir: string;
let db: Database;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-db-'));
  db = await Database.open(path.join(dir, 'test.db'));
  await db.transaction((tx) => tx.run('CREATE TABLE items (id INTEGER PRIMARY KEY, text TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1)'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** A real macrotask pause, so other queued work would get its chance to run in between. */
const pause = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise plus the function that settles it, to hold a transaction open at a known point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const texts = () => db.read((q) => q.all<{ text: string }>('SELECT text FROM items ORDER BY id')).then((rows) => rows.map((r) => r.text));

describe('Database.transaction', () => {
  it('runs transactions one after the other even when their callbacks await between statements', async () => {
    const log: string[] = [];
    const work = (name: string) =>
      db.transaction(async (tx) => {
        log.push(`${name} start`);
        const before = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM items');
        await pause();
        await tx.run('INSERT INTO items (text) VALUES (?)', [`${name}:${before!.n}`]);
        await pause();
        log.push(`${name} end`);
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    // Each one counted the rows its predecessors committed: none read a stale count.
    expect(await texts()).toEqual(['a:0', 'b:1', 'c:2']);
  });

  it('rolls back everything when the callback throws, and answers with that error', async () => {
    const failure = new Error('on purpose');
    const attempt = db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('first')");
      await pause();
      await tx.run("INSERT INTO items (text) VALUES ('second')");
      throw failure;
    });
    await expect(attempt).rejects.toBe(failure);
    expect(await texts()).toEqual([]);
  });

  it('keeps running queued transactions after one of them failed', async () => {
    const failing = db.transaction(async () => {
      await pause();
      throw new Error('first fails');
    });
    const next = db.transaction((tx) => tx.run("INSERT INTO items (text) VALUES ('after')"));
    await expect(failing).rejects.toThrow('first fails');
    await next;
    expect(await texts()).toEqual(['after']);
  });

  it('makes a nested transaction a savepoint: an inner failure caught by the outer undoes only the inner writes', async () => {
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('outer before')");
      await expect(
        db.transaction(async (inner) => {
          await inner.run("INSERT INTO items (text) VALUES ('inner')");
          await pause();
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await tx.run("INSERT INTO items (text) VALUES ('outer after')");
    });
    expect(await texts()).toEqual(['outer before', 'outer after']);
  });

  it('commits a nested transaction that succeeds together with the outer one', async () => {
    const answer = await db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('outer')");
      const inner = await db.transaction(async (t) => {
        await t.run("INSERT INTO items (text) VALUES ('inner')");
        return 'inner result';
      });
      return `${inner}!`;
    });
    expect(answer).toBe('inner result!');
    expect(await texts()).toEqual(['outer', 'inner']);
  });

  it('rolls back the inner writes too when the outer transaction fails after a nested one succeeded', async () => {
    await expect(
      db.transaction(async () => {
        await db.transaction((t) => t.run("INSERT INTO items (text) VALUES ('inner')"));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await texts()).toEqual([]);
  });

  it('rolls back and rejects when setRollbackOnly was called, even though the callback returned', async () => {
    const reason = new Error('not allowed after all');
    const attempt = db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('doomed')");
      tx.setRollbackOnly(reason);
      await tx.run("INSERT INTO items (text) VALUES ('also doomed')");
      return 'returned normally';
    });
    await expect(attempt).rejects.toBe(reason);
    expect(await texts()).toEqual([]);
  });

  it('gives work started inside a transaction but run after it ended its own turn, not a place in the next one', async () => {
    let late: Promise<unknown> | undefined;
    let seenLate: string[] | undefined;
    const otherHasWritten = gate();
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('first')");
      // A promise callback started here keeps this transaction's async context after it committed.
      late = otherHasWritten.opened.then(async () => {
        seenLate = await texts();
        return db.transaction((t) => t.run("INSERT INTO items (text) VALUES ('late')"));
      });
    });
    const other = db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('other, rolled back')");
      otherHasWritten.open();
      await pause(30);
      throw new Error('other fails');
    });
    await expect(other).rejects.toThrow('other fails');
    await late;
    expect(seenLate).toEqual(['first']);
    expect(await texts()).toEqual(['first', 'late']);
  });

  it('refuses statements on a transaction object kept after its callback ended', async () => {
    let kept: Transaction | undefined;
    await db.transaction(async (tx) => {
      kept = tx;
      await tx.run("INSERT INTO items (text) VALUES ('inside')");
    });
    const hold = gate();
    const other = db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('other')");
      await hold.opened;
    });
    await pause();
    await expect(kept!.run("INSERT INTO items (text) VALUES ('smuggled')")).rejects.toThrow(/already ended/);
    await expect(kept!.updateVersioned('items', { id: 1, version: 1 }, { text: 'changed' })).rejects.toThrow(/already ended/);
    hold.open();
    await other;
    expect(await texts()).toEqual(['inside', 'other']);
  });

  it('keeps the first reason when setRollbackOnly is called twice', async () => {
    const first = new Error('first reason');
    await expect(
      db.transaction(async (tx) => {
        tx.setRollbackOnly(first);
        tx.setRollbackOnly(new Error('second reason'));
      }),
    ).rejects.toBe(first);
  });
});

describe('Database.read', () => {
  it('does not see the uncommitted rows of a running transaction, while that transaction sees its own', async () => {
    const inserted = gate();
    const finish = gate();
    let seenInside: string[] | undefined;
    const running = db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('uncommitted')");
      seenInside = await texts();
      inserted.open();
      await finish.opened;
    });
    await inserted.opened;
    expect(seenInside).toEqual(['uncommitted']);
    expect(await texts()).toEqual([]);
    finish.open();
    await running;
    expect(await texts()).toEqual(['uncommitted']);
  });

  it('is not queued behind a running transaction', async () => {
    const finish = gate();
    const running = db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('x')");
      await finish.opened;
    });
    // If reads waited for the writer queue this would never settle before the gate opens.
    const outcome = await Promise.race([texts().then(() => 'read'), pause(2000).then(() => 'timed out')]);
    finish.open();
    await running;
    expect(outcome).toBe('read');
  });
});

describe('Transaction.updateVersioned', () => {
  const insert = (text: string) => db.transaction(async (tx) => (await tx.run('INSERT INTO items (text) VALUES (?)', [text])).lastId);
  const row = (id: number) => db.read((q) => q.get<{ text: string; version: number }>('SELECT text, version FROM items WHERE id = ?', [id]));

  it('changes the row and bumps its version', async () => {
    const id = await insert('old');
    const version = await db.transaction((tx) => tx.updateVersioned('items', { id, version: 1 }, { text: 'new' }));
    expect(version).toBe(2);
    expect(await row(id)).toEqual({ text: 'new', version: 2 });
    expect(await db.transaction((tx) => tx.updateVersioned('items', { id, version: 2 }, { text: 'newer' }))).toBe(3);
    expect(await row(id)).toEqual({ text: 'newer', version: 3 });
  });

  it('throws a 409 ConflictError for a stale version and leaves the row alone', async () => {
    const id = await insert('old');
    await db.transaction((tx) => tx.updateVersioned('items', { id, version: 1 }, { text: 'first' }));
    const stale = db.transaction((tx) => tx.updateVersioned('items', { id, version: 1 }, { text: 'second' }));
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ status: 409, text: { 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(await row(id)).toEqual({ text: 'first', version: 2 });
  });

  it('throws NotFoundError (404) for a row that does not exist', async () => {
    const missing = db.transaction((tx) => tx.updateVersioned('items', { id: 999, version: 1 }, { text: 'x' }));
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toMatchObject({ status: 404 });
  });

  it('refuses table and column names that are not plain identifiers, before touching anything', async () => {
    const id = await insert('old');
    await expect(
      db.transaction((tx) => tx.updateVersioned('items; DROP TABLE items; --', { id, version: 1 }, { text: 'x' })),
    ).rejects.toThrow(/not a plain SQL identifier/);
    await expect(
      db.transaction((tx) => tx.updateVersioned('items', { id, version: 1 }, { 'text = text, version': 'x' })),
    ).rejects.toThrow(/not a plain SQL identifier/);
    await expect(db.transaction((tx) => tx.updateVersioned('"items"', { id, version: 1 }, { text: 'x' }))).rejects.toThrow(
      /not a plain SQL identifier/,
    );
    expect(await row(id)).toEqual({ text: 'old', version: 1 });
  });
});

describe('Database.open', () => {
  it('turns on WAL and foreign keys for both the writer and the reader', async () => {
    expect(await db.read((q) => q.get<{ journal_mode: string }>('PRAGMA journal_mode'))).toEqual({ journal_mode: 'wal' });
    expect(await db.read((q) => q.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))).toEqual({ foreign_keys: 1 });
    expect(await db.read((q) => q.get<{ cache_size: number }>('PRAGMA cache_size'))).toEqual({ cache_size: -65536 });
    expect(await db.transaction((tx) => tx.get<{ cache_size: number }>('PRAGMA cache_size'))).toEqual({ cache_size: -65536 });
    expect(await db.transaction((tx) => tx.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))).toEqual({ foreign_keys: 1 });
  });

  it('enforces foreign keys', async () => {
    await db.transaction(async (tx) => {
      await tx.run('CREATE TABLE parents (id INTEGER PRIMARY KEY)');
      await tx.run('CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents(id))');
    });
    await expect(db.transaction((tx) => tx.run('INSERT INTO children (parent_id) VALUES (42)'))).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    expect(await db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM children'))).toEqual({ n: 0 });
  });

  it('waits for running transactions on close, so their work is committed', async () => {
    const file = db.file;
    const running = db.transaction(async (tx) => {
      await pause(20);
      await tx.run("INSERT INTO items (text) VALUES ('late')");
    });
    await db.close();
    await running;
    db = await Database.open(file);
    expect(await texts()).toEqual(['late']);
  });
});

describe('the write-ahead log', () => {
  const walSize = (file: string) => stat(`${file}-wal`).then((s) => s.size, () => 0);
  /** About 8 MB in a few transactions, far past what SQLite's own checkpoints ever give back. */
  const largeWrite = async (on: Database) => {
    await on.transaction((tx) => tx.run('CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)'));
    for (let i = 0; i < 4; i++) {
      await on.transaction(async (tx) => {
        for (let j = 0; j < 20; j++) await tx.run('INSERT INTO blobs (body) VALUES (randomblob(100000))');
      });
    }
  };

  it('is folded back and truncated once writing pauses, while the database stays open', async () => {
    const file = db.file;
    await db.close();
    db = await Database.open(file, { checkpointIdleMs: 50 });
    await largeWrite(db);
    expect(await walSize(file)).toBeGreaterThan(4_000_000);
    const deadline = Date.now() + 5000;
    while ((await walSize(file)) > 0 && Date.now() < deadline) await pause(50);
    expect(await walSize(file)).toBe(0);
    // Nothing was lost by the checkpoint, and writing goes on.
    expect(await db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM blobs'))).toEqual({ n: 80 });
    await db.transaction((tx) => tx.run("INSERT INTO items (text) VALUES ('after')"));
    expect(await texts()).toEqual(['after']);
  });

  it('is not checkpointed while a transaction is running', async () => {
    const file = db.file;
    await db.close();
    db = await Database.open(file, { checkpointIdleMs: 20 });
    await largeWrite(db);
    const hold = gate();
    const running = db.transaction(async (tx) => {
      await tx.run("INSERT INTO items (text) VALUES ('held')");
      await hold.opened;
    });
    await pause(200);
    expect(await walSize(file)).toBeGreaterThan(4_000_000);
    hold.open();
    await running;
    const deadline = Date.now() + 5000;
    while ((await walSize(file)) > 0 && Date.now() < deadline) await pause(50);
    expect(await walSize(file)).toBe(0);
  });

  it('is truncated at shutdown', async () => {
    const file = db.file;
    await largeWrite(db);
    expect(await walSize(file)).toBeGreaterThan(4_000_000);
    await db.close();
    expect(await walSize(file)).toBe(0);
    db = await Database.open(file);
  });
});

describe('Transaction.insertMany', () => {
  it('inserts every row in order, in fixed-size statements compiled once, plus the rest', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => [`货品 ${i + 1}`, i % 3 === 0 ? 2 : 1]);
    const inserted = await db.transaction((tx) => tx.insertMany('items', ['text', 'version'], rows));
    expect(inserted).toBe(1_234);
    const stored = await db.read((q) => q.all<{ id: number; text: string; version: number }>('SELECT id, text, version FROM items ORDER BY id'));
    expect(stored.map((r) => [r.text, r.version])).toEqual(rows);
    expect(stored.at(-1)!.id).toBe(1_234);
    // A second import of a different size reuses the full-size statement.
    await db.transaction((tx) => tx.insertMany('items', ['text', 'version'], rows.slice(0, 450)));
    expect(await db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM items'))).toEqual({ n: 1_684 });
  });

  it('rolls the whole call back with its transaction when one row breaks a constraint', async () => {
    await db.transaction((tx) => tx.run('CREATE UNIQUE INDEX items_text ON items (text)'));
    const rows = Array.from({ length: 500 }, (_, i) => [`货品 ${i === 321 ? 7 : i}`]);
    await expect(db.transaction((tx) => tx.insertMany('items', ['text'], rows))).rejects.toThrow(/UNIQUE constraint failed/);
    expect(await texts()).toEqual([]);
  });

  it('refuses names that are not plain identifiers and rows of the wrong width', async () => {
    await expect(db.transaction((tx) => tx.insertMany('items; DROP TABLE items', ['text'], [['x']]))).rejects.toThrow(/not a plain SQL identifier/);
    await expect(db.transaction((tx) => tx.insertMany('items', ['text', 'version'], [['x']]))).rejects.toThrow(/row 0 has 1 values for 2 columns/);
    expect(await db.transaction((tx) => tx.insertMany('items', ['text'], []))).toBe(0);
  });
});
