// The Taobao import over orders already stored: the same files again change nothing, a later
// export updates the platform's fields and keeps the shop's own, the platform's closes and
// refunds move orders (releasing stock), approved orders keep their goods; progress on the event
// stream; who may import.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approve, colleague, createSkus, runImport as importRun, startFulfillment, stockUp, type Client, type TestServer, type TestSku } from './api.js';
import { encodeReport, taobaoExport, type TaobaoExportOptions } from './fixtures/taobao-export.mjs';

const API = '/api/fulfillment';
const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let owner: Client;
let skus: TestSku[];
let codes: string[];

interface Upload {
  name: string;
  bytes: Uint8Array;
}

async function runImport(client: Client, files: Upload[]) {
  const run = await importRun(server, client, 'taobao-orders', files);
  expect(run.events.at(-1)?.event, JSON.stringify(run.problem)).toBe('done');
  return { events: run.events, result: run.result };
}

const exportOf = (options: Omit<TaobaoExportOptions, 'skuCodes'>) => taobaoExport({ skuCodes: codes, ...options });
const upload = (e: ReturnType<typeof taobaoExport>) => runImport(owner, [e.orderFile, e.itemFile]);

async function orderByNo(orderNo: string) {
  const list = await owner.get(`${API}/orders?q=${orderNo}`);
  const hit = list.body.items.find((o: { orderNo: string }) => o.orderNo === orderNo);
  return hit ? (await owner.get(`${API}/orders/${hit.id}`)).body : undefined;
}

const history = async (id: number) => (await owner.get(`${API}/orders/${id}/history`)).body.items as { action: string; from: string | null; to: string | null; detail: any }[];

/** The item report with one order's line changed through `edit(cells)` (2018 layout: quantity is cell 3). */
function editLine(text: string, orderNo: string, edit: (cells: string[]) => void): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (!line.startsWith(`="${orderNo}"`)) return line;
      const cells = line.split(',');
      edit(cells);
      return cells.join(',');
    })
    .join('\r\n');
}

beforeAll(async () => {
  ({ server, owner } = await startFulfillment({ inProcess: true }));
  skus = await createSkus(owner, 4, 'IMP');
  codes = skus.map((s) => s.code);
  for (const [i, sku] of skus.entries()) await stockUp(owner, sku, `I-01-01-${String(i + 1).padStart(2, '0')}`, 500);
});
afterAll(() => server?.dispose());

