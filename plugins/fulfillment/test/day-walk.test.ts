// A peak day walked end to end through the HTTP API, as the shop works it: Taobao's GBK export
// of 240 orders comes in, the automatic review approves what it may, one wave takes the approved
// orders, the verification station refuses a wrong item and passes the right ones, every order
// ships, the stock and the ledger agree with what left, and the courier's statement is reconciled.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeReport, taobaoExport, type ExportedOrder, type TaobaoExport } from './fixtures/taobao-export.mjs';
import { createSkus, runImport, startFulfillment, stockUp, type Client, type FulfillmentServer, type TestSku } from './api.js';
import { withRefunds, type LineRefund } from './refund-cells.js';

const F = '/api/fulfillment';
const OPENING = 80;

let fs: FulfillmentServer;
let owner: Client;
let skus: TestSku[];
let exported: ExportedOrder[];

// A number in the courier's usual shape (`shared/tracking.ts`), unique within the run.
let serial = 0;
function trackingFor(courier: string): string {
  const digits = (n: number) => String(Date.now() * 10 + serial++).slice(-n).padStart(n, '0');
  switch (courier) {
    case 'STO': return `77${digits(12)}`;
    case 'EMS': return `9${digits(12)}`;
    case 'SF': return `SF1${digits(12)}`;
    case 'ZTO': return `73${digits(12)}`;
    case 'YTO': return `YT${digits(13)}`;
    default: throw new Error(`no tracking shape for ${courier} in this test`);
  }
}

async function ok(reply: Promise<{ status: number; body: any; text: string }>, status = 200) {
  const r = await reply;
  expect(r.status, r.text).toBe(status);
  return r.body;
}

/** Every order of the import, by order number, as the API lists them. */
async function ordersByNo(): Promise<Map<string, any>> {
  const all = new Map<string, any>();
  for (let page = 1; ; page++) {
    const body = await ok(owner.get(`${F}/orders?pageSize=500&page=${page}&sort=placedAt`));
    for (const o of body.items) all.set(o.orderNo, o);
    if (page * 500 >= body.total) return all;
  }
}

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  // Two products (tops in zone A, trousers in zone B) of six sizes each, 80 pieces per SKU.
  skus = [...(await createSkus(owner, 6, 'TOP')), ...(await createSkus(owner, 6, 'PANT'))];
  for (const [i, sku] of skus.entries()) await stockUp(owner, sku, `${i < 6 ? 'A' : 'B'}-01-01-0${(i % 6) + 1}`, OPENING);
}, 120_000);

afterAll(() => fs?.server.dispose());

