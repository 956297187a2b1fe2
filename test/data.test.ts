import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, OWNER, setupOwner, type Reply } from './helpers/client.js';
import { startInProcess } from './helpers/in-process.js';
import { FIXTURE_PLUGINS, runCli, startServer, writeConfig, type TestServer } from './helpers/server.js';

const CHINESE = /[\u4e00-\u9fff]/;

/** Opens a SQLite file read-only with the driver itself, so the check does not trust the code under test. */
function query<T = Record<string, unknown>>(file: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all(sql, params, (err: Error | null, rows: T[]) => {
        db.close();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  });
}

/** Creates a SQLite file that has nothing to do with the workbench. */
function createForeignDatabase(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('麻婆豆腐');", (err) => {
        db.close();
        if (err) reject(err);
        else resolve();
      });
    });
  });
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const dbFile = (server: TestServer) => join(server.dataDir, 'workbench.db');
const cliEnv = (server: TestServer) => ({ WORKBENCH_CONFIG: server.configFile, WORKBENCH_DATA_DIR: server.dataDir });

async function createNote(client: Client, text: string): Promise<number> {
  const reply = await client.post('/api/example/notes', { text });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id as number;
}

async function loggedInOwner(server: TestServer): Promise<Client> {
  const client = new Client(server.url);
  const reply = await client.login(OWNER.username, OWNER.password);
  expect(reply.status, reply.text).toBe(200);
  return client;
}

function expectAllOk(replies: Reply[]): void {
  const failed = replies.filter((r) => r.status !== 200);
  expect(failed.map((r) => `${r.status} ${r.text}`)).toEqual([]);
}

describe('concurrent requests against one server', () => {
  let server: TestServer;
  let owner: Client;
  beforeAll(async () => {
    // Real HTTP on a port, served by the kit in this process: concurrency is the event loop's and
    // the database's, which a process would not change.
    ({ server, owner } = await startInProcess({ plugins: [FIXTURE_PLUGINS], enabled: ['example'], clock: 'system', listen: true }));
  });
  afterAll(async () => {
    await server?.dispose();
  });

  test('200 concurrent read-modify-write increments lose no update', async () => {
    const N = 200;
    expect((await owner.get('/api/example/counter')).body).toEqual({ value: 0 });
    const replies = await Promise.all(Array.from({ length: N }, () => owner.post('/api/example/counter/increment')));
    expectAllOk(replies);
    // Interleaved transactions would read the same value twice and hand out duplicates.
    const values = replies.map((r) => r.body.value as number).sort((a, b) => a - b);
    expect(values).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect((await owner.get('/api/example/counter')).body).toEqual({ value: N });
  });

  test('reads during 200 concurrent transfers never see money half-moved', async () => {
    const N = 200;
    const readsAtOnce = 200;
    expect((await owner.get('/api/example/accounts')).body).toEqual({ balances: [100000, 0], sum: 100000 });

    let transfersDone = false;
    const transfers = Promise.all(Array.from({ length: N }, () => owner.post('/api/example/transfer'))).finally(() => (transfersDone = true));
    const burst = Promise.all(Array.from({ length: readsAtOnce }, () => owner.get('/api/example/accounts')));
    // Keeps reading until the last transfer commits, so reads overlap the whole stream of writes.
    const followUps = Promise.all(
      Array.from({ length: 4 }, async () => {
        const seen: Reply[] = [];
        while (!transfersDone) seen.push(await owner.get('/api/example/accounts'));
        return seen;
      }),
    );

    const transferReplies = await transfers;
    const reads = [...(await burst), ...(await followUps).flat()];
    expectAllOk(transferReplies);
    expectAllOk(reads);
    expect(reads.length).toBeGreaterThanOrEqual(readsAtOnce);
    const wrongSums = reads.filter((r) => r.body.sum !== 100000 || r.body.balances[0] + r.body.balances[1] !== 100000);
    expect(wrongSums.map((r) => r.text)).toEqual([]);
    // Guards the test itself: some reads must have happened while transfers were under way.
    const midway = reads.filter((r) => r.body.balances[1] > 0 && r.body.balances[1] < N);
    expect(midway.length).toBeGreaterThan(0);

    expect((await owner.get('/api/example/accounts')).body).toEqual({ balances: [100000 - N, N], sum: 100000 });
  });

  test('row versions: a change based on a stale version is refused with 409 and the first change stays', async () => {
    const id = await createNote(owner, '原来的笔记');
    const second = await loggedInOwner(server);
    const [readByFirst, readBySecond] = await Promise.all([owner.get(`/api/example/notes/${id}`), second.get(`/api/example/notes/${id}`)]);
    expect(readByFirst.body.version).toBe(1);
    expect(readBySecond.body.version).toBe(1);

    const first = await owner.patch(`/api/example/notes/${id}`, { text: '第一个人改的', version: readByFirst.body.version });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ id, text: '第一个人改的', version: 2 });

    const stale = await second.patch(`/api/example/notes/${id}`, { text: '第二个人改的', version: readBySecond.body.version });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({ status: 409, detail: expect.stringMatching(CHINESE) });

    const after = await second.get(`/api/example/notes/${id}`);
    expect(after.body).toMatchObject({ id, text: '第一个人改的', version: 2 });
  });
});

