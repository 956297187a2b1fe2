import { afterAll, beforeAll, expect, test } from 'vitest';
import { csvLayoutKey } from '../core/csv/read.js';
import { startInProcess } from './helpers/in-process.js';
import type { Client } from './helpers/client.js';
import type { TestServer } from './helpers/server.js';

// A column mapping answers a question an import asked since the server started: an answer for a
// header nobody uploaded is not found and says to upload the file again (the question lives in
// memory, so a restart forgets it), and a mapping already removed says to reload the list.

let server: TestServer;
let owner: Client;
const MAPPINGS = '/api/fulfillment/importers/taobao-orders/mappings';
const LAYOUT = csvLayoutKey(['订单号码', '收件人', '买家实际支付金额']);

beforeAll(async () => {
  ({ server, owner } = await startInProcess({ plugins: [], enabled: ['listings', 'fulfillment'] }));
});
afterAll(async () => {
  await server?.dispose();
});

test('an answer for a header no import asked about is 404 and asks for the file again, saving nothing', async () => {
  const reply = await owner.put(`${MAPPINGS}/${LAYOUT}`, { columns: { orderNo: '订单号码', receiverName: '收件人' } });
  expect(reply.status, reply.text).toBe(404);
  expect(reply.body.detail).toMatch(/重新上传/);
  expect((await owner.get(MAPPINGS)).body.items).toEqual([]);
});

test('a layout that is not a layout key is refused as input, before any look-up', async () => {
  expect((await owner.put(`${MAPPINGS}/not-a-key`, { columns: {} })).status).toBe(400);
});

test('removing a mapping that is not there is 404 and asks to reload the list', async () => {
  const reply = await owner.delete(`${MAPPINGS}/${LAYOUT}`);
  expect(reply.status, reply.text).toBe(404);
  expect(reply.body.detail).toMatch(/刷新/);
});
