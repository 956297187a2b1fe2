// Receiving against a purchase order with fulfillment running: passed goods reach the warehouse
// through `procurement.goods.received` (these cases were run against a stand-in in fulfillment's
// tests before procurement existed), failed ones go onto a return, breaches are scored, and a
// later batch that inspects unlike the first is announced.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHost, type TestHost } from '@workbench/plugin-api/testing';
import { PROCUREMENT } from './helpers/host.js';
import { binFor, createScannableSkus, sentOrder } from './helpers/orders.js';

let host: TestHost;
type Client = TestHost['owner'];
let approver: Client;
let keeper: Client;

beforeAll(async () => {
  host = await startTestHost({
    plugins: [PROCUREMENT, join(import.meta.dirname, 'fixtures', 'quality-notices')],
    enabled: ['listings', 'fulfillment', 'procurement', 'quality-notices'],
    clock: '2026-12-07T10:00:00+08:00',
  });
  approver = await host.staff('caigou', ['purchasing']);
  keeper = await host.staff('cangguan', ['warehouse']);
});
afterAll(() => host?.close());

const stockOf = async (skuId: number) => (await host.owner.get(`/api/fulfillment/stock?sku=${skuId}`)).body.items[0];
const receiveAt = (orderId: number, body: unknown) => keeper.post(`/api/procurement/orders/${orderId}/receipts`, body);

test('passed goods go to the named bin or the SKU pick face on an inbound note from procurement; failed ones onto a return', async () => {
  const [a, b] = await createScannableSkus(host.owner);
  await binFor(host.owner, a!, 'P-01-01-01');
  await host.owner.post('/api/fulfillment/locations', { code: 'P-01-01-02', kind: 'pick' });
  const { order, supplierId } = await sentOrder(host, approver, [a!, b!], { qty: [7, 3] });

  const first = await receiveAt(order.id, { lines: [{ code: a!.code, counted: 7, failed: 1, failureReason: '开线' }] });
  expect(first.status, first.text).toBe(201);
  expect(first.body.receiptNo).toMatch(/^SH20261207\d{3}$/);
  expect(first.body.order).toMatchObject({ status: 'partly-received', lines: [{ passed: 6, failed: 1, outstanding: 1 }, { passed: 0, outstanding: 3 }] });
  expect(await stockOf(a!.id)).toMatchObject({ onHand: 7, defective: 0, bins: [expect.objectContaining({ locationCode: 'P-01-01-01', qty: 7 })] });
  const note = (await host.owner.get('/api/fulfillment/inbound?source=procurement')).body.items[0];
  const supplier = (await host.owner.get(`/api/procurement/suppliers/${supplierId}`)).body;
  expect(note).toMatchObject({ source: 'procurement', reference: first.body.receiptNo, supplier: supplier.name, actorName: '系统', totals: { received: 6, passed: 6, failed: 0 } });

  const ret = (await host.owner.get(`/api/procurement/returns/${first.body.returnId}`)).body;
  expect(ret).toMatchObject({ returnNo: first.body.returnNo, status: 'open', poNo: order.poNo, openQty: 1, openValue: 5000, lines: [{ skuCode: a!.code, qty: 1, reason: '开线', open: 1 }] });

  // The barcode, scanned with a stray space and in the bin the clerk names.
  const rest = await receiveAt(order.id, { lines: [{ code: ` ${b!.barcode} `, counted: 3, locationCode: 'P-01-01-02' }, { code: a!.code.toLowerCase(), counted: 1 }] });
  expect(rest.status, rest.text).toBe(201);
  expect(rest.body.order.status).toBe('received');
  expect(rest.body.returnId).toBeNull();
  expect(await stockOf(b!.id)).toMatchObject({ onHand: 3, bins: [expect.objectContaining({ locationCode: 'P-01-01-02', qty: 3 })] });
  expect(rest.body.order.history.map((h: { move: string; to: string; byName: string }) => `${h.move}:${h.to}:${h.byName}`).slice(-2)).toEqual(['receive:partly-received:cangguan', 'receive:received:cangguan']);
  const receipts = (await keeper.get(`/api/procurement/orders/${order.id}/receipts`)).body.items;
  expect(receipts.map((r: { lines: unknown[] }) => r.lines.length)).toEqual([1, 2]);
});

test('a SKU with no pick face and no bin named is refused by the warehouse, and nothing of the receipt stays', async () => {
  const [a] = await createScannableSkus(host.owner, ['XL']);
  const { order } = await sentOrder(host, approver, [a!]);
  const refused = await receiveAt(order.id, { lines: [{ code: a!.code, counted: 4 }] });
  expect(refused.status).toBe(400);
  expect(refused.body.detail).toContain(`${a!.code} 还没有拣货库位`);
  const named = await receiveAt(order.id, { lines: [{ code: a!.code, counted: 4 }], locationCode: 'NOPE-9' });
  expect(named.status).toBe(400);
  const after = (await host.owner.get(`/api/procurement/orders/${order.id}`)).body;
  expect(after).toMatchObject({ status: 'sent', version: order.version, lines: [{ passed: 0 }] });
  expect((await keeper.get(`/api/procurement/orders/${order.id}/receipts`)).body.items).toEqual([]);
  expect((await host.owner.get(`/api/procurement/ledger?supplier=${after.supplierId}`)).body.items).toEqual([]);
});

