// Shipping many orders at once and the files around it: the batch-shipping import (all rows or
// none, with a row report), the bulk-shipping export for the platform, and the packing slip.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BatchShippingReport } from '../shared/records.js';
import { approve, colleague, createSkus, enterOrder, pickedWave, runImport, startFulfillment, stockUp, type Client, type FulfillmentServer, type TestSku } from './api.js';

const F = '/api/fulfillment';

let fs: FulfillmentServer;
let owner: Client;
let skus: TestSku[];
/** Someone who may read orders but not ship: every 403 of this file. */
let reader: Client;

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  reader = await colleague(fs.server, owner, 'reader', ['fulfillment.orders.read']);
  skus = await createSkus(owner, 2);
  for (const [i, sku] of skus.entries()) await stockUp(owner, sku, `B-01-01-0${i + 1}`, 30);
});
afterAll(() => fs?.server.dispose());

let seq = 0;
const stoNo = () => `77${String(Date.now()).slice(-8)}${String(++seq).padStart(5, '0')}`;

/** Orders entered, approved and picked together in one wave (one SKU each, so none needs verifying). */
async function pickedOrders(count: number, body: Record<string, unknown> = {}) {
  const orders = [];
  for (let i = 0; i < count; i++) orders.push(await approve(owner, await enterOrder(owner, [{ sku: skus[i % skus.length]! }], body)));
  const waveId = await pickedWave(owner, orders.map((o) => o.id));
  const fresh = [];
  for (const o of orders) fresh.push((await owner.get(`${F}/orders/${o.id}`)).body as { id: number; orderNo: string; version: number; status: string });
  return { orders: fresh, waveId };
}

/** Uploads a batch-shipping file as the owner and reads its run, which must finish, to its report. */
async function shipFile(bytes: Uint8Array | string, headers: Record<string, string> = {}): Promise<BatchShippingReport> {
  const run = await runImport<BatchShippingReport>(fs.server, owner, 'batch-shipping', [{ name: '批量发货.csv', bytes }], headers);
  expect(run.result, JSON.stringify(run.problem)).toBeDefined();
  return run.result!;
}

const statusOf = async (id: number) => (await owner.get(`${F}/orders/${id}`)).body;
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

