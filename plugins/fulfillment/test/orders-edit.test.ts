// Changing an order through the API: edits until it is picked, price changes kept beside it,
// flags, remarks in the 工号+快递+备注 format (each part of the format, and its settings), stale
// versions, and who may change orders.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, stockUp, unique, withSettings, type Client, type TestServer, type TestSku } from './api.js';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;
let server: TestServer;
let owner: Client;
let viewer: Client;
let sku: TestSku;
let second: TestSku;

const order = (body: Record<string, unknown> = {}) => enterOrder(owner, [{ sku }], { buyerNick: unique('tb_'), ...body });
const read = async (id: number) => (await owner.get(`${API}/orders/${id}`)).body;
const remark = (id: number, text: string, flag?: number) => owner.post(`${API}/orders/${id}/remarks`, flag === undefined ? { text } : { text, flag });
const history = async (id: number) => (await owner.get(`${API}/orders/${id}/history`)).body.items as { action: string; actorName: string; detail: Record<string, unknown> }[];

beforeAll(async () => {
  ({ server, owner } = await startFulfillment({ inProcess: true }));
  viewer = await colleague(server, owner, 'kanban', ['fulfillment.orders.read']);
  [sku, second] = (await createSkus(owner, 2)) as [TestSku, TestSku];
  await stockUp(owner, sku, 'E-01-01-01', 30);
  await stockUp(owner, second, 'E-01-01-02', 30);
});
afterAll(() => server?.dispose());

