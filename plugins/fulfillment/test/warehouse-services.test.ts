import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, stockUp, type Client, type FulfillmentServer, type TestSku } from './api.js';

let f: FulfillmentServer;
let owner: Client;
const api = (path: string) => `/api/fulfillment${path}`;

beforeAll(async () => {
  // The events fulfillment consumes are tested with the plugins that send them:
  // procurement.goods.received in plugins/procurement/test/receiving.test.ts,
  // after-sales.return.received in plugins/after-sales/test/returns-api.test.ts.
  f = await startFulfillment({ inProcess: true });
  owner = f.owner;
});
afterAll(() => f.server.dispose());

const stockOf = async (sku: TestSku) => (await owner.get(api(`/stock?sku=${sku.id}`))).body.items[0];

describe('the inventory service', () => {
  async function listProduct(sku: TestSku) {
    const reviewer = await colleague(f.server, owner, `shenhe${sku.id}`, ['listings.products.read', 'listings.products.review']);
    const found = (await owner.get(`/api/listings/skus?q=${encodeURIComponent(sku.code)}`)).body.items[0];
    const product = (await owner.get(`/api/listings/products/${found.productId}`)).body;
    const submitted = await owner.post(`/api/listings/products/${product.id}/submit`, { version: product.version, reason: '测试商品' });
    const approved = await reviewer.post(`/api/listings/products/${product.id}/review`, { version: submitted.body.version, decision: 'approve' });
    expect(approved.body.status).toBe('listed');
  }
  const warning = async (sku: TestSku) => ((await owner.get('/api/listings/stock-warnings')).body.items as { skuId: number; stock: number }[]).find((w) => w.skuId === sku.id);

  test("listings' low-stock warnings follow available stock: reservations count, movements re-check at once", async () => {
    const [a] = await createSkus(owner, 1);
    await listProduct(a!);
    await stockUp(owner, a!, 'W-01-01-01', 11);
    await owner.post('/api/listings/stock-warnings/check');
    expect(await warning(a!)).toBeUndefined();

    const order = await enterOrder(owner, [{ sku: a!, qty: 3 }]);
    await approve(owner, order);
    expect(await stockOf(a!)).toMatchObject({ onHand: 11, reserved: 3, available: 8 });
    expect(await warning(a!)).toMatchObject({ stock: 8 });

    await owner.post(api('/stock/adjust'), { skuId: a!.id, location: 'W-01-01-01', qty: 5, reason: '补货' });
    expect(await warning(a!)).toBeUndefined();
    await owner.post(api('/stock/defective'), { skuId: a!.id, location: 'W-01-01-01', qty: 7, reason: '霉点' });
    expect(await warning(a!)).toMatchObject({ stock: 6 });
  });

  test('a batch approval announces its reservations once, at its end, and the warnings follow', async () => {
    const [b] = await createSkus(owner, 1);
    await listProduct(b!);
    await stockUp(owner, b!, 'W-01-01-02', 14);
    await owner.post('/api/listings/stock-warnings/check');
    expect(await warning(b!)).toBeUndefined();
    const orders = [];
    // Three buyers, so the possible-merge rule leaves them be.
    for (const name of ['赵一', '钱二', '孙三']) orders.push(await enterOrder(owner, [{ sku: b!, qty: 2 }], { receiverName: name, buyerNick: `tb_${name}` }));
    const reply = await owner.post(api('/orders/batch-approve'), { orderIds: orders.map((o) => o.id) });
    expect(reply.status, reply.text).toBe(200);
    expect(await stockOf(b!)).toMatchObject({ onHand: 14, reserved: 6, available: 8 });
    expect(await warning(b!)).toMatchObject({ stock: 8 });
  });
});
