// The `orders` service as other plugins use it (fixtures/orders-reader stands in for after-sales,
// CS and dashboards), and the order events they hear (fixtures/order-listener): pages with totals
// by shop day, buyer and SKU, receivers masked unless the reader may see them, and
// fulfillment.order.created / .paid from imports and manual entry, once per order.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createSkus, enterOrder, runImport, startFulfillment, stockUp, unique, type Client, type TestServer, type TestSku } from './api.js';
import { taobaoExport, type TaobaoExportOptions } from './fixtures/taobao-export.mjs';

const READER = '/api/orders-reader';
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

let server: TestServer;
let owner: Client;
let sku: TestSku;
let other: TestSku;

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const asQuery = (query: Record<string, unknown>) => `query=${encodeURIComponent(JSON.stringify(query))}`;

interface News {
  orderId: number;
  orderNo: string;
  source: string;
  paidAt: string | null;
  paidAmount: number;
  items: { skuId: number | null; skuCode: string; quantity: number; price: number }[];
}

/** Every order the listener heard in `name` events, and how many events carried them. */
async function heard(name: 'fulfillment.order.created' | 'fulfillment.order.paid') {
  const reply = await owner.get(`/api/order-listener/heard?name=${name}`);
  expect(reply.status, reply.text).toBe(200);
  const events = reply.body.items as { payload: { orders: News[] } }[];
  return { events: events.length, orders: events.flatMap((e) => e.payload.orders) };
}
const heardNos = async (name: 'fulfillment.order.created' | 'fulfillment.order.paid') => (await heard(name)).orders.map((o) => o.orderNo);

let exportSeed = 40;
const exportOf = (options: Omit<TaobaoExportOptions, 'skuCodes'>) => taobaoExport({ skuCodes: [sku.code, other.code], seed: exportSeed++, ...options });
async function upload(e: ReturnType<typeof taobaoExport>) {
  const run = await runImport(server, owner, 'taobao-orders', [e.orderFile, e.itemFile]);
  expect(run.events.at(-1)?.event, JSON.stringify(run.problem)).toBe('done');
  return run.result;
}

beforeAll(async () => {
  ({ server, owner } = await startFulfillment({
    folders: [fixture('orders-reader'), fixture('order-listener')],
    enabled: ['listings', 'fulfillment', 'orders-reader', 'order-listener'],
    inProcess: true,
  }));
  [sku, other] = (await createSkus(owner, 2, 'SVC')) as [TestSku, TestSku];
  await stockUp(owner, sku, 'V-01-01-01', 100);
  await stockUp(owner, other, 'V-01-01-02', 100);
});
afterAll(() => server?.dispose());

describe('receivers through the service', () => {
  test('whole for a reader who may see them, masked for one who may not and for a plugin asking on its own', async () => {
    const order = await enterOrder(owner, [{ sku }], { buyerNick: unique('tb_'), receiverName: '林小鱼' });
    const byId = (client: Client, extra = '') => client.get(`${READER}/by-id/${order.id}${extra}`);
    expect((await byId(owner)).body.order).toMatchObject({ receiverName: '林小鱼', receiverPhone: '13812341234', receiverMasked: false });
    expect((await byId(owner, '?asPlugin=1')).body.order).toMatchObject({ receiverName: '林**', receiverPhone: '138****1234', receiverMasked: true });
    expect((await owner.get(`${READER}/by-no/${order.orderNo}?asPlugin=1`)).body.order).toMatchObject({ id: order.id, receiverMasked: true });

    const clerk = await colleague(server, owner, 'kefu', ['orders-reader.read']);
    const masked = (await byId(clerk)).body.order;
    expect(masked).toMatchObject({ receiverName: '林**', receiverMasked: true });
    expect(masked.receiverAddress).not.toContain('文三路');
    const lead = await colleague(server, owner, 'kefuzhuguan', ['orders-reader.read', 'fulfillment.customer.read']);
    expect((await byId(lead)).body.order).toMatchObject({ receiverName: '林小鱼', receiverMasked: false });
    // Pages mask alike.
    const page = (await clerk.get(`${READER}/buyer/${encodeURIComponent(order.buyerNick)}`)).body;
    expect(page.items).toEqual([expect.objectContaining({ id: order.id, receiverName: '林**', receiverMasked: true })]);
  });
});