describe('a day in the warehouse', () => {
  const state: { approved: any[]; waveId?: number; shipped: Map<number, any> } = { approved: [], shipped: new Map() };

  test('the GBK export of 240 orders imports whole, with progress', async () => {
    const file = taobaoExport({ orders: 240, skuCodes: skus.map((s) => s.code), seed: 7, placedFrom: '2026-11-11 00:05:00', encoding: 'gbk' });
    exported = file.orders;
    const run = await runImport(fs.server, owner, 'taobao-orders', [file.orderFile, file.itemFile]);
    expect(run.problem).toBeUndefined();
    expect(run.events.filter((e) => e.event === 'progress').length).toBeGreaterThan(0);
    expect(run.result).toMatchObject({ created: 240, updated: 0, rejected: [] });
    const orders = await ordersByNo();
    expect(orders.size).toBe(240);
    for (const order of exported.slice(0, 20)) {
      expect(orders.get(order.orderNo), order.orderNo).toMatchObject({ goodsTotal: order.goodsTotal, shippingFee: order.shippingFee, itemCount: order.items.reduce((n, i) => n + i.quantity, 0) });
    }
  });

  test('the automatic review approves the clean orders and leaves the rest to people, with reasons', async () => {
    const review = await ok(owner.post(`${F}/orders/auto-review`, { filter: { status: 'pending' } }));
    expect(review.approved).toBeGreaterThan(100);
    const orders = await ordersByNo();
    for (const order of exported) {
      const got = orders.get(order.orderNo);
      if (order.status === 'unpaid') expect(got.status, `${order.orderNo} is unpaid`).not.toBe('approved');
      if (order.buyerMessage) expect(got.status, `${order.orderNo} has a message`).not.toBe('approved');
      if (got.status === 'exception') expect(got.exceptions.length).toBeGreaterThan(0);
    }
    state.approved = [...orders.values()].filter((o) => o.status === 'approved');
    expect(state.approved.length).toBe(review.approved);
    // Approved orders hold their stock: reserved per SKU equals what they ordered.
    const stock = await ok(owner.get(`${F}/stock?pageSize=100`));
    const reserved = new Map<number, number>();
    for (const o of state.approved) {
      for (const item of (await ok(owner.get(`${F}/orders/${o.id}`))).items) reserved.set(item.skuId, (reserved.get(item.skuId) ?? 0) + item.quantity);
    }
    for (const row of stock.items) expect(row.reserved, row.skuCode).toBe(reserved.get(row.skuId) ?? 0);
  });

  test('one wave takes every approved order, classified, with a pick list in path order', async () => {
    const wave = await ok(owner.post(`${F}/waves`, {}), 201);
    state.waveId = wave.id;
    expect(wave.orderList.length).toBe(state.approved.length);
    const classes = new Set(wave.orderList.map((o: { class: string }) => o.class));
    expect(classes).toContain('single');
    expect(classes).toContain('multi-cross-zone');
    const paths = wave.pickList.map((l: { pathOrder: number }) => l.pathOrder);
    expect(paths).toEqual([...paths].sort((a, b) => a - b));
    const picked = await ok(owner.post(`${F}/waves/${wave.id}/picked`, { version: wave.version }));
    expect(picked.status).toBe('picked');
  });

  test('verification refuses a wrong item and passes each multi-item order scanned right', async () => {
    const wave = await ok(owner.get(`${F}/waves/${state.waveId}`));
    const multi = wave.orderList.filter((o: { class: string }) => o.class !== 'single');
    expect(multi.length).toBeGreaterThan(10);
    let refused = false;
    for (const member of multi) {
      const station = await ok(owner.get(`${F}/verification/${member.orderId}`));
      if (!refused) {
        const inOrder = new Set(station.lines.map((l: { skuId: number }) => l.skuId));
        const stranger = skus.find((s) => !inOrder.has(s.id))!;
        const wrong = await owner.post(`${F}/verification/${member.orderId}/scan`, { code: stranger.barcode });
        expect(wrong.status).toBe(409);
        expect(wrong.body.detail).toMatch(/[\u4e00-\u9fff]/);
        refused = true;
      }
      let last: any;
      for (const line of station.lines) {
        const barcode = skus.find((s) => s.id === line.skuId)!.barcode;
        for (let n = 0; n < line.expected; n++) last = await ok(owner.post(`${F}/verification/${member.orderId}/scan`, { code: barcode }));
      }
      expect(last.complete, member.orderNo).toBe(true);
    }
    expect(refused).toBe(true);
    const verified = await ok(owner.get(`${F}/orders?status=verified&pageSize=500`));
    expect(verified.total).toBe(multi.length);
  });

  test('every order of the wave ships with its courier and a tracking number of that courier', async () => {
    const wave = await ok(owner.get(`${F}/waves/${state.waveId}`));
    for (const member of wave.orderList) {
      const order = await ok(owner.get(`${F}/orders/${member.orderId}`));
      const choice = await ok(owner.get(`${F}/orders/${member.orderId}/courier`));
      const trackingNo = trackingFor(choice.courier.code);
      const weightGrams = 200 + order.itemCount * 350;
      const shipped = await ok(owner.post(`${F}/orders/${member.orderId}/ship`, { version: order.version, trackingNo, weightGrams }));
      expect(shipped.status).toBe('shipped');
      state.shipped.set(member.orderId, { ...order, trackingNo, weightGrams, courier: choice.courier.code });
    }
    expect(state.shipped.size).toBe(state.approved.length);
  });

  test('stock and ledger agree with what left: opening − shipped, one outbound row per bin taken', async () => {
    const out = new Map<number, number>();
    for (const order of state.shipped.values()) for (const item of order.items) out.set(item.skuId, (out.get(item.skuId) ?? 0) + item.quantity);
    const stock = await ok(owner.get(`${F}/stock?pageSize=100`));
    for (const sku of skus) {
      const row = stock.items.find((r: { skuId: number }) => r.skuId === sku.id);
      expect(row.onHand, sku.code).toBe(OPENING - (out.get(sku.id) ?? 0));
      expect(row.reserved, sku.code).toBe(0);
      const ledger = await ok(owner.get(`${F}/ledger?sku=${sku.id}&kind=outbound&pageSize=500`));
      const taken = ledger.items.reduce((n: number, e: { qty: number }) => n - e.qty, 0);
      expect(taken, sku.code).toBe(out.get(sku.id) ?? 0);
      for (const entry of ledger.items) expect(entry.actorName).toBeTruthy();
    }
  });

  test("the courier's statement is reconciled: an unknown number and a weight difference stand out", async () => {
    const sto = [...state.shipped.values()].filter((o) => o.courier === 'STO');
    expect(sto.length).toBeGreaterThan(5);
    const heavy = sto[0];
    const unknown = trackingFor('STO');
    const kg = (g: number) => (g / 1000).toFixed(2);
    const fee = (g: number) => ((500 + Math.ceil(Math.max(0, g - 1000) / 1000) * 200) / 100).toFixed(2);
    const rows = sto.map((o) => (o === heavy ? `${o.trackingNo},${kg(o.weightGrams + 900)},${fee(o.weightGrams + 900)}` : `${o.trackingNo},${kg(o.weightGrams)},${fee(o.weightGrams)}`));
    const csv = ['运单号,重量(kg),运费(元)', ...rows, `${unknown},0.50,5.00`].join('\r\n');
    const run = await runImport(fs.server, owner, 'courier-statement', [{ name: '申通11月账单.csv', bytes: csv }]);
    expect(run.problem).toBeUndefined();
    expect(run.result).toMatchObject({ lines: sto.length + 1, matched: sto.length, unknown: 1 });
    const statement = await ok(owner.get(`${F}/statements/${run.result.statementId}`));
    const outcome = (no: string) => statement.items.find((l: { trackingNo: string }) => l.trackingNo === no)?.outcome;
    expect(outcome(unknown)).toBe('unknown');
    expect(outcome(heavy.trackingNo)).toMatch(/^weight/);
    expect(outcome(sto[1].trackingNo)).toBe('ok');
  });
});

