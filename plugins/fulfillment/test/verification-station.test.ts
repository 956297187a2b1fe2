// The verification station (复核) through the HTTP API: an order found by number or id, items
// scanned by barcode or 商家编码, wrong / surplus / unknown codes refused and still recorded, the
// last item making the order 已复核, starting again, and the permission.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvedOrder, colleague, createSkus, pickedWave, startFulfillment, stockUp, type Client, type FulfillmentServer, type TestSku } from './api.js';

const API = '/api/fulfillment';
const V = `${API}/verification`;
const CHINESE = /[\u4e00-\u9fff]/;

let fs: FulfillmentServer;
let owner: Client;
let checker: Client;
let a: TestSku;
let b: TestSku;
let stranger: TestSku;
let main: { id: number; orderNo: string };
let other: { id: number; orderNo: string };
let waiting: { id: number; orderNo: string };

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  [a, b] = (await createSkus(owner, 2)) as [TestSku, TestSku];
  [stranger] = (await createSkus(owner, 1)) as [TestSku];
  await stockUp(owner, a, 'A-01-01-01', 20);
  await stockUp(owner, b, 'A-01-01-02', 20);
  await stockUp(owner, stranger, 'A-01-01-03', 20);
  main = await approvedOrder(owner, [{ sku: a, qty: 2 }, { sku: b }]);
  other = await approvedOrder(owner, [{ sku: a }, { sku: b }]);
  waiting = await approvedOrder(owner, [{ sku: a }]);
  await pickedWave(owner, [main.id, other.id]);
  checker = await colleague(fs.server, owner, 'fuhe1', ['fulfillment.verify']);
});
afterAll(() => fs?.server.dispose());

const scan = (orderId: number, code: string) => checker.post(`${V}/${orderId}/scan`, { code });
const outcomes = async (orderId: number) => (await checker.get(`${V}/${orderId}/scans`)).body.items.map((s: any) => s.outcome);

describe('finding the order', () => {
  test('by order number or id: lines expected against scanned, receiver masked for the checker', async () => {
    const byNo = await checker.get(`${V}/${main.orderNo}`);
    expect(byNo.status, byNo.text).toBe(200);
    expect(byNo.body.complete).toBe(false);
    expect(byNo.body.lines).toEqual([
      { skuId: a.id, skuCode: a.code, barcode: a.barcode, title: expect.any(String), catalogName: '测试卫衣 加绒连帽 S', expected: 2, scanned: 0 },
      { skuId: b.id, skuCode: b.code, barcode: b.barcode, title: expect.any(String), catalogName: '测试卫衣 加绒连帽 M', expected: 1, scanned: 0 },
    ]);
    expect(byNo.body.order).toMatchObject({ id: main.id, status: 'picked', receiverMasked: true, receiverName: '林**' });
    const byId = await checker.get(`${V}/${main.id}`);
    expect(byId.body.order.orderNo).toBe(main.orderNo);
    const whole = await owner.get(`${V}/${main.id}`);
    expect(whole.body.order).toMatchObject({ receiverMasked: false, receiverName: '林小鱼' });
    const none = await checker.get(`${V}/NO-SUCH-ORDER`);
    expect(none.status).toBe(404);
    expect(none.body.detail).toMatch(CHINESE);
  });
});

describe('scanning', () => {
  test('barcode and 商家编码 count; wrong, surplus and unknown codes are 409 and recorded; the last item verifies the order', async () => {
    const first = await scan(main.id, a.barcode);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ orderId: main.id, complete: false, status: 'picked', line: { skuId: a.id, expected: 2, scanned: 1 } });

    const wrong = await scan(main.id, stranger.barcode);
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toContain('不是这个订单的商品');
    expect(wrong.body.detail).toContain(stranger.code);
    expect(wrong.body.detail).toContain(`${a.code}×1`);
    expect(wrong.body.detail).toContain(`${b.code}×1`);

    const unknown = await scan(main.id, 'ZZ-NOT-A-CODE');
    expect(unknown.status).toBe(409);
    expect(unknown.body.detail).toContain('ZZ-NOT-A-CODE');
    expect(unknown.body.detail).toContain('不是任何商品');

    const second = await scan(main.id, a.code);
    expect(second.status, second.text).toBe(200);
    expect(second.body.line).toMatchObject({ skuId: a.id, scanned: 2 });
    const surplus = await scan(main.id, a.barcode);
    expect(surplus.status).toBe(409);
    expect(surplus.body.detail).toContain('已经扫够了');
    expect(surplus.body.detail).toContain(a.code);

    const middle = await checker.get(`${V}/${main.id}`);
    expect(middle.body.lines.map((l: any) => l.scanned)).toEqual([2, 0]);

    const last = await scan(main.id, b.code);
    expect(last.status, last.text).toBe(200);
    expect(last.body).toMatchObject({ complete: true, status: 'verified', line: { skuId: b.id, scanned: 1 } });

    const order = await owner.get(`${API}/orders/${main.id}`);
    expect(order.body.status).toBe('verified');
    expect(order.body.steps.verifiedBy).toMatchObject({ name: 'fuhe1' });
    const history = await owner.get(`${API}/orders/${main.id}/history`);
    expect(JSON.stringify(history.body)).toContain('"verify"');

    const scans = (await checker.get(`${V}/${main.id}/scans`)).body.items;
    expect(scans.map((s: any) => s.outcome)).toEqual(['ok', 'surplus', 'ok', 'unknown', 'wrong-item', 'ok']);
    expect(scans.every((s: any) => s.actorName === 'fuhe1')).toBe(true);
    expect(scans.find((s: any) => s.outcome === 'wrong-item')).toMatchObject({ code: stranger.barcode, skuId: stranger.id });

    const after = await scan(main.id, b.code);
    expect(after.status).toBe(409);
    expect(after.body.detail).toContain('已复核');
    expect(await outcomes(main.id)).toHaveLength(6);
  });

  test('only picked orders can be verified; the refusal says what state the order is in', async () => {
    const refused = await scan(waiting.id, a.barcode);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(waiting.orderNo);
    expect(refused.body.detail).toContain('已审核');
    expect(refused.body.detail).toContain('已拣货');
    const missing = await scan(999999, a.barcode);
    expect(missing.status).toBe(404);
  });

  test('reset starts the count again and keeps the scans; a verified order cannot be reset', async () => {
    expect((await scan(other.id, a.code)).status).toBe(200);
    const reset = await checker.post(`${V}/${other.id}/reset`);
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body.lines.map((l: any) => l.scanned)).toEqual([0, 0]);
    expect(await outcomes(other.id)).toEqual(['ok']);
    const history = await owner.get(`${API}/orders/${other.id}/history`);
    expect(JSON.stringify(history.body)).toContain('"verify-reset"');

    expect((await scan(other.id, a.barcode)).status).toBe(200);
    expect((await scan(other.id, b.barcode)).body.complete).toBe(true);
    const late = await checker.post(`${V}/${other.id}/reset`);
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('已复核');
  });
});

