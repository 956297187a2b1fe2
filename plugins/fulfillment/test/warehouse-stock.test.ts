import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createSkus, startFulfillment, stockUp, type Client, type FulfillmentServer, type TestSku } from './api.js';

let f: FulfillmentServer;
let owner: Client;
let clerk: Client;
const api = (path: string) => `/api/fulfillment${path}`;

beforeAll(async () => {
  f = await startFulfillment({ inProcess: true });
  owner = f.owner;
  clerk = await colleague(f.server, owner, 'cangguan', ['fulfillment.stock.read', 'fulfillment.stock.manage']);
});
afterAll(() => f.server.dispose());

const stockOf = async (sku: TestSku) => (await owner.get(api(`/stock?sku=${sku.id}`))).body.items[0];
const ledgerOf = async (sku: TestSku, extra = '') => (await owner.get(api(`/ledger?sku=${sku.id}${extra}`))).body.items;

describe('stock and the ledger', () => {
  test('GET /stock answers per SKU with codes, bins in path order, reserved, available and defective', async () => {
    const [a, b] = await createSkus(owner, 2);
    await stockUp(owner, a!, 'A-02-01-01', 6);
    await stockUp(owner, a!, 'R-01-01-01', 20, 'storage');
    await stockUp(owner, b!, 'A-01-01-01', 2);
    await owner.post(api('/stock/defective'), { skuId: a!.id, location: 'A-02-01-01', qty: 1, reason: '吊牌脱落' });

    const item = await stockOf(a!);
    expect(item).toEqual({
      skuId: a!.id,
      skuCode: a!.code,
      title: '测试卫衣 加绒连帽',
      onHand: 25,
      reserved: 0,
      available: 25,
      defective: 1,
      bins: [expect.objectContaining({ locationCode: 'A-02-01-01', kind: 'pick', qty: 5 }), expect.objectContaining({ locationCode: 'R-01-01-01', kind: 'storage', qty: 20 })],
    });
    expect((await owner.get(api(`/stock?q=${a!.code}`))).body.items.map((i: { skuId: number }) => i.skuId)).toEqual([a!.id]);
    expect((await owner.get(api(`/stock?q=${b!.barcode}`))).body.items.map((i: { skuId: number }) => i.skuId)).toEqual([b!.id]);
    const zoneR = (await owner.get(api('/stock?zone=R'))).body.items.map((i: { skuId: number }) => i.skuId);
    expect(zoneR).toContain(a!.id);
    expect(zoneR).not.toContain(b!.id);
    const low = (await owner.get(api('/stock?low=3'))).body.items.map((i: { skuId: number }) => i.skuId);
    expect(low).toContain(b!.id);
    expect(low).not.toContain(a!.id);
  });

  test('a transfer is two transfer movements; a shortfall is 409 in Chinese; the target bin must be free for the SKU', async () => {
    const [a, b] = await createSkus(owner, 2);
    await stockUp(owner, a!, 'B-01-01-01', 10);
    await stockUp(owner, b!, 'B-01-01-03', 1);
    await owner.post(api('/locations'), { code: 'B-01-01-02' });
    const moved = await clerk.post(api('/stock/transfer'), { skuId: a!.id, from: 'B-01-01-01', to: 'b-01-01-02', qty: 4, reason: '调整拣货位' });
    expect(moved.status).toBe(200);
    expect(moved.body.entries).toEqual([
      expect.objectContaining({ kind: 'transfer', locationCode: 'B-01-01-01', qty: -4, balance: 6, reason: '调整拣货位', actorName: 'cangguan', reference: 'B-01-01-01→B-01-01-02' }),
      expect.objectContaining({ kind: 'transfer', locationCode: 'B-01-01-02', qty: 4, balance: 4, actorName: 'cangguan' }),
    ]);
    expect(moved.body.stock.bins.map((x: { qty: number }) => x.qty)).toEqual([6, 4]);

    const short = await clerk.post(api('/stock/transfer'), { skuId: a!.id, from: 'B-01-01-01', to: 'B-01-01-02', qty: 7, reason: '调整' });
    expect(short.status).toBe(409);
    expect(short.body.detail).toContain('只剩 6 件');
    const occupied = await clerk.post(api('/stock/transfer'), { skuId: a!.id, from: 'B-01-01-01', to: 'B-01-01-03', qty: 1, reason: '调整' });
    expect(occupied.status).toBe(409);
    expect(occupied.body.detail).toContain('一物一卡一位');
    const wrongBin = await clerk.post(api('/stock/transfer'), { skuId: a!.id, from: 'B-01-01-03', to: 'B-01-01-02', qty: 1, reason: '调整' });
    expect(wrongBin.status).toBe(409);
    expect(wrongBin.body.detail).toContain('没有放');
    const same = await clerk.post(api('/stock/transfer'), { skuId: a!.id, from: 'B-01-01-01', to: 'B-01-01-01', qty: 1, reason: '调整' });
    expect(same.status).toBe(400);
    const nowhere = await clerk.post(api('/stock/transfer'), { skuId: a!.id, from: 'B-01-01-01', to: 'B-09-09-09', qty: 1, reason: '调整' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.detail).toContain('B-09-09-09 不存在');
    expect((await stockOf(a!)).onHand).toBe(10);
  });

  test('an adjustment needs a reason; below zero is refused, and with override needs the permission and a reason, and is marked', async () => {
    const [a] = await createSkus(owner, 1);
    await stockUp(owner, a!, 'C-01-01-01', 2);
    const blank = await clerk.post(api('/stock/adjust'), { skuId: a!.id, location: 'C-01-01-01', qty: 1, reason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.detail).toContain('请写明原因');
    const noReason = await clerk.post(api('/stock/adjust'), { skuId: a!.id, location: 'C-01-01-01', qty: 1 });
    expect(noReason.status).toBe(400);

    const up = await clerk.post(api('/stock/adjust'), { skuId: a!.id, location: 'C-01-01-01', qty: 1, reason: '找到漏记的一件' });
    expect(up.body.entries).toEqual([expect.objectContaining({ kind: 'adjustment', qty: 1, balance: 3, reason: '找到漏记的一件', override: false, actorName: 'cangguan' })]);

    const negative = await clerk.post(api('/stock/adjust'), { skuId: a!.id, location: 'C-01-01-01', qty: -5, reason: '盘亏' });
    expect(negative.status).toBe(409);
    expect(negative.body.detail).toContain('库存不能为负');
    const forbidden = await clerk.post(api('/stock/adjust'), { skuId: a!.id, location: 'C-01-01-01', qty: -5, reason: '盘亏', override: true });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toContain('允许负库存');
    const unexplained = await owner.post(api('/stock/adjust'), { skuId: a!.id, location: 'C-01-01-01', qty: -5, reason: ' ', override: true });
    expect(unexplained.status).toBe(400);
    expect((await stockOf(a!)).onHand).toBe(3);

    const forced = await owner.post(api('/stock/adjust'), { skuId: a!.id, location: 'C-01-01-01', qty: -5, reason: '已发出未登记，先冲账', override: true });
    expect(forced.status).toBe(200);
    expect(forced.body.entries).toEqual([expect.objectContaining({ kind: 'adjustment', qty: -5, balance: -2, override: true, actorName: '王店长', reason: '已发出未登记，先冲账' })]);
    expect((await stockOf(a!)).available).toBe(-2);
    const audit = await owner.get('/api/audit?plugin=fulfillment&pageSize=5');
    expect(audit.body.items[0]).toMatchObject({ action: 'adjust stock', outcome: 'ok', actorName: 'dianzhang' });
    const marked = await ledgerOf(a!, '&kind=adjustment');
    expect(marked.map((e: { override: boolean }) => e.override)).toEqual([true, false]);
  });

  test('to-defective moves pieces from a bin to 残次库 with two defective movements', async () => {
    const [a] = await createSkus(owner, 1);
    await stockUp(owner, a!, 'C-02-01-01', 4);
    const moved = await clerk.post(api('/stock/defective'), { skuId: a!.id, location: 'C-02-01-01', qty: 3, reason: '水洗后缩水' });
    expect(moved.status).toBe(200);
    expect(moved.body.entries).toEqual([
      expect.objectContaining({ kind: 'defective', locationCode: 'C-02-01-01', qty: -3, balance: 1, reason: '水洗后缩水' }),
      expect.objectContaining({ kind: 'defective', locationCode: null, locationId: null, qty: 3, balance: 3, reason: '水洗后缩水' }),
    ]);
    expect(moved.body.stock).toMatchObject({ onHand: 1, defective: 3 });
    const tooMany = await clerk.post(api('/stock/defective'), { skuId: a!.id, location: 'C-02-01-01', qty: 2, reason: '破损' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.detail).toContain('只剩 1 件');
  });

  test('every ledger row carries the kind, actor and reason; filters by kind, location, reference and time', async () => {
    const [a] = await createSkus(owner, 1);
    await stockUp(owner, a!, 'D-01-01-01', 5);
    await owner.post(api('/locations'), { code: 'D-01-01-02' });
    await clerk.post(api('/stock/transfer'), { skuId: a!.id, from: 'D-01-01-01', to: 'D-01-01-02', qty: 1, reason: '补拣货位' });
    await clerk.post(api('/stock/adjust'), { skuId: a!.id, location: 'D-01-01-01', qty: -1, reason: '破损报废' });
    await clerk.post(api('/stock/defective'), { skuId: a!.id, location: 'D-01-01-01', qty: 1, reason: '污渍' });
    const rows = await ledgerOf(a!);
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['defective', 'defective', 'adjustment', 'transfer', 'transfer', 'inbound']);
    for (const row of rows) {
      expect(row.actorName).toMatch(/cangguan|王店长/);
      expect(row.reason).not.toBe('');
      expect(row.skuCode).toBe(a!.code);
    }
    expect(rows.at(-1)).toMatchObject({ kind: 'inbound', actorName: '王店长', reason: '验收合格入库', reference: expect.stringMatching(/^RK\d{8}\d{3}$/) });
    expect((await ledgerOf(a!, '&location=D-01-01-02')).map((r: { qty: number }) => r.qty)).toEqual([1]);
    expect(await ledgerOf(a!, `&reference=${encodeURIComponent(rows.at(-1).reference)}`)).toHaveLength(1);
    const today = rows[0].at.slice(0, 10);
    expect(await ledgerOf(a!, `&from=${today}&to=${today}`)).toHaveLength(6);
    expect(await ledgerOf(a!, '&to=2020-01-01')).toHaveLength(0);
    // The two halves of a movement to 残次库 share one instant.
    expect((await ledgerOf(a!, `&from=${encodeURIComponent(rows[0].at)}`)).map((r: { kind: string }) => r.kind)).toEqual(['defective', 'defective']);
  });

  test('reading stock needs stock.read; moving it stock.manage', async () => {
    const [a] = await createSkus(owner, 1);
    await stockUp(owner, a!, 'D-02-01-01', 2);
    const nobody = await colleague(f.server, owner, 'kefu', ['fulfillment.orders.read']);
    const reader = await colleague(f.server, owner, 'kanku', ['fulfillment.stock.read']);
    expect((await nobody.get(api('/stock'))).status).toBe(403);
    expect((await nobody.get(api('/ledger'))).status).toBe(403);
    expect((await reader.get(api('/stock'))).status).toBe(200);
    expect((await reader.get(api('/ledger'))).status).toBe(200);
    const body = { skuId: a!.id, location: 'D-02-01-01', qty: 1, reason: '测试' };
    expect((await reader.post(api('/stock/adjust'), body)).status).toBe(403);
    expect((await reader.post(api('/stock/defective'), body)).status).toBe(403);
    expect((await reader.post(api('/stock/transfer'), { skuId: a!.id, from: 'D-02-01-01', to: 'D-02-01-02', qty: 1, reason: '测试' })).status).toBe(403);
    expect((await stockOf(a!)).onHand).toBe(2);
  });
});
