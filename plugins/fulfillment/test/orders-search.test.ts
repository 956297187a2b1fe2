// Finding orders through the API: every search key and filter, the queue order, counts per state,
// paging, masking for a colleague without customer details, quick open, the queue figures, merge
// candidates, and who may read.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, stockUp, unique, type Client, type TestServer, type TestSku } from './api.js';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;
let server: TestServer;
let owner: Client;
let packer: Client;
let sku: TestSku;
let other: TestSku;
type O = { id: number; orderNo: string; version: number } & Record<string, any>;
const o: Record<string, O> = {};
let shipped: O;
let tracking: string;
let waveId: number;

const order = (body: Record<string, unknown> = {}, lines = [{ sku }]) => enterOrder(owner, lines, { buyerNick: unique('tb_'), buyerAccount: `${unique('pay')}@example.com`, ...body }) as Promise<O>;
const list = async (query: string, client = owner) => {
  const reply = await client.get(`${API}/orders?${query}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { items: O[]; total: number; page: number; pageSize: number; counts: Record<string, number> };
};
const ids = async (query: string) => (await list(query)).items.map((i) => i.id);
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const dayOffset = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  // A stand-in for after-sales, reading orders through the `orders` service.
  const reader = join(import.meta.dirname, 'fixtures', 'orders-reader');
  ({ server, owner } = await startFulfillment({ folders: [reader], enabled: ['listings', 'fulfillment', 'orders-reader'], inProcess: true }));
  packer = await colleague(server, owner, 'dabao', ['fulfillment.orders.read']);
  [sku, other] = (await createSkus(owner, 2)) as [TestSku, TestSku];
  await stockUp(owner, sku, 'S-01-01-01', 50);
  await stockUp(owner, other, 'S-01-01-02', 50);
  o.regular = await order({ receiverName: '林小鱼' });
  o.message = await order({ receiverName: '周大海', buyerMessage: '请放快递柜' });
  o.express = await order({ receiverName: '吴一凡', shippingMethod: '顺丰' });
  o.task = await order({ receiverName: '郑晓', task: true });
  o.unpaid = await order({ receiverName: '钱多多', paid: false });
  o.otherSku = await order({ receiverName: '孙悟净' }, [{ sku: other }]);
  // One order all the way out of the door, for the tracking number, the courier and the wave.
  shipped = await order({ receiverName: '赵发货' });
  await approve(owner, shipped);
  const wave = await owner.post(`${API}/waves`, { orderIds: [shipped.id] });
  expect(wave.status, wave.text).toBe(201);
  waveId = wave.body.id;
  expect((await owner.post(`${API}/waves/${waveId}/picked`, { version: wave.body.version })).status).toBe(200);
  tracking = `77${String(Date.now()).slice(-12)}`;
  const current = (await owner.get(`${API}/orders/${shipped.id}`)).body;
  const sent = await owner.post(`${API}/orders/${shipped.id}/ship`, { version: current.version, courier: 'STO', trackingNo: tracking, weightGrams: 500 });
  expect(sent.status, sent.text).toBe(200);
});
afterAll(() => server?.dispose());

describe('q', () => {
  test('an order number exactly, or its first digits', async () => {
    expect(await ids(`q=${o.message!.orderNo}`)).toEqual([o.message!.id]);
    const prefix = o.message!.orderNo.slice(0, 9);
    const found = await list(`q=${prefix}&pageSize=100`);
    expect(found.items.every((i) => i.orderNo.startsWith(prefix))).toBe(true);
    expect(found.total).toBe(Object.keys(o).length + 1);
  });

  test('a receiver name, a payment account and a tracking number exactly (no part of a name)', async () => {
    expect(await ids(`q=${encodeURIComponent('周大海')}`)).toEqual([o.message!.id]);
    expect(await ids(`q=${encodeURIComponent('周大')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent(o.express!.buyerAccount)}`)).toEqual([o.express!.id]);
    expect(await ids(`q=${tracking}`)).toEqual([shipped.id]);
  });

  test('the counts per state are the same whether the first page holds every match or not', async () => {
    // A first page holding every match is counted from its own rows; a smaller page still runs the
    // count query. Both must answer the same counts and total, for a key with one or many orders.
    const prefix = o.message!.orderNo.slice(0, 9);
    for (const q of [o.message!.orderNo, prefix, encodeURIComponent('赵发货'), tracking, o.express!.buyerAccount.toUpperCase(), 'NOTHING']) {
      const whole = await list(`q=${q}&pageSize=100`);
      const paged = await list(`q=${q}&pageSize=1`);
      expect(paged.counts, q).toEqual(whole.counts);
      expect(paged.total, q).toBe(whole.total);
      expect(whole.items).toHaveLength(whole.total);
      const byState = Object.fromEntries(Object.keys(whole.counts).map((s) => [s, whole.items.filter((i) => i.status === s).length]));
      expect(whole.counts, q).toEqual(byState);
      // The second page of a search does not count from its rows either.
      if (whole.total > 1) expect((await list(`q=${q}&pageSize=1&page=2`)).counts).toEqual(whole.counts);
    }
    expect((await list(`q=${prefix}&pageSize=100`)).counts.shipped).toBe(1);
  });
});

describe('filters', () => {
  test('status and platformStatus take comma lists; counts per state ignore the state filter', async () => {
    const pending = await list('status=pending&pageSize=100');
    expect(pending.items.every((i) => i.status === 'pending')).toBe(true);
    expect(pending.total).toBe(6);
    expect(pending.counts).toMatchObject({ pending: 6, shipped: 1, approved: 0 });
    const both = await list('status=pending,shipped');
    expect(both.total).toBe(7);
    expect(both.counts).toEqual(pending.counts);
    expect(await ids('platformStatus=unpaid')).toEqual([o.unpaid!.id]);
    const bad = await owner.get(`${API}/orders?status=pending,lost`);
    expect(bad.status).toBe(400);
  });

  test('flag takes a comma list of 0–5', async () => {
    const red = await owner.post(`${API}/orders/${o.regular!.id}/flag`, { version: o.regular!.version, flag: 1 });
    const green = await owner.post(`${API}/orders/${o.task!.id}/flag`, { version: o.task!.version, flag: 3 });
    o.regular = red.body;
    o.task = green.body;
    expect(await ids('flag=1')).toEqual([o.regular!.id]);
    expect((await ids('flag=1,3')).sort()).toEqual([o.regular!.id, o.task!.id].sort());
    expect((await list('flag=0')).total).toBe(5);
    expect((await owner.get(`${API}/orders?flag=6`)).status).toBe(400);
  });

  test('from/to: a bare date is a whole shop day; a time is that instant', async () => {
    expect((await list(`from=${today()}&to=${today()}`)).total).toBe(7);
    expect((await list(`to=${dayOffset(-1)}`)).total).toBe(0);
    expect((await list(`from=${dayOffset(1)}`)).total).toBe(0);
    const placed = (await owner.get(`${API}/orders/${o.otherSku!.id}`)).body.placedAt as string;
    const after = await list(`from=${encodeURIComponent(placed)}`);
    expect(after.items.map((i) => i.id)).toContain(o.otherSku!.id);
    expect(after.items.map((i) => i.id)).not.toContain(o.regular!.id);
    // The same instant written in UTC finds the same orders.
    expect((await list(`from=${encodeURIComponent(new Date(placed).toISOString())}`)).total).toBe(after.total);
  });

  test('courier, sku (商家编码), exception and wave', async () => {
    expect(await ids('courier=STO')).toEqual([shipped.id]);
    expect(await ids(`sku=${encodeURIComponent(other.code)}`)).toEqual([o.otherSku!.id]);
    expect(await ids('sku=NOT-A-CODE')).toEqual([]);
    expect(await ids(`wave=${waveId}`)).toEqual([shipped.id]);
    const odd = await order({ receiverName: '冯异常' });
    const marked = await owner.post(`${API}/orders/${odd.id}/exception`, { version: odd.version, reason: '买家要改地址' });
    expect(marked.status).toBe(200);
    expect(await ids('exception=manual')).toEqual([odd.id]);
    expect(await ids('exception=out-of-stock')).toEqual([]);
    const back = await owner.post(`${API}/orders/${odd.id}/close`, { version: marked.body.version, reason: '不要了' });
    expect(back.status).toBe(200);
  });
});

describe('sorting and paging', () => {
  test('the queue order by default: task, then 顺丰, then a message, then the rest by time placed', async () => {
    const items = (await list('status=pending')).items.map((i) => i.id);
    expect(items.slice(0, 3)).toEqual([o.task!.id, o.express!.id, o.message!.id]);
    expect(items.slice(3)).toEqual([o.regular!.id, o.unpaid!.id, o.otherSku!.id]);
    expect((await list('status=pending&sort=-queue')).items.map((i) => i.id)).toEqual([...items].reverse());
  });

  test('other sorts, paging, and a refusal naming the sorts there are', async () => {
    const newest = (await list('status=pending&sort=-placedAt')).items.map((i) => i.id);
    expect(newest[0]).toBe(o.otherSku!.id);
    const second = await list('status=pending&sort=placedAt&pageSize=2&page=2');
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(second.items.map((i) => i.id)).toEqual([o.express!.id, o.task!.id]);
    const bad = await owner.get(`${API}/orders?sort=colour`);
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/不能按“colour”排序.*placedAt/);
  });

  test('the counts follow every write at once', async () => {
    const before = (await list('')).counts.pending!;
    const fresh = await order({ receiverName: '新来的' });
    expect((await list('')).counts.pending).toBe(before + 1);
    await owner.post(`${API}/orders/${fresh.id}/close`, { version: fresh.version, reason: '录错了' });
    expect((await list('')).counts).toMatchObject({ pending: before });
  });
});

describe('customer details', () => {
  test('a colleague without fulfillment.customer.read sees receivers and accounts masked, in lists and details', async () => {
    const mine = (await list(`q=${o.regular!.orderNo}`)).items[0]!;
    expect(mine).toMatchObject({ receiverName: '林小鱼', receiverPhone: '13812341234', receiverMasked: false });
    const theirs = (await list(`q=${o.regular!.orderNo}`, packer)).items[0]!;
    expect(theirs).toMatchObject({ receiverName: '林**', receiverPhone: '138****1234', receiverAddress: '浙江省杭州市****', receiverMasked: true });
    expect(theirs.buyerAccount).not.toBe(o.regular!.buyerAccount);
    const detail = (await packer.get(`${API}/orders/${o.regular!.id}`)).body;
    expect(detail).toMatchObject({ receiverName: '林**', receiverMasked: true });
    expect(JSON.stringify(detail)).not.toContain('文三路');
    const candidates = (await packer.get(`${API}/orders/${o.regular!.id}/merge-candidates`)).body;
    expect(JSON.stringify(candidates)).not.toContain('13812341234');
  });

  test('a guessed receiver or payment account finds nothing for the packer, so a masked answer cannot confirm the guess', async () => {
    expect((await list(`q=${encodeURIComponent('林小鱼')}`)).items.map((i) => i.id)).toContain(o.regular!.id);
    expect((await list(`q=${encodeURIComponent(o.regular!.buyerAccount)}`)).items.map((i) => i.id)).toContain(o.regular!.id);
    for (const guess of ['林小鱼', o.regular!.buyerAccount]) {
      const found = await list(`q=${encodeURIComponent(guess)}`, packer);
      expect(found.total, guess).toBe(0);
      expect(Object.values(found.counts).reduce((a, b) => a + b, 0), guess).toBe(0);
    }
    // The order number and tracking number still find orders for the packer.
    expect((await list(`q=${o.regular!.orderNo}`, packer)).total).toBe(1);
    expect((await list(`q=${tracking}`, packer)).items.map((i) => i.id)).toEqual([shipped.id]);
  });

  test('quick open finds an order by the start of its number, or by its receiver for staff allowed to see receivers', async () => {
    const byNo = await owner.get(`/api/workbench/search?q=${o.express!.orderNo}`);
    expect(byNo.body.items).toContainEqual(expect.objectContaining({ plugin: 'fulfillment', opens: 'order', id: o.express!.id, title: `订单 ${o.express!.orderNo}` }));
    const packerByNo = await packer.get(`/api/workbench/search?q=${o.express!.orderNo}`);
    expect(packerByNo.headers.get('cache-control')).toBe('no-store');
    expect(packerByNo.body.items).toContainEqual(expect.objectContaining({ opens: 'order', id: o.express!.id, detail: expect.stringMatching(/^吴\*\* · 待审核$/) }));
    const ownerByName = await owner.get(`/api/workbench/search?q=${encodeURIComponent('吴一凡')}`);
    expect(ownerByName.body.items).toContainEqual(expect.objectContaining({ opens: 'order', id: o.express!.id, detail: '吴一凡 · 待审核' }));
    const byName = await packer.get(`/api/workbench/search?q=${encodeURIComponent('吴一凡')}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.filter((i: { plugin: string }) => i.plugin === 'fulfillment')).toEqual([]);
  });
});