// A small shop's own export: its items carry no 商家编码. Nothing is refused; each order waits in 异常
// unmapped-item until a clerk says once which SKU a 宝贝标题 + 商品属性 is, and from then on waiting
// orders and later imports find the SKU by themselves, however the export spells the punctuation.
describe('a small shop whose items carry no 商家编码', () => {
  const TITLE = '手工羊毛围巾 加厚';
  const OAT = '颜色分类：燕麦色';
  const GREEN = '颜色分类：墨绿色';
  let oat: TestSku;
  let green: TestSku;
  let first: TaobaoExport;
  const mappingIds: number[] = [];

  /** The export with every 商家编码 emptied; the 燕麦色 lines alternate with an older listing's spelling. */
  function withoutCodes(file: TaobaoExport): TaobaoExport {
    let n = 0;
    const lines = file.itemReport.split('\r\n').map((line, i) => {
      if (i === 0 || !line) return line;
      const cells = line.split(',');
      const isOat = cells[9] === oat.code;
      const odd = isOat && n++ % 2 === 1;
      cells[1] = odd ? '手工羊毛围巾\u3000加厚' : TITLE;
      cells[5] = isOat ? (odd ? '颜色分类 : 燕麦色' : OAT) : GREEN;
      cells[9] = '';
      return cells.join(',');
    });
    return { ...file, itemReport: lines.join('\r\n'), itemFile: { name: file.itemFile.name, bytes: encodeReport(lines.join('\r\n'), 'gbk') } };
  }
  const exportOf = (seed: number, firstOrderNo: string) =>
    withoutCodes(taobaoExport({ orders: 8, skuCodes: [oat.code, green.code], seed, firstOrderNo, placedFrom: '2026-11-12 09:00:00', encoding: 'gbk', statusOf: () => 'paid' }));
  const orderOf = async (orderNo: string) => ok(owner.get(`${F}/orders/${(await ok(owner.get(`${F}/orders?q=${orderNo}`))).items[0].id}`));
  const has = (o: ExportedOrder, sku: TestSku) => o.items.some((i) => i.code === sku.code);

  beforeAll(async () => {
    const made = await createSkus(owner, 2, 'SCARF');
    [oat, green] = [made[0]!, made[1]!];
    await stockUp(owner, oat, 'C-01-01-01', 50);
    await stockUp(owner, green, 'C-01-01-02', 50);
  });

  test('the export imports whole: no row refused, no stub made, each order waits in 异常 unmapped-item', async () => {
    first = exportOf(21, '5100000000000001');
    const run = await runImport(fs.server, owner, 'taobao-orders', [first.orderFile, first.itemFile]);
    expect(run.problem).toBeUndefined();
    expect(run.result).toMatchObject({ created: 8, exceptions: 8, skuStubs: [], rejected: [] });
    const queue = await ok(owner.get(`${F}/orders?exception=unmapped-item&pageSize=50`));
    expect(queue.items.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual(first.orders.map((o) => o.orderNo).sort());
    const order = await orderOf(first.orders[0]!.orderNo);
    expect(order.exceptions).toEqual([{ code: 'unmapped-item', message: expect.stringContaining(TITLE) }]);
    expect(order.items.every((i: { skuId: number | null; skuCode: string }) => i.skuId === null && i.skuCode === '')).toBe(true);
    // The review says the same, and the queue groups the lines by what the platform calls them.
    const review = await ok(owner.get(`${F}/orders/${order.id}/review`));
    expect(review.findings.find((f: { rule: string }) => f.rule === 'known-skus')).toMatchObject({ ok: false, code: 'unmapped-item' });
    const waiting = await ok(owner.get(`${F}/item-mappings/waiting`));
    expect(waiting.items).toHaveLength(2);
    // Either spelling may come first; both lines are the one item.
    expect(waiting.items.find((w: { properties: string }) => w.properties.includes('燕麦色'))).toMatchObject({ code: '', orders: first.orders.filter((o) => has(o, oat)).length });
  });

  test('"this is SKU X" once: every waiting order holding the item gets it, and goes back to review when nothing else is missing', async () => {
    const made = await ok(owner.post(`${F}/item-mappings`, { title: TITLE, properties: OAT, skuCode: oat.code }), 201);
    mappingIds.push(made.mapping.id);
    expect(made.mapping).toMatchObject({ title: TITLE, properties: OAT, skuId: oat.id, skuCode: oat.code });
    expect(made.orders.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual(first.orders.filter((o) => has(o, oat)).map((o) => o.orderNo).sort());
    for (const exported of first.orders.filter((o) => has(o, oat))) {
      const order = await orderOf(exported.orderNo);
      // Both spellings of 燕麦色 are the same item.
      for (const [i, line] of exported.items.entries()) if (line.code === oat.code) expect(order.items[i], exported.orderNo).toMatchObject({ skuId: oat.id, skuCode: oat.code });
      if (has(exported, green)) expect(order).toMatchObject({ status: 'exception', exceptions: [{ code: 'unmapped-item' }] });
      else expect(order).toMatchObject({ status: 'pending', exceptions: [] });
      const history = await ok(owner.get(`${F}/orders/${order.id}/history`));
      expect(history.items.find((h: { action: string }) => h.action === 'map-item')).toMatchObject({ actorName: expect.any(String) });
    }
    // The same item again, spelled another way, is the mapping that exists.
    const twice = await owner.post(`${F}/item-mappings`, { title: '手工羊毛围巾加厚', properties: '颜色分类:燕麦色', skuCode: green.code });
    expect(twice.status, twice.text).toBe(409);
    expect(twice.body.detail).toContain(oat.code);
    const second = await ok(owner.post(`${F}/item-mappings`, { title: TITLE, properties: GREEN, skuCode: green.code }), 201);
    mappingIds.push(second.mapping.id);
    expect((await ok(owner.get(`${F}/orders?exception=unmapped-item`))).total).toBe(0);
    expect((await ok(owner.get(`${F}/item-mappings/waiting`))).items).toEqual([]);
  });

  test('the orders pass review; the same export again changes nothing, approved orders included', async () => {
    const ids = (await Promise.all(first.orders.map((o) => orderOf(o.orderNo)))).map((o) => o.id);
    const review = await ok(owner.post(`${F}/orders/auto-review`, { orderIds: ids }));
    expect(review.approved).toBeGreaterThan(0);
    for (const r of review.results) for (const reason of r.reasons ?? []) expect(['unmapped-item', 'unknown-sku']).not.toContain(reason.code);
    const again = await runImport(fs.server, owner, 'taobao-orders', [first.orderFile, first.itemFile]);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 8, rejected: [] });
  });

  test('later imports use the mappings; a removed mapping leaves resolved lines alone and later lines wait again', async () => {
    const later = exportOf(22, '5200000000000001');
    const run = await runImport(fs.server, owner, 'taobao-orders', [later.orderFile, later.itemFile]);
    expect(run.result).toMatchObject({ created: 8, exceptions: 0, skuStubs: [], rejected: [] });
    const order = await orderOf(later.orders[0]!.orderNo);
    expect(order.status).toBe('pending');
    expect(order.items.map((i: { skuId: number }) => i.skuId)).toEqual(later.orders[0]!.items.map((i) => (i.code === oat.code ? oat.id : green.id)));

    const listed = await ok(owner.get(`${F}/item-mappings`));
    expect(listed.items.map((m: { skuCode: string }) => m.skuCode).sort()).toEqual([oat.code, green.code].sort());
    await ok(owner.request('DELETE', `${F}/item-mappings/${mappingIds[1]}`), 204);
    expect((await ok(owner.get(`${F}/item-mappings`))).items.map((m: { skuCode: string }) => m.skuCode)).toEqual([oat.code]);
    expect((await orderOf(later.orders[0]!.orderNo)).items.map((i: { skuId: number }) => i.skuId)).toEqual(order.items.map((i: { skuId: number }) => i.skuId));
    const third = exportOf(23, '5300000000000001');
    const run3 = await runImport(fs.server, owner, 'taobao-orders', [third.orderFile, third.itemFile]);
    expect(run3.result).toMatchObject({ created: 8, exceptions: third.orders.filter((o) => has(o, green)).length, rejected: [] });
  });
});

