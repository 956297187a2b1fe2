// The audit log reads as sentences in both languages, naming the person by their display name:
// a plugin's route by its summary and its target, a refusal with its reason, the workbench's own
// acts (plugins switched off) by templates of their own.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;
interface Row { plugin: string | null; actorName: string | null; actorDisplayName: string | null; action: string; outcome: string; sentence: { 'zh-CN': string; en: string } }

const rows = async (q = '') => {
  const reply = await host.owner.get(`/api/audit?pageSize=50${q}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body.items as Row[];
};

beforeAll(async () => {
  host = await startTestHost({ plugins: [], enabled: ['listings', 'fulfillment'], clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

test('a route’s act reads as a sentence with the display name and the summary, in zh-CN and en', async () => {
  const clerk = await host.staff('xiaowang', ['listings.products.edit', 'listings.products.read']);
  const made = await clerk.post('/api/listings/categories', { name: '卫衣' });
  expect(made.status, made.text).toBe(201);
  const [row] = (await rows()).filter((r) => r.action === 'create category');
  expect(row!.actorName).toBe('xiaowang');
  // The kit names staff after their user name; rename to see the display name used.
  expect(row!.sentence['zh-CN']).toMatch(/^xiaowang/);
  const users = (await host.owner.get('/api/users')).body.items as { id: number; username: string; version: number }[];
  const me = users.find((u) => u.username === 'xiaowang')!;
  expect((await host.owner.patch(`/api/users/${me.id}`, { version: me.version, displayName: '小王' })).status).toBe(200);
  const [again] = (await rows()).filter((r) => r.action === 'create category');
  expect(again!.actorDisplayName).toBe('小王');
  expect(again!.sentence['zh-CN']).toBe(`小王：新建分类（对象 ${made.body.id}）`);
  expect(again!.sentence.en).toBe(`小王: create a category (${made.body.id})`);
});

test('a refused act says who tried what and why', async () => {
  const reply = await host.owner.post('/api/listings/categories', { name: '' });
  expect(reply.status).toBe(400);
  const [row] = (await rows('&outcome=error')).filter((r) => r.action === 'create category');
  expect(row!.sentence['zh-CN']).toMatch(/^王店长：新建分类 — 未成功（400）：.+/);
  expect(row!.sentence.en).toMatch(/^王店长: create a category — refused \(400\): .+/);
});

test('the workbench’s own acts have sentences of their own', async () => {
  const off = await host.owner.post('/api/plugins/fulfillment/disable', {});
  expect(off.status, off.text).toBe(200);
  const row = (await rows()).find((r) => r.action === 'disable plugin')!;
  expect(row.sentence['zh-CN']).toBe('王店长：停用插件“订单与仓储”');
  expect(row.sentence.en).toBe('王店长: switched off the plugin “Fulfillment and warehouse”');
});

test('a route of a plugin switched off since reads as its raw action, and by its summary again once the plugin runs', async () => {
  // The test before leaves fulfillment off.
  expect((await host.owner.post('/api/plugins/fulfillment/enable', {})).status).toBe(200);
  const made = await host.owner.post('/api/fulfillment/locations', { code: 'A-09-01-01' });
  expect(made.status, made.text).toBe(201);
  const action = 'create location';
  const on = (await rows()).find((r) => r.plugin === 'fulfillment' && r.action === action)!;
  expect(on.sentence['zh-CN']).toBe(`王店长：新建库位（对象 ${made.body.id}）`);
  expect(on.sentence.en).not.toContain(action);
  expect((await host.owner.post('/api/plugins/fulfillment/disable', {})).status).toBe(200);
  const off = (await rows()).find((r) => r.action === action)!;
  expect(off.sentence['zh-CN']).toContain(action);
  expect(off.sentence.en).toContain(action);
  expect((await host.owner.post('/api/plugins/fulfillment/enable', {})).status).toBe(200);
  expect((await rows()).find((r) => r.action === action)!.sentence).toEqual(on.sentence);
});
