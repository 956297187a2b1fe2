// 自动审单 and 批量审核 over a messy shop, checked row by row: every order's state, flag, exceptions,
// reviewer and version, every history row and every reservation the review wrote. The
// expectations were taken from the review as it wrote one order at a time; the set-wise writes
// must leave exactly the same rows behind.
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSkus, enterOrder, runImport, startFulfillment, stockUp, type Client, type TestServer, type TestSku } from './api.js';
import { encodeReport, taobaoExport } from './fixtures/taobao-export.mjs';
import { withRefunds } from './refund-cells.js';

const API = '/api/fulfillment';
let server: TestServer;
let owner: Client;
let skus: TestSku[];

beforeAll(async () => {
  ({ server, owner } = await startFulfillment({ inProcess: true }));
  skus = await createSkus(owner, 4, 'AR');
  // Plenty of the first and the last, four of the second (the queue decides who gets them), none of the third.
  await stockUp(owner, skus[0]!, 'K-01-01-01', 200);
  await stockUp(owner, skus[1]!, 'K-01-01-02', 4);
  await stockUp(owner, skus[3]!, 'K-01-01-04', 50);
});
afterAll(() => server?.dispose());

interface OrderState {
  id: number;
  order_no: string;
  status: string;
  flag: number;
  exceptions: string;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  updated_at: string;
  version: number;
}

