// The shipping station through the API: which courier the rules choose, when an order may ship,
// tracking-number and weight checks, and that stock, order and the shipped event move together —
// heard and, when refused, rolled back by a small listener plugin (fixtures/shipped-listener).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, enterOrder, pickedWave, startFulfillment, stockUp, type Client, type FulfillmentServer, type TestSku } from './api.js';

const F = '/api/fulfillment';
const LISTENER = join(import.meta.dirname, 'fixtures', 'shipped-listener');

let fs: FulfillmentServer;
let owner: Client;
let skus: TestSku[];

beforeAll(async () => {
  fs = await startFulfillment({ enabled: ['listings', 'fulfillment', 'shipped-listener'], folders: [LISTENER], inProcess: true });
  owner = fs.owner;
  skus = await createSkus(owner, 3);
  for (const [i, sku] of skus.entries()) await stockUp(owner, sku, `A-01-01-0${i + 1}`, 20);
});
afterAll(() => fs?.server.dispose());

let seq = 0;
/** A 申通 number of its usual shape, new each time. */
const stoNo = () => `77${String(Date.now()).slice(-8)}${String(++seq).padStart(5, '0')}`;

/** An order entered, approved and picked in a wave of its own. */
async function pickedOrder(lines: { sku: TestSku; qty?: number }[], body: Record<string, unknown> = {}) {
  const order = await enterOrder(owner, lines, body);
  await approve(owner, order);
  await pickedWave(owner, [order.id]);
  return (await owner.get(`${F}/orders/${order.id}`)).body as { id: number; orderNo: string; version: number; status: string };
}

/** A picked order verified item by item at the station. */
async function verifiedOrder(lines: { sku: TestSku; qty?: number }[]) {
  const order = await pickedOrder(lines);
  for (const line of lines) {
    for (let i = 0; i < (line.qty ?? 1); i++) {
      const scan = await owner.post(`${F}/verification/${order.id}/scan`, { code: line.sku.code });
      expect(scan.status, scan.text).toBe(200);
    }
  }
  const fresh = (await owner.get(`${F}/orders/${order.id}`)).body;
  expect(fresh.status).toBe('verified');
  return fresh as { id: number; orderNo: string; version: number; status: string };
}

const ship = (order: { id: number; version: number }, body: Record<string, unknown> = {}, client = owner) =>
  client.post(`${F}/orders/${order.id}/ship`, { version: order.version, trackingNo: stoNo(), weightGrams: 650, ...body });

