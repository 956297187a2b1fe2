// 审单 through the API: manual entry, the review rules (each switched on and off in the settings),
// approving with its reservation, exception, fraud, reopen, close with its event, the automatic
// review and batch approval in queue order, and who may do what.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, stockUp, unique, withSettings, type Client, type TestServer, type TestSku } from './api.js';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;
let server: TestServer;
let owner: Client;
let reader: Client;

let bins = 0;
/** A new bin of zone R for each call (one SKU per bin). */
const nextBin = () => `R-01-${String(Math.floor(bins / 99) + 1).padStart(2, '0')}-${String((bins++ % 99) + 1).padStart(2, '0')}`;

/** An order of its own buyer, so the merge rule sees no other order of the same buyer. */
const order = (lines: { sku: { code: string }; qty?: number }[], body: Record<string, unknown> = {}) => enterOrder(owner, lines, { buyerNick: unique('tb_'), ...body });

async function stocked(qty: number): Promise<TestSku> {
  const [sku] = await createSkus(owner, 1);
  await stockUp(owner, sku!, nextBin(), qty);
  return sku!;
}

const read = async (id: number) => (await owner.get(`${API}/orders/${id}`)).body;
const post = async (id: number, action: string, body: Record<string, unknown> = {}) => owner.post(`${API}/orders/${id}/${action}`, { version: (await read(id)).version, ...body });
const stockOf = async (sku: TestSku) => (await owner.get(`${API}/stock?q=${sku.code}`)).body.items[0];
const finding = async (id: number, rule: string) => ((await owner.get(`${API}/orders/${id}/review`)).body.findings as { rule: string; ok: boolean; code?: string; message: string }[]).find((f) => f.rule === rule)!;

beforeAll(async () => {
  ({ server, owner } = await startFulfillment({ inProcess: true }));
  reader = await colleague(server, owner, 'kefu', ['fulfillment.orders.read']);
});
afterAll(() => server?.dispose());

describe('manual entry', () => {
  test('numbers the order M + shop date + sequence, prices from the SKU, totals, priority and history', async () => {
    const [a, b] = await createSkus(owner, 2);
    const first = await order([{ sku: a!, qty: 2 }, { sku: b! }], { shippingFee: 800 });
    const second = await order([{ sku: a! }]);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).replaceAll('-', '');
    expect(first.orderNo).toMatch(new RegExp(`^M${today}\\d{4}$`));
    expect(Number(second.orderNo.slice(9))).toBe(Number(first.orderNo.slice(9)) + 1);
    expect(first).toMatchObject({ status: 'pending', platformStatus: 'paid', source: 'manual', goodsTotal: 3 * 9900, shippingFee: 800, total: 3 * 9900 + 800, paidAmount: 3 * 9900 + 800, itemCount: 3, priority: 4 });
    expect(first.items.map((i: { skuId: number }) => i.skuId)).toEqual([a!.id, b!.id]);
    expect(first.items[0]).toMatchObject({ title: '测试卫衣 加绒连帽', properties: '尺码：S', price: 9900, quantity: 2 });
    const history = await owner.get(`${API}/orders/${first.id}/history`);
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'create', from: null, to: 'pending', actorName: '王店长' })]);
  });

  test('a price given on a line wins; unpaid orders are 等待买家付款; a task order ranks first, 顺丰 second, a message third', async () => {
    const [a] = await createSkus(owner, 1);
    const cheap = await order([{ sku: a! }], { items: [{ skuCode: a!.code, quantity: 1, price: 5000 }], paid: false });
    expect(cheap).toMatchObject({ goodsTotal: 5000, platformStatus: 'unpaid', paidAmount: 0, paidAt: null });
    expect((await order([{ sku: a! }], { task: true })).priority).toBe(1);
    expect((await order([{ sku: a! }], { shippingMethod: '顺丰' })).priority).toBe(2);
    expect((await order([{ sku: a! }], { buyerMessage: '请发黑色' })).priority).toBe(3);
  });

  test('an unknown 商家编码 is refused naming it, in Chinese by default', async () => {
    const [a] = await createSkus(owner, 1);
    const reply = await owner.post(`${API}/orders`, {
      buyerNick: 'tb_x', receiverName: '王五', receiverPhone: '13900001111', receiverAddress: '浙江省杭州市文三路 1 号', shippingFee: 0, paid: true,
      items: [{ skuCode: a!.code, quantity: 1 }, { skuCode: 'NO-SUCH-9', quantity: 1 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toContain('NO-SUCH-9');
    expect(reply.body.detail).toMatch(CHINESE);
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: '/items/1/skuCode' })]);
  });
});

