// A wave's work through the HTTP API: replenishment of short pick faces with its ledger rows,
// picking with the picker recorded, cancelling, the wave done once shipped, and every route's
// permission.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvedOrder, colleague, createSkus, makeWave, newBin, startFulfillment, stockUp, type Client, type FulfillmentServer } from './api.js';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;

let fs: FulfillmentServer;
let owner: Client;

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
});
afterAll(() => fs?.server.dispose());

describe('replenishment', () => {
  test('a short pick face gets a task filling it to capacity; done moves the stock with two ledger rows', async () => {
    const [sku, loose] = await createSkus(owner, 2);
    const face = newBin('A');
    const store = newBin('S');
    expect((await owner.post(`${API}/locations`, { code: face, kind: 'pick', capacity: 10 })).status).toBe(201);
    await stockUp(owner, sku!, face, 2);
    await stockUp(owner, sku!, store, 30, 'storage');
    // No capacity: the task is the shortfall alone.
    const looseFace = newBin('A');
    const looseStore = newBin('S');
    await stockUp(owner, loose!, looseFace, 1);
    await stockUp(owner, loose!, looseStore, 10, 'storage');
    const order = await approvedOrder(owner, [{ sku: sku!, qty: 5 }, { sku: loose!, qty: 3 }]);
    const wave = await makeWave(owner, [order.id]);

    const task = wave.replenishments.find((r: any) => r.skuId === sku!.id);
    expect(task).toMatchObject({ fromLocationCode: store, toLocationCode: face, qty: 8, status: 'open', waveNo: wave.waveNo });
    // The replenisher sees what to carry, not only its code.
    expect(task.title).toBe((await owner.get(`${API}/orders/${order.id}`)).body.items.find((i: any) => i.skuId === sku!.id).title);
    expect(task.title).not.toBe('');
    expect(wave.replenishments.find((r: any) => r.skuId === loose!.id)).toMatchObject({ fromLocationCode: looseStore, toLocationCode: looseFace, qty: 2 });
    // The picker still picks everything from the face the task fills.
    expect(wave.pickList.find((l: any) => l.skuId === sku!.id)).toMatchObject({ locationCode: face, qty: 5 });
    const open = await owner.get(`${API}/replenishments?status=open`);
    expect(open.body.items.map((r: any) => r.id)).toContain(task.id);

    const done = await owner.post(`${API}/replenishments/${task.id}/done`);
    expect(done.status, done.text).toBe(200);
    expect(done.body.status).toBe('done');
    const ledger = await owner.get(`${API}/ledger?sku=${sku!.id}&kind=transfer`);
    const rows = ledger.body.items.filter((e: any) => e.reason === '补货');
    expect(rows.map((e: any) => [e.locationCode, e.qty]).sort()).toEqual([[face, 8], [store, -8]].sort());
    const stock = await owner.get(`${API}/stock?sku=${sku!.id}`);
    const bins = Object.fromEntries(stock.body.items[0].bins.map((b: any) => [b.locationCode, b.qty]));
    expect(bins).toEqual({ [face]: 10, [store]: 22 });
    expect((await owner.get(`${API}/replenishments?status=done`)).body.items.map((r: any) => r.id)).toContain(task.id);
    // The list after the move is the same: nothing is asked of storage.
    const after = await owner.get(`${API}/waves/${wave.id}`);
    expect(after.body.pickList.find((l: any) => l.skuId === sku!.id)).toMatchObject({ locationCode: face, qty: 5 });

    const twice = await owner.post(`${API}/replenishments/${task.id}/done`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('已经完成');
  });

  test('done is refused when the storage bin no longer holds the pieces', async () => {
    const [sku] = await createSkus(owner, 1);
    const face = newBin('A');
    const store = newBin('S');
    await stockUp(owner, sku!, face, 1);
    await stockUp(owner, sku!, store, 6, 'storage');
    const order = await approvedOrder(owner, [{ sku: sku!, qty: 4 }]);
    const wave = await makeWave(owner, [order.id]);
    const task = wave.replenishments[0];
    expect(task).toMatchObject({ fromLocationCode: store, qty: 3 });
    const taken = await owner.post(`${API}/stock/adjust`, { skuId: sku!.id, location: store, qty: -5, reason: '破损报废' });
    expect(taken.status, taken.text).toBe(200);
    const refused = await owner.post(`${API}/replenishments/${task.id}/done`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(store);
    expect(refused.body.detail).toContain('不够补货');
  });
});

describe('picking and cancelling', () => {
  test('picked makes every order 已拣货 with the picker recorded; a stale version or a second time is refused', async () => {
    const [sku] = await createSkus(owner, 1);
    await stockUp(owner, sku!, newBin('A'), 5);
    const orders = [await approvedOrder(owner, [{ sku: sku! }]), await approvedOrder(owner, [{ sku: sku! }])];
    const wave = await makeWave(owner, orders.map((o) => o.id));
    const picker = await colleague(fs.server, owner, 'jianhuo1', ['fulfillment.waves.run']);

    const stale = await picker.post(`${API}/waves/${wave.id}/picked`, { version: wave.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(CHINESE);
    const picked = await picker.post(`${API}/waves/${wave.id}/picked`, { version: wave.version });
    expect(picked.status, picked.text).toBe(200);
    expect(picked.body).toMatchObject({ status: 'picked', pickedByName: 'jianhuo1' });
    expect(picked.body.orderList.every((o: any) => o.status === 'picked')).toBe(true);
    const order = await owner.get(`${API}/orders/${orders[0]!.id}`);
    expect(order.body.status).toBe('picked');
    expect(order.body.steps.pickedBy).toMatchObject({ name: 'jianhuo1' });

    const again = await picker.post(`${API}/waves/${wave.id}/picked`, { version: picked.body.version });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已拣货');
    const cancel = await owner.post(`${API}/waves/${wave.id}/cancel`, { version: picked.body.version });
    expect(cancel.status).toBe(409);
  });

  test('cancel before picking: the orders leave the wave still approved, its open tasks are dropped, and they can be waved again', async () => {
    const [sku] = await createSkus(owner, 1);
    await stockUp(owner, sku!, newBin('A'), 1);
    await stockUp(owner, sku!, newBin('S'), 5, 'storage');
    const order = await approvedOrder(owner, [{ sku: sku!, qty: 3 }]);
    const wave = await makeWave(owner, [order.id]);
    expect(wave.replenishments).toHaveLength(1);

    const cancelled = await owner.post(`${API}/waves/${wave.id}/cancel`, { version: wave.version });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.replenishments[0].status).toBe('cancelled');
    const back = await owner.get(`${API}/orders/${order.id}`);
    expect(back.body).toMatchObject({ status: 'approved', waveId: null });
    const history = await owner.get(`${API}/orders/${order.id}/history`);
    expect(JSON.stringify(history.body)).toContain('"unwave"');
    const task = await owner.post(`${API}/replenishments/${wave.replenishments[0].id}/done`);
    expect(task.status).toBe(409);

    const twice = await owner.post(`${API}/waves/${wave.id}/cancel`, { version: cancelled.body.version });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('已取消');
    const again = await makeWave(owner, [order.id]);
    expect(again.orderList[0].orderId).toBe(order.id);
  });
});

test('a picked wave reads as done once every order in it has shipped', async () => {
  const [sku] = await createSkus(owner, 1);
  await stockUp(owner, sku!, newBin('A'), 3);
  const order = await approvedOrder(owner, [{ sku: sku! }]);
  const wave = await makeWave(owner, [order.id]);
  const picked = await owner.post(`${API}/waves/${wave.id}/picked`, { version: wave.version });
  expect(picked.body.status).toBe('picked');
  const current = await owner.get(`${API}/orders/${order.id}`);
  const shipped = await owner.post(`${API}/orders/${order.id}/ship`, { version: current.body.version, courier: 'STO', trackingNo: `77${String(Date.now()).slice(-12)}`, weightGrams: 400 });
  expect(shipped.status, shipped.text).toBe(200);
  const read = await owner.get(`${API}/waves/${wave.id}`);
  expect(read.body.status).toBe('done');
  expect(read.body.orderList[0].status).toBe('shipped');
  // The pick list still shows what was picked, though the pieces have left the bin.
  expect(read.body.pickList).toEqual([expect.objectContaining({ skuId: sku!.id, qty: 1 })]);
  const done = await owner.get(`${API}/waves?status=done`);
  expect(done.body.items.map((w: any) => w.id)).toContain(wave.id);
});

test('every route needs fulfillment.waves.run', async () => {
  const reader = await colleague(fs.server, owner, 'kanbo1', ['fulfillment.orders.read', 'fulfillment.verify']);
  const calls = [
    reader.post(`${API}/waves`, {}),
    reader.get(`${API}/waves`),
    reader.get(`${API}/waves/1`),
    reader.post(`${API}/waves/1/picked`, { version: 1 }),
    reader.post(`${API}/waves/1/cancel`, { version: 1 }),
    reader.get(`${API}/replenishments`),
    reader.post(`${API}/replenishments/1/done`),
    reader.get(`${API}/printables/pick-list?wave=1`),
    reader.get(`${API}/printables/seeding-sheet?wave=1`),
  ];
  for (const reply of await Promise.all(calls)) {
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toMatch(CHINESE);
  }
});