describe('pages with totals', () => {
  test('a buyer’s orders of today, two to a page, with totals of all of them per state', async () => {
    const buyerNick = unique('tb_');
    const a = await enterOrder(owner, [{ sku, qty: 2 }], { buyerNick, shippingFee: 1000 });
    const b = await enterOrder(owner, [{ sku }, { sku: other }], { buyerNick });
    const c = await enterOrder(owner, [{ sku: other }], { buyerNick, paid: false });
    const d = await enterOrder(owner, [{ sku }], { buyerNick });
    // 99 元 a piece: a 2 × 99 + 10 shipping = 208 元, b 198 元, d 99 元; c unpaid.
    const first = (await owner.get(`${READER}/day/${today()}?${asQuery({ buyerNick, pageSize: 2 })}`)).body;
    expect(first.items.map((o: { id: number }) => o.id)).toEqual([d.id, c.id]);
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(first.totals).toMatchObject({ count: 4, paidAmount: 50_500 });
    expect(first.totals.byStatus.pending).toEqual({ count: 4, paidAmount: 50_500 });
    expect(first.totals.byStatus.shipped).toEqual({ count: 0, paidAmount: 0 });
    expect(first.totals.byPlatformStatus).toMatchObject({ paid: { count: 3, paidAmount: 50_500 }, unpaid: { count: 1, paidAmount: 0 } });
    expect(first.items[0].items).toEqual([expect.objectContaining({ skuId: sku.id, quantity: 1, price: 9900 })]);

    const second = (await owner.get(`${READER}/buyer/${encodeURIComponent(buyerNick)}?${asQuery({ page: 2, pageSize: 2 })}`)).body;
    expect(second.items.map((o: { id: number }) => o.id)).toEqual([b.id, a.id]);
    expect(second.totals.count).toBe(4);

    const ofOther = (await owner.get(`${READER}/sku/${other.id}?${asQuery({ buyerNick })}`)).body;
    expect(ofOther.items.map((o: { id: number }) => o.id)).toEqual([c.id, b.id]);
    expect(ofOther.totals).toMatchObject({ count: 2, paidAmount: 19_800 });
    const paidOnly = (await owner.get(`${READER}/find?${asQuery({ buyerNick, platformStatus: ['paid'], by: 'paidAt', day: today() })}`)).body;
    expect(paidOnly.totals).toMatchObject({ count: 3, paidAmount: 50_500 });
    const yesterday = (await owner.get(`${READER}/find?${asQuery({ buyerNick, to: new Date(Date.now() - 86_400_000).toISOString() })}`)).body;
    expect(yesterday).toMatchObject({ total: 0, items: [] });
  });

  test('imported orders by their shop day, and sales per SKU by payment time', async () => {
    const e = exportOf({ orders: 6, placedFrom: '2021-05-20 21:00:00', statusOf: (i) => (i === 0 ? 'unpaid' : i === 1 ? 'closed' : 'paid') });
    await upload(e);
    const page = (await owner.get(`${READER}/day/2021-05-20?${asQuery({ pageSize: 500 })}`)).body;
    const theDay = e.orders.filter((o) => o.placedAt.startsWith('2021-05-20'));
    expect(page.total).toBe(theDay.length);
    expect(page.totals.paidAmount).toBe(theDay.reduce((n, o) => n + o.paidAmount, 0));
    expect(page.items.every((o: { placedAt: string }) => o.placedAt.startsWith('2021-05-20') && o.placedAt.endsWith('+08:00'))).toBe(true);

    // Lines of paid, not closed orders: the unpaid and the closed one sell nothing.
    const sold = new Map<string, { qty: number; amount: number }>();
    for (const o of e.orders.slice(2)) {
      for (const item of o.items) {
        const s = sold.get(item.code) ?? { qty: 0, amount: 0 };
        sold.set(item.code, { qty: s.qty + item.quantity, amount: s.amount + item.quantity * item.price });
      }
    }
    const range = `from=${encodeURIComponent('2021-05-20T00:00:00+08:00')}&to=${encodeURIComponent('2021-06-01T00:00:00+08:00')}`;
    const sales = (await owner.get(`${READER}/sales?skuIds=${sku.id},${other.id}&${range}`)).body.sales;
    for (const [code, s] of sold) expect(sales[code === sku.code ? sku.id : other.id]).toMatchObject(s);
  });

  test('a query the service cannot read is refused in the reader’s words', async () => {
    const reply = await owner.get(`${READER}/find?${asQuery({ day: '2021-5-20' })}`);
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toMatch(/day/);
    expect((await owner.get(`${READER}/find?${asQuery({ pageSize: 501 })}`)).status).toBe(400);
    expect((await owner.get(`${READER}/find?${asQuery({ by: 'shippedAt' })}`)).status).toBe(400);
  });
});

