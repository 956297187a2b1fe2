// The Taobao import reading the reports: the hand-written sample pair read to exact values, GBK
// and UTF-8 (with and without BOM), ="…" cells, trailing-space headers, unknown columns, refused
// rows reported by file, row and column with nothing written, and uploads that are not a pair.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport as importRun, startFulfillment, type Client, type TestServer } from './api.js';
import { createSampleCatalogue } from './sample-catalogue.js';
import { encodeReport, taobaoExport } from './fixtures/taobao-export.mjs';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;
const FIXTURES = join(import.meta.dirname, 'fixtures', 'taobao');
const sample = (name: string) => readFileSync(join(FIXTURES, name));
const SAMPLE_CODES = ['TB-HOODIE-BK-M', 'TB-HOODIE-BK-L', 'TB-JEANS-29'];

let server: TestServer;
let owner: Client;

interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** Uploads the files as one Taobao import and reads its run to the end. */
async function runImport(client: Client, files: Upload[]) {
  const run = await importRun(server, client, 'taobao-orders', files);
  expect(run.status, JSON.stringify(run.problem)).toBe(202);
  return { ...run, last: run.events.at(-1)! };
}

async function orderByNo(orderNo: string) {
  const list = await owner.get(`${API}/orders?q=${orderNo}`);
  expect(list.status, list.text).toBe(200);
  const hit = list.body.items.find((o: { orderNo: string }) => o.orderNo === orderNo);
  if (!hit) return undefined;
  return (await owner.get(`${API}/orders/${hit.id}`)).body;
}

async function ordersWith(query: string) {
  const reply = await owner.get(`${API}/orders?${query}&pageSize=500`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  ({ server, owner } = await startFulfillment({ inProcess: true }));
  await createSampleCatalogue(owner);
});
afterAll(() => server?.dispose());

describe('the sample reports', () => {
  let result: any;
  beforeAll(async () => {
    // The order report in UTF-8 with a BOM, the item report without: either is read as UTF-8.
    ({ result } = await runImport(owner, [
      { name: 'ExportOrderList201903131200.csv', bytes: sample('orders-sample.csv') },
      { name: 'ExportOrderDetailList201903131200.csv', bytes: sample('items-sample.csv') },
    ]));
  });

  test('every order comes in, with the unknown code stubbed and the counts right', () => {
    expect(result).toMatchObject({ created: 6, updated: 0, unchanged: 0, items: 7, exceptions: 2, closed: 1, skuStubs: ['TB-SCARF-RED'], attention: [], rejected: [] });
    expect(result.importId).toEqual(expect.any(Number));
  });

  test('an order reads to its exact money, shop times, receiver, lines and priority', async () => {
    const order = await orderByNo('3021456789012345');
    expect(order).toMatchObject({
      source: 'import',
      shopName: '小鱼服饰旗舰店',
      buyerNick: 'tb_林小鱼',
      buyerAccount: 'xiaoyu88@163.com',
      platformStatus: 'paid',
      status: 'pending',
      exceptions: [],
      goodsTotal: 25780,
      shippingFee: 0,
      total: 25780,
      paidAmount: 25780,
      refundAmount: 0,
      buyerMessage: '周末不在家，请工作日送到"公司"',
      sellerRemark: '',
      receiverName: '林小鱼',
      receiverPhone: '13812341234',
      receiverAddress: '浙江省 杭州市 西湖区 文三路100号 3幢502室',
      receiverMasked: false,
      receiverRegion: '浙江',
      postCode: '310012',
      shippingMethod: '快递',
      itemCount: 3,
      priority: 3,
      placedAt: '2019-03-12T10:48:00.000+08:00',
      paidAt: '2019-03-12T10:50:31.000+08:00',
      trackingNo: null,
      version: 1,
    });
    const [hoodie, jeans] = order.items;
    expect(hoodie).toMatchObject({ lineKey: '1', skuCode: 'TB-HOODIE-BK-M', title: '加绒连帽卫衣 秋冬新款', properties: '颜色分类：黑色;尺码：M', quantity: 2, price: 9900, refundStatus: null });
    // No 商家编码 on this line: the 外部系统编号 names the SKU.
    expect(jeans).toMatchObject({ lineKey: '2', skuCode: 'TB-JEANS-29', quantity: 1, price: 5980 });
    const skus = (await owner.get('/api/listings/skus?q=TB-')).body.items as { id: number; code: string }[];
    expect(hoodie.skuId).toBe(skus.find((s) => s.code === 'TB-HOODIE-BK-M')!.id);
    expect(jeans.skuId).toBe(skus.find((s) => s.code === 'TB-JEANS-29')!.id);
    const history = (await owner.get(`${API}/orders/${order.id}/history`)).body;
    expect(history.items).toEqual([expect.objectContaining({ action: 'import', to: 'pending', actorName: '王店长' })]);
  });

  test('a landline when there is no mobile, a payment after midnight, 邮费 and the urgent word', async () => {
    const order = await orderByNo('3021456789012352');
    expect(order).toMatchObject({ receiverPhone: '0991-2345678', receiverRegion: '新疆', postCode: '830002', goodsTotal: 12800, shippingFee: 1500, total: 14300, paidAmount: 14300, priority: 2 });
    expect(order.placedAt).toBe('2019-03-12T23:59:59.000+08:00');
    expect(order.paidAt).toBe('2019-03-13T00:01:02.000+08:00');
  });

  test('an unpaid order waits in 待审核 without a payment time; a message over two lines stays whole', async () => {
    const order = await orderByNo('3021456789012369');
    expect(order).toMatchObject({ platformStatus: 'unpaid', status: 'pending', paidAt: null, paidAmount: 0, buyerMessage: '放快递柜，\r\n谢谢', sellerRemark: '7+中通+买家要求周一发', receiverRegion: '上海', priority: 3 });
  });

  test('a trade closed on Taobao is 已关闭 with its reason', async () => {
    const order = await orderByNo('3021456789012376');
    expect(order).toMatchObject({ platformStatus: 'closed', status: 'closed', closedReason: '买家不想买了' });
  });

  test('an unknown 商家编码 becomes a stub SKU in listings and the order waits in 异常', async () => {
    const order = await orderByNo('3021456789012383');
    expect(order.status).toBe('exception');
    expect(order.exceptions).toEqual([{ code: 'unknown-sku', message: expect.stringContaining('TB-SCARF-RED') }]);
    const stubs = (await owner.get('/api/listings/skus?code=TB-SCARF-RED')).body.items;
    expect(stubs).toEqual([expect.objectContaining({ code: 'TB-SCARF-RED', needsCompleting: true, stubTitle: '真丝印花围巾' })]);
    expect(order.items[0].skuId).toBe(stubs[0].id);
    const queue = await ordersWith('exception=unknown-sku');
    expect(queue.items.map((o: { orderNo: string }) => o.orderNo)).toContain('3021456789012383');
  });

  test('an order in refund waits in 异常 as refunding, with its refund amount', async () => {
    const order = await orderByNo('3021456789012390');
    expect(order).toMatchObject({ platformStatus: 'refunding', status: 'exception', refundAmount: 5980, itemCount: 2 });
    expect(order.exceptions).toEqual([{ code: 'refunding', message: expect.stringMatching(CHINESE) }]);
  });

  test('the import is listed in GET /imports with both file names', async () => {
    const imports = await owner.get(`${API}/imports`);
    expect(imports.status, imports.text).toBe(200);
    expect(imports.body.items[0]).toMatchObject({
      id: result.importId,
      files: ['ExportOrderList201903131200.csv', 'ExportOrderDetailList201903131200.csv'],
      created: 6,
      updated: 0,
      unchanged: 0,
      exceptions: 2,
      actorName: '王店长',
    });
  });
});

