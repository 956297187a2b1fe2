// A re-import settles the orders whose report is the one last written from a stored fingerprint,
// without reading them: the orders that did change are still updated exactly as before (a refund
// on the middle line of three, a new remark, a closed trade), the rest stay as they were, and an
// order the shop changed since the last import is compared field by field again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, runImport, stockedShop, type Client, type TestServer, type TestSku } from './api.js';
import { encodeReport, type ExportedOrder } from './fixtures/taobao-export.mjs';
import { reportsFrom } from './paid-exports.js';
import { withRefunds } from './refund-cells.js';
import { orderHash } from '../server/import/order-hash.js';
import type { ParsedOrder } from '../server/import/order-rows.js';

const API = '/api/fulfillment';

let server: TestServer;
let owner: Client;
let skus: TestSku[];

beforeAll(async () => {
  ({ server, owner, skus } = await stockedShop(5, 'UC', 'U', 500));
});
afterAll(() => server?.dispose());

const paidExport = reportsFrom(6100000000000001n, () => skus);

/** The report with one cell (by header name) of an order's row set; the other rows as they were. */
function editOrderCell(report: string, orderNo: string, column: string, value: string): string {
  const lines = report.split('\r\n');
  const header = lines[0]!.split(',').map((h) => h.trim());
  const at = header.indexOf(column);
  expect(at, column).toBeGreaterThanOrEqual(0);
  let edited = 0;
  const out = lines.map((line) => {
    if (!line.startsWith(`="${orderNo}"`)) return line;
    const cells = line.split(',');
    expect(cells).toHaveLength(header.length);
    cells[at] = value;
    edited++;
    return cells.join(',');
  });
  expect(edited).toBe(1);
  return out.join('\r\n');
}

async function upload(e: ReturnType<typeof paidExport>, texts: { orders?: string; items?: string } = {}) {
  const files = [
    { name: e.orderFile.name, bytes: encodeReport(texts.orders ?? e.orderReport) },
    { name: e.itemFile.name, bytes: encodeReport(texts.items ?? e.itemReport) },
  ];
  const run = await runImport(server, owner, 'taobao-orders', files);
  expect(run.problem).toBeUndefined();
  return run.result;
}

async function detailOf(o: ExportedOrder) {
  const hit = (await owner.get(`${API}/orders?q=${o.orderNo}`)).body.items[0];
  return (await owner.get(`${API}/orders/${hit.id}`)).body;
}
const historyOf = async (id: number) => ((await owner.get(`${API}/orders/${id}/history`)).body.items as { action: string }[]).map((h) => h.action);
const plain = (o: ExportedOrder) => !o.buyerMessage && !o.sellerRemark && !/新疆|西藏/.test(o.province);

