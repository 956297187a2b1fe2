// Closed or refunding on Taobao means the parcel does not leave: the station and the batch file
// refuse it saying why, the wave shows it, and one action puts its goods back on the shelf (a
// ledger row). A paid order is not closed locally: it waits as 异常 awaiting-refund, and its coupon
// comes back only when Taobao really closes it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, pickedWave, runImport, stockedShop, type Client, type TestServer, type TestSku } from './api.js';
import { encodeReport, type ExportedOrder } from './fixtures/taobao-export.mjs';
import { reportsFrom } from './paid-exports.js';
import { withRefunds, type LineRefund } from './refund-cells.js';

const API = '/api/fulfillment';

let server: TestServer;
let owner: Client;
let skus: TestSku[];

beforeAll(async () => {
  ({ server, owner, skus } = await stockedShop(4, 'PB', 'K', 200));
});
afterAll(() => server?.dispose());

const paidExport = reportsFrom(5200000000000001n, () => skus);

async function upload(e: ReturnType<typeof paidExport>, refunds: Map<string, LineRefund> = new Map()) {
  const run = await runImport(server, owner, 'taobao-orders', [e.orderFile, { name: e.itemFile.name, bytes: encodeReport(withRefunds(e.itemReport, refunds)) }]);
  expect(run.problem).toBeUndefined();
  return run.result;
}

/** Single-line orders of the export a person may approve (no message, remark, or far region). */
const clean = (e: ReturnType<typeof paidExport>) => e.orders.filter((o) => o.items.length === 1 && !o.buyerMessage && !o.sellerRemark && !/新疆|西藏/.test(o.province));

async function orderOf(o: ExportedOrder) {
  const hit = (await owner.get(`${API}/orders?q=${o.orderNo}`)).body.items[0];
  return (await owner.get(`${API}/orders/${hit.id}`)).body;
}

async function redeemedCoupon(orderNo: string): Promise<string> {
  const coupon = await owner.post('/api/listings/coupons', { name: '店铺券', faceValue: 300 });
  const [code] = (await owner.post(`/api/listings/coupons/${coupon.body.id}/issue`, { count: 1 })).body.codes;
  expect((await owner.post(`/api/listings/coupon-codes/${code.code}/redeem`, { orderRef: orderNo })).status).toBe(200);
  return code.code;
}
const couponStatus = async (code: string) => (await owner.get(`/api/listings/coupon-codes/${code}`)).body.status;