describe('batch shipping', () => {
  test('a GBK file ships every row: courier by trade name, weight in kg, order numbers as Excel keeps them', async () => {
    const { orders } = await pickedOrders(2);
    const [a, b] = orders as [(typeof orders)[0], (typeof orders)[0]];
    const [ta, tb] = [stoNo(), stoNo()];
    const csv = ['订单编号,物流公司,物流单号,重量(kg)', `="${a.orderNo}",申通快递,${ta},0.65`, `${b.orderNo},STO,${tb},1.2`, ',,,'].join('\r\n');
    const body = await shipFile(gbk(csv));
    expect(body).toEqual({ shipped: 2, rejected: [] });
    expect(await statusOf(a.id)).toMatchObject({ status: 'shipped', courier: 'STO', trackingNo: ta, weightGrams: 650 });
    expect(await statusOf(b.id)).toMatchObject({ status: 'shipped', courier: 'STO', trackingNo: tb, weightGrams: 1200 });
    expect((await owner.get(`${F}/ledger?order=${a.id}`)).body.items).toEqual([expect.objectContaining({ kind: 'outbound', qty: -1 })]);
  });

  test('one refused row and nothing ships; the report names every row, column and reason', async () => {
    const { orders } = await pickedOrders(3);
    const [a, b, c] = orders as [(typeof orders)[0], (typeof orders)[0], (typeof orders)[0]];
    const shared = stoNo();
    const csv = [
      '订单编号,快递公司,运单号,重量(克)',
      `${a.orderNo},申通,${shared},650`,
      `${b.orderNo},申通,SF1234567890123,650`,
      `${c.orderNo},申通,${shared},650`,
      `NOPE-1,申通,${stoNo()},650`,
      `${a.orderNo},申通,${stoNo()},650`,
      `${b.orderNo},百世,${stoNo()},一斤`,
    ].join('\n');
    const body = await shipFile(csv);
    expect(body.shipped).toBe(0);
    // Rows that cannot be read are reported first; nothing ships, so the rows after them are not tried.
    expect(body.rejected.map((r) => [r.row, r.column])).toEqual([
      [6, '订单编号'],
      [7, '订单编号'],
      [7, '物流公司'],
      [7, '重量'],
    ]);
    expect(body.rejected[0]!.reason).toContain('第 2 行');
    const readable = ['订单编号,快递公司,运单号,重量(克)', `${a.orderNo},申通,${shared},650`, `${b.orderNo},申通,SF1234567890123,650`, `${c.orderNo},申通,${shared},650`, `NOPE-1,申通,${stoNo()},650`].join('\n');
    const second = await shipFile(readable);
    expect(second.shipped).toBe(0);
    expect(second.rejected.map((r) => [r.row, r.column])).toEqual([
      [3, '物流单号'],
      [4, '物流单号'],
      [5, '订单编号'],
    ]);
    expect(second.rejected[0]!.reason).toMatch(/不是申通的单号格式.*顺丰/);
    expect(second.rejected[1]!.reason).toContain(a.orderNo);
    for (const o of orders) expect((await statusOf(o.id)).status).toBe('picked');
    expect((await owner.get(`${F}/ledger?order=${a.id}`)).body.items).toEqual([]);
  });

  test('an order not ready to ship, or without the weight the settings require, refuses the file', async () => {
    const { orders } = await pickedOrders(1);
    const approved = await approve(owner, await enterOrder(owner, [{ sku: skus[0]! }]));
    const csv = ['订单编号,物流公司,物流单号', `${orders[0]!.orderNo},申通,${stoNo()}`, `${approved.orderNo},申通,${stoNo()}`].join('\n');
    const body = await shipFile(csv);
    expect(body.shipped).toBe(0);
    expect(body.rejected).toEqual([
      { row: 2, column: '重量', reason: expect.stringMatching(/称重/) },
      { row: 3, column: '订单编号', reason: expect.stringMatching(/还没有拣货/) },
    ]);
  });

  test('a file without a needed column asks which column holds it, in the importer’s language; the answer is kept for that header', async () => {
    const file = [{ name: '发货.csv', bytes: '订单编号,物流公司,运单\n1,申通,773012345678901\n' }];
    const asked = await runImport(fs.server, owner, 'batch-shipping', file, { 'accept-language': 'en' });
    expect(asked.problem).toMatchObject({ kind: 'columns-unmapped', detail: expect.stringMatching(/^The header has no column for “物流单号”/) });
    expect(asked.problem.files).toEqual([{ file: '发货.csv', layout: expect.any(String), header: ['订单编号', '物流公司', '运单'], fields: [{ key: '物流单号', header: '物流单号', required: true }, { key: '重量', header: '重量', required: false }] }]);
    const saved = await owner.put(`${F}/importers/batch-shipping/mappings/${asked.problem.files[0].layout}`, { columns: { 物流单号: '运单', 重量: null } });
    expect(saved.status, saved.text).toBe(200);
    const run = await runImport<BatchShippingReport>(fs.server, owner, 'batch-shipping', file);
    expect(run.result).toEqual({ shipped: 0, rejected: [{ row: 2, column: '订单编号', reason: expect.stringContaining('没有订单编号为 1 的订单') }] });
  });

  test('batch shipping needs fulfillment.ship', async () => {
    expect((await runImport(fs.server, reader, 'batch-shipping', [{ name: '批量发货.csv', bytes: '订单编号,物流单号\n' }])).status).toBe(403);
  });
});

