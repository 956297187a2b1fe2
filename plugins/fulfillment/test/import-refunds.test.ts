// Refunds read per line from the item report's 退款状态 (sentences or codes): a refund open on any
// line puts the order in 异常 refunding, a refused or closed one lets it back to review, every line
// refunded closes it (stock released, coupon back), one line of several refunded leaves picking
// while the line stays on the order, marked.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, makeWave, runImport, stockedShop, type Client, type TestServer, type TestSku } from './api.js';
import { encodeReport, type ExportedOrder } from './fixtures/taobao-export.mjs';
import { reportsFrom } from './paid-exports.js';
import { withRefunds, type LineRefund } from './refund-cells.js';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let owner: Client;
let skus: TestSku[];

beforeAll(async () => {
  ({ server, owner, skus } = await stockedShop(5, 'RF', 'J', 200));
});
afterAll(() => server?.dispose());

const paidExport = reportsFrom(5100000000000001n, () => skus);

/** Uploads the export's order report with its item report, refunds written in. */
async function upload(e: ReturnType<typeof paidExport>, refunds: Map<string, LineRefund> = new Map()) {
  const items = { name: e.itemFile.name, bytes: encodeReport(withRefunds(e.itemReport, refunds)) };
  const run = await runImport(server, owner, 'taobao-orders', [e.orderFile, items]);
  expect(run.problem).toBeUndefined();
  return run.result;
}

/** An order of the export a person may approve: no message or remark, a courier reaches it. */
const approvable = (e: ReturnType<typeof paidExport>, lines: number) => e.orders.find((o) => o.items.length === lines && !o.buyerMessage && !o.sellerRemark && !/新疆|西藏/.test(o.province))!;

async function orderOf(o: ExportedOrder) {
  const hit = (await owner.get(`${API}/orders?q=${o.orderNo}`)).body.items[0];
  return (await owner.get(`${API}/orders/${hit.id}`)).body;
}
const reservedOf = async (sku: { code: string }) => (await owner.get(`${API}/stock?q=${sku.code}`)).body.items[0].reserved as number;
const reservedFor = async (orderId: number) => {
  const all = await Promise.all(skus.map(async (s) => ({ s, n: await reservedOf(s) })));
  return new Map(all.map(({ s, n }) => [s.code, n]));
};
const refundsOf = (entries: [string, LineRefund][]) => new Map(entries);