describe('encodings and layouts', () => {
  test('GBK files as the seller centre writes them, with ="…" numbers and 2018 columns the importer does not know', async () => {
    const exported = taobaoExport({ orders: 12, skuCodes: SAMPLE_CODES, seed: 7, firstOrderNo: '3100000000000001', encoding: 'gbk' });
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(exported.orderFile.bytes)).toThrow();
    expect(iconv.decode(Buffer.from(exported.orderFile.bytes), 'gbk')).toContain('="3100000000000001"');
    const { result } = await runImport(owner, [exported.orderFile, exported.itemFile]);
    expect(result).toMatchObject({ created: 12, items: exported.itemCount, rejected: [] });
    const first = exported.orders[0]!;
    const order = await orderByNo(first.orderNo);
    expect(order).toMatchObject({ buyerNick: first.buyerNick, receiverName: first.receiverName, receiverPhone: first.receiverPhone, total: first.total, goodsTotal: first.goodsTotal, postCode: first.postCode });
    expect(order.items.map((i: { skuCode: string; quantity: number; price: number }) => [i.skuCode, i.quantity, i.price])).toEqual(first.items.map((i) => [i.code, i.quantity, i.price]));
  });

  test('UTF-8 with a BOM, the item report first, and the later layout with 子订单编号 and 主订单编号', async () => {
    const exported = taobaoExport({ orders: 6, skuCodes: SAMPLE_CODES, seed: 8, firstOrderNo: '3200000000000001', encoding: 'utf-8-bom', layout: 'later' });
    const { result } = await runImport(owner, [exported.itemFile, exported.orderFile]);
    expect(result).toMatchObject({ created: 6, items: exported.itemCount, rejected: [] });
    const multi = exported.orders.find((o) => o.items.length > 1)!;
    const order = await orderByNo(multi.orderNo);
    expect(order.items.map((i: { lineKey: string }) => i.lineKey)).toEqual(multi.items.map((i) => i.lineKey));
    expect(order.items[0].lineKey).toBe(`${multi.orderNo}1`);
  });

  test('a renamed or re-ordered header still reads by name; extra spaces around header cells do not matter', async () => {
    const exported = taobaoExport({ orders: 3, skuCodes: SAMPLE_CODES, seed: 9, firstOrderNo: '3300000000000001', encoding: 'utf-8' });
    // Swap two columns and pad a header cell: columns are matched by name, not position.
    const swap = (text: string) =>
      text
        .split('\r\n')
        .map((line) => {
          if (!line) return line;
          const cells = line.split(',');
          [cells[1], cells[2]] = [cells[2]!, cells[1]!];
          return cells.join(',');
        })
        .join('\r\n')
        .replace('买家会员名', '  买家会员名  ');
    const { result } = await runImport(owner, [
      { name: 'orders.csv', bytes: encodeReport(swap(exported.orderReport), 'utf-8') },
      { name: 'items.csv', bytes: exported.itemFile.bytes },
    ]);
    expect(result).toMatchObject({ created: 3, rejected: [] });
    expect((await orderByNo(exported.orders[0]!.orderNo)).buyerNick).toBe(exported.orders[0]!.buyerNick);
  });
});

