// Input on list routes that used to reach SQLite or the date arithmetic unchecked: every paged
// list is found through /api/openapi.json, so a list added later is covered without a new test.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OWNER, startShopServer, type Client } from './helpers/client.js';
import type { TestServer } from './helpers/server.js';
import { approvedOrder, createSkus, makeWave, newBin, runImport, stockUp } from '../plugins/fulfillment/test/api.js';
import { taobaoExport } from '../plugins/fulfillment/test/fixtures/taobao-export.mjs';

const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  ({ server, owner } = await startShopServer());
});
afterAll(async () => {
  await server?.dispose();
});

interface Parameter {
  name: string;
  in: string;
}

/** Every GET route whose query has a `page`, with its path parameters filled in with 1. */
async function pagedLists(): Promise<string[]> {
  const doc = (await owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
  const out: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    const get = operations.get;
    if (!get?.parameters?.some((p) => p.in === 'query' && p.name === 'page')) continue;
    out.push(path.replace(/\{[^}]+\}/g, '1'));
  }
  return out;
}

const isProblem = (headers: Headers) => (headers.get('content-type') ?? '').startsWith('application/problem+json');

describe('paging', () => {
  test('page=1e20 on every paged list answers 400 problem+json naming page, in Chinese and in English', async () => {
    const lists = await pagedLists();
    expect(lists.length).toBeGreaterThanOrEqual(17);
    expect(lists).toEqual(expect.arrayContaining(['/api/audit', '/api/fulfillment/ledger', '/api/fulfillment/waves', '/api/listings/products']));
    const wrong: string[] = [];
    for (const path of lists) {
      for (const page of ['1e20', '99999999999999999999']) {
        const zh = await owner.get(`${path}?page=${page}`, { 'accept-language': 'zh-CN' });
        if (zh.status !== 400 || !isProblem(zh.headers) || !zh.body?.errors?.some((e: { path: string }) => e.path === '/page')) {
          wrong.push(`${path}?page=${page} → ${zh.status} ${zh.text.slice(0, 120)}`);
          continue;
        }
        expect(JSON.stringify(zh.body)).toMatch(CHINESE);
      }
      const en = await owner.get(`${path}?page=1e20`, { 'accept-language': 'en' });
      if (en.status === 400) expect(JSON.stringify(en.body)).not.toMatch(CHINESE);
    }
    expect(wrong).toEqual([]);
  });

  test('a far but possible page is an empty page, not an error', async () => {
    const reply = await owner.get('/api/fulfillment/ledger?page=1000000&pageSize=500');
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual([]);
  });
});