describe('approve', () => {
  test('reserves the lines, records the reviewer, and refuses a stale version or a second approval', async () => {
    const sku = await stocked(5);
    const o = await order([{ sku, qty: 2 }]);
    const stale = await owner.post(`${API}/orders/${o.id}/approve`, { version: o.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/刷新/);
    const approved = await approve(owner, o);
    expect(approved).toMatchObject({ status: 'approved', exceptions: [] });
    expect(approved.steps.reviewedBy).toMatchObject({ name: '王店长' });
    expect(await stockOf(sku)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
    const again = await post(o.id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/已经是「已审核」/);
    const history = (await owner.get(`${API}/orders/${o.id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'approve', from: 'pending', to: 'approved', actorName: '王店长' });
  });

  test('stock reserved for another order does not count: the second order for the last piece is refused', async () => {
    const sku = await stocked(1);
    const first = await order([{ sku }]);
    const second = await order([{ sku }]);
    await approve(owner, first);
    const refused = await post(second.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/库存不够.*可用 0 件/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/rules/stock', in: 'out-of-stock' })]);
  });
});

describe('review rules, each switched by review.*', () => {
  test('requireStock: no stock refuses; switched off, the order is approved', async () => {
    const [sku] = await createSkus(owner, 1);
    const o = await order([{ sku: sku! }]);
    expect(await finding(o.id, 'stock')).toMatchObject({ ok: false, code: 'out-of-stock' });
    expect((await post(o.id, 'approve')).status).toBe(409);
    await withSettings(owner, { review: { requireStock: false } }, async () => {
      expect(await finding(o.id, 'stock')).toMatchObject({ ok: true });
      expect((await post(o.id, 'approve')).status).toBe(200);
    });
  });

  test('requireCompleteAddress: a short phone or an address without street is refused; off, it passes', async () => {
    const sku = await stocked(5);
    const badPhone = await order([{ sku }], { receiverPhone: '1381234' });
    const noStreet = await order([{ sku }], { receiverAddress: '浙江省杭州市' });
    const landline = await order([{ sku }], { receiverPhone: '0571-88881234' });
    expect(await finding(landline.id, 'complete-address')).toMatchObject({ ok: true });
    const refused = await post(badPhone.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/手机号/);
    expect(await finding(noStreet.id, 'complete-address')).toMatchObject({ ok: false, code: 'incomplete-address' });
    await withSettings(owner, { review: { requireCompleteAddress: false } }, async () => {
      expect((await post(badPhone.id, 'approve')).status).toBe(200);
      expect((await post(noStreet.id, 'approve')).status).toBe(200);
    });
  });

  test('blockUnpaid: an unpaid order cannot be approved; off, it can', async () => {
    const sku = await stocked(2);
    const o = await order([{ sku }], { paid: false });
    const refused = await post(o.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/还没付款/);
    await withSettings(owner, { review: { blockUnpaid: false } }, async () => {
      expect((await post(o.id, 'approve')).status).toBe(200);
    });
  });

  test('requireCourierReach: where no courier reaches the order is refused; off, it passes', async () => {
    const sku = await stocked(2);
    const o = await order([{ sku }], { receiverAddress: '西藏自治区拉萨市城关区北京中路 8 号' });
    // 申通 and 中通 both leave out 西藏: with 中通 as the fallback nobody reaches it.
    await withSettings(owner, { shipping: { fallbackCourier: 'ZTO' } }, async () => {
      expect(await finding(o.id, 'courier-reach')).toMatchObject({ ok: false, code: 'courier-unreachable' });
      const refused = await post(o.id, 'approve');
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/没有快递能送到西藏/);
    });
    expect(await finding(o.id, 'courier-reach')).toMatchObject({ ok: true, message: expect.stringMatching(/邮政EMS/) });
    await withSettings(owner, { shipping: { fallbackCourier: 'ZTO' }, review: { requireCourierReach: false } }, async () => {
      expect((await post(o.id, 'approve')).status).toBe(200);
    });
  });

  test('checkPaidAmount: a price change after payment makes the order 异常; a person who settled it may approve; off, nothing is flagged', async () => {
    const sku = await stocked(5);
    const o = await order([{ sku, qty: 2 }], { shippingFee: 800 });
    await approve(owner, o);
    // The buyer paid 206 元; the shop then lowers one piece by 10 元: 10 元 is to be refunded.
    const lowered = await post(o.id, 'price-change', { itemId: (await read(o.id)).items[0].id, field: 'item-price', newAmount: 8900, reason: '买家付款后议价' });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ status: 'exception', total: 2 * 8900 + 800, paidAmount: 2 * 9900 + 800, exceptions: [{ code: 'payment-mismatch', message: expect.stringMatching(/多付 20\.00 元/) }] });
    expect(await stockOf(sku)).toMatchObject({ reserved: 0 });
    expect((await owner.post(`${API}/orders/auto-review`, { orderIds: [o.id] })).body).toMatchObject({ approved: 0, exceptions: 0, skipped: 1 });
    const refused = await owner.post(`${API}/orders/batch-approve`, { orderIds: [o.id] });
    expect(refused.body.results[0]).toMatchObject({ outcome: 'refused', reasons: [expect.objectContaining({ code: 'payment-mismatch' })] });
    // The difference refunded outside the workbench, a person approves by hand; the history says what they overruled.
    expect((await post(o.id, 'approve')).status).toBe(200);
    expect((await owner.get(`${API}/orders/${o.id}/history`)).body.items.at(-1)).toMatchObject({ action: 'approve', detail: { overruled: ['payment-mismatch'] } });
    // The shipping fee counts too, and a change before payment is nothing to flag.
    const unpaid = await order([{ sku }], { paid: false, shippingFee: 800 });
    expect((await post(unpaid.id, 'price-change', { field: 'shipping-fee', newAmount: 0, reason: '包邮' })).body).toMatchObject({ status: 'pending', exceptions: [] });
    await withSettings(owner, { review: { checkPaidAmount: false } }, async () => {
      const other = await order([{ sku }], { shippingFee: 800 });
      expect((await post(other.id, 'price-change', { field: 'shipping-fee', newAmount: 0, reason: '包邮' })).body).toMatchObject({ status: 'pending', exceptions: [] });
      expect((await owner.post(`${API}/orders/auto-review`, { orderIds: [other.id] })).body).toMatchObject({ approved: 1 });
    });
    const flagged = await order([{ sku }], { shippingFee: 800 });
    await post(flagged.id, 'price-change', { field: 'shipping-fee', newAmount: 0, reason: '包邮' });
    expect(await finding(flagged.id, 'paid-amount')).toMatchObject({ ok: false, code: 'payment-mismatch', message: expect.stringMatching(/多付 8\.00 元/) });
  });

  test('messageNeedsPerson: the automatic review leaves a message to a person, who may approve it; off, it is approved automatically', async () => {
    const sku = await stocked(5);
    const o = await order([{ sku }], { buyerMessage: '麻烦发快一点' });
    const auto = await owner.post(`${API}/orders/auto-review`, { orderIds: [o.id] });
    expect(auto.status).toBe(200);
    expect(auto.body).toMatchObject({ approved: 0, exceptions: 1 });
    expect(auto.body.results[0].reasons).toEqual([expect.objectContaining({ code: 'needs-person', message: expect.stringMatching(/买家留言/) })]);
    expect(await read(o.id)).toMatchObject({ status: 'exception', exceptions: [expect.objectContaining({ code: 'needs-person' })] });
    const review = (await owner.get(`${API}/orders/${o.id}/review`)).body;
    expect(review).toMatchObject({ passes: false, approvable: true });
    const byHand = await post(o.id, 'approve');
    expect(byHand.status).toBe(200);
    expect(byHand.body).toMatchObject({ status: 'approved', exceptions: [] });
    await withSettings(owner, { review: { messageNeedsPerson: false } }, async () => {
      const another = await order([{ sku }], { buyerMessage: '谢谢' });
      expect((await owner.post(`${API}/orders/auto-review`, { orderIds: [another.id] })).body).toMatchObject({ approved: 1, exceptions: 0 });
    });
  });

  test('detectMerge: two orders of one buyer to one address go to a person; off, both pass', async () => {
    const sku = await stocked(10);
    const buyer = { buyerNick: unique('tb_m'), receiverAddress: '江苏省南京市鼓楼区中山路 18 号' };
    const a = await order([{ sku }], buyer);
    // The same address written with other spaces is the same address.
    const b = await order([{ sku }], { ...buyer, receiverAddress: '江苏省 南京市 鼓楼区 中山路18号' });
    const auto = (await owner.post(`${API}/orders/auto-review`, { orderIds: [a.id, b.id] })).body;
    expect(auto).toMatchObject({ approved: 0, exceptions: 2 });
    expect(auto.results.find((r: { orderId: number }) => r.orderId === a.id).reasons[0]).toMatchObject({ code: 'possible-merge', message: expect.stringContaining(b.orderNo) });
    expect((await post(a.id, 'approve')).status).toBe(200);
    const c = await order([{ sku }], { buyerNick: unique('tb_n'), receiverAddress: '江苏省南京市鼓楼区中山路 20 号' });
    const d = await order([{ sku }], { buyerNick: (await read(c.id)).buyerNick, receiverAddress: '江苏省南京市鼓楼区中山路 20 号' });
    await withSettings(owner, { review: { detectMerge: false } }, async () => {
      expect((await owner.post(`${API}/orders/auto-review`, { orderIds: [c.id, d.id] })).body).toMatchObject({ approved: 2, exceptions: 0 });
    });
  });
});

describe('exception, fraud, reopen, close', () => {
  test('exception releases the reservation and keeps the reason; reopen brings it back to review', async () => {
    const sku = await stocked(3);
    const o = await order([{ sku, qty: 2 }]);
    await approve(owner, o);
    const marked = await post(o.id, 'exception', { reason: '买家说地址要改' });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ status: 'exception', exceptions: [{ code: 'manual', message: '买家说地址要改' }] });
    expect(await stockOf(sku)).toMatchObject({ reserved: 0, available: 3 });
    const reopened = await post(o.id, 'reopen');
    expect(reopened.body).toMatchObject({ status: 'pending', exceptions: [] });
    expect(reopened.body.steps.reviewedBy).toBeNull();
    const twice = await post(o.id, 'reopen');
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/已经是「待审核」/);
    const empty = await post(o.id, 'exception', { reason: '   ' });
    expect(empty.status).toBe(400);
  });

  test('fraud from review, not from approved; reopened from fraud', async () => {
    const sku = await stocked(3);
    const o = await order([{ sku }]);
    const fraud = await post(o.id, 'fraud', { reason: '同一地址一天下了二十单' });
    expect(fraud.body.status).toBe('fraud');
    expect((await post(o.id, 'reopen')).body.status).toBe('pending');
    await approve(owner, o);
    const refused = await post(o.id, 'fraud', { reason: '晚了' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/已审核.*不能改为「欺诈」/);
  });

  test('close frees the stock, keeps the reason, gives the coupon back through the event, and cannot happen twice', async () => {
    const sku = await stocked(2);
    const o = await order([{ sku }]);
    await approve(owner, o);
    const coupon = await owner.post('/api/listings/coupons', { name: '满减券', faceValue: 500 });
    const [code] = (await owner.post(`/api/listings/coupons/${coupon.body.id}/issue`, { count: 1 })).body.codes;
    expect((await owner.post(`/api/listings/coupon-codes/${code.code}/redeem`, { orderRef: o.orderNo })).status).toBe(200);
    const closed = await post(o.id, 'close', { reason: '买家不要了' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: '买家不要了' });
    expect(await stockOf(sku)).toMatchObject({ reserved: 0 });
    expect((await owner.get(`/api/listings/coupon-codes/${code.code}`)).body.status).toBe('returned');
    const again = await post(o.id, 'close', { reason: '再关一次' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(CHINESE);
  });
});

describe('automatic review and batch approval', () => {
  test('in queue order: the task order entered last takes the stock first, and no piece is promised twice', async () => {
    const sku = await stocked(3);
    const regular = [await order([{ sku }]), await order([{ sku }]), await order([{ sku }])];
    const task = await order([{ sku }], { task: true });
    const reply = await owner.post(`${API}/orders/auto-review`, { orderIds: [...regular, task].map((o) => o.id) });
    expect(reply.body).toMatchObject({ approved: 3, exceptions: 1 });
    const outcome = (id: number) => reply.body.results.find((r: { orderId: number }) => r.orderId === id).outcome;
    expect(outcome(task.id)).toBe('approved');
    expect(outcome(regular[0]!.id)).toBe('approved');
    expect(outcome(regular[1]!.id)).toBe('approved');
    expect(outcome(regular[2]!.id)).toBe('exception');
    expect(await stockOf(sku)).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
    expect((await read(regular[2]!.id)).exceptions).toEqual([expect.objectContaining({ code: 'out-of-stock' })]);
  });

  test('on the orders the list filter shows, never on the whole shop; the confirmed count must still hold', async () => {
    const sku = await stocked(5);
    const other = await stocked(5);
    const shown = [await order([{ sku }]), await order([{ sku }], { task: true })];
    const behind = await order([{ sku: other }]);
    const done = await order([{ sku }]);
    await approve(owner, done);
    // Neither the orders nor a filter: refused, in the clerk's words, and nothing moves.
    const bare = await owner.post(`${API}/orders/auto-review`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.detail).toMatch(/不会默认审核全店订单/);
    expect((await read(behind.id)).status).toBe('pending');
    // The count confirmed no longer holds (another order appeared under the filter): nothing is reviewed.
    const stale = await owner.post(`${API}/orders/auto-review`, { filter: { sku: sku.code }, expectedCount: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/确认时是 1 单，现在是 2 单/);
    expect((await read(shown[0]!.id)).status).toBe('pending');
    // A state filter without 待审核 shows nothing to review.
    expect((await owner.post(`${API}/orders/auto-review`, { filter: { sku: sku.code, status: 'approved' } })).body).toMatchObject({ approved: 0, results: [] });
    const reply = await owner.post(`${API}/orders/auto-review`, { filter: { sku: sku.code, status: 'pending,approved' }, expectedCount: 2 });
    expect(reply.status).toBe(200);
    // Exactly the two 待审核 orders of the filter, in queue order (the task order first); the approved one is not touched.
    expect(reply.body).toMatchObject({ approved: 2, exceptions: 0, skipped: 0 });
    expect(reply.body.results.map((r: { orderId: number }) => r.orderId)).toEqual([shown[1]!.id, shown[0]!.id]);
    expect((await read(behind.id)).status).toBe('pending');
    const skipped = (await owner.post(`${API}/orders/auto-review`, { orderIds: [done.id] })).body;
    expect(skipped.results[0]).toMatchObject({ outcome: 'skipped', reasons: [expect.objectContaining({ code: 'state' })] });
  });

  test('batch approval approves those that pass and leaves the rest as they were', async () => {
    const sku = await stocked(1);
    const [a, b] = [await order([{ sku }]), await order([{ sku }])];
    const reply = await owner.post(`${API}/orders/batch-approve`, { orderIds: [b.id, a.id] });
    expect(reply.body).toMatchObject({ approved: 1, refused: 1 });
    // a was placed first, so it takes the piece whatever order the ids came in.
    expect((await read(a.id)).status).toBe('approved');
    expect((await read(b.id)).status).toBe('pending');
    expect(reply.body.results.find((r: { orderId: number }) => r.orderId === b.id).reasons[0].code).toBe('out-of-stock');
  });
});

describe('permissions', () => {
  test('a reviewer without customer details cannot confirm a guessed receiver through the filter of 自动审单', async () => {
    const [sku] = await createSkus(owner, 1);
    const name = unique('韩');
    const o = await order([{ sku: sku! }], { receiverName: name });
    const reviewer = await colleague(server, owner, 'shenhe', ['fulfillment.orders.read', 'fulfillment.orders.review']);
    const guess = await reviewer.post(`${API}/orders/auto-review`, { filter: { q: name }, expectedCount: 1 });
    expect(guess.status, guess.text).toBe(409);
    expect((await read(o.id)).status).toBe('pending');
    expect((await reviewer.post(`${API}/orders/auto-review`, { filter: { q: name } })).body).toMatchObject({ results: [] });
    expect((await read(o.id)).status).toBe('pending');
  });

  test('a colleague who may only read orders sees them but may not enter or review them', async () => {
    const [sku] = await createSkus(owner, 1);
    const o = await order([{ sku: sku! }]);
    expect((await reader.get(`${API}/orders/${o.id}`)).status).toBe(200);
    expect((await reader.get(`${API}/orders/${o.id}/review`)).status).toBe(200);
    expect((await reader.get(`${API}/orders/${o.id}/history`)).status).toBe(200);
    const entry = await reader.post(`${API}/orders`, { buyerNick: 'x', receiverName: 'y', receiverPhone: '13800000000', receiverAddress: '浙江省杭州市文三路 1 号', shippingFee: 0, paid: true, items: [{ skuCode: sku!.code, quantity: 1 }] });
    expect(entry.status).toBe(403);
    expect(entry.body.detail ?? entry.body.title).toMatch(CHINESE);
    for (const action of ['approve', 'exception', 'fraud', 'reopen', 'close']) {
      expect((await reader.post(`${API}/orders/${o.id}/${action}`, { version: o.version, reason: '试试' })).status, action).toBe(403);
    }
    expect((await reader.post(`${API}/orders/auto-review`, { filter: {} })).status).toBe(403);
    expect((await reader.post(`${API}/orders/batch-approve`, { orderIds: [o.id] })).status).toBe(403);
  });
});
