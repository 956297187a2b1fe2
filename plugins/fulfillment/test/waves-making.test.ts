// Making waves through the HTTP API: each order's class from its SKUs' bins, which orders a wave
// takes or refuses, 单品提总 at the threshold, the pick list in path order across zones, and the
// pick list and seeding sheet printables.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, enterOrder, startFulfillment, stockUp, unique, type Client, type FulfillmentServer, type TestSku } from './api.js';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;

let fs: FulfillmentServer;
let owner: Client;

beforeAll(async () => {
  fs = await startFulfillment();
  owner = fs.owner;
});
afterAll(() => fs?.server.dispose());

// Every test walks its own shelves, so bins never collide between tests.
let shelf = 0;
const bin = (zone: string) => `${zone}-${String(++shelf).padStart(2, '0')}-01-01`;

/** An approved order of these lines, each to a buyer of its own (no merge prompt). */
async function approvedOrder(lines: { sku: TestSku; qty?: number }[], body: Record<string, unknown> = {}) {
  const order = await enterOrder(owner, lines, { buyerNick: unique('tb_'), ...body });
  await approve(owner, order);
  return order;
}

async function makeWave(orderIds: number[]) {
  const reply = await owner.post(`${API}/waves`, { orderIds });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

async function withSettings(value: Record<string, unknown>, fn: () => Promise<void>) {
  const current = await owner.get('/api/settings/fulfillment');
  const saved = await owner.put('/api/settings/fulfillment', { value, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  try {
    await fn();
  } finally {
    const now = await owner.get('/api/settings/fulfillment');
    const reset = await owner.put('/api/settings/fulfillment', { value: {}, version: now.body.version });
    expect(reset.status, reset.text).toBe(200);
  }
}

const classOf = (wave: any, orderId: number) => wave.orderList.find((o: any) => o.orderId === orderId)?.class;

describe('making a wave', () => {
  test('each order gets its class from its SKUs’ pick faces, storage bins when it has none', async () => {
    const [a1, a2] = await createSkus(owner, 2);
    const [b1, b2] = await createSkus(owner, 2);
    await stockUp(owner, a1!, bin('A'), 10);
    await stockUp(owner, a2!, bin('A'), 10);
    await stockUp(owner, b1!, bin('B'), 10);
    await stockUp(owner, b2!, bin('B'), 10, 'storage');
    const single = await approvedOrder([{ sku: a1!, qty: 2 }]);
    const oneZone = await approvedOrder([{ sku: a1! }, { sku: a2! }]);
    const crossZone = await approvedOrder([{ sku: a2! }, { sku: b1! }]);
    const viaStorage = await approvedOrder([{ sku: b1! }, { sku: b2! }]);

    const wave = await makeWave([single.id, oneZone.id, crossZone.id, viaStorage.id]);
    expect(wave.waveNo).toMatch(/^BC\d{8}\d{4}$/);
    expect(wave.status).toBe('picking');
    expect(classOf(wave, single.id)).toBe('single');
    expect(classOf(wave, oneZone.id)).toBe('multi-one-zone');
    expect(classOf(wave, crossZone.id)).toBe('multi-cross-zone');
    expect(classOf(wave, viaStorage.id)).toBe('multi-one-zone');
    expect(wave.classes).toEqual({ single: 1, 'multi-one-zone': 2, 'multi-cross-zone': 1 });
    expect(wave.orderList.map((o: any) => o.slot).sort()).toEqual([1, 2, 3, 4]);
    expect(wave.skipped).toEqual([]);

    const order = await owner.get(`${API}/orders/${single.id}`);
    expect(order.body.waveId).toBe(wave.id);
    const history = await owner.get(`${API}/orders/${single.id}/history`);
    expect(JSON.stringify(history.body)).toContain('"wave"');
    const listed = await owner.get(`${API}/waves?status=picking`);
    expect(listed.body.items.map((w: any) => w.id)).toContain(wave.id);
  });

  test('orders given must be approved and outside a wave; the refusal names them', async () => {
    const [sku] = await createSkus(owner, 1);
    await stockUp(owner, sku!, bin('A'), 5);
    const pending = await enterOrder(owner, [{ sku: sku! }], { buyerNick: unique('tb_') });
    const waved = await approvedOrder([{ sku: sku! }]);
    await makeWave([waved.id]);

    const notApproved = await owner.post(`${API}/waves`, { orderIds: [pending.id] });
    expect(notApproved.status).toBe(409);
    expect(notApproved.body.detail).toContain(pending.orderNo);
    expect(notApproved.body.detail).toContain('待审核');
    const again = await owner.post(`${API}/waves`, { orderIds: [waved.id] });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(waved.orderNo);
    expect(again.body.detail).toMatch(/已在波次 BC/);
    const missing = await owner.post(`${API}/waves`, { orderIds: [999999] });
    expect(missing.status).toBe(404);
  });

  test('an order with a SKU that has no location is skipped with the reason, or refused when nothing is left', async () => {
    const [homeless] = await createSkus(owner, 1);
    const [placed] = await createSkus(owner, 1);
    await stockUp(owner, placed!, bin('A'), 5);
    await withSettings({ review: { requireStock: false } }, async () => {
      const lost = await approvedOrder([{ sku: homeless! }]);
      const fine = await approvedOrder([{ sku: placed! }]);
      const wave = await makeWave([lost.id, fine.id]);
      expect(wave.orderList.map((o: any) => o.orderId)).toEqual([fine.id]);
      expect(wave.skipped).toEqual([expect.objectContaining({ orderId: lost.id, orderNo: lost.orderNo, skuCodes: [homeless!.code] })]);
      expect(wave.skipped[0].reason).toContain('没有库位');

      const alone = await owner.post(`${API}/waves`, { orderIds: [lost.id] });
      expect(alone.status).toBe(409);
      expect(alone.body.detail).toContain(lost.orderNo);
      expect(alone.body.detail).toContain(homeless!.code);
    });
  });

  test('without orderIds the wave takes the queue from the top, up to maxOrdersPerWave', async () => {
    const [sku] = await createSkus(owner, 1);
    await stockUp(owner, sku!, bin('A'), 20);
    // Whatever earlier tests left approved goes into a wave of its own first.
    const before = await owner.post(`${API}/waves`, {});
    expect([201, 409]).toContain(before.status);
    const regular = await approvedOrder([{ sku: sku! }]);
    // A task order (priority 1) goes before a regular one placed earlier.
    const task = await approvedOrder([{ sku: sku! }], { task: true });
    await withSettings({ waves: { maxOrdersPerWave: 1 } }, async () => {
      const first = await owner.post(`${API}/waves`, {});
      expect(first.status, first.text).toBe(201);
      expect(first.body.orderList.map((o: any) => o.orderId)).toEqual([task.id]);
      const second = await owner.post(`${API}/waves`, {});
      expect(second.body.orderList.map((o: any) => o.orderId)).toEqual([regular.id]);
    });
    const none = await owner.post(`${API}/waves`, {});
    expect(none.status).toBe(409);
    expect(none.body.detail).toMatch(CHINESE);
  });
});

describe('the pick list', () => {
  test('单品提总 at the threshold makes one bulk line; below it each order keeps its share', async () => {
    const [many, few] = await createSkus(owner, 2);
    const manyBin = bin('A');
    const fewBin = bin('A');
    await stockUp(owner, many!, manyBin, 10);
    await stockUp(owner, few!, fewBin, 10);
    await withSettings({ waves: { bulkPickThreshold: 3 } }, async () => {
      const bulk = [await approvedOrder([{ sku: many! }]), await approvedOrder([{ sku: many!, qty: 2 }]), await approvedOrder([{ sku: many! }])];
      const loose = [await approvedOrder([{ sku: few! }]), await approvedOrder([{ sku: few! }])];
      const wave = await makeWave([...bulk, ...loose].map((o) => o.id));
      const manyLine = wave.pickList.find((l: any) => l.skuId === many!.id);
      expect(manyLine).toMatchObject({ locationCode: manyBin, qty: 4, bulk: true });
      expect(manyLine.slots).toHaveLength(3);
      expect(wave.pickList.filter((l: any) => l.skuId === many!.id)).toHaveLength(1);
      const fewLine = wave.pickList.find((l: any) => l.skuId === few!.id);
      expect(fewLine).toMatchObject({ locationCode: fewBin, qty: 2, bulk: false });
      for (const o of bulk) expect(wave.orderList.find((w: any) => w.orderId === o.id).bulkPick).toBe(true);
      for (const o of loose) expect(wave.orderList.find((w: any) => w.orderId === o.id).bulkPick).toBe(false);
      expect(wave.seeding.bulkSkuCodes).toEqual([many!.code]);
    });
  });

  test('the lines follow the path order across zones, not the order of the items', async () => {
    const skus = await createSkus(owner, 4);
    const inB = bin('B');
    const inA = bin('A');
    const inA2 = bin('A');
    const first = `C-${String(++shelf).padStart(2, '0')}-01-01`;
    const made = await owner.post(`${API}/locations`, { code: first, kind: 'pick', pathOrder: 1 });
    expect(made.status, made.text).toBe(201);
    await stockUp(owner, skus[0]!, inB, 5);
    await stockUp(owner, skus[1]!, inA2, 5);
    await stockUp(owner, skus[2]!, inA, 5);
    await stockUp(owner, skus[3]!, first, 5);
    const order = await approvedOrder(skus.map((sku) => ({ sku })));
    const wave = await makeWave([order.id]);
    expect(wave.orderList[0].class).toBe('multi-cross-zone');
    expect(wave.pickList.map((l: any) => l.locationCode)).toEqual([first, inA, inA2, inB]);
    const orders = wave.pickList.map((l: any) => l.pathOrder);
    expect([...orders].sort((x: number, y: number) => x - y)).toEqual(orders);
    expect(wave.pickList.map((l: any) => l.zone)).toEqual(['C', 'A', 'A', 'B']);
  });
});

describe('printables', () => {
  test('the pick list shows the bins in path order; the seeding sheet masks receivers for whoever may not see them', async () => {
    const [x, y] = await createSkus(owner, 2);
    const later = bin('B');
    const earlier = bin('A');
    await stockUp(owner, x!, later, 5);
    await stockUp(owner, y!, earlier, 5);
    const order = await approvedOrder([{ sku: x! }, { sku: y! }]);
    const wave = await makeWave([order.id]);

    const pick = await owner.get(`${API}/printables/pick-list?wave=${wave.id}`);
    expect(pick.status).toBe(200);
    expect(pick.text).toContain(wave.waveNo);
    expect(pick.text).toContain('多品跨区 1');
    expect(pick.text).toContain('王店长');
    expect(pick.text.indexOf(earlier)).toBeGreaterThan(-1);
    expect(pick.text.indexOf(earlier)).toBeLessThan(pick.text.indexOf(later));

    const clerk = await colleague(fs.server, owner, 'bozhong1', ['fulfillment.waves.run']);
    const masked = await clerk.get(`${API}/printables/seeding-sheet?wave=${wave.waveNo}`);
    expect(masked.status).toBe(200);
    expect(masked.text).toContain(order.orderNo);
    expect(masked.text).toContain(x!.code);
    expect(masked.text).toContain('林**');
    expect(masked.text).not.toContain('林小鱼');
    expect(masked.text).not.toContain('13812341234');
    const whole = await owner.get(`${API}/printables/seeding-sheet?wave=${wave.id}`);
    expect(whole.text).toContain('林小鱼');

    const noWave = await owner.get(`${API}/printables/pick-list`);
    expect(noWave.status).toBe(400);
    expect(noWave.body.detail).toMatch(CHINESE);
    const unknown = await owner.get(`${API}/printables/pick-list?wave=BC199901010001`);
    expect(unknown.status).toBe(404);
  });
});