describe('dates in from/to', () => {
  const lists = ['/api/fulfillment/orders', '/api/fulfillment/ledger', '/api/fulfillment/inbound'];
  const impossible = ['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-02-30T10:00:00+08:00', '2026-06-01T25:00:00+08:00'];

  test('an impossible date answers 400 naming the field, in zh-CN and en', async () => {
    const wrong: string[] = [];
    for (const path of lists) {
      for (const field of ['from', 'to']) {
        for (const value of impossible) {
          const url = `${path}?${field}=${encodeURIComponent(value)}`;
          const zh = await owner.get(url, { 'accept-language': 'zh-CN' });
          const zhText = JSON.stringify(zh.body);
          if (zh.status !== 400 || !isProblem(zh.headers) || !zhText.includes(field) || !CHINESE.test(zhText)) {
            wrong.push(`${url} zh → ${zh.status} ${zh.text.slice(0, 160)}`);
            continue;
          }
          const en = await owner.get(url, { 'accept-language': 'en' });
          const enText = JSON.stringify(en.body);
          if (en.status !== 400 || !enText.includes(field) || CHINESE.test(enText)) wrong.push(`${url} en → ${en.status} ${en.text.slice(0, 160)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('a leap day, a whole day and an instant are still accepted', async () => {
    for (const path of lists) {
      for (const query of ['from=2024-02-29&to=2024-02-29', 'from=2026-02-28&to=2026-03-01', `from=${encodeURIComponent('2026-02-28T23:59:59+08:00')}`, 'to=2026-12-31T16:00Z']) {
        const reply = await owner.get(`${path}?${query}`);
        expect(reply.status, `${path}?${query} ${reply.text.slice(0, 160)}`).toBe(200);
      }
    }
  });
});

describe('q on lists that did not search', () => {
  test('/audit honours q: it finds the entries whose action, target, person or detail holds the text', async () => {
    await owner.post('/api/listings/products', { title: '审计搜索 测试卫衣', itemCode: 'AUDIT-Q-1', skus: [{ code: 'AUDIT-Q-1-S', attributes: { 尺码: 'S' }, price: 9900 }] });
    const all = await owner.get('/api/audit?pageSize=500');
    expect(all.body.total).toBeGreaterThan(1);
    const none = await owner.get('/api/audit?q=no-such-entry-anywhere');
    expect(none.status).toBe(200);
    expect(none.body.total).toBe(0);
    const action = all.body.items.find((e: { plugin: string }) => e.plugin === 'listings').action as string;
    const found = await owner.get(`/api/audit?pageSize=500&q=${encodeURIComponent(action.toUpperCase())}`);
    expect(found.body.total).toBeGreaterThan(0);
    expect(found.body.total).toBeLessThan(all.body.total);
    for (const entry of found.body.items) expect(JSON.stringify(entry).toLowerCase()).toContain(action.toLowerCase());
    // The search is text, not a pattern: % finds only entries that hold a %.
    expect((await owner.get('/api/audit?q=%25')).body.total).toBe(0);
  });

  test('/ledger refuses q with a 400 that names the filters it has, in zh-CN and en', async () => {
    const zh = await owner.get('/api/fulfillment/ledger?q=AUDIT-Q-1-S', { 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(isProblem(zh.headers)).toBe(true);
    expect(zh.body.detail).toMatch(CHINESE);
    expect(zh.body.detail).toContain('q');
    expect(zh.body.detail).toContain('reference');
    const en = await owner.get('/api/fulfillment/ledger?q=AUDIT-Q-1-S', { 'accept-language': 'en' });
    expect(en.status).toBe(400);
    expect(en.body.detail).not.toMatch(CHINESE);
    expect(en.body.detail).toContain('q');
  });

  test('/waves takes q as the start of a wave number, never as a pattern', async () => {
    const [sku] = await createSkus(owner, 1, 'WQ');
    await stockUp(owner, sku!, newBin('A'), 5);
    const order = await approvedOrder(owner, [{ sku: sku! }]);
    const wave = await makeWave(owner, [order.id]);
    const ids = async (q: string) => ((await owner.get(`/api/fulfillment/waves?q=${encodeURIComponent(q)}`)).body.items as { id: number }[]).map((w) => w.id);
    expect(await ids(wave.waveNo)).toEqual([wave.id]);
    expect(await ids(wave.waveNo.slice(0, 6).toLowerCase())).toContain(wave.id);
    expect(await ids('%')).toEqual([]);
    expect(await ids('BC_')).toEqual([]);
    expect(await ids(`${wave.waveNo.slice(0, 4)}%`)).toEqual([]);
  });
});

describe('q on every paged list: honoured or refused, never ignored', () => {
  const F = '/api/fulfillment';
  let replenishment: { fromLocationCode: string; toLocationCode: string; waveNo: string; skuCode: string };

  beforeAll(async () => {
    // A record in each list that had no search: an import, a courier statement, a stocktake, a replenishment.
    const [sku, other] = await createSkus(owner, 2, 'QL');
    const face = newBin('A');
    const store = newBin('S');
    expect((await owner.post(`${F}/locations`, { code: face, kind: 'pick', capacity: 10 })).status).toBe(201);
    await stockUp(owner, sku!, face, 2);
    await stockUp(owner, sku!, store, 30, 'storage');
    await stockUp(owner, other!, newBin('A'), 5);
    const wave = await makeWave(owner, [(await approvedOrder(owner, [{ sku: sku!, qty: 5 }])).id]);
    replenishment = wave.replenishments[0];
    expect(replenishment).toBeDefined();
    const file = taobaoExport({ orders: 2, skuCodes: [sku!.code], seed: 5 });
    expect((await runImport(server, owner, 'taobao-orders', [file.orderFile, file.itemFile])).problem).toBeUndefined();
    const statement = ['运单号,重量(kg),运费(元),日期', '779999999999999,0.5,5.00,2026-11-20'].join('\r\n');
    expect((await runImport(server, owner, 'courier-statement', [{ name: '申通11月账单.csv', bytes: statement }])).problem).toBeUndefined();
    expect((await owner.post(`${F}/stocktakes`, { zone: 'S' })).status).toBe(201);
  });

  test('a text found nowhere answers no rows or a 400 naming q, on every paged list', async () => {
    const wrong: string[] = [];
    for (const path of await pagedLists()) {
      const all = await owner.get(`${path}?pageSize=1`);
      const reply = await owner.get(`${path}?q=${encodeURIComponent('无此内容-zz9')}`, { 'accept-language': 'en' });
      const refused = reply.status === 400 && isProblem(reply.headers) && /\bq\b/.test(reply.body?.detail ?? '');
      const honoured = reply.status === 200 && reply.body.total === 0;
      if (!refused && !honoured) wrong.push(`${path}: ${reply.status} total ${reply.body?.total} of ${all.body?.total}`);
    }
    expect(wrong).toEqual([]);
  });

  test('/imports finds an import by a part of its file names or who ran it', async () => {
    const all = (await owner.get(`${F}/imports`)).body;
    expect(all.total).toBeGreaterThan(0);
    const found = (await owner.get(`${F}/imports?q=exportorderdetail`)).body;
    expect(found.total).toBe(all.total);
    expect(found.items[0].files.join(' ')).toContain('ExportOrderDetailList');
    expect((await owner.get(`${F}/imports?q=${encodeURIComponent(all.items[0].actorName)}`)).body.total).toBe(all.total);
    expect((await owner.get(`${F}/imports?q=%25`)).body.total).toBe(0);
  });

  test('/statements finds a statement by a part of its file name, its period or its courier', async () => {
    const all = (await owner.get(`${F}/statements`)).body;
    expect(all.total).toBe(1);
    expect((await owner.get(`${F}/statements?q=${encodeURIComponent('11月账单')}`)).body.total).toBe(1);
    expect((await owner.get(`${F}/statements?q=${encodeURIComponent(all.items[0].period.slice(0, 7))}`)).body.total).toBe(1);
    expect((await owner.get(`${F}/statements?q=${encodeURIComponent('圆通')}`)).body.total).toBe(0);
    expect((await owner.get(`${F}/statements?q=_`)).body.total).toBe(0);
  });

  test('/replenishments takes q as the start of a location code, wave number or SKU code', async () => {
    const ids = async (q: string) => ((await owner.get(`${F}/replenishments?q=${encodeURIComponent(q)}`)).body.items as { toLocationCode: string }[]).map((r) => r.toLocationCode);
    expect(await ids(replenishment.fromLocationCode.toLowerCase())).toEqual([replenishment.toLocationCode]);
    expect(await ids(replenishment.toLocationCode)).toEqual([replenishment.toLocationCode]);
    expect(await ids(replenishment.waveNo)).toEqual([replenishment.toLocationCode]);
    expect(await ids(replenishment.skuCode)).toEqual([replenishment.toLocationCode]);
    expect(await ids(replenishment.skuCode.slice(1))).toEqual([]);
    expect(await ids('%')).toEqual([]);
  });

  test('/stocktakes finds a count by its zone or the name of who started it, as text', async () => {
    const all = (await owner.get(`${F}/stocktakes`)).body;
    const mine = all.items.find((t: { zone: string }) => t.zone === 'S');
    const ids = async (q: string) => ((await owner.get(`${F}/stocktakes?q=${encodeURIComponent(q)}`)).body.items as { id: number }[]).map((t) => t.id);
    expect(await ids('s')).toEqual([mine.id]);
    expect(await ids(OWNER.displayName.slice(1))).toContain(mine.id);
    expect(await ids('%')).toEqual([]);
    expect(await ids('S%')).toEqual([]);
  });
});