describe('importing again with a few orders changed', () => {
  test('3 of 50 changed (a refund on the middle line of three, a new remark, a closed trade): those 3 updated as before, 47 untouched', async () => {
    const e = paidExport(50, 71);
    expect(await upload(e)).toMatchObject({ created: 50, unchanged: 0, rejected: [] });
    const refunded = e.orders.find((o) => o.items.length === 3 && plain(o))!;
    const remarked = e.orders.find((o) => o !== refunded && plain(o))!;
    const closed = e.orders.find((o) => o !== refunded && o !== remarked && plain(o))!;
    await approve(owner, await detailOf(refunded));
    const before = new Map<string, any>();
    for (const o of e.orders) before.set(o.orderNo, await detailOf(o));

    // The same files again first: every order settled by its fingerprint.
    expect(await upload(e)).toMatchObject({ created: 0, updated: 0, unchanged: 50, exceptions: 0, closed: 0, rejected: [] });
    for (const o of e.orders) expect(await detailOf(o), o.orderNo).toEqual(before.get(o.orderNo));

    const gone = refunded.items[1]!;
    const items = withRefunds(e.itemReport, new Map([[gone.lineKey, { state: '退款成功', amount: '35.00' }]]));
    let orders = editOrderCell(e.orderReport, remarked.orderNo, '订单备注', '已电话确认尺码');
    orders = editOrderCell(orders, closed.orderNo, '订单状态', '交易关闭');
    orders = editOrderCell(orders, closed.orderNo, '订单关闭原因', '买家不想要了');
    const result = await upload(e, { orders, items });
    expect(result).toMatchObject({ created: 0, updated: 3, unchanged: 47, closed: 1, attention: [], rejected: [] });

    const back = await detailOf(refunded);
    expect(back).toMatchObject({ status: 'pending', platformStatus: 'paid', version: before.get(refunded.orderNo).version + 2 });
    expect(back.items.map((i: { refundState: string }) => i.refundState)).toEqual(['none', 'succeeded', 'none']);
    expect(back.items[1]).toMatchObject({ lineKey: gone.lineKey, refundAmount: 3500 });
    expect((await historyOf(back.id)).slice(-2)).toEqual(['reimport', 'reopen']);
    const remark = await detailOf(remarked);
    expect(remark).toMatchObject({ sellerRemark: '已电话确认尺码', status: before.get(remarked.orderNo).status, version: before.get(remarked.orderNo).version + 1 });
    expect(await historyOf(remark.id)).toEqual(['import', 'reimport']);
    expect(await detailOf(closed)).toMatchObject({ status: 'closed', platformStatus: 'closed', closedReason: '买家不想要了' });
    for (const o of e.orders) if (o !== refunded && o !== remarked && o !== closed) expect(await detailOf(o), o.orderNo).toEqual(before.get(o.orderNo));

    // The changed files once more: nothing new, and the three are settled by their new fingerprints too.
    expect(await upload(e, { orders, items })).toMatchObject({ created: 0, updated: 0, unchanged: 50, closed: 0, rejected: [] });
  });

  test('an order the shop changed since the import is compared field by field again, as before', async () => {
    const e = paidExport(10, 72);
    await upload(e);
    const target = e.orders.find(plain)!;
    const order = await detailOf(target);
    const changed = await owner.post(`${API}/orders/${order.id}/price-change`, { version: order.version, itemId: order.items[0].id, field: 'item-price', newAmount: 100, reason: '老顾客让利' });
    expect(changed.status).toBe(200);
    // The report still names the old price: the import puts it back, as it always has.
    expect(await upload(e)).toMatchObject({ created: 0, updated: 1, unchanged: 9, rejected: [] });
    expect((await detailOf(target)).items[0].price).toBe(target.items[0]!.price);
    expect(await upload(e)).toMatchObject({ updated: 0, unchanged: 10 });
  });
});

describe('an order’s fingerprint', () => {
  const order = (): ParsedOrder => ({
    row: 2, orderNo: '1', shopName: null, buyerNick: 'a', buyerAccount: '', platformStatus: 'paid', goodsTotal: 100, shippingFee: 0, total: 100, paidAmount: 100,
    refundAmount: 0, buyerMessage: '', sellerRemark: '', receiverName: 'b', receiverPhone: '1', receiverAddress: 'c', receiverRegion: 'd', postCode: '',
    shippingMethod: '快递', placedAt: '2019-03-12T08:00:00+08:00', paidAt: null, trackingNo: null, courier: null, closeReason: null,
    items: [{ row: 2, orderNo: '1', lineKey: '1', code: 'X', title: 't', properties: '', quantity: 1, price: 100, refundStatus: null, refundState: 'none', refundAmount: 0 }],
  });

  test('leaves out where the rows stood, and moves with every field and line the report gives', () => {
    const a = order();
    const moved = { ...order(), row: 9, items: [{ ...order().items[0]!, row: 30 }] };
    expect(orderHash(moved)).toBe(orderHash(a));
    const changes: ((o: ParsedOrder) => void)[] = [
      (o) => (o.sellerRemark = '备注'),
      (o) => (o.platformStatus = 'closed'),
      (o) => (o.paidAt = '2019-03-12T08:01:00+08:00'),
      (o) => (o.courier = 'STO'),
      (o) => (o.items[0]!.refundState = 'succeeded'),
      (o) => (o.items[0]!.code = 'Y'),
      (o) => (o.items[0]!.quantity = 2),
      (o) => o.items.push({ ...o.items[0]!, lineKey: '2' }),
    ];
    for (const change of changes) {
      const b = order();
      change(b);
      expect(orderHash(b), change.toString()).not.toBe(orderHash(a));
    }
  });
});