describe('PATCH', () => {
  test('changes the receiver and items, recomputes totals, region, priority and merge partners, and records which fields changed', async () => {
    const o = await order({ shippingFee: 600 });
    const reply = await owner.patch(`${API}/orders/${o.id}`, {
      version: o.version,
      receiverAddress: '四川省成都市武侯区人民南路 4 段 9 号',
      sellerRemark: '加急',
      items: [{ skuCode: second.code, quantity: 3, price: 8000 }],
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ receiverRegion: '四川', sellerRemark: '加急', goodsTotal: 24000, total: 24600, itemCount: 3, priority: 2, version: o.version + 1 });
    expect(reply.body.items).toEqual([expect.objectContaining({ skuId: second.id, quantity: 3, price: 8000 })]);
    const step = (await history(o.id)).at(-1)!;
    expect(step).toMatchObject({ action: 'edit', actorName: '王店长' });
    expect(step.detail.fields).toEqual(expect.arrayContaining(['receiver_address', 'seller_remark', 'goods_total']));
    expect(JSON.stringify(step.detail)).not.toContain('人民南路');
  });

  test('an approved order that changes goes back to review with its stock released', async () => {
    const o = await order();
    const approved = await approve(owner, o);
    const reply = await owner.patch(`${API}/orders/${o.id}`, { version: approved.version, buyerMessage: '改成周末送' });
    expect(reply.body).toMatchObject({ status: 'pending', buyerMessage: '改成周末送', priority: 3 });
    expect(reply.body.steps.reviewedBy).toBeNull();
    const stock = (await owner.get(`${API}/stock?q=${sku.code}`)).body.items[0];
    expect(stock.reserved).toBe(0);
    expect((await history(o.id)).map((h) => h.action).slice(-2)).toEqual(['reopen', 'edit']);
  });

  test('a stale version is 409, an unknown SKU or courier 400, each in Chinese', async () => {
    const o = await order();
    const stale = await owner.patch(`${API}/orders/${o.id}`, { version: o.version + 5, receiverName: '李四' });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/刷新/);
    const unknown = await owner.patch(`${API}/orders/${o.id}`, { version: o.version, items: [{ skuCode: 'NOPE-1', quantity: 1 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('NOPE-1');
    const courier = await owner.patch(`${API}/orders/${o.id}`, { version: o.version, courierRequested: 'ABC' });
    expect(courier.status).toBe(400);
    expect(courier.body.detail).toMatch(/没有代码为 ABC 的快递/);
    expect((await read(o.id)).version).toBe(o.version);
  });

  test('refused once the order is in a wave or picked', async () => {
    const o = await order();
    await approve(owner, o);
    const wave = await owner.post(`${API}/waves`, { orderIds: [o.id] });
    expect(wave.status, wave.text).toBe(201);
    const inWave = await owner.patch(`${API}/orders/${o.id}`, { version: (await read(o.id)).version, receiverName: '改个名' });
    expect(inWave.status).toBe(409);
    expect(inWave.body.detail).toMatch(/波次/);
    expect((await owner.post(`${API}/waves/${wave.body.id}/picked`, { version: wave.body.version })).status).toBe(200);
    const picked = await read(o.id);
    expect(picked.status).toBe('picked');
    const refused = await owner.patch(`${API}/orders/${o.id}`, { version: picked.version, receiverName: '改个名' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/已拣货.*不能再改/);
    const price = await owner.post(`${API}/orders/${o.id}/price-change`, { version: picked.version, field: 'shipping-fee', newAmount: 100, reason: '补运费' });
    expect(price.status).toBe(409);
  });
});

describe('price changes', () => {
  test('an item price and the shipping fee: old, new, reason and who, beside the order; totals follow', async () => {
    const o = await order({ shippingFee: 1000, items: [{ skuCode: sku.code, quantity: 2 }] });
    const itemId = o.items[0].id;
    const first = await owner.post(`${API}/orders/${o.id}/price-change`, { version: o.version, itemId, field: 'item-price', newAmount: 8800, reason: '老顾客让利' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ goodsTotal: 17600, total: 18600 });
    expect(first.body.items[0].price).toBe(8800);
    const fee = await owner.post(`${API}/orders/${o.id}/price-change`, { version: first.body.version, field: 'shipping-fee', newAmount: 0, reason: '包邮' });
    expect(fee.body).toMatchObject({ shippingFee: 0, total: 17600, paidAmount: o.paidAmount });
    const changes = (await owner.get(`${API}/orders/${o.id}/price-changes`)).body.items;
    expect(changes).toEqual([
      expect.objectContaining({ field: 'item-price', itemId, oldAmount: 9900, newAmount: 8800, reason: '老顾客让利', actorName: '王店长' }),
      expect.objectContaining({ field: 'shipping-fee', itemId: null, oldAmount: 1000, newAmount: 0, reason: '包邮' }),
    ]);
    expect((await history(o.id)).filter((h) => h.action === 'price-change')).toHaveLength(2);
  });

  test('refusals: no item, an item of another order, the same amount, no reason, a stale version', async () => {
    const o = await order();
    const elsewhere = await order();
    const post = (body: Record<string, unknown>) => owner.post(`${API}/orders/${o.id}/price-change`, { version: o.version, ...body });
    const noItem = await post({ field: 'item-price', newAmount: 100, reason: '让利' });
    expect(noItem.status).toBe(400);
    expect(noItem.body.detail).toMatch(/哪一件商品/);
    expect((await post({ field: 'item-price', itemId: elsewhere.items[0].id, newAmount: 100, reason: '让利' })).status).toBe(404);
    const same = await post({ field: 'item-price', itemId: o.items[0].id, newAmount: 9900, reason: '让利' });
    expect(same.status).toBe(400);
    expect(same.body.detail).toMatch(/和原来一样（99.00 元）/);
    expect((await post({ field: 'shipping-fee', newAmount: 100, reason: ' ' })).status).toBe(400);
    expect((await owner.post(`${API}/orders/${o.id}/price-change`, { version: o.version + 1, field: 'shipping-fee', newAmount: 100, reason: '补' })).status).toBe(409);
    expect((await owner.get(`${API}/orders/${o.id}/price-changes`)).body.items).toEqual([]);
  });
});

describe('flags', () => {
  test('sets and clears a flag with the version; history says which', async () => {
    const o = await order();
    const red = await owner.post(`${API}/orders/${o.id}/flag`, { version: o.version, flag: 1 });
    expect(red.body).toMatchObject({ flag: 1, version: o.version + 1 });
    expect((await owner.post(`${API}/orders/${o.id}/flag`, { version: o.version, flag: 2 })).status).toBe(409);
    const none = await owner.post(`${API}/orders/${o.id}/flag`, { version: red.body.version, flag: 0 });
    expect(none.body.flag).toBe(0);
    expect((await owner.post(`${API}/orders/${o.id}/flag`, { version: none.body.version, flag: 7 })).status).toBe(400);
    expect((await history(o.id)).filter((h) => h.action === 'flag').map((h) => h.detail)).toEqual([
      { from: 0, to: 1, name: '红旗' },
      { from: 1, to: 0, name: '无旗' },
    ]);
  });
});

describe('remarks', () => {
  test('工号+快递+备注 with +, ＋ or spaces: kept, the courier requested, the order ranked by its remark', async () => {
    const o = await order();
    expect(o.priority).toBe(4);
    const added = await remark(o.id, '12+申通+送袜子一双');
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ courierRequested: 'STO', priority: 3 });
    expect(added.body.remarks).toEqual([expect.objectContaining({ agentNo: '12', courier: 'STO', note: '送袜子一双', text: '12+申通+送袜子一双', authorName: '王店长' })]);
    const wide = await remark(o.id, '7号＋中通＋ 下午 再发', 2);
    expect(wide.body).toMatchObject({ courierRequested: 'ZTO', flag: 2 });
    expect(wide.body.remarks[1]).toMatchObject({ agentNo: '7号', courier: 'ZTO', note: '下午 再发' });
    const spaced = await remark(o.id, '8 SF 客户要顺丰');
    expect(spaced.body).toMatchObject({ courierRequested: 'SF', priority: 2 });
    expect((await history(o.id)).filter((h) => h.action === 'remark')).toHaveLength(3);
    // A remark needs a person at review; the courier it names is what the rules choose.
    const review = (await owner.get(`${API}/orders/${o.id}/review`)).body.findings;
    expect(review.find((f: { rule: string }) => f.rule === 'needs-person')).toMatchObject({ ok: false, message: expect.stringMatching(/卖家备注/) });
    expect(review.find((f: { rule: string }) => f.rule === 'courier-reach').message).toMatch(/顺丰/);
  });

  test('a wrong format is 400 saying the format with an example', async () => {
    const o = await order();
    for (const [text, why] of [
      ['送袜子一双', /三部分/],
      ['12+申通', /三部分/],
      ['abc+申通+送袜子', /「abc」不是客服工号/],
      ['12+飞毛腿+送袜子', /没有叫「飞毛腿」的快递.*申通/],
      [`12+申通+${'长'.repeat(61)}`, /61 个字，最多 60 个字/],
    ] as const) {
      const reply = await remark(o.id, text);
      expect(reply.status, text).toBe(400);
      expect(reply.body.detail, text).toMatch(why);
      expect(reply.body.detail, text).toMatch(/工号\+快递\+备注.*例如 12\+申通\+送袜子一双/);
    }
    expect((await read(o.id)).remarks).toEqual([]);
  });

  test('remarks.agentNoPattern and remarks.maxNoteChars come from the settings', async () => {
    const o = await order();
    await withSettings(owner, { remarks: { agentNoPattern: '^KF[0-9]{2}$', maxNoteChars: 5 } }, async () => {
      expect((await remark(o.id, '12+申通+好的')).status).toBe(400);
      expect((await remark(o.id, 'KF01+申通+六个字太长了')).status).toBe(400);
      expect((await remark(o.id, 'KF01+申通+好的')).status).toBe(201);
    });
    expect((await remark(o.id, '12+申通+再加一条')).status).toBe(201);
  });

  test('a shipped or closed order takes no remark', async () => {
    const o = await order();
    await owner.post(`${API}/orders/${o.id}/close`, { version: o.version, reason: '买家取消' });
    const reply = await remark(o.id, '12+申通+送袜子');
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(/已关闭，不能再加备注/);
  });
});

describe('permissions', () => {
  test('a colleague who may only read cannot edit, change prices, flag or remark', async () => {
    const o = await order();
    const attempts = [
      viewer.patch(`${API}/orders/${o.id}`, { version: o.version, receiverName: '越权' }),
      viewer.post(`${API}/orders/${o.id}/price-change`, { version: o.version, field: 'shipping-fee', newAmount: 1, reason: '越权' }),
      viewer.post(`${API}/orders/${o.id}/flag`, { version: o.version, flag: 1 }),
      viewer.post(`${API}/orders/${o.id}/remarks`, { text: '12+申通+越权' }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expect(reply.status).toBe(403);
      expect(reply.body.detail ?? reply.body.title).toMatch(CHINESE);
    }
    expect((await viewer.get(`${API}/orders/${o.id}/price-changes`)).status).toBe(200);
    expect((await read(o.id)).version).toBe(o.version);
  });
});