describe('the bulk-shipping export', () => {
  const exportCsv = async (query: string, client = owner) => {
    const res = await fs.fetch(`${F}/shipping/export${query}`, { headers: { cookie: client.cookie } });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  test('shipped orders in GBK with the platform’s three columns; digits kept as text', async () => {
    const { orders } = await pickedOrders(1);
    const trackingNo = stoNo();
    const order = orders[0]!;
    const shipped = await owner.post(`${F}/orders/${order.id}/ship`, { version: order.version, trackingNo, weightGrams: 500 });
    expect(shipped.status, shipped.text).toBe(200);
    const today = shipped.body.steps.shippedBy.at.slice(0, 10);
    const file = await exportCsv(`?from=${today}&to=${today}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=gbk');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)).toThrow();
    const lines = iconv.decode(Buffer.from(file.bytes), 'gbk').split('\r\n');
    expect(lines[0]).toBe('订单编号,物流公司,运单号');
    expect(lines).toContain(`${order.orderNo},申通,"=""${trackingNo}"""`);
    expect(lines.filter((l) => l.includes(order.orderNo))).toHaveLength(1);
    expect(lines.some((l) => /,,$/.test(l))).toBe(false);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const before = iconv.decode(Buffer.from((await exportCsv(`?to=${yesterday}`)).bytes), 'gbk');
    expect(before).not.toContain(order.orderNo);
  });

  test('orders still to ship come with the rules’ courier and an empty tracking number; UTF-8 on request', async () => {
    const { orders } = await pickedOrders(1, { buyerMessage: '请发顺丰' });
    const file = await exportCsv('?status=picked,verified&encoding=utf-8');
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes.slice(3));
    expect(text.split('\r\n')).toContain(`${orders[0]!.orderNo},顺丰,`);
    expect((await exportCsv('?status=sent')).status).toBe(400);
  });

  test('a cell Excel would run as a formula is defused', async () => {
    const current = await owner.get('/api/settings/fulfillment');
    const couriers = (current.body.value.couriers as { code: string; name: string }[]).map((c) => (c.code === 'STO' ? { ...c, name: '=申通' } : c));
    const saved = await owner.put('/api/settings/fulfillment', { value: { couriers }, version: current.body.version });
    expect(saved.status, saved.text).toBe(200);
    try {
      const text = iconv.decode(Buffer.from((await exportCsv('')).bytes), 'gbk');
      expect(text).toContain(`,'=申通,`);
      expect(text).not.toMatch(/(^|,)=申通/m);
    } finally {
      const now = await owner.get('/api/settings/fulfillment');
      await owner.put('/api/settings/fulfillment', { value: {}, version: now.body.version });
    }
  });

  test('the export needs fulfillment.ship', async () => {
    expect((await exportCsv('', reader)).status).toBe(403);
  });
});

describe('the packing slip', () => {
  const slip = (query: string, client = owner) => client.get(`${F}/printables/packing-slip${query}`);

  test('the order, its receiver, items with SKU codes and quantities, the buyer’s message and the courier', async () => {
    const order = await enterOrder(owner, [{ sku: skus[0]!, qty: 2 }, { sku: skus[1]! }], { buyerMessage: '<b>不要放发票</b>' });
    const remark = await owner.post(`${F}/orders/${order.id}/remarks`, { text: '12+申通+送袜子一双' });
    expect(remark.status, remark.text).toBe(201);
    const page = await slip(`?order=${order.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    for (const text of [order.orderNo, '林小鱼', '13812341234', '文三路 100 号', skus[0]!.code, skus[1]!.code, '申通', '发货单', '12+申通+送袜子一双']) expect(page.text).toContain(text);
    expect(page.text).toMatch(/<td class="num">2<\/td>/);
    expect(page.text).toMatch(/<td class="num">3<\/td>/);
    expect(page.text).toContain('&lt;b&gt;不要放发票&lt;/b&gt;');
    expect(page.text).not.toContain('<b>不要放发票');
  });

  test('a packer without fulfillment.customer.read sees the receiver masked', async () => {
    const order = await enterOrder(owner, [{ sku: skus[0]! }]);
    const packer = await colleague(fs.server, owner, 'slip-packer', ['fulfillment.ship']);
    const page = await slip(`?order=${order.orderNo}`, packer);
    expect(page.status).toBe(200);
    expect(page.text).toContain('林**');
    expect(page.text).toContain('138****1234');
    expect(page.text).not.toContain('林小鱼');
    expect(page.text).not.toContain('13812341234');
    expect(page.text).not.toContain('文三路');
  });

  test('a whole wave prints one slip per order, page by page', async () => {
    const { orders, waveId } = await pickedOrders(2);
    const page = await slip(`?wave=${waveId}`);
    expect(page.status).toBe(200);
    for (const o of orders) expect(page.text).toContain(o.orderNo);
    expect(page.text.match(/<section/g)).toHaveLength(2);
    expect(page.text.match(/page-break/g)?.length).toBeGreaterThanOrEqual(1);
  });

  test('what to print must be named and exist; printing needs fulfillment.ship', async () => {
    const none = await slip('');
    expect(none.status).toBe(400);
    expect(none.body.detail).toMatch(/请指定/);
    const missing = await slip('?order=NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toMatch(/没有订单/);
    expect((await slip('?wave=999999')).status).toBe(404);
    expect((await slip('?order=1', reader)).status).toBe(403);
  });
});
