// Making waves through the HTTP API: each order's class from its SKUs' bins, which orders a wave
// takes or refuses, 单品提总 above the threshold and from storage, the pick list in path order across zones, and the
// pick list and seeding sheet printables.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvedOrder, colleague, createSkus, enterOrder, makeWave, newBin, startFulfillment, stockUp, unique, withSettings, type Client, type FulfillmentServer } from './api.js';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;

let fs: FulfillmentServer;
let owner: Client;

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
});
afterAll(() => fs?.server.dispose());

const classOf = (wave: any, orderId: number) => wave.orderList.find((o: any) => o.orderId === orderId)?.class;

describe('making a wave', () => {
  test('each order gets its class from its SKUs’ pick faces, storage bins when it has none', async () => {
    const [a1, a2] = await createSkus(owner, 2);
    const [b1, b2] = await createSkus(owner, 2);
    await stockUp(owner, a1!, newBin('A'), 10);
    await stockUp(owner, a2!, newBin('A'), 10);
    await stockUp(owner, b1!, newBin('B'), 10);
    await stockUp(owner, b2!, newBin('B'), 10, 'storage');
    const single = await approvedOrder(owner, [{ sku: a1!, qty: 2 }]);
    const oneZone = await approvedOrder(owner, [{ sku: a1! }, { sku: a2! }]);
    const crossZone = await approvedOrder(owner, [{ sku: a2! }, { sku: b1! }]);
    const viaStorage = await approvedOrder(owner, [{ sku: b1! }, { sku: b2! }]);

    const wave = await makeWave(owner, [single.id, oneZone.id, crossZone.id, viaStorage.id]);
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
    await stockUp(owner, sku!, newBin('A'), 5);
    const pending = await enterOrder(owner, [{ sku: sku! }], { buyerNick: unique('tb_') });
    const waved = await approvedOrder(owner, [{ sku: sku! }]);
    await makeWave(owner, [waved.id]);

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
    await stockUp(owner, placed!, newBin('A'), 5);
    await withSettings(owner, { review: { requireStock: false } }, async () => {
      const lost = await approvedOrder(owner, [{ sku: homeless! }]);
      const fine = await approvedOrder(owner, [{ sku: placed! }]);
      const wave = await makeWave(owner, [lost.id, fine.id]);
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
    await stockUp(owner, sku!, newBin('A'), 20);
    // Whatever earlier tests left approved goes into a wave of its own first.
    const before = await owner.post(`${API}/waves`, {});
    expect([201, 409]).toContain(before.status);
    const regular = await approvedOrder(owner, [{ sku: sku! }]);
    // A task order (priority 1) goes before a regular one placed earlier.
    const task = await approvedOrder(owner, [{ sku: sku! }], { task: true });
    await withSettings(owner, { waves: { maxOrdersPerWave: 1 } }, async () => {
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
  test('单品提总 only above the threshold makes one bulk line; at it each order keeps its share', async () => {
    const [many, few] = await createSkus(owner, 2);
    const manyBin = newBin('A');
    const fewBin = newBin('A');
    await stockUp(owner, many!, manyBin, 10);
    await stockUp(owner, few!, fewBin, 10);
    await withSettings(owner, { waves: { bulkPickThreshold: 3 } }, async () => {
      const bulk = [
        await approvedOrder(owner, [{ sku: many! }]),
        await approvedOrder(owner, [{ sku: many!, qty: 2 }]),
        await approvedOrder(owner, [{ sku: many! }]),
        await approvedOrder(owner, [{ sku: many! }]),
      ];
      const atThreshold = [await approvedOrder(owner, [{ sku: few! }]), await approvedOrder(owner, [{ sku: few! }]), await approvedOrder(owner, [{ sku: few! }])];
      const wave = await makeWave(owner, [...bulk, ...atThreshold].map((o) => o.id));
      const manyLine = wave.pickList.find((l: any) => l.skuId === many!.id);
      expect(manyLine).toMatchObject({ locationCode: manyBin, qty: 5, bulk: true });
      expect(manyLine.slots).toHaveLength(4);
      expect(wave.pickList.filter((l: any) => l.skuId === many!.id)).toHaveLength(1);
      const fewLine = wave.pickList.find((l: any) => l.skuId === few!.id);
      expect(fewLine).toMatchObject({ locationCode: fewBin, qty: 3, bulk: false });
      for (const o of bulk) expect(wave.orderList.find((w: any) => w.orderId === o.id).bulkPick).toBe(true);
      for (const o of atThreshold) expect(wave.orderList.find((w: any) => w.orderId === o.id).bulkPick).toBe(false);
      expect(wave.seeding.bulkSkuCodes).toEqual([many!.code]);
    });
  });

  test('a bulk line picks from the storage bin that holds the whole total, else from the pick face; shipping books it from there', async () => {
    const [boxed, split] = await createSkus(owner, 2);
    const boxedFace = newBin('A');
    const boxedSmall = newBin('S');
    const boxedWhole = newBin('S');
    await stockUp(owner, boxed!, boxedFace, 4);
    await stockUp(owner, boxed!, boxedSmall, 3, 'storage');
    await stockUp(owner, boxed!, boxedWhole, 40, 'storage');
    const splitFace = newBin('A');
    await stockUp(owner, split!, splitFace, 10);
    await stockUp(owner, split!, newBin('S'), 3, 'storage');
    await stockUp(owner, split!, newBin('S'), 3, 'storage');
    await withSettings(owner, { waves: { bulkPickThreshold: 2 } }, async () => {
      const boxedOrders = [await approvedOrder(owner, [{ sku: boxed!, qty: 2 }]), await approvedOrder(owner, [{ sku: boxed! }]), await approvedOrder(owner, [{ sku: boxed!, qty: 3 }])];
      const splitOrders = [await approvedOrder(owner, [{ sku: split! }]), await approvedOrder(owner, [{ sku: split!, qty: 2 }]), await approvedOrder(owner, [{ sku: split!, qty: 2 }])];
      const wave = await makeWave(owner, [...boxedOrders, ...splitOrders].map((o) => o.id));
      // 6 pieces: more than the face's 4 and the first storage bin's 3, so the whole box is opened.
      expect(wave.pickList.filter((l: any) => l.skuId === boxed!.id)).toEqual([expect.objectContaining({ locationCode: boxedWhole, qty: 6, bulk: true })]);
      expect(wave.replenishments.filter((r: any) => r.skuId === boxed!.id)).toEqual([]);
      // No storage bin holds 5, so the total comes off the face as before.
      expect(wave.pickList.filter((l: any) => l.skuId === split!.id)).toEqual([expect.objectContaining({ locationCode: splitFace, qty: 5, bulk: true })]);

      const picked = await owner.post(`${API}/waves/${wave.id}/picked`, { version: wave.version });
      expect(picked.status, picked.text).toBe(200);
      const order = (await owner.get(`${API}/orders/${boxedOrders[2]!.id}`)).body;
      const shipped = await owner.post(`${API}/orders/${order.id}/ship`, { version: order.version, trackingNo: `77${String(Date.now()).slice(-8)}00001`, weightGrams: 500 });
      expect(shipped.status, shipped.text).toBe(200);
      const ledger = await owner.get(`${API}/ledger?order=${order.id}`);
      expect(ledger.body.items.map((e: any) => [e.locationCode, e.qty])).toEqual([[boxedWhole, -3]]);
      const after = await owner.get(`${API}/waves/${wave.id}`);
      expect(after.body.pickList.filter((l: any) => l.skuId === boxed!.id)).toEqual([expect.objectContaining({ locationCode: boxedWhole, qty: 6 })]);
    });
  });

  test('the lines follow the path order across zones, not the order of the items', async () => {
    const skus = await createSkus(owner, 4);
    const inB = newBin('B');
    const inA = newBin('A');
    const inA2 = newBin('A');
    const first = newBin('C');
    const made = await owner.post(`${API}/locations`, { code: first, kind: 'pick', pathOrder: 1 });
    expect(made.status, made.text).toBe(201);
    await stockUp(owner, skus[0]!, inB, 5);
    await stockUp(owner, skus[1]!, inA2, 5);
    await stockUp(owner, skus[2]!, inA, 5);
    await stockUp(owner, skus[3]!, first, 5);
    const order = await approvedOrder(owner, skus.map((sku) => ({ sku })));
    const wave = await makeWave(owner, [order.id]);
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
    const later = newBin('B');
    const earlier = newBin('A');
    await stockUp(owner, x!, later, 5);
    await stockUp(owner, y!, earlier, 5);
    const order = await approvedOrder(owner, [{ sku: x! }, { sku: y! }]);
    const wave = await makeWave(owner, [order.id]);

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