test('a shipped order is found by its tracking number', async () => {
  const trackingNo = `77${String(Date.now()).slice(-12)}`;
  const current = await owner.get(`${API}/orders/${main.id}`);
  const shipped = await owner.post(`${API}/orders/${main.id}/ship`, { version: current.body.version, courier: 'STO', trackingNo, weightGrams: 500 });
  expect(shipped.status, shipped.text).toBe(200);
  const found = await checker.get(`${V}/${trackingNo}`);
  expect(found.status, found.text).toBe(200);
  expect(found.body.order).toMatchObject({ id: main.id, status: 'shipped' });
  expect(found.body.complete).toBe(true);
});

describe('codes in any letter case', () => {
  // Scanners with Caps Lock on, or a clerk typing, send the same label in the other case.
  test('order number, tracking number, barcode and 商家编码 are found whatever their case', async () => {
    const stamp = String(Date.now()).slice(-7);
    const made = await owner.post('/api/listings/products', {
      title: '测试卫衣 大小写',
      itemCode: `CASE${stamp}`,
      skus: [
        { code: `Jk${stamp}-m`, barcode: `CB${stamp}X`, attributes: { 尺码: 'M' }, price: 9900, cost: 3500 },
        { code: `JK${stamp}-L`, barcode: `69${stamp}0001`, attributes: { 尺码: 'L' }, price: 9900, cost: 3500 },
      ],
    });
    expect(made.status, made.text).toBe(201);
    const [m, l] = made.body.skus as TestSku[];
    await stockUp(owner, m!, 'A-01-02-01', 5);
    await stockUp(owner, l!, 'A-01-02-02', 5);
    const order = await approvedOrder(owner, [{ sku: m!, qty: 2 }, { sku: l! }]);
    await pickedWave(owner, [order.id]);
    expect(order.orderNo).toMatch(/^M\d+$/);

    const found = await checker.get(`${V}/${order.orderNo.toLowerCase()}`);
    expect(found.status, found.text).toBe(200);
    expect(found.body.order.id).toBe(order.id);
    for (const code of [m!.barcode.toLowerCase(), m!.code.toUpperCase(), l!.code.toLowerCase()]) {
      const reply = await scan(order.id, code);
      expect(reply.status, `${code}: ${reply.text}`).toBe(200);
    }
    expect((await checker.get(`${V}/${order.id}`)).body.complete).toBe(true);
    expect(await outcomes(order.id)).toEqual(['ok', 'ok', 'ok']);

    const trackingNo = `YT${String(Date.now()).slice(-13)}`;
    const current = await owner.get(`${API}/orders/${order.id}`);
    const shipped = await owner.post(`${API}/orders/${order.id}/ship`, { version: current.body.version, courier: 'YTO', trackingNo: trackingNo.toLowerCase(), weightGrams: 500 });
    expect(shipped.status, shipped.text).toBe(200);
    const byTracking = await checker.get(`${V}/${trackingNo.toLowerCase()}`);
    expect(byTracking.status, byTracking.text).toBe(200);
    expect(byTracking.body.order.id).toBe(order.id);
  });
});

test('the station needs fulfillment.verify', async () => {
  const picker = await colleague(fs.server, owner, 'jianhuo2', ['fulfillment.waves.run', 'fulfillment.orders.read']);
  const replies = await Promise.all([
    picker.get(`${V}/${main.orderNo}`),
    picker.post(`${V}/${other.id}/scan`, { code: a.code }),
    picker.post(`${V}/${other.id}/reset`),
    picker.get(`${V}/${other.id}/scans`),
  ]);
  for (const reply of replies) {
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toMatch(CHINESE);
  }
});