async function saveSettings(value: Record<string, unknown>) {
  const current = await owner.get('/api/settings/fulfillment');
  const saved = await owner.put('/api/settings/fulfillment', { value, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
}

async function stockOf(sku: TestSku) {
  const reply = await owner.get(`${F}/stock?q=${encodeURIComponent(sku.code)}`);
  return reply.body.items.find((s: { skuId: number }) => s.skuId === sku.id) as { onHand: number; reserved: number; available: number };
}

const heard = async () => (await owner.get('/api/shipped-listener/heard')).body.items as { orderId: number }[];

describe('the courier the rules choose', () => {
  const courier = async (body: Record<string, unknown>) => {
    const order = await enterOrder(owner, [{ sku: skus[0]! }], body);
    const reply = await owner.get(`${F}/orders/${order.id}/courier`);
    expect(reply.status, reply.text).toBe(200);
    return reply.body;
  };

  test('the default courier, the fallback where it does not reach, the courier the buyer asks for', async () => {
    expect(await courier({})).toMatchObject({ courier: { code: 'STO', name: '申通' }, rule: 'default', region: '浙江' });
    const xinjiang = await courier({ receiverAddress: '新疆维吾尔自治区乌鲁木齐市天山区解放北路 8 号' });
    expect(xinjiang).toMatchObject({ courier: { code: 'EMS' }, rule: 'fallback', region: '新疆' });
    expect(xinjiang.reason).toContain('新疆');
    expect(await courier({ buyerMessage: '麻烦发顺丰，急用' })).toMatchObject({ courier: { code: 'SF', name: '顺丰' }, rule: 'requested', reason: '买家指定顺丰（“麻烦发顺丰”）' });
  });

  test('no courier when neither the default nor the fallback reaches; settings apply at once', async () => {
    const tibet = { receiverAddress: '西藏自治区拉萨市城关区北京中路 1 号' };
    expect(await courier(tibet)).toMatchObject({ courier: { code: 'EMS' }, rule: 'fallback' });
    await saveSettings({ shipping: { fallbackCourier: 'YTO' } });
    try {
      const none = await courier(tibet);
      expect(none).toMatchObject({ courier: null, rule: 'none' });
      expect(none.reason).toMatch(/没有快递能送到西藏/);
    } finally {
      await saveSettings({});
    }
  });

  test('reading it needs fulfillment.orders.read', async () => {
    const order = await enterOrder(owner, [{ sku: skus[0]! }]);
    const packer = await colleague(fs.server, owner, 'courier-nosee', ['fulfillment.ship']);
    const reply = await packer.get(`${F}/orders/${order.id}/courier`);
    expect(reply.status).toBe(403);
  });

  test('a packer sees the shop’s couriers to choose another, without reading the settings', async () => {
    const packer = await colleague(fs.server, owner, 'courier-list', ['fulfillment.ship']);
    const reply = await packer.get(`${F}/couriers`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items).toContainEqual({ code: 'STO', name: '申通' });
    expect(reply.body.items).toContainEqual({ code: 'SF', name: '顺丰' });
    const reader = await colleague(fs.server, owner, 'courier-list-no', ['fulfillment.orders.read']);
    expect((await reader.get(`${F}/couriers`)).status).toBe(403);
  });
});

describe('when an order may ship', () => {
  test('an order of several SKUs is refused until it is verified, then ships', async () => {
    const order = await pickedOrder([{ sku: skus[0]! }, { sku: skus[1]! }]);
    const early = await ship(order);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/复核/);
    const verified = await verifiedOrder([{ sku: skus[0]! }, { sku: skus[1]! }]);
    const shipped = await ship(verified);
    expect(shipped.status, shipped.text).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'shipped', courier: 'STO', weightGrams: 650 });
  });

  test('an order of one SKU ships straight from picking, several pieces of it too', async () => {
    const order = await pickedOrder([{ sku: skus[2]!, qty: 2 }]);
    const shipped = await ship(order);
    expect(shipped.status, shipped.text).toBe(200);
    expect(shipped.body.status).toBe('shipped');
  });

  test('the station finds the order by its number or tracking number in any letter case', async () => {
    const order = await pickedOrder([{ sku: skus[2]! }]);
    const byNo = await owner.get(`${F}/orders?q=${order.orderNo.toLowerCase()}`);
    expect(byNo.body.items.map((o: any) => o.id)).toEqual([order.id]);
    const shipped = await ship(order, { courier: 'JT', trackingNo: 'jt 1234567890123' });
    expect(shipped.status, shipped.text).toBe(200);
    expect(shipped.body.trackingNo).toBe('JT1234567890123');
    const byTracking = await owner.get(`${F}/orders?q=jt1234567890123`);
    expect(byTracking.body.items.map((o: any) => o.id)).toEqual([order.id]);
  });

  test('an approved order that was never picked is refused, saying so', async () => {
    const order = await approve(owner, await enterOrder(owner, [{ sku: skus[0]! }]));
    const reply = await ship(order);
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(/还没有拣货/);
  });

  test('a shipped order does not ship twice, and a stale version is refused', async () => {
    const order = await pickedOrder([{ sku: skus[0]! }]);
    const stale = await ship({ id: order.id, version: order.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/刷新/);
    const first = await ship(order);
    expect(first.status, first.text).toBe(200);
    const again = await ship(first.body);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/已经发货/);
  });

  test('shipping needs fulfillment.ship', async () => {
    const order = await pickedOrder([{ sku: skus[0]! }]);
    const reader = await colleague(fs.server, owner, 'ship-nope', ['fulfillment.orders.read']);
    expect((await ship(order, {}, reader)).status).toBe(403);
    expect((await owner.get(`${F}/orders/${order.id}`)).body.status).toBe('picked');
  });
});

