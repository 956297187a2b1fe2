// Order and item reports written by other shop software in Taobao's layout, under other header
// names: each variant imports the same orders as the standard reports; a header no declaration
// covers makes the import ask (a structured problem), the clerk's answer is saved for that layout
// and used by later uploads without asking, and is listed and removable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport, startFulfillment, type Client, type FulfillmentServer } from './api.js';
import { createSampleCatalogue } from './sample-catalogue.js';

const API = '/api/fulfillment';
const FIXTURES = join(import.meta.dirname, 'fixtures', 'taobao');
const sample = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ORDERS = sample('orders-sample.csv');
const ITEMS = sample('items-sample.csv');
const PREFIX = '3021456789';

let fs: FulfillmentServer;
let owner: Client;
let batch = 10;

/** The sample's order numbers moved to a prefix of their own, so each variant imports new orders. */
const renumbered = (text: string, prefix: string) => text.split(PREFIX).join(prefix);
const headerReplaced = (text: string, from: string, to: string) => {
  const [head, ...rest] = text.split('\n');
  return [head!.replace(from, to), ...rest].join('\n');
};
/** Rewrites the item report's columns: each record's cells in, the new cells out (header included). */
const itemsRewritten = (text: string, rewrite: (cells: string[], index: number, order: string) => string[]) => {
  const seen = new Map<string, number>();
  return text
    .split(/\r?\n/)
    .map((line, i) => {
      if (!line) return line;
      const cells = line.split(',');
      const order = cells[0]!.replace(/^="|"$/g, '');
      const n = (seen.get(order) ?? 0) + 1;
      seen.set(order, n);
      return rewrite(cells, i === 0 ? 0 : n, order).join(',');
    })
    .join('\r\n');
};

const bytes = (text: string) => new TextEncoder().encode(text);
type Files = { orders: string; items: string };

async function importPair(files: Files, names = { orders: '订单报表.csv', items: '宝贝报表.csv' }) {
  return runImport(fs.server, owner, 'taobao-orders', [
    { name: names.orders, bytes: bytes(files.orders) },
    { name: names.items, bytes: bytes(files.items) },
  ]);
}

/** What an order holds, without its numbers and ids: what must come out the same whatever the header. */
async function ordersOf(prefix: string, withLineKeys = true) {
  const list = await owner.get(`${API}/orders?q=${prefix}&pageSize=50&sort=orderNo`);
  expect(list.status, list.text).toBe(200);
  const orders: Record<string, any>[] = [];
  for (const o of list.body.items as { id: number }[]) {
    const d = (await owner.get(`${API}/orders/${o.id}`)).body;
    orders.push({
      orderNo: d.orderNo.slice(prefix.length),
      ...pick(d, ['shopName', 'buyerNick', 'buyerAccount', 'platformStatus', 'status', 'goodsTotal', 'shippingFee', 'total', 'paidAmount', 'refundAmount', 'buyerMessage', 'sellerRemark', 'receiverName', 'receiverPhone', 'receiverAddress', 'postCode', 'placedAt', 'paidAt', 'closedReason']),
      items: d.items.map((i: Record<string, unknown>) => pick(i, withLineKeys ? ['lineKey', 'skuCode', 'title', 'properties', 'quantity', 'price', 'refundAmount'] : ['skuCode', 'title', 'properties', 'quantity', 'price', 'refundAmount'])),
    });
  }
  return orders;
}
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

/** Imports the variant under a fresh prefix and answers its orders; the import must succeed cleanly. */
async function imported(make: (prefix: string) => Files, withLineKeys = true) {
  const prefix = `4${String(batch++).padStart(3, '0')}123456`;
  const run = await importPair(make(prefix));
  expect(run.problem, JSON.stringify(run.problem)).toBeUndefined();
  expect(run.result).toMatchObject({ created: 6, rejected: [] });
  return ordersOf(prefix, withLineKeys);
}

let standard: Awaited<ReturnType<typeof ordersOf>>;
let standardNoKeys: Awaited<ReturnType<typeof ordersOf>>;

