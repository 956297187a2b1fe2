// The same two files uploaded again, with nothing changed since the import that read them, are
// settled from the files' digest without reading them (server/import/same-reports.ts, decision
// 65). The answer and what is stored must be exactly what reading them gives, which an upload of
// the same files in the other order (another digest, so read as always) shows; anything that
// could make the reading or the orders differ sends the files through the reading again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport, stockedShop, withSettings, type Client, type TestServer, type TestSku } from './api.js';
import { encodeReport, type ExportedOrder, type TaobaoExport } from './fixtures/taobao-export.mjs';
import { reportsFrom } from './paid-exports.js';

const API = '/api/fulfillment';

let server: TestServer;
let owner: Client;
let skus: TestSku[];

beforeAll(async () => {
  ({ server, owner, skus } = await stockedShop(5, 'SF', 'S', 500));
});
afterAll(() => server?.dispose());

const paidExport = reportsFrom(6200000000000001n, () => skus);

/** The export's two files, the order report first unless `swapped`; `orders` replaces the order report's text. */
function filesOf(e: TaobaoExport, options: { swapped?: boolean; orders?: string } = {}) {
  const files = [
    { name: e.orderFile.name, bytes: encodeReport(options.orders ?? e.orderReport) },
    { name: e.itemFile.name, bytes: encodeReport(e.itemReport) },
  ];
  return options.swapped ? files.reverse() : files;
}

/** Uploads the files; answers the result without its import id, and whether the files were settled by their digest. */
async function upload(files: ReturnType<typeof filesOf>) {
  const run = await runImport(server, owner, 'taobao-orders', files);
  expect(run.problem).toBeUndefined();
  const settled = JSON.stringify(run.events).includes('与上次导入相同');
  const { importId, ...result } = run.result;
  expect(importId).toEqual(expect.any(Number));
  return { result, settled };
}

async function detailOf(o: ExportedOrder) {
  const hit = (await owner.get(`${API}/orders?q=${o.orderNo}`)).body.items[0];
  return (await owner.get(`${API}/orders/${hit.id}`)).body;
}

async function snapshot(e: TaobaoExport) {
  const orders = [];
  for (const o of e.orders) orders.push(await detailOf(o));
  return orders;
}

/** The report with one cell (by header name) of one order's row set. */
function editOrderCell(report: string, orderNo: string, column: string, value: string): string {
  const lines = report.split('\r\n');
  const at = lines[0]!.split(',').map((h) => h.trim()).indexOf(column);
  expect(at, column).toBeGreaterThanOrEqual(0);
  return lines.map((line) => (line.startsWith(`="${orderNo}"`) ? line.split(',').map((c, i) => (i === at ? value : c)).join(',') : line)).join('\r\n');
}

describe('the same files again', () => {
  test('are settled by their digest with the answer, the orders and the import record that reading them gives', async () => {
    const e = paidExport(30, 81);
    const first = await upload(filesOf(e));
    expect(first).toMatchObject({ settled: false, result: { created: 30, unchanged: 0, rejected: [] } });
    const before = await snapshot(e);

    const again = await upload(filesOf(e));
    expect(again.settled).toBe(true);
    const read = await upload(filesOf(e, { swapped: true }));
    expect(read.settled).toBe(false);
    expect(again.result).toEqual(read.result);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 30, items: e.orders.reduce((n, o) => n + o.items.length, 0), exceptions: 0, closed: 0 });
    expect(await snapshot(e)).toEqual(before);

    // Both recorded as imports of the order report and the item report, in that order.
    const imports = (await owner.get(`${API}/imports?q=${encodeURIComponent(e.orderFile.name)}`)).body.items.slice(0, 3);
    expect(imports.map((i: { files: string[]; created: number; unchanged: number }) => [i.files, i.created, i.unchanged])).toEqual([
      [[e.orderFile.name, e.itemFile.name], 0, 30],
      [[e.orderFile.name, e.itemFile.name], 0, 30],
      [[e.orderFile.name, e.itemFile.name], 30, 0],
    ]);
    // The upload in the other order is known again now too.
    expect((await upload(filesOf(e, { swapped: true }))).settled).toBe(true);
  });

  test('after a change in one order: the files are read, exactly that order is updated, and the changed files are then settled', async () => {
    const e = paidExport(20, 82);
    await upload(filesOf(e));
    const target = e.orders.find((o) => !o.sellerRemark)!;
    const before = await snapshot(e);
    const orders = editOrderCell(e.orderReport, target.orderNo, '订单备注', '周末送货');

    const changed = await upload(filesOf(e, { orders }));
    expect(changed).toMatchObject({ settled: false, result: { created: 0, updated: 1, unchanged: 19, rejected: [] } });
    const after = await snapshot(e);
    e.orders.forEach((o, i) => {
      if (o === target) expect(after[i]).toMatchObject({ sellerRemark: '周末送货', version: before[i].version + 1 });
      else expect(after[i], o.orderNo).toEqual(before[i]);
    });
    expect(await upload(filesOf(e, { orders }))).toMatchObject({ settled: true, result: { created: 0, updated: 0, unchanged: 20 } });
    // The first files again: the order goes back to what they say, read as always.
    expect(await upload(filesOf(e))).toMatchObject({ settled: false, result: { updated: 1, unchanged: 19 } });
    expect(await upload(filesOf(e))).toMatchObject({ settled: true, result: { updated: 0, unchanged: 20 } });
  });

  test('an order the shop changed since is compared again, so the files are read', async () => {
    const e = paidExport(10, 83);
    await upload(filesOf(e));
    const order = await detailOf(e.orders[0]!);
    const changed = await owner.post(`${API}/orders/${order.id}/price-change`, { version: order.version, itemId: order.items[0].id, field: 'item-price', newAmount: 100, reason: '老顾客让利' });
    expect(changed.status).toBe(200);
    expect(await upload(filesOf(e))).toMatchObject({ settled: false, result: { created: 0, updated: 1, unchanged: 9 } });
    expect((await detailOf(e.orders[0]!)).items[0].price).toBe(e.orders[0]!.items[0]!.price);
    expect(await upload(filesOf(e))).toMatchObject({ settled: true, result: { updated: 0, unchanged: 10 } });
  });

  test('other settings than those the files were read with: the files are read again', async () => {
    const e = paidExport(10, 84);
    await upload(filesOf(e));
    await withSettings(owner, { priority: { expressWords: ['加急', '特快'] } }, async () => {
      expect(await upload(filesOf(e))).toMatchObject({ settled: false, result: { created: 0, updated: 0, unchanged: 10 } });
      expect((await upload(filesOf(e))).settled).toBe(true);
    });
    expect((await upload(filesOf(e))).settled).toBe(false);
  });

  test('a line whose 商家编码 listings does not know complete: the files are read every time, as before', async () => {
    const e = paidExport(5, 85);
    const line = e.itemReport.split('\r\n')[1]!;
    const code = skus[0]!.code;
    expect(line).toContain(code);
    const items = e.itemReport.replace(line, line.replace(code, 'SF-NEW-STUB'));
    const files = () => [filesOf(e)[0]!, { name: e.itemFile.name, bytes: encodeReport(items) }];
    const first = await upload(files());
    expect(first.result).toMatchObject({ created: 5, skuStubs: ['SF-NEW-STUB'], rejected: [] });
    const again = await upload(files());
    expect(again).toMatchObject({ settled: false, result: { created: 0, updated: 0, unchanged: 5, skuStubs: [] } });
  });
});
