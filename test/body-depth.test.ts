// A JSON body nested thousands deep used to reach the schema check and fail there with a 500; the
// body parser now refuses it before anything walks it.
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

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

test('a settings value nested 2,000 deep is a 400 problem+json in the reader’s language', async () => {
  const current = await owner.get('/api/settings/fulfillment');
  for (const [open, close] of [['{"a":', '}'], ['[', ']']] as const) {
    const body = `{"value":{"waves":${nested(2000, open, close)}},"version":${current.body.version}}`;
    const send = (lang: string) =>
      fetch(`${server.url}/api/settings/fulfillment`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-workbench-request': '1', cookie: owner.cookie, 'accept-language': lang },
        body,
      });
    const zhReply = await send('zh-CN');
    expect(zhReply.status).toBe(400);
    expect(zhReply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const zhBody = await zhReply.json();
    expect(zhBody.detail).toMatch(CHINESE);
    expect(zhBody.detail).toContain('64');
    const enBody = await (await send('en')).json();
    expect(enBody.detail).not.toMatch(CHINESE);
    expect(enBody.detail).toContain('64');
  }
  // Depth inside strings does not count, and an ordinary body is untouched.
  const deepText = await owner.put('/api/settings/fulfillment', { value: { nonsense: nested(500, '[', ']') }, version: current.body.version });
  expect(deepText.status).not.toBe(500);
  expect(deepText.text).not.toContain('64');
});
