import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Database } from '../db/database.js';
import { DemoData } from './demo-data.js';

let dir: string;
let db: Database;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-demo-'));
  db = await Database.open(path.join(dir, 'test.db'));
  await db.transaction((tx) => tx.run('CREATE TABLE rows (plugin TEXT NOT NULL, by_id INTEGER NOT NULL)'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

it('fills in activation order, each fill knowing the owner who asked; outside a fill the owner is unknown', async () => {
  const demo = new DemoData();
  for (const plugin of ['b', 'a']) {
    demo.register(plugin, (tx) => tx.run('INSERT INTO rows (plugin, by_id) VALUES (?, ?)', [plugin, demo.owner().id]).then(() => undefined));
  }
  expect(() => demo.owner()).toThrow(/only while the demo shop is filled/);
  const filled = await demo.fill(db, ['a', 'b'], { locale: 'zh-CN', now: '2026-12-07T10:00:00.000+08:00', owner: { id: 7, name: '王店长' } });
  expect(filled).toEqual(['a', 'b']);
  expect(await db.read((q) => q.all('SELECT plugin, by_id AS byId FROM rows'))).toEqual([{ plugin: 'a', byId: 7 }, { plugin: 'b', byId: 7 }]);
  expect(() => demo.owner()).toThrow();
});

it('a failing fill leaves nothing and forgets the owner', async () => {
  const demo = new DemoData();
  demo.register('a', (tx) => tx.run('INSERT INTO rows (plugin, by_id) VALUES (?, ?)', ['a', demo.owner().id]).then(() => undefined));
  demo.register('b', async () => { throw new Error('no catalogue'); });
  await expect(demo.fill(db, ['a', 'b'], { locale: 'zh-CN', now: '2026-12-07T10:00:00.000+08:00', owner: { id: 7, name: '王店长' } })).rejects.toThrow('no catalogue');
  expect(await db.read((q) => q.all('SELECT * FROM rows'))).toEqual([]);
  expect(() => demo.owner()).toThrow();
});
