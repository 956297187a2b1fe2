// A product body with thousands of bad SKUs used to hold the server for seconds (the error list was
// copied once per item); validation now does bounded work and lists a bounded number of problems.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startShopServer, type Client } from './helpers/client.js';
import type { TestServer } from './helpers/server.js';

const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  ({ server, owner } = await startShopServer());
});
afterAll(async () => {
  await server?.dispose();
});

function postProduct(skuCount: number, lang = 'zh-CN'): Promise<Response> {
  // Each SKU has an unknown field and lacks every required one.
  const skus = Array.from({ length: skuCount }, () => '{"x":1}').join(',');
  return fetch(`${server.url}/api/listings/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-request': '1', cookie: owner.cookie, 'accept-language': lang },
    body: `{"title":"T","itemCode":"H-1","skus":[${skus}]}`,
  });
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

test('12,000 invalid SKUs are refused within a second while the server keeps answering', async () => {
  const [post, health] = await Promise.all([
    timed(() => postProduct(12_000)),
    (async () => {
      await new Promise((r) => setTimeout(r, 20));
      return timed(() => fetch(`${server.url}/api/health`));
    })(),
  ]);
  expect(post.value.status).toBe(400);
  expect(post.value.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await post.value.json();
  expect(body.detail).toMatch(CHINESE);
  expect(body.detail).toContain('10000');
  expect((body.errors ?? []).length).toBeLessThanOrEqual(21);
  expect(post.ms).toBeLessThan(1000);
  expect(health.value.status).toBe(200);
  expect(health.ms).toBeLessThan(1000);
});

test('5,000 invalid SKUs (under the parser’s cap): bounded time, the first problem and a note that checking stopped', async () => {
  const { value, ms } = await timed(() => postProduct(5_000, 'en'));
  expect(value.status).toBe(400);
  const body = await value.json();
  expect(ms).toBeLessThan(1000);
  expect(body.errors.length).toBeGreaterThan(1);
  expect(body.errors.length).toBeLessThanOrEqual(21);
  expect(body.errors.at(-1).message).toMatch(/stopped at the first problem/);
  expect(JSON.stringify(body)).not.toMatch(CHINESE);
});

test('700 invalid SKUs: the first 20 problems, then how many more, in the reader’s language', async () => {
  const zh = await (await postProduct(700)).json();
  expect(zh.errors).toHaveLength(21);
  expect(zh.errors.slice(0, 20).every((e: { path: string }) => e.path.startsWith('/skus'))).toBe(true);
  const more = zh.errors[20];
  expect(more.message).toMatch(/^还有 \d+ 处问题/);
  expect(Number(/\d+/.exec(more.message)![0])).toBeGreaterThan(1000);
  const en = await (await postProduct(700, 'en')).json();
  expect(en.errors).toHaveLength(21);
  expect(en.errors[20].message).toMatch(/^\d+ more problems/);
  expect(en.errors[20].message).not.toMatch(CHINESE);
});

test('a few mistakes are all listed as before', async () => {
  const reply = await owner.post('/api/listings/products', { title: 'T', itemCode: 'H-2', skus: [{ code: 'A' }, { code: 'B', price: 100, cost: 'x' }] });
  expect(reply.status).toBe(400);
  const paths = reply.body.errors.map((e: { path: string }) => e.path);
  expect(paths).toEqual(expect.arrayContaining(['/skus/0/price', '/skus/0/cost', '/skus/1/cost']));
  expect(reply.body.errors.every((e: { message: string }) => !/还有|more problems/.test(e.message))).toBe(true);
});

test('settings are checked the same way: 900 bad couriers list 20 problems and count the rest', async () => {
  const current = await owner.get('/api/settings/fulfillment');
  const couriers = Array.from({ length: 900 }, () => ({ code: 'x' }));
  const started = performance.now();
  const reply = await owner.put('/api/settings/fulfillment', { value: { couriers }, version: current.body.version });
  expect(performance.now() - started).toBeLessThan(1000);
  expect(reply.status).toBe(400);
  expect(reply.body.errors).toHaveLength(21);
  expect(reply.body.errors[20].message).toMatch(/^还有 \d+ 处问题/);
});