describe('importing again', () => {
  test('the same files again: every order unchanged, no duplicates, versions and lines untouched', async () => {
    const exported = exportOf({ orders: 30, seed: 21, firstOrderNo: '4100000000000001' });
    const first = await upload(exported);
    expect(first.result).toMatchObject({ created: 30, updated: 0, unchanged: 0, rejected: [] });
    const sample = await orderByNo(exported.orders[4]!.orderNo);
    const again = await upload(exported);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 30, exceptions: 0, rejected: [] });
    expect(await orderByNo(exported.orders[4]!.orderNo)).toEqual(sample);
    expect((await owner.get(`${API}/orders?q=41000000&pageSize=100`)).body.total).toBe(30);
    expect((await history(sample.id)).map((h) => h.action)).toEqual(['import']);
    const imports = (await owner.get(`${API}/imports`)).body.items;
    expect(imports[0]).toMatchObject({ id: again.result.importId, created: 0, unchanged: 30 });
    expect(imports[1]).toMatchObject({ id: first.result.importId, created: 30 });
  });

  test('a later export updates the platform fields and keeps the shop’s flag, remarks and receiver', async () => {
    const before = exportOf({ orders: 10, seed: 22, firstOrderNo: '4200000000000001', statusOf: (i) => (i === 2 ? 'unpaid' : 'paid') });
    await upload(before);
    const target = before.orders[2]!;
    const stored = await orderByNo(target.orderNo);
    expect(stored).toMatchObject({ platformStatus: 'unpaid', paidAt: null });
    const flagged = await owner.post(`${API}/orders/${stored.id}/flag`, { version: stored.version, flag: 1 });
    expect(flagged.status, flagged.text).toBe(200);
    expect((await owner.post(`${API}/orders/${stored.id}/remarks`, { text: '12+申通+送袜子一双' })).status).toBe(201);
    const edited = await owner.get(`${API}/orders/${stored.id}`);
    const fixed = await owner.patch(`${API}/orders/${stored.id}`, { version: edited.body.version, receiverAddress: '浙江省杭州市西湖区文三路 200 号（改）' });
    expect(fixed.status, fixed.text).toBe(200);
    const kept = (await owner.get(`${API}/orders/${stored.id}`)).body;

    // The same period exported a day later: now paid, with a seller remark written on Taobao.
    const after = exportOf({ orders: 10, seed: 22, firstOrderNo: '4200000000000001', statusOf: () => 'paid' });
    const text = after.orderReport.replace(new RegExp(`(="${target.orderNo}".*?),,(\\d+),0,小鱼服饰旗舰店`), '$1,已电话确认尺码,$2,0,小鱼服饰旗舰店');
    expect(text).not.toBe(after.orderReport);
    const { result } = await runImport(owner, [{ name: after.orderFile.name, bytes: encodeReport(text) }, after.itemFile]);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 9, rejected: [] });
    const now = await orderByNo(target.orderNo);
    expect(now).toMatchObject({ platformStatus: 'paid', paidAmount: target.total, sellerRemark: '已电话确认尺码', status: 'pending', flag: 1, receiverAddress: kept.receiverAddress, priority: 3 });
    expect(now.paidAt).toMatch(/^2019-03-12T\d\d:\d\d:\d\d\.000\+08:00$/);
    expect(now.remarks).toHaveLength(1);
    expect(now.version).toBe(kept.version + 1);
    const last = (await history(now.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'reimport', detail: { importId: result.importId, changed: expect.arrayContaining(['platform_status', 'paid_amount', 'paid_at', 'seller_remark']) } });
  });

  test('newly closed on Taobao: a pending order and an approved one become 已关闭, the reservation goes back', async () => {
    const before = exportOf({ orders: 6, seed: 23, firstOrderNo: '4300000000000001', statusOf: () => 'paid' });
    await upload(before);
    // The first order has neither message nor remark and its own buyer, so review passes.
    const approvable = before.orders.find((o) => !o.buyerMessage && !o.sellerRemark && !/新疆|西藏/.test(o.province))!;
    const approved = await approve(owner, await orderByNo(approvable.orderNo));
    expect(approved.status).toBe('approved');
    const skuOf = skus.find((s) => s.code === approvable.items[0]!.code)!;
    const reservedBefore = (await owner.get(`${API}/stock?q=${skuOf.code}`)).body.items[0].reserved;
    expect(reservedBefore).toBeGreaterThan(0);
    const pendingOne = before.orders.find((o) => o !== approvable)!;

    const closing = new Set([approvable.orderNo, pendingOne.orderNo]);
    const after = exportOf({ orders: 6, seed: 23, firstOrderNo: '4300000000000001', statusOf: (i) => (closing.has(before.orders[i]!.orderNo) ? 'closed' : 'paid') });
    const { result } = await upload(after);
    expect(result).toMatchObject({ updated: 2, unchanged: 4, closed: 2, attention: [] });
    for (const no of closing) {
      const order = await orderByNo(no);
      expect(order).toMatchObject({ status: 'closed', platformStatus: 'closed' });
      expect((await history(order.id)).at(-1)).toMatchObject({ action: 'close', to: 'closed', detail: { platform: true } });
    }
    const reservedAfter = (await owner.get(`${API}/stock?q=${skuOf.code}`)).body.items[0].reserved;
    expect(reservedAfter).toBe(reservedBefore - approvable.items.filter((i) => i.code === skuOf.code).reduce((n, i) => n + i.quantity, 0));
  });

  test('newly refunding: a pending order goes to 异常 as refunding', async () => {
    const before = exportOf({ orders: 4, seed: 24, firstOrderNo: '4400000000000001', statusOf: () => 'paid' });
    await upload(before);
    const after = exportOf({ orders: 4, seed: 24, firstOrderNo: '4400000000000001', statusOf: (i) => (i === 1 ? 'refunding' : 'paid') });
    const { result } = await upload(after);
    expect(result).toMatchObject({ updated: 1, unchanged: 3, exceptions: 1 });
    const order = await orderByNo(before.orders[1]!.orderNo);
    expect(order).toMatchObject({ status: 'exception', platformStatus: 'refunding', exceptions: [{ code: 'refunding', message: expect.stringMatching(CHINESE) }] });
  });

  test('a line priced anew on Taobao, and a line added to an order still waiting, update the order and its version', async () => {
    const before = exportOf({ orders: 3, seed: 28, firstOrderNo: '4800000000000001', statusOf: () => 'paid' });
    await upload(before);
    const target = before.orders[0]!;
    const stored = await orderByNo(target.orderNo);
    const repriced = editLine(before.itemReport, target.orderNo, (cells) => (cells[2] = '1.00'));
    const extra = `="${target.orderNo}",加购的袜子,5.00,3,,颜色分类：白色,,,买家已付款，等待卖家发货,${codes[3]}`;
    const { result } = await runImport(owner, [before.orderFile, { name: 'items.csv', bytes: encodeReport(`${repriced}${extra}\r\n`) }]);
    expect(result).toMatchObject({ updated: 1, unchanged: 2, rejected: [] });
    const now = await orderByNo(target.orderNo);
    expect(now.version).toBe(stored.version + 1);
    expect(now.items.map((i: { price: number }) => i.price).slice(0, target.items.length).every((p: number) => p === 100)).toBe(true);
    expect(now.items.at(-1)).toMatchObject({ lineKey: String(target.items.length + 1), skuCode: codes[3], quantity: 3, price: 500 });
    expect(now.itemCount).toBe(target.items.reduce((n, i) => n + i.quantity, 0) + 3);
    expect((await history(now.id)).at(-1)).toMatchObject({ action: 'reimport', detail: { changed: expect.arrayContaining(['items', 'item_count']) } });
  });

  test('an approved order keeps its goods: a changed quantity is a refused row and nothing is written', async () => {
    const before = exportOf({ orders: 5, seed: 25, firstOrderNo: '4500000000000001', statusOf: () => 'paid' });
    await upload(before);
    const target = before.orders.find((o) => !o.buyerMessage && !o.sellerRemark && !/新疆|西藏/.test(o.province))!;
    const approved = await approve(owner, await orderByNo(target.orderNo));
    const items = editLine(before.itemReport, target.orderNo, (cells) => (cells[3] = String(Number(cells[3]) + 1)));
    // The same upload also closes the first order on Taobao: that must not be written either.
    const text = before.orderReport.replace('买家已付款，等待卖家发货', '交易关闭');
    const { result } = await runImport(owner, [{ name: 'orders.csv', bytes: encodeReport(text) }, { name: 'items.csv', bytes: encodeReport(items) }]);
    expect(result).toMatchObject({ importId: null, created: 0, updated: 0 });
    expect(result.rejected).toEqual([{ file: 'items.csv', row: expect.any(Number), column: '购买数量', reason: expect.stringContaining('已审核') }]);
    expect(await orderByNo(target.orderNo)).toMatchObject({ status: 'approved', version: approved.version });
    expect((await orderByNo(before.orders[0]!.orderNo)).platformStatus).toBe('paid');
  });
});

