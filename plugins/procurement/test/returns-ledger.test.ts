// Returns to the supplier (out as 换货出库, back as 换货入库, the rest settled on its own account)
// and the supplier ledger (deliveries, transport, payments, balance, ageing, statement CSV).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { decodeCsv } from '@workbench/plugin-api';
import type { TestHost } from '@workbench/plugin-api/testing';
import { startProcurement } from './helpers/host.js';
import { binFor, createScannableSkus, sentOrder } from './helpers/orders.js';

let host: TestHost;
type Client = TestHost['owner'];
let approver: Client;
let keeper: Client;
let finance: Client;

beforeAll(async () => {
  host = await startProcurement({ fulfillment: true, clock: '2026-11-10T10:00:00+08:00' });
  approver = await host.staff('caigou', ['purchasing']);
  keeper = await host.staff('cangguan', ['warehouse']);
  finance = await host.staff('caiwu', ['finance']);
});
afterAll(() => host?.close());

/** The file's bytes as sent (the test client would read them as UTF-8 text). */
async function download(client: Client, path: string) {
  const res = await host.request(path, { headers: { cookie: client.cookie, host: 'localhost' } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}
const stockOf = async (skuId: number) => (await host.owner.get(`/api/fulfillment/stock?sku=${skuId}`)).body.items[0];

test('failed goods go out as 换货出库, part comes back as 换货入库 into stock and onto the order, the rest is settled', async () => {
  const [a, b] = await createScannableSkus(host.owner);
  await binFor(host.owner, a!, 'R-01-01-01', 0 + 1);
  await binFor(host.owner, b!, 'R-01-01-02', 1);
  const { order } = await sentOrder(host, approver, [a!, b!], { qty: [10, 4], price: 3000 });
  const got = await keeper.post(`/api/procurement/orders/${order.id}/receipts`, { lines: [{ code: a!.code, counted: 10, failed: 3, failureReason: '污渍' }, { code: b!.code, counted: 4, failed: 2, failureReason: '尺码不对' }] });
  expect(got.status, got.text).toBe(201);
  let ret = (await keeper.get(`/api/procurement/returns/${got.body.returnId}`)).body;
  expect(ret).toMatchObject({ status: 'open', openQty: 5, openValue: 15_000 });

  const early = await keeper.post(`/api/procurement/returns/${ret.id}/exchange`, { version: ret.version, lines: [{ lineId: ret.lines[0].id, qty: 1 }] });
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe(`退换货单 ${ret.returnNo} 现在是「待退回」，不能换货入库（先换货出库）`);
  const list = await keeper.get(`/api/procurement/printables/return-list?id=${ret.id}`);
  expect(list.text.match(new RegExp(`退换货单 ${ret.returnNo}<small>`, 'g'))).toHaveLength(2);
  expect(list.text).toContain('第一联 交采购');
  expect(list.text).toContain('第二联 仓库留存');
  ret = (await keeper.post(`/api/procurement/returns/${ret.id}/send`, { version: ret.version })).body;
  expect(ret.status).toBe('sent');

  const tooMany = await keeper.post(`/api/procurement/returns/${ret.id}/exchange`, { version: ret.version, lines: [{ lineId: ret.lines[0].id, qty: 4 }] });
  expect(tooMany.body.detail).toBe(`${a!.code} 只有 3 件待换，不能换回 4 件`);
  const back = await keeper.post(`/api/procurement/returns/${ret.id}/exchange`, { version: ret.version, lines: [{ lineId: ret.lines[0].id, qty: 3 }, { lineId: ret.lines[1].id, qty: 1 }] });
  expect(back.status, back.text).toBe(200);
  expect(back.body).toMatchObject({ status: 'sent', openQty: 1, openValue: 3000, lines: [{ exchanged: 3, open: 0 }, { exchanged: 1, open: 1 }] });
  expect(await stockOf(a!.id)).toMatchObject({ onHand: 1 + 7 + 3 });
  const po = (await host.owner.get(`/api/procurement/orders/${order.id}`)).body;
  expect(po).toMatchObject({ status: 'partly-received', lines: [{ passed: 10, outstanding: 0 }, { passed: 3, outstanding: 1 }] });

  const settled = await keeper.post(`/api/procurement/returns/${ret.id}/settle`, { version: back.body.version, note: '供应商退款 30 元' });
  expect(settled.body).toMatchObject({ status: 'settled', settlementNote: '供应商退款 30 元', openQty: 0, lines: [{ writtenOff: 0 }, { writtenOff: 1 }] });
  expect((await keeper.post(`/api/procurement/returns/${ret.id}/settle`, { version: settled.body.version, note: '再来' })).status).toBe(409);
  expect((await keeper.get('/api/procurement/returns?status=open')).body.items.map((r: { id: number }) => r.id)).not.toContain(ret.id);
});

test('the ledger: deliveries with transport once, payments, the running balance, ageing and a statement', async () => {
  const [a] = await createScannableSkus(host.owner, ['XL']);
  await binFor(host.owner, a!, 'R-02-01-01');
  const { order, supplierId } = await sentOrder(host, approver, [a!], { qty: [20], price: 2500, transportCost: 1200 });
  const first = await keeper.post(`/api/procurement/orders/${order.id}/receipts`, { lines: [{ code: a!.code, counted: 12 }] });
  // The first delivery came in September: dated back, as the clock cannot run 70 days of jobs quickly.
  await host.write((tx) => tx.run("UPDATE procurement_ledger SET day = '2026-09-01' WHERE reference = ?", [first.body.receiptNo]));
  await keeper.post(`/api/procurement/orders/${order.id}/receipts`, { lines: [{ code: a!.code, counted: 8 }] });
  const paid = await finance.post('/api/procurement/ledger/payments', { supplierId, day: '2026-10-11', amount: 20_000, reference: '网银 0042' });
  expect(paid.status, paid.text).toBe(201);
  expect(paid.body).toMatchObject({ kind: 'payment', date: '2026-10-11', paid: 20_000, balance: 11_200 });

  const rows = (await finance.get(`/api/procurement/ledger?supplier=${supplierId}`)).body.items;
  expect(rows.map((r: { date: string; amount: number; transport: number; paid: number; balance: number }) => [r.date, r.amount, r.transport, r.paid, r.balance])).toEqual([
    ['2026-09-01', 30_000, 1200, 0, 31_200],
    ['2026-10-11', 0, 0, 20_000, 11_200],
    ['2026-11-10', 20_000, 0, 0, 31_200],
  ]);
  const balances = (await finance.get('/api/procurement/ledger/balances')).body;
  expect(balances.asOf).toBe('2026-11-10');
  // The payment settles the September delivery first: 11,200 of it stays, 70 days old; November's 20,000 is new.
  expect(balances.items.find((s: { supplierId: number }) => s.supplierId === supplierId)).toMatchObject({
    charged: 51_200, paid: 20_000, owed: 31_200,
    ageing: [{ from: 0, to: 30, owed: 20_000 }, { from: 31, to: 60, owed: 0 }, { from: 61, to: 90, owed: 11_200 }, { from: 91, to: null, owed: 0 }],
  });

  const gbk = await download(finance, `/api/procurement/ledger/statement?supplier=${supplierId}&from=2026-10-01`);
  expect(gbk.status).toBe(200);
  expect(gbk.type).toBe('text/csv; charset=gbk');
  const decoded = decodeCsv(gbk.bytes);
  expect(decoded.encoding).toBe('gbk');
  expect(decoded.text).toBe('日期,类型,单号,货款,运费,已付,欠款\r\n' + `2026-10-11,付款,网银 0042,0.00,0.00,200.00,112.00\r\n2026-11-10,到货,${rows[2].reference},200.00,0.00,0.00,312.00\r\n`);
  const utf8 = await download(finance, `/api/procurement/ledger/statement?supplier=${supplierId}&encoding=utf-8`);
  expect(decodeCsv(utf8.bytes).encoding).toBe('utf-8');
});

test('permissions: finance pays and reads the ledger; purchasing reads but does not pay; warehouse neither', async () => {
  const buyer = await host.staff('caigou2', ['purchasing']);
  expect((await buyer.get('/api/procurement/ledger/balances')).status).toBe(200);
  expect((await buyer.post('/api/procurement/ledger/payments', { supplierId: 1, amount: 1, reference: 'x' })).status).toBe(403);
  expect((await keeper.get('/api/procurement/ledger/balances')).status).toBe(403);
  expect((await finance.post('/api/procurement/returns/1/send', { version: 1 })).status).toBe(403);
});