describe('courier, tracking number and weight', () => {
  test('the tracking number must have the courier’s shape; the message names the courier that fits', async () => {
    const order = await pickedOrder([{ sku: skus[0]! }]);
    const wrong = await ship(order, { trackingNo: 'SF1234567890123' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toMatch(/不是申通的单号格式/);
    expect(wrong.body.detail).toMatch(/顺丰/);
    // In English with the couriers' English names.
    const english = new (owner.constructor as typeof Client)(fs.server.url, { 'accept-language': 'en' });
    english.cookie = owner.cookie;
    const wrongEn = await ship(order, { trackingNo: 'SF1234567890123' }, english);
    expect(wrongEn.body.detail).toMatch(/not shaped like a STO Express tracking number; it looks like a SF Express number/);
    expect(wrong.body.errors).toContainEqual(expect.objectContaining({ path: '/trackingNo' }));
    const nothing = await ship(order, { trackingNo: '12AB' });
    expect(nothing.status).toBe(400);
    expect(nothing.body.detail).toMatch(/核对/);
    const shipped = await ship(order, { courier: 'sf', trackingNo: 'sf1234567890123' });
    expect(shipped.status, shipped.text).toBe(200);
    expect(shipped.body).toMatchObject({ courier: 'SF', trackingNo: 'SF1234567890123' });
  });

  test.each([
    ['YTO', 'YT1234567890123'],
    ['JD', 'JDVA12345678901'],
    ['EMS', 'PA12345678901'],
    ['YD', '5123456789012'],
  ])('a %s number %s fits its courier', async (courier, trackingNo) => {
    const order = await pickedOrder([{ sku: skus[1]! }]);
    const reply = await ship(order, { courier, trackingNo });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.courier).toBe(courier);
  });

  test('a tracking number already on another order is refused', async () => {
    const first = await pickedOrder([{ sku: skus[0]! }]);
    const trackingNo = stoNo();
    expect((await ship(first, { trackingNo })).status).toBe(200);
    const second = await pickedOrder([{ sku: skus[0]! }]);
    const reply = await ship(second, { trackingNo });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toContain(first.orderNo);
  });

  test('an unknown courier, or one that does not deliver there, is refused', async () => {
    const order = await pickedOrder([{ sku: skus[0]! }], { receiverAddress: '新疆维吾尔自治区喀什地区喀什市人民东路 2 号' });
    const unknown = await ship(order, { courier: 'ABC' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/没有快递公司“ABC”/);
    const unreachable = await ship(order, { courier: 'STO' });
    expect(unreachable.status).toBe(409);
    expect(unreachable.body.detail).toMatch(/申通不送新疆/);
    const english = new (owner.constructor as typeof Client)(fs.server.url, { 'accept-language': 'en' });
    english.cookie = owner.cookie;
    expect((await ship(order, { courier: 'STO' }, english)).body.detail).toMatch(/^STO Express does not deliver to 新疆; use ZTO Express, YTO Express, Yunda, J&T Express, SF Express/);
    const byRules = await ship(order, { trackingNo: '9812345678901' });
    expect(byRules.status, byRules.text).toBe(200);
    expect(byRules.body.courier).toBe('EMS');
  });

  test('no courier reaching the region by the rules: refused until one is chosen that does', async () => {
    const order = await pickedOrder([{ sku: skus[0]! }], { receiverAddress: '西藏自治区拉萨市城关区北京中路 1 号' });
    await saveSettings({ shipping: { fallbackCourier: 'YTO' } });
    try {
      const reply = await ship(order);
      expect(reply.status).toBe(409);
      expect(reply.body.detail).toMatch(/没有快递能送到西藏/);
      expect(reply.body.errors).toContainEqual(expect.objectContaining({ path: '/courier' }));
      const chosen = await ship(order, { courier: 'SF', trackingNo: 'SF2234567890123' });
      expect(chosen.status, chosen.text).toBe(200);
    } finally {
      await saveSettings({});
    }
  });

  test('the weight is required while the settings say so, and whole grams above 0', async () => {
    const order = await pickedOrder([{ sku: skus[0]! }]);
    const { weightGrams: _, ...noWeight } = { version: order.version, trackingNo: stoNo(), weightGrams: 0 };
    const missing = await owner.post(`${F}/orders/${order.id}/ship`, noWeight);
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toMatch(/称重/);
    expect((await ship(order, { weightGrams: 0 })).status).toBe(400);
    expect((await ship(order, { weightGrams: 1.5 })).status).toBe(400);
    await saveSettings({ shipping: { requireWeight: false } });
    try {
      const shipped = await owner.post(`${F}/orders/${order.id}/ship`, noWeight);
      expect(shipped.status, shipped.text).toBe(200);
      expect(shipped.body.weightGrams).toBeNull();
    } finally {
      await saveSettings({});
    }
  });
});

describe('what shipping does', () => {
  test('the goods leave the bins against the order, the packer is recorded, and the event is heard', async () => {
    const sku = skus[1]!;
    const order = await pickedOrder([{ sku, qty: 3 }]);
    const before = await stockOf(sku);
    expect(before.reserved).toBeGreaterThanOrEqual(3);
    const trackingNo = stoNo();
    const reply = await ship(order, { trackingNo, weightGrams: 1280 });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.steps.packedBy).toMatchObject({ name: '王店长' });
    expect(reply.body.steps.shippedBy).toMatchObject({ name: '王店长' });
    expect(reply.body.steps.shippedBy.at).toBe(reply.body.steps.packedBy.at);

    const after = await stockOf(sku);
    expect(after.onHand).toBe(before.onHand - 3);
    expect(after.reserved).toBe(before.reserved - 3);
    expect(after.available).toBe(before.available);
    const ledger = await owner.get(`${F}/ledger?order=${order.id}`);
    expect(ledger.body.items).toEqual([expect.objectContaining({ kind: 'outbound', skuId: sku.id, qty: -3, locationCode: 'A-01-01-02', orderId: order.id })]);

    const history = await owner.get(`${F}/orders/${order.id}/history`);
    expect(history.body.items).toContainEqual(expect.objectContaining({ action: 'ship', from: 'picked', to: 'shipped', actorName: '王店长', detail: { courier: 'STO', trackingNo, weightGrams: 1280 } }));

    const event = (await heard()).find((p) => p.orderId === order.id);
    expect(event).toEqual({
      orderId: order.id,
      orderNo: order.orderNo,
      courier: 'STO',
      trackingNo,
      weightGrams: 1280,
      items: [{ skuId: sku.id, skuCode: sku.code, qty: 3 }],
      shippedBy: { id: expect.any(Number), name: '王店长' },
      shippedAt: reply.body.steps.shippedBy.at,
    });
  });

  test('a listener that refuses takes everything back: stock, order and its own record', async () => {
    const sku = skus[0]!;
    const order = await pickedOrder([{ sku }]);
    const before = await stockOf(sku);
    const heardBefore = (await heard()).length;
    expect((await owner.put('/api/shipped-listener/refuse', { refuse: true })).status).toBe(204);
    try {
      const reply = await ship(order);
      expect(reply.status).toBe(409);
      expect(reply.body.detail).toMatch(/测试监听方拒绝/);
    } finally {
      await owner.put('/api/shipped-listener/refuse', { refuse: false });
    }
    const after = (await owner.get(`${F}/orders/${order.id}`)).body;
    expect(after).toMatchObject({ status: 'picked', version: order.version, trackingNo: null, steps: { shippedBy: null, packedBy: null } });
    expect(await stockOf(sku)).toEqual(before);
    expect((await owner.get(`${F}/ledger?order=${order.id}`)).body.items).toEqual([]);
    expect(await heard()).toHaveLength(heardBefore);
    expect((await ship(order)).status).toBe(200);
  });

  test('too little stock in the bins: refused, naming the SKU, and nothing moves', async () => {
    const [sku] = await createSkus(owner, 1, 'SHORT');
    await stockUp(owner, sku!, 'A-02-01-01', 2);
    const order = await pickedOrder([{ sku: sku!, qty: 2 }]);
    // Someone takes a piece out of the bin after the pick was confirmed (breakage found on the shelf).
    const adjust = await owner.post(`${F}/stock/adjust`, { skuId: sku!.id, location: 'A-02-01-01', qty: -1, reason: '货架上发现破损' });
    expect(adjust.status, adjust.text).toBe(200);
    const heardBefore = (await heard()).length;
    const reply = await ship(order);
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toContain(sku!.code);
    expect((await owner.get(`${F}/orders/${order.id}`)).body.status).toBe('picked');
    expect(await stockOf(sku!)).toMatchObject({ onHand: 1, reserved: 2 });
    expect(await heard()).toHaveLength(heardBefore);
  });
});
