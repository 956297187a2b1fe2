import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import sqlite3 from 'sqlite3';
import { startTestHost, TEST_PASSWORD_COST, type TestHost } from '@workbench/plugin-api/testing';
import { STRONG_PASSWORD_COST } from '../core/auth/passwords.js';
import { setupOwner } from './helpers/client.js';
import { FIXTURE_PLUGINS, startServer } from './helpers/server.js';

const EXAMPLE = join(FIXTURE_PLUGINS, 'example');

/** The stored password hash of one account, read straight from a workbench's SQLite file. */
function storedHash(file: string, username: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => error && reject(error));
    db.get('SELECT password_hash AS hash FROM core_users WHERE username = ?', [username], (error, row: { hash: string } | undefined) => {
      db.close();
      if (error || !row) reject(error ?? new Error(`no account ${username}`));
      else resolve(row.hash);
    });
  });
}

describe('the plugin test kit', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ plugins: [EXAMPLE], clock: '2026-11-28T08:59:58+08:00', settings: { example: { signature: '小店' } }, logLevel: 'info' });
  });
  afterAll(() => host?.close());

  test('answers in-process, with the owner logged in and settings from the options', async () => {
    const notes = await host.owner.get('/api/example/notes');
    expect(notes.status, notes.text).toBe(200);
    const hello = await host.anonymous().get('/api/example/hello');
    expect(hello.body).toEqual({ greeting: '你好', signature: '小店' });
    expect((await host.anonymous().get('/api/example/notes')).status).toBe(401);
    const plain = await host.request('/api/health', { headers: { host: 'localhost' } });
    expect(plain.status).toBe(200);
  });

  test('a staff account holds only the permissions it was given', async () => {
    const reader = await host.staff('xiaoli', ['example.notes.read']);
    expect((await reader.get('/api/example/notes')).status).toBe(200);
    const refused = await reader.post('/api/example/notes', { title: '进货', text: '补货' });
    expect(refused.status, refused.text).toBe(403);
  });

  test('the clock stands still until moved, and moving it runs the jobs due on the way', async () => {
    expect(host.clock.now()).toBe('2026-11-28T08:59:58.000+08:00');
    const before = (await host.owner.get('/api/example/job-runs')).body.n as number;
    await new Promise((r) => setTimeout(r, 400));
    expect((await host.owner.get('/api/example/job-runs')).body.n).toBe(before);

    await host.clock.advance(1500);
    expect((await host.owner.get('/api/example/job-runs')).body.n).toBe(before + 10);
    const time = await host.anonymous().get(`/api/example/shop-time?at=${encodeURIComponent('2026-11-27T00:00:00Z')}`);
    expect(time.body.now).toBe('2026-11-28T08:59:59.500+08:00');

    // The month-end reminder (cron 0 9 28 * *) runs at its own minute, with the clock showing it.
    expect(host.logs().filter((l) => l.includes('stocktake reminder'))).toEqual([]);
    await host.clock.set('2026-11-28T09:00:01+08:00');
    expect(host.logs().filter((l) => l.includes('stocktake reminder'))).toEqual([expect.stringMatching(/^2026-11-28T09:00:00\.000\+08:00 INFO .*stocktake reminder/)]);
    expect(host.clock.now()).toBe('2026-11-28T09:00:01.000+08:00');
  });

  test('test accounts are hashed cheaply, and the database is there to read', async () => {
    const row = await host.read((q) => q.get<{ hash: string }>('SELECT password_hash AS hash FROM core_users WHERE username = ?', ['dianzhang']));
    expect(row!.hash.split('$').slice(0, 4)).toEqual(['scrypt', String(TEST_PASSWORD_COST.N), '8', '1']);
  });

  test('a plugin that does not start stops the host with its reason', async () => {
    await expect(startTestHost({ plugins: [join(FIXTURE_PLUGINS, 'activate-throws')] })).rejects.toThrow(/activate-throws failed: /);
  });
});

test("clock: 'system' runs on the system clock and cannot be moved", async () => {
  const host = await startTestHost({ plugins: [EXAMPLE], clock: 'system' });
  try {
    const shown = Date.parse(host.clock.now());
    expect(Math.abs(shown - Date.now())).toBeLessThan(5_000);
    await expect(host.clock.advance('1d')).rejects.toThrow(/cannot be moved/);
  } finally {
    await host.close();
  }
});

test('a workbench started as in production hashes passwords with the strong cost', async () => {
  const server = await startServer({ config: { plugins: { folders: [], enabled: [] } } });
  try {
    await setupOwner(server);
    const hash = await storedHash(join(server.dataDir, 'workbench.db'), 'dianzhang');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', String(STRONG_PASSWORD_COST.N), '8', '1']);
    expect(STRONG_PASSWORD_COST.N).toBe(2 ** 17);
  } finally {
    await server.dispose();
  }
});