describe('queue and merge candidates', () => {
  test('the queue counts per state, per priority and exceptions per code', async () => {
    const reply = await owner.get(`${API}/queue`);
    expect(reply.status).toBe(200);
    const listed = await list('');
    expect(reply.body.statuses).toEqual(listed.counts);
    expect(reply.body.priorities).toMatchObject({ 1: 1, 2: 1 });
    const lone = await order({ receiverName: '冯孤单' }, [{ sku: other }]);
    await owner.post(`${API}/orders/auto-review`, { orderIds: [lone.id, o.message!.id] });
    const after = (await owner.get(`${API}/queue`)).body;
    expect(after.exceptions).toMatchObject({ 'needs-person': 1 });
    expect(after.statuses.exception).toBe(reply.body.statuses.exception + 1);
  });

  test('merge candidates: same buyer and address, not picked yet', async () => {
    const buyer = { buyerNick: unique('tb_same'), receiverName: '陈同址', receiverAddress: '广东省深圳市南山区科技园路 8 号' };
    const a = await enterOrder(owner, [{ sku }], buyer);
    const b = await enterOrder(owner, [{ sku: other }], { ...buyer, receiverAddress: '广东省深圳市南山区科技园路8号' });
    await enterOrder(owner, [{ sku }], { ...buyer, buyerNick: unique('tb_else') });
    const reply = await owner.get(`${API}/orders/${a.id}/merge-candidates`);
    expect(reply.body.items.map((i: O) => i.id)).toEqual([b.id]);
    expect((await owner.get(`${API}/orders/${shipped.id}/merge-candidates`)).body.items).toEqual([]);
  });
});