// Refunds arrive during the day in the later item report (sub-orders, 退款状态, 退款金额): one asked
// and then refused, one refunded on every line, one refunded on one line of three. The stock and the
// wave follow: nothing refunded is reserved, picked or shipped.
describe('refunds from Taobao during the day', () => {
  const refundExport = () => taobaoExport({ orders: 40, skuCodes: skus.map((s) => s.code), seed: 17, firstOrderNo: '9100000000000001', placedFrom: '2026-11-11 14:00:00', encoding: 'gbk', layout: 'later', statusOf: () => 'paid' });
  const uploadWith = async (refunds: [string, LineRefund][]) => {
    const file = refundExport();
    const items = { name: file.itemFile.name, bytes: encodeReport(withRefunds(file.itemReport, new Map(refunds)), 'gbk') };
    const run = await runImport(fs.server, owner, 'taobao-orders', [file.orderFile, items]);
    expect(run.problem).toBeUndefined();
    return run.result;
  };
  const ids = new Map<string, number>();
  const byNo = async (orderNo: string) => ok(owner.get(`${F}/orders/${ids.get(orderNo)}`));
  let asked: ExportedOrder;
  let refunded: ExportedOrder;
  let partial: ExportedOrder;

  const ours = (row: { skuId: number }) => skus.some((s) => s.id === row.skuId);

  /** Per SKU, what the approved orders of this block still ship (refunded lines left out). */
  async function expectReservedToMatchApproved(): Promise<void> {
    const want = new Map<number, number>();
    for (const id of ids.values()) {
      const order = await ok(owner.get(`${F}/orders/${id}`));
      if (order.status !== 'approved') continue;
      for (const item of order.items) if (item.refundState !== 'succeeded') want.set(item.skuId, (want.get(item.skuId) ?? 0) + item.quantity);
    }
    const stock = await ok(owner.get(`${F}/stock?pageSize=100`));
    // Only this block's SKUs: the small shop's block above leaves approved orders of its own.
    for (const row of stock.items.filter(ours)) expect(row.reserved, row.skuCode).toBe(want.get(row.skuId) ?? 0);
  }

  test('the afternoon export imports and the automatic review approves the clean orders', async () => {
    const file = refundExport();
    expect(await uploadWith([])).toMatchObject({ created: 40, rejected: [] });
    for (const o of file.orders) ids.set(o.orderNo, (await ok(owner.get(`${F}/orders?q=${o.orderNo}`))).items[0].id);
    await ok(owner.post(`${F}/orders/auto-review`, { orderIds: [...ids.values()] }));
    const approved = async (o: ExportedOrder) => (await byNo(o.orderNo)).status === 'approved';
    const candidates = [];
    for (const o of file.orders) if (await approved(o)) candidates.push(o);
    asked = candidates.find((o) => o.items.length === 1)!;
    refunded = candidates.find((o) => o.items.length === 2)!;
    partial = candidates.find((o) => o.items.length === 3)!;
    expect([asked, refunded, partial].every(Boolean)).toBe(true);
    await expectReservedToMatchApproved();
  });

  test('a refund asked holds its order in 异常; every line refunded closes one; one line of three refunded sends one back to review', async () => {
    const result = await uploadWith([
      [asked.items[0]!.lineKey, { state: '买家已经申请退款，等待卖家同意' }],
      ...refunded.items.map((i): [string, LineRefund] => [i.lineKey, { state: 'SUCCESS', amount: '10.00' }]),
      [partial.items[1]!.lineKey, { state: '退款成功', amount: '20.00' }],
    ]);
    expect(result).toMatchObject({ updated: 3, closed: 1, rejected: [] });
    expect(await byNo(asked.orderNo)).toMatchObject({ status: 'exception', platformStatus: 'refunding', exceptions: [{ code: 'refunding' }] });
    expect(await byNo(refunded.orderNo)).toMatchObject({ status: 'closed', platformStatus: 'closed' });
    const back = await byNo(partial.orderNo);
    expect(back).toMatchObject({ status: 'pending', platformStatus: 'paid' });
    expect(back.items.map((i: { refundState: string }) => i.refundState)).toEqual(['none', 'succeeded', 'none']);
    await expectReservedToMatchApproved();
  });

  test('the refund refused, the held order returns to review; the review approves both again, the refunded line left out', async () => {
    await uploadWith([
      [asked.items[0]!.lineKey, { state: 'SELLER_REFUSE_BUYER' }],
      ...refunded.items.map((i): [string, LineRefund] => [i.lineKey, { state: 'SUCCESS', amount: '10.00' }]),
      [partial.items[1]!.lineKey, { state: '退款成功', amount: '20.00' }],
    ]);
    expect(await byNo(asked.orderNo)).toMatchObject({ status: 'pending', platformStatus: 'paid', exceptions: [] });
    const review = await ok(owner.post(`${F}/orders/auto-review`, { orderIds: [ids.get(asked.orderNo), ids.get(partial.orderNo)] }));
    expect(review.approved).toBe(2);
    await expectReservedToMatchApproved();
  });

  test('the wave picks and ships no refunded piece; the stock tells the same', async () => {
    const approved = [];
    const leaving = new Map<number, number>();
    for (const id of ids.values()) {
      const order = await ok(owner.get(`${F}/orders/${id}`));
      if (order.status !== 'approved') continue;
      approved.push(id);
      for (const item of order.items) if (item.refundState !== 'succeeded') leaving.set(item.skuId, (leaving.get(item.skuId) ?? 0) + item.quantity);
    }
    const before = await ok(owner.get(`${F}/stock?pageSize=100`));
    const wave = await ok(owner.post(`${F}/waves`, { orderIds: approved }), 201);
    const gone = partial.items[1]!;
    const slot = wave.orderList.find((o: { orderNo: string }) => o.orderNo === partial.orderNo).slot;
    const picked = new Map<string, number>();
    for (const line of wave.pickList) for (const s of line.slots) if (s.slot === slot) picked.set(line.skuCode, (picked.get(line.skuCode) ?? 0) + s.qty);
    const expected = new Map<string, number>();
    for (const item of partial.items) if (item !== gone) expected.set(item.code, (expected.get(item.code) ?? 0) + item.quantity);
    expect(picked).toEqual(expected);
    const done = await ok(owner.post(`${F}/waves/${wave.id}/picked`, { version: wave.version }));
    for (const member of done.orderList) {
      const station = await ok(owner.get(`${F}/verification/${member.orderId}`));
      if (station.lines.length > 1) {
        for (const line of station.lines) {
          const barcode = skus.find((s) => s.id === line.skuId)!.barcode;
          for (let n = 0; n < line.expected; n++) await ok(owner.post(`${F}/verification/${member.orderId}/scan`, { code: barcode }));
        }
      }
      const order = await ok(owner.get(`${F}/orders/${member.orderId}`));
      const choice = await ok(owner.get(`${F}/orders/${member.orderId}/courier`));
      await ok(owner.post(`${F}/orders/${member.orderId}/ship`, { version: order.version, trackingNo: trackingFor(choice.courier.code), weightGrams: 800 }));
    }
    const after = await ok(owner.get(`${F}/stock?pageSize=100`));
    for (const row of after.items.filter(ours)) {
      const was = before.items.find((r: { skuId: number }) => r.skuId === row.skuId);
      expect(row.onHand, row.skuCode).toBe(was.onHand - (leaving.get(row.skuId) ?? 0));
      expect(row.reserved, row.skuCode).toBe(0);
    }
  });
});
