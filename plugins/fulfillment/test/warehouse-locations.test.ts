import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createSkus, startFulfillment, stockUp, type Client, type FulfillmentServer } from './api.js';

let f: FulfillmentServer;
let owner: Client;
const api = (path: string) => `/api/fulfillment${path}`;

beforeAll(async () => {
  f = await startFulfillment({ inProcess: true });
  owner = f.owner;
});
afterAll(() => f.server.dispose());

describe('locations', () => {
  test('a code is zone-shelf-level-bin; its parts are parsed and a wrong shape is refused in Chinese', async () => {
    const made = await owner.post(api('/locations'), { code: 'b-03-02-01', kind: 'storage', capacity: 40 });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code: 'B-03-02-01', zone: 'B', shelf: '03', level: '02', bin: '01', kind: 'storage', capacity: 40, active: true, skuId: null, qty: 0, version: 1 });

    for (const code of ['A-1-02-03', 'A-01-02', '1-01-02-03', 'ABC-01-02-03', 'A_01_02_03']) {
      const bad = await owner.post(api('/locations'), { code });
      expect(bad.status, code).toBe(400);
      expect(bad.body.detail).toContain('区-货架-层-位');
    }
    const again = await owner.post(api('/locations'), { code: 'B-03-02-01' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已经有了');
  });

  test('the default path order walks zone → shelf → level → bin; a set order wins', async () => {
    for (const code of ['C-02-01-01', 'C-01-02-01', 'C-01-01-02', 'C-01-01-01', 'CA-01-01-01']) expect((await owner.post(api('/locations'), { code })).status).toBe(201);
    const list = await owner.get(api('/locations?zone=C'));
    expect(list.body.items.map((l: { code: string }) => l.code)).toEqual(['C-01-01-01', 'C-01-01-02', 'C-01-02-01', 'C-02-01-01']);

    const first = await owner.post(api('/locations'), { code: 'D-09-09-09', pathOrder: 1 });
    expect(first.body.pathOrder).toBe(1);
    const all = await owner.get(api('/locations?pageSize=500'));
    expect(all.body.items[0].code).toBe('D-09-09-09');
    const codes = all.body.items.map((l: { code: string }) => l.code);
    expect(codes.indexOf('C-02-01-01')).toBeLessThan(codes.indexOf('CA-01-01-01'));
  });

  test('a range makes a whole block, skipping codes that exist', async () => {
    expect((await owner.post(api('/locations'), { code: 'E-01-01-02' })).status).toBe(201);
    const block = await owner.post(api('/locations/range'), { zone: 'e', shelves: 2, levels: { from: 1, to: 2 }, bins: 2, kind: 'pick', capacity: 30 });
    expect(block.status).toBe(201);
    expect(block.body.created).toHaveLength(7);
    expect(block.body.skipped).toEqual(['E-01-01-02']);
    expect(block.body.created.every((l: { capacity: number }) => l.capacity === 30)).toBe(true);
    const reversed = await owner.post(api('/locations/range'), { zone: 'E', shelves: { from: 3, to: 2 }, levels: 1, bins: 1 });
    expect(reversed.status).toBe(400);
    expect(reversed.body.detail).toContain('大于结束编号');
    const huge = await owner.post(api('/locations/range'), { zone: 'F', shelves: 99, levels: 99, bins: 2 });
    expect(huge.status).toBe(400);
    expect(huge.body.detail).toContain('分几次建');
  });

  test('one SKU per bin: a bin holding another SKU refuses; q finds a bin by code or by SKU code', async () => {
    const [a, b] = await createSkus(owner, 2);
    await stockUp(owner, a!, 'G-01-01-01', 5);
    const other = await owner.post(api('/inbound'), { lines: [{ skuCode: b!.code, received: 2, passed: 2, failed: 0, location: 'G-01-01-01' }] });
    expect(other.status).toBe(409);
    expect(other.body.detail).toContain('一物一卡一位');

    const byCode = await owner.get(api('/locations?q=G-01'));
    expect(byCode.body.items).toEqual([expect.objectContaining({ code: 'G-01-01-01', skuId: a!.id, skuCode: a!.code, qty: 5 })]);
    const bySku = await owner.get(api(`/locations?q=${encodeURIComponent(a!.code)}`));
    expect(bySku.body.items.map((l: { code: string }) => l.code)).toEqual(['G-01-01-01']);
    expect((await owner.get(api('/locations?kind=storage&zone=G'))).body.total).toBe(0);
  });

  test('a bin emptied keeps its SKU card; the card changes only while the bin is empty', async () => {
    const [a, b] = await createSkus(owner, 2);
    await stockUp(owner, a!, 'H-01-01-01', 3);
    const bin = (await owner.get(api('/locations?q=H-01-01-01'))).body.items[0];
    const busy = await owner.patch(api(`/locations/${bin.id}`), { version: bin.version, skuCode: b!.code });
    expect(busy.status).toBe(409);
    expect(busy.body.detail).toContain('清空后才能换');
    const off = await owner.patch(api(`/locations/${bin.id}`), { version: bin.version, active: false });
    expect(off.status).toBe(409);

    expect((await owner.post(api('/stock/adjust'), { skuId: a!.id, location: 'H-01-01-01', qty: -3, reason: '盘亏' })).status).toBe(200);
    const empty = (await owner.get(api(`/locations/${bin.id}`))).body;
    expect(empty).toMatchObject({ skuId: a!.id, qty: 0 });

    const swapped = await owner.patch(api(`/locations/${bin.id}`), { version: empty.version, skuCode: b!.code, kind: 'storage', capacity: 12, pathOrder: 5 });
    expect(swapped.status).toBe(200);
    expect(swapped.body).toMatchObject({ skuId: b!.id, skuCode: b!.code, kind: 'storage', capacity: 12, pathOrder: 5, version: empty.version + 1 });
    const stale = await owner.patch(api(`/locations/${bin.id}`), { version: empty.version, active: false });
    expect(stale.status).toBe(409);
    const cleared = await owner.patch(api(`/locations/${bin.id}`), { version: swapped.body.version, skuCode: null, active: false });
    expect(cleared.body).toMatchObject({ skuId: null, active: false });
    const into = await owner.post(api('/inbound'), { lines: [{ skuCode: a!.code, received: 1, passed: 1, failed: 0, location: 'H-01-01-01' }] });
    expect(into.status).toBe(409);
    expect(into.body.detail).toContain('已停用');
  });

  test('reading locations needs stock.read, changing them stock.manage', async () => {
    const reader = await colleague(f.server, owner, 'loc-reader', ['fulfillment.stock.read']);
    const nobody = await colleague(f.server, owner, 'loc-nobody', ['fulfillment.orders.read']);
    expect((await reader.get(api('/locations'))).status).toBe(200);
    expect((await nobody.get(api('/locations'))).status).toBe(403);
    const bin = (await owner.get(api('/locations?q=B-03-02-01'))).body.items[0];
    expect((await nobody.get(api(`/locations/${bin.id}`))).status).toBe(403);
    expect((await reader.post(api('/locations'), { code: 'Z-01-01-01' })).status).toBe(403);
    expect((await reader.post(api('/locations/range'), { zone: 'Z', shelves: 1, levels: 1, bins: 1 })).status).toBe(403);
    expect((await reader.patch(api(`/locations/${bin.id}`), { version: bin.version, capacity: 3 })).status).toBe(403);
  });
});