describe('the orders service', () => {
  test('another plugin reads an order by id or number, whole, and the pieces shipped per SKU between two times', async () => {
    const byId = (await owner.get(`/api/orders-reader/by-id/${o.regular!.id}`)).body.order;
    expect(byId).toMatchObject({ orderNo: o.regular!.orderNo, receiverName: '林小鱼', receiverMasked: false, items: [expect.objectContaining({ skuId: sku.id })] });
    expect((await owner.get(`/api/orders-reader/by-no/${shipped.orderNo}`)).body.order).toMatchObject({ id: shipped.id, status: 'shipped', trackingNo: tracking });
    expect((await owner.get('/api/orders-reader/by-no/NO-SUCH')).body.order).toBeNull();
    const window = (from: number, to: number) => `from=${encodeURIComponent(new Date(Date.now() + from).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + to).toISOString())}`;
    expect((await owner.get(`/api/orders-reader/shipped?skuIds=${sku.id},${other.id}&${window(-3_600_000, 60_000)}`)).body.shipped).toEqual({ [sku.id]: 1 });
    expect((await owner.get(`/api/orders-reader/shipped?skuIds=${sku.id}&${window(-7_200_000, -3_600_000)}`)).body.shipped).toEqual({});
  });
});

describe('permissions', () => {
  test('without fulfillment.orders.read nothing about orders can be read', async () => {
    const stranger = await colleague(server, owner, 'cangku', ['fulfillment.stock.read']);
    for (const path of ['/orders', `/orders/${o.regular!.id}`, `/orders/${o.regular!.id}/history`, `/orders/${o.regular!.id}/review`, `/orders/${o.regular!.id}/merge-candidates`, `/orders/${o.regular!.id}/price-changes`, '/queue']) {
      const reply = await stranger.get(`${API}${path}`);
      expect(reply.status, path).toBe(403);
      expect(reply.body.detail ?? reply.body.title, path).toMatch(CHINESE);
    }
    const search = await stranger.get(`/api/workbench/search?q=${o.regular!.orderNo}`);
    expect(search.body.items.filter((i: { plugin: string }) => i.plugin === 'fulfillment')).toEqual([]);
  });

  test('an order that does not exist is 404 in Chinese', async () => {
    const reply = await owner.get(`${API}/orders/999999`);
    expect(reply.status).toBe(404);
    expect(reply.body.detail).toMatch(/找不到订单 999999/);
  });
});
