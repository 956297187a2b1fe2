import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Database } from '../db/database.js';
import { CORE_MIGRATIONS } from '../db/core-schema.js';
import { applyMigrations, ensureMigrationTable } from '../db/migrations.js';
import { hashToken, Sessions } from './sessions.js';

let dir: string;
let db: Database;
let clock = 0;
const now = () => '2026-11-23T10:00:00.000+08:00';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sessions-'));
  db = await Database.open(join(dir, 'test.db'));
  await ensureMigrationTable(db);
  await applyMigrations(db, 'core', CORE_MIGRATIONS, now);
  await db.transaction((tx) =>
    tx.run("INSERT INTO core_users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'kefu1', '一号客服', 'x', ?, ?)", [now(), now()]),
  );
  clock = 1_000_000;
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

test('a session token is random, long, and stored only as its hash', async () => {
  const sessions = new Sessions(db, 30, now, () => clock);
  const a = await sessions.create(1);
  const b = await sessions.create(1);
  expect(a).not.toBe(b);
  expect(Buffer.from(a, 'base64url').length).toBeGreaterThanOrEqual(16);
  const stored = await db.read((q) => q.all<{ token_hash: string }>('SELECT token_hash FROM core_sessions'));
  expect(stored.map((s) => s.token_hash).sort()).toEqual([hashToken(a), hashToken(b)].sort());
  expect(JSON.stringify(stored)).not.toContain(a);
});

test('a session ends after the idle timeout, and use keeps it alive', async () => {
  const sessions = new Sessions(db, 30, now, () => clock);
  const token = await sessions.create(1);
  clock += 20 * 60_000;
  expect(await sessions.resolve(hashToken(token))).toBe(1);
  // Used 20 minutes in, so 29 more minutes are still within 30 minutes of the last use.
  clock += 29 * 60_000;
  expect(await sessions.resolve(hashToken(token))).toBe(1);
  clock += 31 * 60_000;
  expect(await sessions.resolve(hashToken(token))).toBeUndefined();
  const left = await db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_sessions'));
  expect(left?.n).toBe(0);
});

test('an unknown or destroyed token resolves to nobody', async () => {
  const sessions = new Sessions(db, 30, now, () => clock);
  const token = await sessions.create(1);
  expect(await sessions.resolve(hashToken('made-up'))).toBeUndefined();
  await sessions.destroy(hashToken(token));
  expect(await sessions.resolve(hashToken(token))).toBeUndefined();
});

/** Counts the reads the sessions make of the database. */
function countReads(): { n: number } {
  const counter = { n: 0 };
  const read = db.read.bind(db);
  db.read = ((fn: Parameters<Database['read']>[0]) => {
    counter.n++;
    return read(fn);
  }) as Database['read'];
  return counter;
}

test('a session once read is kept in memory: later requests do not read the database', async () => {
  const sessions = new Sessions(db, 30, now, () => clock);
  const token = await sessions.create(1);
  const reads = countReads();
  for (let i = 0; i < 5; i++) expect(await sessions.resolve(hashToken(token))).toBe(1);
  expect(reads.n).toBe(1);
});

test('logout ends the kept session at once', async () => {
  const sessions = new Sessions(db, 30, now, () => clock);
  const token = await sessions.create(1);
  expect(await sessions.resolve(hashToken(token))).toBe(1);
  await sessions.destroy(hashToken(token));
  expect(await sessions.resolve(hashToken(token))).toBeUndefined();
});

test('a kept session still expires after the idle timeout, and use written once a minute keeps it alive', async () => {
  const sessions = new Sessions(db, 30, now, () => clock);
  const token = await sessions.create(1);
  expect(await sessions.resolve(hashToken(token))).toBe(1);
  clock += 20 * 60_000;
  expect(await sessions.resolve(hashToken(token))).toBe(1);
  const stored = await db.read((q) => q.get<{ last_seen_ms: number }>('SELECT last_seen_ms FROM core_sessions'));
  expect(stored?.last_seen_ms).toBe(clock);
  clock += 31 * 60_000;
  expect(await sessions.resolve(hashToken(token))).toBeUndefined();
  expect((await db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_sessions')))?.n).toBe(0);
});

test('an account change (its sessions deleted in SQL) drops the kept sessions: they are read again', async () => {
  let generation = 0;
  const sessions = new Sessions(db, 30, now, () => clock, () => generation);
  const token = await sessions.create(1);
  expect(await sessions.resolve(hashToken(token))).toBe(1);
  // What Accounts.update does when an account is disabled or its password set.
  await db.transaction((tx) => tx.run('DELETE FROM core_sessions WHERE user_id = 1'));
  generation++;
  expect(await sessions.resolve(hashToken(token))).toBeUndefined();
});

test('knownUser answers without a read only what resolve would answer without a write; else it leaves it to resolve', async () => {
  const sessions = new Sessions(db, 30, now, () => clock);
  const token = await sessions.create(1);
  const hash = hashToken(token);
  // Not read yet: resolve must read it.
  expect(sessions.knownUser(hash)).toBeUndefined();
  expect(await sessions.resolve(hash)).toBe(1);
  expect(sessions.knownUser(hash)).toBe(1);
  clock += 59_000;
  expect(sessions.knownUser(hash)).toBe(1);
  // Past the minute the last use is stored again, which only resolve does.
  clock += 2_000;
  expect(sessions.knownUser(hash)).toBeUndefined();
  expect(await sessions.resolve(hash)).toBe(1);
  expect(sessions.knownUser(hash)).toBe(1);
  // Idle past the limit: resolve ends it.
  clock += 31 * 60_000;
  expect(sessions.knownUser(hash)).toBeUndefined();
  expect(await sessions.resolve(hash)).toBeUndefined();
  expect(sessions.knownUser(hash)).toBeUndefined();
  // Logged out: gone at once.
  const other = hashToken(await sessions.create(1));
  expect(await sessions.resolve(other)).toBe(1);
  await sessions.destroy(other);
  expect(sessions.knownUser(other)).toBeUndefined();
});

test('knownUser forgets every session when an account changes', async () => {
  let generation = 0;
  const sessions = new Sessions(db, 30, now, () => clock, () => generation);
  const hash = hashToken(await sessions.create(1));
  expect(await sessions.resolve(hash)).toBe(1);
  generation++;
  expect(sessions.knownUser(hash)).toBeUndefined();
});

test('hashToken is the SHA-256 hex digest the stored sessions were keyed by', async () => {
  const { createHash } = await import('node:crypto');
  for (const token of ['', 'abc', 'x'.repeat(43), 'AbC-_123', '店长%20']) expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
});