describe('migrations', () => {
  test('are recorded with checksums and never applied twice when the same data folder starts again', async () => {
    let server = await startServer();
    const dir = server.dir;
    try {
      const owner = await setupOwner(server);
      const id = await createNote(owner, '重启之前写的');
      expect((await owner.post('/api/example/counter/increment')).body).toEqual({ value: 1 });

      // WAL lets another connection read while the server runs.
      const rows = await query<{ owner: string; name: string; checksum: string; applied_at: string }>(
        dbFile(server),
        'SELECT owner, name, checksum, applied_at FROM core_migrations ORDER BY owner, name',
      );
      const example = rows.filter((r) => r.owner === 'example');
      expect(example.map((r) => r.name)).toEqual(['001-notes.sql', '002-counters.sql']);
      for (const row of example) {
        const source = await readFile(join(FIXTURE_PLUGINS, 'example', 'migrations', row.name), 'utf8');
        expect(row.checksum).toBe(createHash('sha256').update(source.replace(/\r\n/g, '\n')).digest('hex'));
        expect(row.applied_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      expect(rows.some((r) => r.owner === 'core')).toBe(true);

      expect(await server.stop()).toBe(0);
      server = await startServer({ dir });
      expect(server.setupToken).toBeUndefined();

      const again = await query(dbFile(server), 'SELECT owner, name, checksum, applied_at FROM core_migrations ORDER BY owner, name');
      expect(again).toEqual(rows);
      const client = await loggedInOwner(server);
      expect((await client.get(`/api/example/notes/${id}`)).body).toMatchObject({ id, text: '重启之前写的' });
      // 002 seeds the counter with 0: running it again would have reset it (or failed).
      expect((await client.get('/api/example/counter')).body).toEqual({ value: 1 });
    } finally {
      await server.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a changed migration that was already applied stops start-up with exit code 3', async () => {
    // A copy, so the real fixture is never modified.
    const plugins = await mkdtemp(join(tmpdir(), 'workbench-plugins-'));
    await cp(join(FIXTURE_PLUGINS, 'example'), join(plugins, 'example'), { recursive: true });
    const config = { plugins: { folders: [plugins] } };
    const server = await startServer({ config });
    try {
      expect(await server.stop()).toBe(0);
      await appendFile(join(plugins, 'example', 'migrations', '001-notes.sql'), '\nCREATE INDEX example_notes_text ON example_notes(text);\n');

      const result = await runCli([], cliEnv(server));
      expect(result.code, result.output).toBe(3);
      expect(result.output).toContain('example/001-notes.sql');
      expect(result.output).toMatch(/changed/);
      expect(result.output).not.toMatch(/listening on/);
      const index = await query(dbFile(server), "SELECT name FROM sqlite_master WHERE name = 'example_notes_text'");
      expect(index).toEqual([]);
    } finally {
      await server.dispose();
      await rm(plugins, { recursive: true, force: true });
    }
  });
});

describe('backup and restore through the CLI', () => {
  let server: TestServer;
  let dir: string;
  let owner: Client;
  let backupFile: string;
  const beforeBackup: { id: number; text: string }[] = [];

  beforeAll(async () => {
    server = await startServer();
    dir = server.dir;
    owner = await setupOwner(server);
    backupFile = join(dir, 'backup-1.db');
  });
  afterAll(async () => {
    await server?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const beforeRestoreFiles = async () => (await readdir(server.dataDir)).filter((f) => /^workbench\.db\.before-restore-/.test(f) && !/-(wal|shm)$/.test(f));

  test('backup while the server keeps writing gives an intact copy with the notes written before it', async () => {
    for (const text of ['备份前的笔记一', '备份前的笔记二', '备份前的笔记三']) beforeBackup.push({ id: await createNote(owner, text), text });

    let writing = true;
    let increments = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (writing) {
        const reply = await owner.post('/api/example/counter/increment');
        expect(reply.status, reply.text).toBe(200);
        increments++;
      }
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const counterBefore = (await owner.get('/api/example/counter')).body.value as number;
      const incrementsBefore = increments;
      const result = await runCli(['backup', backupFile], cliEnv(server));
      const incrementsDuring = increments - incrementsBefore;
      writing = false;
      await Promise.all(writers);
      const counterAfter = (await owner.get('/api/example/counter')).body.value as number;

      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(backupFile);
      expect(incrementsDuring).toBeGreaterThan(0);

      expect(await query(backupFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const notes = await query<{ id: number; text: string }>(backupFile, 'SELECT id, text FROM example_notes ORDER BY id');
      expect(notes).toEqual(beforeBackup);
      // One consistent snapshot taken somewhere during the backup.
      const [counter] = await query<{ value: number }>(backupFile, 'SELECT value FROM example_counter');
      expect(counter!.value).toBeGreaterThanOrEqual(counterBefore);
      expect(counter!.value).toBeLessThanOrEqual(counterAfter);
    } finally {
      writing = false;
      await Promise.allSettled(writers);
    }
  });

  test('backup to a file that exists already fails and leaves that file alone', async () => {
    const existing = join(dir, 'existing.db');
    await writeFile(existing, 'yesterday’s backup');
    const result = await runCli(['backup', existing], cliEnv(server));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/exists already/);
    expect(await readFile(existing, 'utf8')).toBe('yesterday’s backup');
  });

  test('restore is refused while the server runs', async () => {
    const before = (await owner.get('/api/example/notes?page=1&pageSize=100')).body.total as number;
    const result = await runCli(['restore', backupFile], cliEnv(server));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/running/);
    expect(result.stderr).toMatch(/stop it/);
    expect(await beforeRestoreFiles()).toEqual([]);
    expect((await owner.get('/api/example/notes?page=1&pageSize=100')).body.total).toBe(before);
  });

  test('after stopping, restore brings the backup back and keeps the previous database beside it', async () => {
    const laterId = await createNote(owner, '备份之后的笔记');
    expect(await server.stop()).toBe(0);

    const result = await runCli(['restore', backupFile], cliEnv(server));
    expect(result.code, result.stderr).toBe(0);
    const kept = await beforeRestoreFiles();
    expect(kept).toHaveLength(1);
    expect(result.stdout).toContain(kept[0]);
    const keptNotes = await query<{ text: string }>(join(server.dataDir, kept[0]!), 'SELECT text FROM example_notes WHERE id = ?', [laterId]);
    expect(keptNotes).toEqual([{ text: '备份之后的笔记' }]);

    server = await startServer({ dir });
    const client = await loggedInOwner(server);
    for (const note of beforeBackup) expect((await client.get(`/api/example/notes/${note.id}`)).body).toMatchObject(note);
    expect((await client.get(`/api/example/notes/${laterId}`)).status).toBe(404);
  });

  test('restore refuses a file that is not a workbench database and leaves the current one untouched', async () => {
    expect(await server.stop()).toBe(0);
    const current = await sha256(dbFile(server));
    const keptBefore = await beforeRestoreFiles();

    const text = join(dir, 'notes.txt');
    await writeFile(text, '这不是数据库\n'.repeat(200));
    const notSqlite = await runCli(['restore', text], cliEnv(server));
    expect(notSqlite.code).not.toBe(0);
    expect(notSqlite.stderr).toMatch(/not a SQLite database/);

    const foreign = join(dir, 'recipes.db');
    await createForeignDatabase(foreign);
    const notWorkbench = await runCli(['restore', foreign], cliEnv(server));
    expect(notWorkbench.code).not.toBe(0);
    expect(notWorkbench.stderr).toMatch(/not a workbench backup/);

    const missing = await runCli(['restore', join(dir, 'no-such-backup.db')], cliEnv(server));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/does not exist/);

    expect(await sha256(dbFile(server))).toBe(current);
    expect(await beforeRestoreFiles()).toEqual(keptBefore);
  });

  test('restore onto a new PC whose data folder does not exist yet creates it, and the workbench starts from the backup', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'workbench-new-pc-'));
    try {
      const configFile = await writeConfig(fresh);
      const dataDir = join(fresh, 'data');
      const result = await runCli(['restore', backupFile], { WORKBENCH_CONFIG: configFile, WORKBENCH_DATA_DIR: dataDir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(/previous database/);

      const restored = await startServer({ dir: fresh });
      try {
        expect(restored.setupToken).toBeUndefined();
        const client = await loggedInOwner(restored);
        for (const note of beforeBackup) expect((await client.get(`/api/example/notes/${note.id}`)).body).toMatchObject(note);
      } finally {
        await restored.dispose();
      }
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