describe('refused rows', () => {
  test('each refused row is reported by file, row and column in Chinese, and nothing at all is imported', async () => {
    const before = (await ordersWith('q=30214567')).total;
    const { result } = await runImport(owner, [
      { name: '订单报表.csv', bytes: sample('orders-refused.csv') },
      { name: '宝贝报表.csv', bytes: sample('items-refused.csv') },
    ]);
    expect(result).toMatchObject({ importId: null, created: 0, updated: 0, unchanged: 0 });
    expect(result.rejected.map((r: { file: string; row: number; column: string }) => [r.file, r.row, r.column])).toEqual([
      ['订单报表.csv', 3, '总金额'],
      ['订单报表.csv', 4, '订单创建时间'],
      ['订单报表.csv', 5, '订单状态'],
      ['订单报表.csv', 6, '订单编号'],
      ['订单报表.csv', 7, '订单编号'],
      ['宝贝报表.csv', 5, '购买数量'],
      ['宝贝报表.csv', 6, '订单编号'],
    ]);
    for (const r of result.rejected) expect(r.reason).toMatch(CHINESE);
    expect(result.rejected[3].reason).toContain('第 2 行');
    // The good first row did not go in either.
    expect(await orderByNo('3021456700000017')).toBeUndefined();
    expect((await ordersWith('q=30214567')).total).toBe(before);
  });

  test("reasons are in the uploader's language", async () => {
    const english = new (owner.constructor as typeof Client)(server.url, { 'accept-language': 'en' });
    await english.login('dianzhang', 'correct-horse-42');
    const { result } = await runImport(english, [
      { name: 'orders.csv', bytes: sample('orders-refused.csv') },
      { name: 'items.csv', bytes: sample('items-refused.csv') },
    ]);
    expect(result.rejected.map((r: { reason: string }) => r.reason)).toEqual([
      expect.stringMatching(/^总金额 “99\.005” has at most two decimals$/),
      expect.stringMatching(/is not a time; write it like 2019-03-12 10:48:00$/),
      expect.stringMatching(/^Unknown order state “已经付款了”; expected one of: /),
      expect.stringMatching(/^Order 3021456700000017 already appears in row 2/),
      expect.stringMatching(/^The item report has no items of order 3021456700000055/),
      expect.stringMatching(/must be a whole number above 0$/),
      expect.stringMatching(/^Order 3021456700000062 is not in the order report/),
    ]);
  });

  test('a header without a needed column ends the import asking which column holds it', async () => {
    const text = sample('orders-sample.csv').toString('utf8').replace('总金额', '合计');
    const { result, problem } = await runImport(owner, [
      { name: 'orders.csv', bytes: encodeReport(text, 'utf-8') },
      { name: 'items.csv', bytes: sample('items-sample.csv') },
    ]);
    expect(result).toBeUndefined();
    expect(problem).toMatchObject({ status: 400, kind: 'columns-unmapped', detail: expect.stringMatching(CHINESE), files: [{ file: 'orders.csv', header: expect.arrayContaining(['合计']) }] });
    expect(problem.files[0].fields.filter((f: { required: boolean }) => f.required)).toEqual([{ key: 'total', header: '总金额', required: true }]);
  });

  test('an item report alone, two order reports, or a file that is neither, fail saying what to upload', async () => {
    const exported = taobaoExport({ orders: 2, skuCodes: SAMPLE_CODES, seed: 10, firstOrderNo: '3400000000000001' });
    const alone = await runImport(owner, [exported.orderFile]);
    expect(alone.last.event).toBe('failed');
    expect(alone.problem).toMatchObject({ status: 400, detail: expect.stringContaining('宝贝报表') });
    const twice = await runImport(owner, [exported.orderFile, { ...exported.orderFile, name: 'again.csv' }]);
    expect(twice.problem).toMatchObject({ status: 400, detail: expect.stringContaining('都是订单报表') });
    const neither = await runImport(owner, [exported.orderFile, { name: 'notes.csv', bytes: encodeReport('日期,备注\r\n2019-03-12,盘点\r\n', 'utf-8') }]);
    expect(neither.problem).toMatchObject({ status: 400, detail: expect.stringContaining('notes.csv') });
    expect(await orderByNo(exported.orders[0]!.orderNo)).toBeUndefined();
  });
});
