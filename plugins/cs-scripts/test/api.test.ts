// The phrase library through the plugin test kit: groups, shared and own phrases, stars, shortcuts.
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';

let host: TestHost;
type Phrase = { id: number; groupId: number; stage: string; groupName: string; shared: boolean; shortcut: string | null; text: string; favourite: boolean; version: number; uses: number };
type Group = { id: number; stage: string; name: string };

beforeAll(async () => {
  host = await startTestHost({ plugins: [resolve(import.meta.dirname, '..')], clock: '2026-11-11T09:00:00+08:00' });
});
afterAll(() => host?.close());

const library = async (client = host.owner) => (await client.get('/api/cs-scripts/phrases')).body as { groups: Group[]; items: Phrase[] };
const groupId = async (stage: string, name: string) => (await library()).groups.find((g) => g.stage === stage && g.name === name)!.id;

test('a new shop starts with groups in each stage and a starter phrase in each', async () => {
  const { groups, items } = await library();
  expect(groups.filter((g) => g.stage === 'pre-sale').map((g) => g.name)).toEqual(['欢迎语', '商品', '议价', '付款']);
  expect(groups.filter((g) => g.stage === 'after-sale').map((g) => g.name)).toContain('退换货');
  for (const g of groups) expect(items.some((p) => p.groupId === g.id), g.name).toBe(true);
  expect(items.find((p) => p.shortcut === 'ship')).toMatchObject({ stage: 'in-sale', groupName: '物流', shared: true });
});

test('a clerk keeps own phrases, sees the shared ones, and stars what she likes', async () => {
  const xiaomei = await host.staff('xiaomei', ['cs-scripts.phrases.use']);
  const other = await host.staff('xiaoyu', ['cs-scripts.phrases.use']);
  const greet = await groupId('pre-sale', '欢迎语');
  const own = await xiaomei.post('/api/cs-scripts/phrases', { groupId: greet, text: '  亲，{买家}，小美在的～ ', shortcut: ':Mei', tags: ['问候', ' 问候 '] });
  expect(own.status, own.text).toBe(201);
  expect(own.body).toMatchObject({ text: '亲，{买家}，小美在的～', shortcut: 'mei', tags: ['问候'], shared: false, favourite: false });
  expect((await library(other)).items.some((p) => p.id === own.body.id)).toBe(false);

  const shared = (await library(xiaomei)).items.find((p) => p.shortcut === 'hi')!;
  const starred = await xiaomei.put(`/api/cs-scripts/phrases/${shared.id}/favourite`, { favourite: true });
  expect(starred.body.favourite).toBe(true);
  expect((await library(other)).items.find((p) => p.id === shared.id)!.favourite).toBe(false);

  // A shared phrase is the shop's: a clerk may not change it, nor make one.
  expect((await xiaomei.patch(`/api/cs-scripts/phrases/${shared.id}`, { version: shared.version, text: '改' })).status).toBe(403);
  expect((await xiaomei.post('/api/cs-scripts/phrases', { groupId: greet, text: '全店用', shared: true })).status).toBe(403);
  // Another's own phrase does not exist for her.
  expect((await other.delete(`/api/cs-scripts/phrases/${own.body.id}`)).status).toBe(404);
});

test('a shortcut names one phrase; a group with phrases is not deleted', async () => {
  const g = await groupId('in-sale', '物流');
  const twice = await host.owner.post('/api/cs-scripts/phrases', { groupId: g, text: '又一条', shortcut: 'ship', shared: true });
  expect(twice.status).toBe(409);
  expect(twice.body.detail).toContain(':ship');
  const bad = await host.owner.post('/api/cs-scripts/phrases', { groupId: g, text: '坏的', shortcut: '发 货' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].path).toBe('/shortcut');

  expect((await host.owner.delete(`/api/cs-scripts/groups/${g}`)).status).toBe(409);
  const made = await host.owner.post('/api/cs-scripts/groups', { stage: 'after-sale', name: '理赔' });
  expect(made.status, made.text).toBe(201);
  expect((await host.owner.post('/api/cs-scripts/groups', { stage: 'after-sale', name: '理赔' })).status).toBe(409);
  expect((await host.owner.patch(`/api/cs-scripts/groups/${made.body.id}`, { name: '快递理赔' })).body.name).toBe('快递理赔');
  expect((await host.owner.delete(`/api/cs-scripts/groups/${made.body.id}`)).status).toBe(204);
});

test('an unknown placeholder is refused at save with where it stands', async () => {
  const g = await groupId('in-sale', '物流');
  const res = await host.owner.post('/api/cs-scripts/phrases', { groupId: g, text: '单号{运单号}\n快递{快递单}到了', shared: true });
  expect(res.status).toBe(400);
  expect(res.body.unknown).toEqual([{ name: '快递单', position: 11, line: 2, column: 3 }]);
  expect(res.body.detail).toContain('{快递单}（第 11 个字，第 2 行第 3 列）');
  const patched = (await library()).items.find((p) => p.shortcut === 'ship')!;
  const en = await host.owner.patch(`/api/cs-scripts/phrases/${patched.id}`, { version: patched.version, text: '{orderNo} {foo}' }, { 'accept-language': 'en' });
  expect(en.status).toBe(400);
  expect(en.body.detail).toContain('{foo} (character 11, line 1, column 11)');
});

test('with fulfillment, listings and staff-rules off, each placeholder says what is missing', async () => {
  const res = await host.owner.post('/api/cs-scripts/phrases/preview', { text: '{客服}|{店铺}|{订单号}|{报价}|{顺丰加价}', orderNo: '123' });
  expect(res.status, res.text).toBe(200);
  const [agent, shop, order, quote, sf] = res.body.text.split('|');
  expect(agent).toBe((await host.owner.get('/api/auth/me')).body.displayName);
  expect(shop).toBe('【店铺：设置里没填店铺名称】');
  expect(order).toBe('【订单号：订单与仓储插件没开，查不到订单】');
  expect(quote).toBe('【报价：商品与价格插件没开，算不了活动价】');
  expect(sf).toBe('15 元');
  expect(res.body.missing.map((m: { name: string }) => m.name)).toEqual(['店铺', '订单号', '报价']);
});