describe('progress and permissions', () => {
  test('progress arrives while reading and while writing, ending on the true counts', async () => {
    const exported = exportOf({ orders: 1500, seed: 26, firstOrderNo: '4600000000000001' });
    const { events, result } = await upload(exported);
    expect(result).toMatchObject({ created: 1500, items: exported.itemCount });
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data);
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) {
      expect(p.done).toBeLessThanOrEqual(p.total);
      expect(p.message['zh-CN']).toMatch(CHINESE);
    }
    expect(progress.at(-1)).toMatchObject({ done: 1500, total: 1500, message: { 'zh-CN': '个订单已写入' } });
    // The stream replays only the newest figure to a late watcher; the run's state shows the end.
    const runs = events.filter((e) => e.event !== 'progress');
    expect(runs).toHaveLength(1);
  });

  test('without fulfillment.orders.import: 403 on the importer and on GET /imports', async () => {
    const clerk = await colleague(server, owner, 'kefu-import', ['fulfillment.orders.read', 'fulfillment.orders.edit']);
    const exported = exportOf({ orders: 1, seed: 27, firstOrderNo: '4700000000000001' });
    const form = new FormData();
    form.append('file', new Blob([exported.orderFile.bytes]), exported.orderFile.name);
    form.append('file', new Blob([exported.itemFile.bytes]), exported.itemFile.name);
    const refused = await clerk.post(`${API}/importers/taobao-orders`, form);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(CHINESE);
    const list = await clerk.get(`${API}/imports`);
    expect(list.status).toBe(403);
    expect(await orderByNo(exported.orders[0]!.orderNo)).toBeUndefined();

    const importer = await colleague(server, owner, 'cangku-import', ['fulfillment.orders.import']);
    const { result } = await runImport(importer, [exported.orderFile, exported.itemFile]);
    expect(result).toMatchObject({ created: 1 });
    expect((await importer.get(`${API}/imports`)).body.items[0]).toMatchObject({ id: result.importId, actorName: 'cangku-import' });
  });
});
