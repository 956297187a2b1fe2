// A large Taobao import keeps the server answering other requests while it reads and writes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport, startFulfillment, type Client, type TestServer } from './api.js';
import { taobaoExport } from './fixtures/taobao-export.mjs';
import { watchHealth } from '../../../test/helpers/health-watch.js';

let server: TestServer;
let owner: Client;

beforeAll(async () => {
  ({ server, owner } = await startFulfillment());
});
afterAll(() => server?.dispose());

describe('a large Taobao import', () => {
  test('/api/health answers within 100 ms throughout', async () => {
    const exported = taobaoExport({ orders: 2_500, skuCodes: ['TB-BIG-A', 'TB-BIG-B', 'TB-BIG-C'], seed: 21, firstOrderNo: '3900000000000001', encoding: 'gbk' });
    const health = await watchHealth(server.url);
    const run = await runImport(server, owner, 'taobao-orders', [exported.orderFile, exported.itemFile]);
    const worst = await health.stop();
    expect(run.status, JSON.stringify(run.problem)).toBe(202);
    expect(run.events.at(-1)).toMatchObject({ event: 'done', data: { result: { created: 2_500, items: exported.itemCount, rejected: [] } } });
    expect(worst).toBeLessThan(100);
  });
});
