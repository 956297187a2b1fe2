// Input on list routes that used to reach SQLite or the date arithmetic unchecked: every paged
// list is found through /api/openapi.json, so a list added later is covered without a new test.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupOwner, type Client } from './helpers/client.js';
import { startServer, type TestServer } from './helpers/server.js';

const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  server = await startServer({ config: { plugins: { folders: [], enabled: ['listings', 'fulfillment'] } } });
  owner = await setupOwner(server);
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