describe('a refund on Taobao', () => {
  test('asked on one line of a new order: 异常 refunding, the line marked, and no approval', async () => {
    const e = paidExport(12, 61);
    const target = approvable(e, 2);
    await upload(e, refundsOf([[target.items[1]!.lineKey, { state: '买家已经申请退款，等待卖家同意', amount: '10.00' }]]));
    const order = await orderOf(target);
    expect(order).toMatchObject({ status: 'exception', platformStatus: 'refunding', exceptions: [{ code: 'refunding', message: expect.stringMatching(CHINESE) }] });
    expect(order.items.map((i: { refundState: string }) => i.refundState)).toEqual(['none', 'in-progress']);
    expect(order.items[1]).toMatchObject({ refundStatus: '买家已经申请退款，等待卖家同意', refundAmount: 1000 });
    const review = (await owner.get(`${API}/orders/${order.id}/review`)).body;
    expect(review.approvable).toBe(false);
    const refused = await owner.post(`${API}/orders/${order.id}/approve`, { version: order.version });
    expect(refused.status).toBe(409);
  });

  test('asked on an approved order: 异常 with the stock released; refused by the seller, back to review; closed, the same', async () => {
    const e = paidExport(12, 62);
    const [first, second] = e.orders.filter((o) => o.items.length === 1 && !o.buyerMessage && !o.sellerRemark && !/新疆|西藏/.test(o.province));
    await upload(e);
    for (const o of [first!, second!]) await approve(owner, await orderOf(o));
    const sku = { code: first!.items[0]!.code };
    const before = await reservedOf(sku);
    await upload(e, refundsOf([[first!.items[0]!.lineKey, { state: 'WAIT_SELLER_AGREE' }], [second!.items[0]!.lineKey, { state: 'wait buyer return goods' }]]));
    expect(await orderOf(first!)).toMatchObject({ status: 'exception', platformStatus: 'refunding', exceptions: [{ code: 'refunding' }] });
    expect(await orderOf(second!)).toMatchObject({ status: 'exception', platformStatus: 'refunding' });
    expect(await reservedOf(sku)).toBe(before - first!.items[0]!.quantity - (second!.items[0]!.code === sku.code ? second!.items[0]!.quantity : 0));
    await upload(e, refundsOf([[first!.items[0]!.lineKey, { state: 'SELLER_REFUSE_BUYER' }], [second!.items[0]!.lineKey, { state: '退款关闭' }]]));
    for (const o of [first!, second!]) {
      const back = await orderOf(o);
      expect(back, o.orderNo).toMatchObject({ status: 'pending', platformStatus: 'paid', exceptions: [] });
    }
    const history = (await owner.get(`${API}/orders/${(await orderOf(first!)).id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'reopen', from: 'exception', to: 'pending' });
  });

  test('refunded on every line: the order closes, its stock is released and its coupon comes back', async () => {
    const e = paidExport(12, 63);
    const target = approvable(e, 2);
    await upload(e);
    const approved = await approve(owner, await orderOf(target));
    const coupon = await owner.post('/api/listings/coupons', { name: '退款返券', faceValue: 500 });
    const [code] = (await owner.post(`/api/listings/coupons/${coupon.body.id}/issue`, { count: 1 })).body.codes;
    expect((await owner.post(`/api/listings/coupon-codes/${code.code}/redeem`, { orderRef: target.orderNo })).status).toBe(200);
    const reserved = await reservedFor(approved.id);
    const result = await upload(e, refundsOf(target.items.map((i) => [i.lineKey, { state: 'SUCCESS', amount: '20.00' }])));
    expect(result).toMatchObject({ closed: 1 });
    const order = await orderOf(target);
    expect(order).toMatchObject({ status: 'closed', platformStatus: 'closed', closedReason: expect.stringMatching(CHINESE) });
    expect(order.items.every((i: { refundState: string }) => i.refundState === 'succeeded')).toBe(true);
    for (const item of target.items) expect(await reservedOf(item)).toBeLessThan(reserved.get(item.code)! + 1);
    expect((await owner.get(`/api/listings/coupon-codes/${code.code}`)).body.status).toBe('returned');
  });

  test('refunded on one line of three: the line stays marked, the approved order goes back to review, and picking leaves the line out', async () => {
    const e = paidExport(30, 64);
    const target = approvable(e, 3);
    await upload(e);
    await approve(owner, await orderOf(target));
    const gone = target.items[1]!;
    await upload(e, refundsOf([[gone.lineKey, { state: '退款成功', amount: '35.00' }]]));
    const order = await orderOf(target);
    expect(order).toMatchObject({ status: 'pending', platformStatus: 'paid' });
    expect(order.items).toHaveLength(3);
    expect(order.items[1]).toMatchObject({ lineKey: gone.lineKey, refundState: 'succeeded', refundAmount: 3500 });
    const again = await approve(owner, order);
    const wave = await makeWave(owner, [again.id]);
    const picked = new Map<string, number>();
    for (const line of wave.pickList) for (const slot of line.slots) if (slot.orderNo === target.orderNo) picked.set(line.skuCode, (picked.get(line.skuCode) ?? 0) + slot.qty);
    const expected = new Map<string, number>();
    for (const item of target.items) if (item !== gone) expected.set(item.code, (expected.get(item.code) ?? 0) + item.quantity);
    expect(picked).toEqual(expected);
  });

  test('refunded on one line once the order is in a wave: it stays in the wave, holds only what still ships, and the clerk is told', async () => {
    const e = paidExport(30, 65);
    const target = approvable(e, 2);
    await upload(e);
    const approved = await approve(owner, await orderOf(target));
    await makeWave(owner, [approved.id]);
    const gone = target.items[0]!;
    const before = await reservedOf(gone);
    const result = await upload(e, refundsOf([[gone.lineKey, { state: 'SUCCESS', amount: '12.00' }]]));
    expect(result.attention).toEqual([{ orderNo: target.orderNo, reason: expect.stringMatching(/退款成功.*放回库位/) }]);
    expect(await orderOf(target)).toMatchObject({ status: 'approved', waveId: expect.any(Number) });
    expect(await reservedOf(gone)).toBe(before - gone.quantity);
  });
});