test('a code not on the order, more failed than counted, nothing counted, or a draft: refused with what to do', async () => {
  const [a] = await createScannableSkus(host.owner, ['S']);
  await binFor(host.owner, a!, 'P-02-01-01');
  const { order } = await sentOrder(host, approver, [a!]);
  const stranger = await receiveAt(order.id, { lines: [{ code: '6900000000000', counted: 1 }] });
  expect(stranger.status).toBe(400);
  expect(stranger.body.detail).toBe(`6900000000000 不在采购单 ${order.poNo} 上，请核对送货单`);
  expect((await receiveAt(order.id, { lines: [{ code: a!.code, counted: 1, failed: 2 }] })).body.detail).toBe(`${a!.code} 不合格件数不能多于点到的件数`);
  expect((await receiveAt(order.id, { lines: [{ code: a!.code, counted: 0 }] })).body.detail).toBe('这次一件也没有点到，请扫描或填写件数');
  const draft = (await host.owner.post('/api/procurement/orders', { supplierId: (await host.owner.get(`/api/procurement/orders/${order.id}`)).body.supplierId, lines: [{ skuCode: a!.code, qty: 1, price: 100 }] })).body;
  const early = await receiveAt(draft.id, { lines: [{ code: a!.code, counted: 1 }] });
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe('采购单现在是「草稿」，不能收货：草稿要先审批');
});

test('late, over and failed deliveries are scored on the supplier card; closing short scores the shortfall', async () => {
  const [a, b] = await createScannableSkus(host.owner, ['M', 'L']);
  await binFor(host.owner, a!, 'P-03-01-01');
  await binFor(host.owner, b!, 'P-03-01-02');
  const { order, supplierId } = await sentOrder(host, approver, [a!, b!], { qty: [5, 5], expectedDate: '2026-12-05' });
  const got = await receiveAt(order.id, { lines: [{ code: a!.code, counted: 7, failed: 1, failureReason: '色差' }, { code: b!.code, counted: 2 }] });
  expect(got.status, got.text).toBe(201);
  expect(got.body.order.lines.map((l: { passed: number; outstanding: number }) => [l.passed, l.outstanding])).toEqual([[6, 0], [2, 3]]);
  const card = (await host.owner.get(`/api/procurement/suppliers/${supplierId}/scorecard`)).body;
  const kinds = (card.entries as { kind: string; note: string; source: string }[]).map((e) => e.kind).sort();
  expect(kinds).toEqual(['late-delivery', 'over-delivery', 'quality-failure']);
  expect((card.entries as { kind: string; note: string }[]).find((e) => e.kind === 'late-delivery')!.note).toBe(`${order.poNo} ${got.body.receiptNo}：${a!.code} 晚 2 天，${b!.code} 晚 2 天`);

  const closed = await host.owner.post(`/api/procurement/orders/${order.id}/close`, { version: got.body.order.version, reason: '供应商说余下的断货' });
  expect(closed.status, closed.text).toBe(200);
  expect(closed.body.status).toBe('closed');
  const after = (await host.owner.get(`/api/procurement/suppliers/${supplierId}/scorecard`)).body.entries as { kind: string; note: string }[];
  expect(after.find((e) => e.kind === 'short-delivery')!.note).toBe(`${order.poNo} 结案时未到：${b!.code} 3 件`);
});

test('a later batch failing far more than the first is announced to listings and CS; the setting sets how far', async () => {
  const [a] = await createScannableSkus(host.owner, ['M']);
  await binFor(host.owner, a!, 'P-04-01-01');
  const first = await sentOrder(host, approver, [a!], { qty: [20] });
  await receiveAt(first.order.id, { lines: [{ code: a!.code, counted: 20, failed: 1 }] });
  const second = await sentOrder(host, approver, [a!], { qty: [10], supplierId: first.supplierId });
  await receiveAt(second.order.id, { lines: [{ code: a!.code, counted: 10, failed: 1, failureReason: '起球' }] });
  const seen = async () => (await host.owner.get('/api/quality-notices/seen')).body.items.filter((n: { skuId: number }) => n.skuId === a!.id);
  expect(await seen()).toEqual([]);

  const current = await host.owner.get('/api/settings/procurement');
  await host.owner.put('/api/settings/procurement', { value: { ...current.body.value, orders: { ...current.body.value.orders, qualityDriftPercent: 5 } }, version: current.body.version });
  const third = await sentOrder(host, approver, [a!], { qty: [10], supplierId: first.supplierId });
  const got = await receiveAt(third.order.id, { lines: [{ code: a!.code, counted: 10, failed: 1, failureReason: '起球' }] });
  const notices = await seen();
  expect(notices).toEqual([
    expect.objectContaining({ skuCode: a!.code, supplierId: first.supplierId, poNo: third.order.poNo, receiptNo: got.body.receiptNo, firstFailedPercent: 5, batchFailedPercent: 10, reasons: ['起球'] }),
  ]);
});

test('receiving needs procurement.receive', async () => {
  const reader = await host.staff('caiwu', ['finance']);
  expect((await reader.post('/api/procurement/orders/1/receipts', { lines: [{ lineId: 1, counted: 1 }] })).status).toBe(403);
  expect((await reader.get('/api/procurement/orders/1/receipts')).status).toBe(200);
});

test("the reorder suggestions count what is still to come on open orders", async () => {
  const [a] = await createScannableSkus(host.owner, ['XXL']);
  await binFor(host.owner, a!, 'P-05-01-01');
  const { order } = await sentOrder(host, approver, [a!], { qty: [9] });
  await receiveAt(order.id, { lines: [{ code: a!.code, counted: 4 }] });
  const all = (await host.owner.get('/api/procurement/suggestions?all=true')).body.items as { skuCode: string; onOrder: number }[];
  expect(all.find((s) => s.skuCode === a!.code)).toMatchObject({ onOrder: 5 });
});