beforeAll(async () => {
  fs = await startFulfillment({ inProcess: true });
  owner = fs.owner;
  await createSampleCatalogue(owner);
  standard = await imported((p) => ({ orders: renumbered(ORDERS, p), items: renumbered(ITEMS, p) }));
  standardNoKeys = standard.map((o) => ({ ...o, items: o.items.map(({ lineKey: _, ...rest }: Record<string, unknown>) => rest) }));
  expect(standard).toHaveLength(6);
  expect(standard[0]!.shopName).toBe('小鱼服饰旗舰店');
});
afterAll(() => fs?.server.dispose());

describe('header variants other exporters write', () => {
  test.each([
    ['收货人 for 收货人姓名', '收货人姓名', '收货人'],
    ['支付金额 for 买家实际支付金额', '买家实际支付金额', '支付金额'],
    ['分销商店铺名称 for 店铺名称', '店铺名称', '分销商店铺名称'],
  ])('the order report with %s imports the same orders', async (_, from, to) => {
    expect(await imported((p) => ({ orders: headerReplaced(renumbered(ORDERS, p), from, to), items: renumbered(ITEMS, p) }))).toEqual(standard);
  });

  test('all three at once import the same orders', async () => {
    const orders = (p: string) => headerReplaced(headerReplaced(headerReplaced(renumbered(ORDERS, p), '收货人姓名', '收货人'), '买家实际支付金额', '支付金额'), '店铺名称', '分销商店铺名称');
    expect(await imported((p) => ({ orders: orders(p), items: renumbered(ITEMS, p) }))).toEqual(standard);
  });

  test('the item report with 主订单编号 + 子订单编号 in place of 订单编号 imports the same orders and lines', async () => {
    const items = (p: string) =>
      itemsRewritten(renumbered(ITEMS, p), (cells, n, order) => (n === 0 ? ['主订单编号', '子订单编号', ...cells.slice(1)] : [cells[0]!, `${order}${n}`, ...cells.slice(1)]));
    expect(await imported((p) => ({ orders: renumbered(ORDERS, p), items: items(p) }), false)).toEqual(standardNoKeys);
  });

  test('the item report with 外部系统编号 alone in place of 商家编码 imports the same orders and lines', async () => {
    // 商家编码 dropped: the codes stand under 外部系统编号 (index 4), as some ERPs write them.
    const items = (p: string) => itemsRewritten(renumbered(ITEMS, p), (cells, n) => (n === 0 ? cells.slice(0, 9) : [...cells.slice(0, 4), cells[9] || cells[4]!, ...cells.slice(5, 9)]));
    expect(await imported((p) => ({ orders: renumbered(ORDERS, p), items: items(p) }))).toEqual(standard);
  });
});