/** Every row the review may touch, read straight from the shop's database after the runs. */
async function readShop() {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(join(server.dataDir, 'workbench.db'), sqlite3.OPEN_READONLY, (e) => (e ? reject(e) : resolve(d)));
  });
  const all = <T>(sql: string) => new Promise<T[]>((resolve, reject) => db.all(sql, (e, rows) => (e ? reject(e) : resolve(rows as T[]))));
  try {
    return {
      orders: await all<OrderState>('SELECT id, order_no, status, flag, exceptions, reviewed_by_name, reviewed_at, updated_at, version FROM fulfillment_orders ORDER BY id'),
      history: await all<{ order_id: number; action: string; from_status: string | null; to_status: string | null; actor_name: string; at: string; detail: string }>(
        'SELECT order_id, action, from_status, to_status, actor_name, at, detail FROM fulfillment_order_history ORDER BY id',
      ),
      reservations: await all<{ order_id: number; sku_id: number; qty: number }>('SELECT order_id, sku_id, qty FROM fulfillment_reservations ORDER BY order_id, sku_id'),
    };
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

test('a messy mix: every order, history row and reservation comes out as the rules say', async () => {
  const [a, b, c, d] = skus as [TestSku, TestSku, TestSku, TestSku];
  // Lines cycle through the SKUs (two lines of one SKU now and then), a line without 商家编码 and a code the catalog does not know.
  const codes = [a.code, a.code, d.code, b.code, '', d.code, a.code, c.code, d.code, 'AR-GONE-1'];
  const e = taobaoExport({ orders: 48, seed: 19, firstOrderNo: '4190000000000001', layout: 'later', skuCodes: codes, statusOf: (i) => (i % 17 === 5 ? 'unpaid' : 'paid') });
  // One line of a two-line order refunded (it stays on the order, neither checked nor reserved).
  const refunded = e.orders.filter((o) => o.items.length === 2)[1]!;
  const items = { name: e.itemFile.name, bytes: encodeReport(withRefunds(e.itemReport, new Map([[refunded.items[1]!.lineKey, { state: '退款成功', amount: '10.00' }]]))) };
  const run = await runImport(server, owner, 'taobao-orders', [e.orderFile, items]);
  expect(run.problem).toBeUndefined();

  const buyer = { buyerNick: 'tb_合并买家', receiverName: '周敏', receiverPhone: '13912345678', receiverAddress: '江苏省南京市鼓楼区中山路 18 号' };
  const manual = [
    await enterOrder(owner, [{ sku: a }], { buyerNick: 'tb_留言', buyerMessage: '不要发顺丰' }),
    await enterOrder(owner, [{ sku: a }, { sku: d, qty: 2 }], buyer),
    await enterOrder(owner, [{ sku: d }], { ...buyer, receiverAddress: '江苏省 南京市 鼓楼区 中山路18号' }),
    await enterOrder(owner, [{ sku: b, qty: 2 }], { buyerNick: 'tb_任务', task: true }),
    await enterOrder(owner, [{ sku: a }], { buyerNick: 'tb_短号', receiverPhone: '1391234' }),
    await enterOrder(owner, [{ sku: a }], { buyerNick: 'tb_无街道', receiverAddress: '浙江省杭州市' }),
    await enterOrder(owner, [{ sku: d }], { buyerNick: 'tb_旗子' }),
    await enterOrder(owner, [{ sku: b }], { buyerNick: 'tb_顺丰', shippingMethod: '顺丰' }),
    await enterOrder(owner, [{ sku: a }], { buyerNick: 'tb_备注' }),
    await enterOrder(owner, [{ sku: d }], { buyerNick: 'tb_异常', paid: false }),
  ];
  const [, , , , , , flagged, , remarked, unpaid] = manual;
  expect((await owner.post(`${API}/orders/${flagged!.id}/flag`, { version: flagged!.version, flag: 3 })).status).toBe(200);
  expect((await owner.post(`${API}/orders/${remarked!.id}/remarks`, { text: '12+申通+送袜子一双' })).status).toBe(201);
  const held = (await owner.get(`${API}/orders/${unpaid!.id}`)).body;
  expect((await owner.post(`${API}/orders/${unpaid!.id}/exception`, { version: held.version, reason: '等买家付款' })).status).toBe(200);
  const imported = await readShop();
  for (const o of imported.orders.filter((x) => x.status === 'pending' && x.id % 5 === 2)) {
    expect((await owner.post(`${API}/orders/${o.id}/flag`, { version: o.version, flag: 1 })).status).toBe(200);
  }
  const before = await readShop();

  // 批量审核 of a few first (one of them 异常 already, one not waiting at all), then 自动审单 of what waits.
  const exceptionId = before.orders.find((o) => o.status === 'exception')!.id;
  const batch = await owner.post(`${API}/orders/batch-approve`, { orderIds: [manual[3]!.id, manual[0]!.id, exceptionId, unpaid!.id, 999_999] });
  expect(batch.status).toBe(200);
  const auto = await owner.post(`${API}/orders/auto-review`, { filter: { status: 'pending' } });
  expect(auto.status).toBe(200);

  const after = await readShop();
  const name = new Map(after.orders.map((o) => [o.id, o.order_no.startsWith('M') ? `M${manual.findIndex((m) => m.id === o.id)}` : `T${e.orders.findIndex((x) => x.orderNo === o.order_no)}`]));
  const skuName = new Map(skus.map((s, i) => [s.id, `sku${i}`]));
  const label = (id: number) => name.get(id) ?? String(id);
  // SKU codes differ from run to run; the messages name them.
  const plain = (text: string) => skus.reduce((t, s, i) => t.replaceAll(s.code, `sku${i}`), text);
  const results = (body: { results: { orderId: number; outcome: string; reasons: { code: string }[] }[] }) =>
    body.results.map((r) => `${label(r.orderId)} ${r.outcome}${r.reasons.length ? ` ${r.reasons.map((x) => x.code).join(',')}` : ''}`);
  // Every row the review wrote carries one time per run; the state columns agree with it.
  const reviewRows = after.history.slice(before.history.length);
  const times = [...new Set(reviewRows.map((h) => h.at))];
  const when = (at: string | null) => (at === null ? '-' : times.includes(at) ? `t${times.indexOf(at)}` : 'before');
  const orders = after.orders.map(
    (o) => `${label(o.id)} ${o.status} flag ${o.flag} v${o.version} ${o.exceptions === '[]' ? '' : `${plain(o.exceptions)} `}by ${o.reviewed_by_name ?? '-'} at ${when(o.reviewed_at)} updated ${when(o.updated_at)}`,
  );
  const history = reviewRows.map((h) => `${label(h.order_id)} ${h.action} ${h.from_status}→${h.to_status} ${h.actor_name} ${when(h.at)} ${h.detail}`);
  const reservations = after.reservations.map((r) => `${label(r.order_id)} ${skuName.get(r.sku_id)} ×${r.qty}`);

  expect({ batch: results(batch.body), auto: results(auto.body), counts: [auto.body.approved, auto.body.exceptions, auto.body.skipped] }).toMatchInlineSnapshot(`
    {
      "auto": [
        "T3 exception needs-person",
        "T47 exception needs-person",
        "M7 approved",
        "T7 exception needs-person",
        "T14 exception needs-person",
        "T26 exception needs-person,out-of-stock",
        "T36 exception needs-person,out-of-stock",
        "M0 exception needs-person",
        "M8 exception needs-person",
        "T1 approved",
        "T2 approved",
        "T4 approved",
        "T6 exception out-of-stock",
        "T8 exception out-of-stock",
        "T9 approved",
        "T11 exception out-of-stock",
        "T12 approved",
        "T13 approved",
        "T16 exception out-of-stock",
        "T17 approved",
        "T18 exception out-of-stock",
        "T19 approved",
        "T21 exception out-of-stock",
        "T22 exception unpaid",
        "T23 approved",
        "T24 approved",
        "T27 approved",
        "T28 exception out-of-stock",
        "T29 approved",
        "T31 exception out-of-stock",
        "T32 approved",
        "T33 approved",
        "T34 approved",
        "T37 approved",
        "T38 exception out-of-stock",
        "T39 exception unpaid",
        "T41 exception out-of-stock",
        "T42 approved",
        "T43 approved",
        "T44 approved",
        "T46 exception out-of-stock",
        "M1 exception possible-merge",
        "M2 exception possible-merge",
        "M4 exception incomplete-address",
        "M5 exception incomplete-address",
        "M6 approved",
      ],
      "batch": [
        "999999 skipped not-found",
        "M3 approved",
        "M0 refused needs-person",
        "T0 refused unknown-sku,out-of-stock",
        "M9 refused unpaid",
      ],
      "counts": [
        21,
        25,
        0,
      ],
    }
  `);
  expect(orders).toMatchInlineSnapshot(`
    [
      "T0 exception flag 0 v1 [{"code":"unknown-sku","message":"商家编码 AR-GONE-1 在商品资料里没有或还没补全（已先建成待补全的 SKU）：请在商品资料里补全后再审单"}] by - at - updated before",
      "T1 approved flag 1 v3 by 王店长 at t1 updated t1",
      "T2 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T3 exception flag 0 v2 [{"code":"needs-person","message":"订单有买家留言，需要人工看过再审核"}] by - at - updated t1",
      "T4 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T5 exception flag 0 v1 [{"code":"unmapped-item","message":"宝贝 「加绒连帽卫衣 秋冬新款（颜色分类：灰色;尺码：L）」 没有商家编码，还不知道是店里哪个 SKU：在订单的宝贝里点「这是哪个商品？」选一次，以后同样的宝贝自动对上"}] by - at - updated before",
      "T6 exception flag 1 v3 [{"code":"out-of-stock","message":"库存不够：sku2 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T7 exception flag 0 v2 [{"code":"needs-person","message":"订单有卖家备注，需要人工看过再审核"}] by - at - updated t1",
      "T8 exception flag 0 v2 [{"code":"out-of-stock","message":"库存不够：sku1 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T9 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T10 exception flag 0 v1 [{"code":"unknown-sku","message":"商家编码 AR-GONE-1 在商品资料里没有或还没补全（已先建成待补全的 SKU）：请在商品资料里补全后再审单"}] by - at - updated before",
      "T11 exception flag 1 v3 [{"code":"out-of-stock","message":"库存不够：sku1 要 2 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T12 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T13 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T14 exception flag 0 v2 [{"code":"needs-person","message":"订单有买家留言，需要人工看过再审核"}] by - at - updated t1",
      "T15 exception flag 0 v1 [{"code":"unmapped-item","message":"宝贝 「加绒连帽卫衣 秋冬新款（颜色分类：白色;尺码：S）」 没有商家编码，还不知道是店里哪个 SKU：在订单的宝贝里点「这是哪个商品？」选一次，以后同样的宝贝自动对上"}] by - at - updated before",
      "T16 exception flag 1 v3 [{"code":"out-of-stock","message":"库存不够：sku2 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T17 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T18 exception flag 0 v2 [{"code":"out-of-stock","message":"库存不够：sku1 要 2 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T19 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T20 exception flag 0 v1 [{"code":"unknown-sku","message":"商家编码 AR-GONE-1 在商品资料里没有或还没补全（已先建成待补全的 SKU）：请在商品资料里补全后再审单"}] by - at - updated before",
      "T21 exception flag 1 v3 [{"code":"out-of-stock","message":"库存不够：sku1 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T22 exception flag 0 v2 [{"code":"unpaid","message":"买家还没付款，不能审核通过；等付款后再审，或关闭订单"}] by - at - updated t1",
      "T23 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T24 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T25 exception flag 0 v1 [{"code":"unmapped-item","message":"宝贝 「运动休闲束脚裤（颜色分类：灰色;尺码：M）」 没有商家编码，还不知道是店里哪个 SKU：在订单的宝贝里点「这是哪个商品？」选一次，以后同样的宝贝自动对上"}] by - at - updated before",
      "T26 exception flag 1 v3 [{"code":"needs-person","message":"订单有卖家备注，需要人工看过再审核"},{"code":"out-of-stock","message":"库存不够：sku2 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T27 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T28 exception flag 0 v2 [{"code":"out-of-stock","message":"库存不够：sku1 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T29 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T30 exception flag 0 v1 [{"code":"unknown-sku","message":"商家编码 AR-GONE-1 在商品资料里没有或还没补全（已先建成待补全的 SKU）：请在商品资料里补全后再审单"}] by - at - updated before",
      "T31 exception flag 1 v3 [{"code":"out-of-stock","message":"库存不够：sku1 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T32 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T33 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T34 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T35 exception flag 0 v1 [{"code":"unmapped-item","message":"宝贝 「纯棉圆领短袖T恤（颜色分类：白色;尺码：L）」 没有商家编码，还不知道是店里哪个 SKU：在订单的宝贝里点「这是哪个商品？」选一次，以后同样的宝贝自动对上"}] by - at - updated before",
      "T36 exception flag 1 v3 [{"code":"needs-person","message":"订单有买家留言，需要人工看过再审核"},{"code":"out-of-stock","message":"库存不够：sku2 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T37 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T38 exception flag 0 v2 [{"code":"out-of-stock","message":"库存不够：sku1 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T39 exception flag 0 v2 [{"code":"unpaid","message":"买家还没付款，不能审核通过；等付款后再审，或关闭订单"}] by - at - updated t1",
      "T40 exception flag 0 v1 [{"code":"unknown-sku","message":"商家编码 AR-GONE-1 在商品资料里没有或还没补全（已先建成待补全的 SKU）：请在商品资料里补全后再审单"}] by - at - updated before",
      "T41 exception flag 1 v3 [{"code":"out-of-stock","message":"库存不够：sku1 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T42 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T43 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T44 approved flag 0 v2 by 王店长 at t1 updated t1",
      "T45 exception flag 0 v1 [{"code":"unmapped-item","message":"宝贝 「运动休闲束脚裤（颜色分类：灰色;尺码：L）」 没有商家编码，还不知道是店里哪个 SKU：在订单的宝贝里点「这是哪个商品？」选一次，以后同样的宝贝自动对上"}] by - at - updated before",
      "T46 exception flag 1 v3 [{"code":"out-of-stock","message":"库存不够：sku2 要 1 件，可用 0 件。请入库或补货后再审"}] by - at - updated t1",
      "T47 exception flag 0 v2 [{"code":"needs-person","message":"订单有买家留言，需要人工看过再审核"}] by - at - updated t1",
      "M0 exception flag 0 v2 [{"code":"needs-person","message":"订单有买家留言，需要人工看过再审核"}] by - at - updated t1",
      "M1 exception flag 0 v2 [{"code":"possible-merge","message":"同一买家同一地址还有订单 M202612080003 没拣货，可以合并发货；请人工决定"}] by - at - updated t1",
      "M2 exception flag 0 v2 [{"code":"possible-merge","message":"同一买家同一地址还有订单 M202612080002 没拣货，可以合并发货；请人工决定"}] by - at - updated t1",
      "M3 approved flag 1 v3 by 王店长 at t0 updated t0",
      "M4 exception flag 0 v2 [{"code":"incomplete-address","message":"收件信息不全：缺11 位手机号或带区号的固话；请联系买家补全后修改订单"}] by - at - updated t1",
      "M5 exception flag 0 v2 [{"code":"incomplete-address","message":"收件信息不全：缺含省份和街道门牌的地址；请联系买家补全后修改订单"}] by - at - updated t1",
      "M6 approved flag 3 v3 by 王店长 at t1 updated t1",
      "M7 approved flag 0 v2 by 王店长 at t1 updated t1",
      "M8 exception flag 1 v4 [{"code":"needs-person","message":"订单有卖家备注，需要人工看过再审核"}] by - at - updated t1",
      "M9 exception flag 0 v2 [{"code":"manual","message":"等买家付款"}] by - at - updated before",
    ]
  `);
  expect(history).toMatchInlineSnapshot(`
    [
      "M3 approve pending→approved 王店长 t0 {"batch":"batch"}",
      "T3 auto-review pending→exception 王店长 t1 {"codes":["needs-person"]}",
      "T47 auto-review pending→exception 王店长 t1 {"codes":["needs-person"]}",
      "M7 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T7 auto-review pending→exception 王店长 t1 {"codes":["needs-person"]}",
      "T14 auto-review pending→exception 王店长 t1 {"codes":["needs-person"]}",
      "T26 auto-review pending→exception 王店长 t1 {"codes":["needs-person","out-of-stock"]}",
      "T36 auto-review pending→exception 王店长 t1 {"codes":["needs-person","out-of-stock"]}",
      "M0 auto-review pending→exception 王店长 t1 {"codes":["needs-person"]}",
      "M8 auto-review pending→exception 王店长 t1 {"codes":["needs-person"]}",
      "T1 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T2 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T4 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T6 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T8 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T9 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T11 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T12 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T13 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T16 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T17 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T18 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T19 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T21 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T22 auto-review pending→exception 王店长 t1 {"codes":["unpaid"]}",
      "T23 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T24 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T27 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T28 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T29 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T31 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T32 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T33 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T34 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T37 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T38 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T39 auto-review pending→exception 王店长 t1 {"codes":["unpaid"]}",
      "T41 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "T42 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T43 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T44 approve pending→approved 王店长 t1 {"batch":"auto"}",
      "T46 auto-review pending→exception 王店长 t1 {"codes":["out-of-stock"]}",
      "M1 auto-review pending→exception 王店长 t1 {"codes":["possible-merge"]}",
      "M2 auto-review pending→exception 王店长 t1 {"codes":["possible-merge"]}",
      "M4 auto-review pending→exception 王店长 t1 {"codes":["incomplete-address"]}",
      "M5 auto-review pending→exception 王店长 t1 {"codes":["incomplete-address"]}",
      "M6 approve pending→approved 王店长 t1 {"batch":"auto"}",
    ]
  `);
  expect(reservations).toMatchInlineSnapshot(`
    [
      "T1 sku1 ×1",
      "T1 sku3 ×2",
      "T2 sku3 ×1",
      "T4 sku0 ×1",
      "T9 sku0 ×1",
      "T12 sku3 ×1",
      "T13 sku3 ×1",
      "T17 sku0 ×2",
      "T19 sku0 ×1",
      "T23 sku3 ×1",
      "T24 sku0 ×1",
      "T24 sku3 ×1",
      "T27 sku0 ×2",
      "T29 sku0 ×1",
      "T32 sku3 ×1",
      "T33 sku3 ×1",
      "T34 sku0 ×1",
      "T34 sku3 ×1",
      "T37 sku0 ×3",
      "T42 sku3 ×1",
      "T43 sku3 ×2",
      "T44 sku0 ×1",
      "T44 sku3 ×1",
      "M3 sku1 ×2",
      "M6 sku3 ×1",
      "M7 sku1 ×1",
    ]
  `);
  // Nothing the review does not own changed: the rows written before it are the same.
  expect(after.history.slice(0, before.history.length)).toEqual(before.history);
});