describe('fulfillment.order.created and .paid', () => {
  test('an import announces its new orders and those paid; a re-import only orders newly paid, each once', async () => {
    const before = { created: (await heard('fulfillment.order.created')).orders.length, paid: (await heard('fulfillment.order.paid')).orders.length };
    const options = { orders: 3, placedFrom: '2021-06-01 10:00:00' } as const;
    const first = exportOf({ ...options, statusOf: (i) => (i === 0 ? 'unpaid' : 'paid') });
    await upload(first);
    const [unpaid, paid1, paid2] = first.orders.map((o) => o.orderNo) as [string, string, string];
    expect((await heardNos('fulfillment.order.created')).slice(before.created)).toEqual([unpaid, paid1, paid2]);
    expect((await heardNos('fulfillment.order.paid')).slice(before.paid)).toEqual([paid1, paid2]);
    const news = (await heard('fulfillment.order.created')).orders.find((o) => o.orderNo === paid1)!;
    expect(news).toMatchObject({ source: 'import', paidAmount: first.orders[1]!.paidAmount });
    for (const o of (await heard('fulfillment.order.created')).orders.slice(before.created)) {
      expect(o.orderId, o.orderNo).toBe((await owner.get(`/api/fulfillment/orders?q=${o.orderNo}`)).body.items[0].id);
    }
    expect(news.items[0]).toMatchObject({ skuCode: first.orders[1]!.items[0]!.code, quantity: first.orders[1]!.items[0]!.quantity });
    expect(news.items.every((i) => i.skuId === sku.id || i.skuId === other.id)).toBe(true);

    // The same files again: nothing new. The buyer pays the first one: that one, once.
    await upload(first);
    exportSeed--;
    const later = exportOf({ ...options, statusOf: () => 'paid' });
    expect(later.orders.map((o) => o.orderNo)).toEqual([unpaid, paid1, paid2]);
    await upload(later);
    await upload(later);
    expect((await heardNos('fulfillment.order.created')).slice(before.created)).toEqual([unpaid, paid1, paid2]);
    expect((await heardNos('fulfillment.order.paid')).slice(before.paid)).toEqual([paid1, paid2, unpaid]);
  });

  test('a large import sends its orders in batches of at most 1,000', async () => {
    const before = await heard('fulfillment.order.created');
    const e = exportOf({ orders: 1200, placedFrom: '2021-07-01 08:00:00', statusOf: () => 'paid' });
    const result = await upload(e);
    expect(result.created).toBe(1200);
    const after = await heard('fulfillment.order.created');
    expect(after.events - before.events).toBe(2);
    expect(after.orders.slice(before.orders.length).map((o) => o.orderNo)).toEqual(e.orders.map((o) => o.orderNo));
  });

  test('manual entry announces the order, and its payment when paid', async () => {
    const before = { created: (await heard('fulfillment.order.created')).orders.length, paid: (await heard('fulfillment.order.paid')).orders.length };
    const paid = await enterOrder(owner, [{ sku, qty: 2 }], { buyerNick: unique('tb_') });
    const unpaid = await enterOrder(owner, [{ sku }], { buyerNick: unique('tb_'), paid: false });
    const created = (await heard('fulfillment.order.created')).orders.slice(before.created);
    expect(created).toEqual([
      expect.objectContaining({ orderId: paid.id, orderNo: paid.orderNo, source: 'manual', paidAmount: 19_800, items: [{ skuId: sku.id, skuCode: sku.code, quantity: 2, price: 9900, refundState: 'none' }] }),
      expect.objectContaining({ orderId: unpaid.id, source: 'manual', paidAt: null, paidAmount: 0 }),
    ]);
    expect(created[0]).not.toHaveProperty('receiverName');
    expect((await heardNos('fulfillment.order.paid')).slice(before.paid)).toEqual([paid.orderNo]);
  });

  test('a listener that refuses takes the import or the entry back with it', async () => {
    const before = (await heard('fulfillment.order.created')).orders.length;
    expect((await owner.put('/api/order-listener/refuse', { refuse: true })).status).toBe(204);
    try {
      const e = exportOf({ orders: 2, placedFrom: '2021-08-01 08:00:00' });
      const run = await runImport(server, owner, 'taobao-orders', [e.orderFile, e.itemFile]);
      expect(run.events.at(-1)?.event).toBe('failed');
      expect(JSON.stringify(run.problem)).toMatch(/测试监听方拒绝/);
      expect((await owner.get(`/api/fulfillment/orders?q=${e.orders[0]!.orderNo}`)).body.total).toBe(0);
      const entry = await owner.post('/api/fulfillment/orders', {
        buyerNick: 'tb_拒绝', receiverName: '周小满', receiverPhone: '13900001111', receiverAddress: '浙江省宁波市鄞州区四明中路 8 号', shippingFee: 0, paid: true,
        items: [{ skuCode: sku.code, quantity: 1 }],
      });
      expect(entry.status).toBe(409);
      expect((await owner.get(`${READER}/buyer/${encodeURIComponent('tb_拒绝')}`)).body.total).toBe(0);
    } finally {
      expect((await owner.put('/api/order-listener/refuse', { refuse: false })).status).toBe(204);
    }
    expect((await heard('fulfillment.order.created')).orders).toHaveLength(before);
  });
});