describe('a header the declarations do not cover', () => {
  // Another system's export: 订单号 for 订单编号, 收件人 for 收货人姓名, no 店铺名称 at all.
  const odd = (p: string) => headerReplaced(headerReplaced(headerReplaced(renumbered(ORDERS, p), '收货人姓名', '收件人'), '订单编号', '订单号码'), '店铺名称', '门店');
  const mappings = `${API}/importers/taobao-orders/mappings`;

  test('asks which column holds each missing field, writing nothing; the answer is saved and the same layout then imports without asking', async () => {
    const prefix = '4900123456';
    const files = { orders: odd(prefix), items: renumbered(ITEMS, prefix) };
    const asked = await importPair(files);
    expect(asked.result).toBeUndefined();
    expect(asked.problem).toMatchObject({ status: 400, kind: 'columns-unmapped', detail: expect.stringContaining('收货人姓名') });
    const [file] = asked.problem.files;
    expect(asked.problem.files).toHaveLength(1);
    expect(file).toMatchObject({ file: '订单报表.csv', header: expect.arrayContaining(['订单号码', '收件人', '门店']) });
    expect(file.fields).toEqual(expect.arrayContaining([
      { key: 'orderNo', header: '订单编号', required: true },
      { key: 'receiverName', header: '收货人姓名', required: true },
      { key: 'shopName', header: '店铺名称', required: false },
    ]));
    expect((await owner.get(`${API}/orders?q=${prefix}`)).body.total).toBe(0);

    // A required field cannot be "not in the file"; a cell the header lacks is refused too.
    const absent = await owner.put(`${mappings}/${file.layout}`, { columns: { orderNo: '订单号码', receiverName: null, shopName: null } });
    expect(absent.status, absent.text).toBe(400);
    const wrongCell = await owner.put(`${mappings}/${file.layout}`, { columns: { orderNo: '订单号码', receiverName: '收货人姓名', shopName: null } });
    expect(wrongCell.status, wrongCell.text).toBe(400);
    const twice = await owner.put(`${mappings}/${file.layout}`, { columns: { orderNo: '收件人', receiverName: '收件人' } });
    expect(twice.status, twice.text).toBe(400);
    const unasked = await owner.put(`${mappings}/${file.layout}`, { columns: { orderNo: '订单号码', receiverName: '收件人', buyerNick: '买家会员名' } });
    expect(unasked.status, unasked.text).toBe(400);
    expect((await owner.get(mappings)).body.items).toEqual([]);
    // The optional 店铺名称 may be answered "not in the file".
    const saved = await owner.put(`${mappings}/${file.layout}`, { columns: { orderNo: '订单号码', receiverName: '收件人', shopName: null } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ layout: file.layout, header: file.header, columns: { orderNo: '订单号码', receiverName: '收件人', shopName: null } });

    const again = await importPair(files);
    expect(again.problem, JSON.stringify(again.problem)).toBeUndefined();
    expect(again.result).toMatchObject({ created: 6, rejected: [] });
    const read = await ordersOf(prefix);
    expect(read).toEqual(standard.map((o) => ({ ...o, shopName: null })));

    // Listed with the header it matches, who answered and when; removed, the layout asks again.
    const list = await owner.get(mappings);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ layout: file.layout, header: file.header, columns: { orderNo: '订单号码', receiverName: '收件人', shopName: null }, createdByName: expect.any(String), createdAt: expect.any(String) }),
    ]);
    const removed = await owner.delete(`${mappings}/${file.layout}`);
    expect(removed.status, removed.text).toBe(204);
    expect((await owner.get(mappings)).body.items).toEqual([]);
    const third = await importPair({ orders: odd('4900654321'), items: renumbered(ITEMS, '4900654321') });
    expect(third.problem).toMatchObject({ kind: 'columns-unmapped' });
  });

  test('both reports of one upload are asked about at once, in the uploader’s language', async () => {
    const prefix = '4900777777';
    const items = itemsRewritten(renumbered(ITEMS, prefix), (cells, n) => (n === 0 ? cells.map((c) => (c === '价格' ? '单价' : c)) : cells));
    const english = new (owner.constructor as typeof Client)(fs.server.url, { 'accept-language': 'en' });
    english.cookie = owner.cookie;
    const run = await runImport(fs.server, english, 'taobao-orders', [
      { name: 'o.csv', bytes: bytes(odd(prefix)) },
      { name: 'i.csv', bytes: bytes(items) },
    ]);
    expect(run.problem).toMatchObject({ kind: 'columns-unmapped', detail: expect.stringMatching(/^The header has no column/) });
    expect(run.problem.files.map((f: { file: string; fields: { key: string; required: boolean }[] }) => [f.file, f.fields.filter((x) => x.required).map((x) => x.key)])).toEqual([
      ['o.csv', ['orderNo', 'receiverName']],
      ['i.csv', ['price']],
    ]);
  });

  test('a mapping is the importer’s: a clerk without its permission can neither read nor save one', async () => {
    const res = await owner.post('/api/roles', { id: 'packer-only', name: { 'zh-CN': '打包', en: 'Packer' }, permissions: ['fulfillment.orders.read'] });
    expect(res.status, res.text).toBe(201);
    const { staffClient } = await import('./api.js');
    const packer = await staffClient(fs.server, owner, 'packer1', ['packer-only']);
    expect((await packer.get(mappings)).status).toBe(403);
    expect((await packer.put(`${mappings}/abc`, { columns: {} })).status).toBe(403);
  });
});
