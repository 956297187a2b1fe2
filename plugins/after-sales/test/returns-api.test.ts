// A return received at the warehouse against its case, with the real fulfillment: scanned by the
// return tracking number or the order, each piece inspected, stock and case moved together.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { stockUp, type Client, type TestSku } from '../../../test/helpers/shop-fixtures.js';
import { API, paidOrder, skusOf, startAfterSales } from './kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startAfterSales();
  skus = await skusOf(host, 2);
  await stockUp(host.owner as unknown as Client, skus[0]!, 'R-01-01-01', 5);
});
afterAll(() => host?.close());

async function returnCase(sku: TestSku, qty = 2) {
  const order = await paidOrder(host, [sku], {});
  const opened = await host.owner.post(`${API}/cases`, { orderId: order.id, kind: 'return-refund', reason: '尺码不合适' });
  expect(opened.status, opened.text).toBe(201);
  const agreed = await host.owner.post(`${API}/cases/${opened.body.id}/move`, { version: opened.body.version, to: 'wait-buyer-return' });
  expect(agreed.status, agreed.text).toBe(200);
  return { order, c: agreed.body as { id: number; caseNo: string; quantity: number }, qty };
}
const stockOf = async (sku: TestSku) => (await host.owner.get(`/api/fulfillment/stock?sku=${sku.id}`)).body.items[0];

test('scanned by its return tracking number, one piece intact and none damaged goes back to the bin; the case waits for the seller', async () => {
  const { order, c } = await returnCase(skus[0]!);
  expect((await host.owner.put(`${API}/cases/${c.id}/return-tracking`, { trackingNo: ' sf 1234567890 ' })).body.trackingNo).toBe('SF1234567890');
  const cangguan = await host.staff('cangguan', ['warehouse']);
  const scanned = await cangguan.get(`${API}/returns/expected?code=SF1234567890`);
  expect(scanned.status, scanned.text).toBe(200);
  expect(scanned.body.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([c.caseNo]);
  expect((await cangguan.get(`${API}/returns/expected?code=${order.orderNo}`)).body.items).toHaveLength(1);
  const before = await stockOf(skus[0]!);
  const got = await cangguan.post(`${API}/cases/${c.id}/return-receipt`, { intact: 1, damaged: 0, note: '外包装完好' });
  expect(got.status, got.text).toBe(201);
  expect(got.body).toMatchObject({ intact: 1, damaged: 0, state: 'wait-seller-confirm', receivedByName: 'cangguan' });
  expect((await stockOf(skus[0]!)).onHand).toBe(before.onHand + 1);
  const detail = (await host.owner.get(`${API}/cases/${c.id}`)).body;
  expect(detail.state).toBe('wait-seller-confirm');
  expect(detail.moves.at(-1)).toMatchObject({ to: 'wait-seller-confirm', note: '退货到仓：完好 1 件，破损 0 件；外包装完好' });
  expect((await cangguan.get(`${API}/returns/expected?code=SF1234567890`)).body.items).toEqual([]);
  const twice = await cangguan.post(`${API}/cases/${c.id}/return-receipt`, { intact: 1, damaged: 0 });
  expect(twice.status).toBe(409);
});

test('a damaged piece goes to 残次库; more pieces than the case is refused', async () => {
  const { c } = await returnCase(skus[0]!);
  const tooMany = await host.owner.post(`${API}/cases/${c.id}/return-receipt`, { intact: 1, damaged: 1 });
  expect(tooMany.body.detail).toBe('收到 2 件，但售后单只有 1 件：请核对');
  const before = await stockOf(skus[0]!);
  expect((await host.owner.post(`${API}/cases/${c.id}/return-receipt`, { intact: 0, damaged: 1 })).status).toBe(201);
  const after = await stockOf(skus[0]!);
  expect([after.onHand - before.onHand, after.defective - before.defective]).toEqual([0, 1]);
});

test('a SKU with no bin is refused by fulfillment and nothing is kept: the case still waits for the goods', async () => {
  const { c } = await returnCase(skus[1]!);
  const refused = await host.owner.post(`${API}/cases/${c.id}/return-receipt`, { intact: 1, damaged: 0 });
  expect(refused.status).toBe(400);
  expect(refused.body.detail).toContain('还没有库位');
  expect((await host.owner.get(`${API}/cases/${c.id}`)).body.state).toBe('wait-buyer-return');
  expect((await host.owner.get(`${API}/returns/expected?code=${c.caseNo}`)).status).toBe(200);
  const onlyRefund = await host.owner.post(`${API}/cases`, { orderId: (await paidOrder(host, [skus[1]!])).id, kind: 'exchange', reason: '尺码不合适' });
  const early = await host.owner.post(`${API}/cases/${onlyRefund.body.id}/return-receipt`, { intact: 1, damaged: 0 });
  expect(early.body.detail).toBe(`售后单 ${onlyRefund.body.caseNo} 现在是“等待卖家同意”，不在等退货`);
  expect((await (await host.staff('kefu9', ['customer-service'])).post(`${API}/cases/${c.id}/return-receipt`, { intact: 1, damaged: 0 })).status).toBe(403);
});