describe('closed or refunding on Taobao does not leave', () => {
  test('the station and the batch file refuse it saying why; the wave shows it; putting back writes a ledger row and moves the order', async () => {
    const e = paidExport(20, 71);
    await upload(e);
    const [refunding, closing, fine] = clean(e);
    for (const o of [refunding!, closing!, fine!]) await approve(owner, await orderOf(o));
    const waveId = await pickedWave(owner, await Promise.all([refunding!, closing!, fine!].map(async (o) => (await orderOf(o)).id)));
    const coupon = await redeemedCoupon(closing!.orderNo);
    const result = await upload(e, new Map([
      [refunding!.items[0]!.lineKey, { state: '买家已经申请退款，等待卖家同意' }],
      [closing!.items[0]!.lineKey, { state: 'SUCCESS', amount: '59.00' }],
    ]));
    expect(result.attention.map((a: { orderNo: string }) => a.orderNo).sort()).toEqual([refunding!.orderNo, closing!.orderNo].sort());
    const r = await orderOf(refunding!);
    expect(r).toMatchObject({ status: 'picked', platformStatus: 'refunding' });

    const station = await owner.post(`${API}/orders/${r.id}/ship`, { version: r.version, trackingNo: '770000000000001', weightGrams: 500 });
    expect(station.status).toBe(409);
    expect(station.body.detail).toMatch(/退款/);
    const csv = `订单编号,物流公司,物流单号\r\n${closing!.orderNo},申通,770000000000002\r\n`;
    const batch = await runImport(server, owner, 'batch-shipping', [{ name: '批量发货.csv', bytes: csv }]);
    expect(batch.result).toMatchObject({ shipped: 0, rejected: [{ row: 2, column: '订单编号', reason: expect.stringMatching(/关闭/) }] });

    const wave = (await owner.get(`${API}/waves/${waveId}`)).body;
    const member = (o: ExportedOrder) => wave.orderList.find((m: { orderNo: string }) => m.orderNo === o.orderNo);
    expect(member(refunding!)).toMatchObject({ platformStatus: 'refunding', mustPutBack: true });
    expect(member(closing!)).toMatchObject({ platformStatus: 'closed', mustPutBack: true });
    expect(member(fine!)).toMatchObject({ platformStatus: 'paid', mustPutBack: false });

    const refused = await owner.post(`${API}/waves/${waveId}/orders/${(await orderOf(fine!)).id}/put-back`, {});
    expect(refused.status).toBe(409);
    const back = await owner.post(`${API}/waves/${waveId}/orders/${r.id}/put-back`, {});
    expect(back.status, back.text).toBe(200);
    expect(await orderOf(refunding!)).toMatchObject({ status: 'exception', exceptions: [{ code: 'refunding' }], waveId: null });
    const c = await orderOf(closing!);
    expect((await owner.post(`${API}/waves/${waveId}/orders/${c.id}/put-back`, {})).status).toBe(200);
    const twice = await owner.post(`${API}/waves/${waveId}/orders/${c.id}/put-back`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/已关闭/);
    expect(await orderOf(closing!)).toMatchObject({ status: 'closed' });
    expect(await couponStatus(coupon)).toBe('returned');
    const ledger = (await owner.get(`${API}/ledger?order=${r.id}&kind=putback`)).body.items;
    const sku = skus.find((s) => s.code === refunding!.items[0]!.code)!;
    expect(ledger).toEqual([expect.objectContaining({ kind: 'putback', qty: 0, skuId: sku.id, reason: expect.stringMatching(/退款/), actorName: expect.any(String) })]);
    const after = (await owner.get(`${API}/waves/${waveId}`)).body;
    expect(after.orderList.map((m: { orderNo: string }) => m.orderNo)).not.toContain(refunding!.orderNo);
    expect(after.orderList.find((m: { orderNo: string }) => m.orderNo === closing!.orderNo)).toMatchObject({ status: 'closed', mustPutBack: false });
  });
});

describe('a paid order is not closed here', () => {
  test('closing an order Taobao shows paid is refused; 异常 awaiting-refund keeps the coupon until Taobao closes it', async () => {
    const e = paidExport(10, 72);
    await upload(e);
    const [target] = clean(e);
    const order = await orderOf(target!);
    const coupon = await redeemedCoupon(target!.orderNo);
    const refused = await owner.post(`${API}/orders/${order.id}/close`, { version: order.version, reason: '买家不要了' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/已付款.*待退款/);
    expect(await couponStatus(coupon)).toBe('used');
    const marked = await owner.post(`${API}/orders/${order.id}/exception`, { version: order.version, reason: '买家要退款，等淘宝退款', code: 'awaiting-refund' });
    expect(marked.status, marked.text).toBe(200);
    expect(marked.body).toMatchObject({ status: 'exception', exceptions: [{ code: 'awaiting-refund', message: '买家要退款，等淘宝退款' }] });
    expect(await couponStatus(coupon)).toBe('used');
    expect((await owner.get(`${API}/orders/${order.id}/review`)).body).toMatchObject({ approvable: false });
    const batch = await owner.post(`${API}/orders/batch-approve`, { orderIds: [order.id] });
    expect(batch.body).toMatchObject({ approved: 0 });
    await upload(e, new Map(target!.items.map((i) => [i.lineKey, { state: '退款成功' }])));
    expect(await orderOf(target!)).toMatchObject({ status: 'closed', platformStatus: 'closed' });
    expect(await couponStatus(coupon)).toBe('returned');
  });

  test('an unpaid order still closes here', async () => {
    const e = paidExport(1, 73, 'unpaid');
    await upload(e);
    const order = await orderOf(e.orders[0]!);
    expect((await owner.post(`${API}/orders/${order.id}/close`, { version: order.version, reason: '未付款' })).status).toBe(200);
  });
});
