import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createSkus, startFulfillment, stockUp, type Client, type FulfillmentServer, type TestSku } from './api.js';

let f: FulfillmentServer;
let owner: Client;
let skus: TestSku[];
const api = (path: string) => `/api/fulfillment${path}`;

beforeAll(async () => {
  f = await startFulfillment({ settings: { stocktake: { reminderDay: 5 } }, inProcess: true });
  owner = f.owner;
  skus = await createSkus(owner, 4);
  // Zone S: three bins with goods, walked in this order, and one bin without a SKU card.
  await stockUp(owner, skus[0]!, 'S-01-01-02', 10);
  await stockUp(owner, skus[1]!, 'S-01-01-01', 4);
  await stockUp(owner, skus[2]!, 'S-02-01-01', 7);
  await owner.post(api('/locations'), { code: 'S-03-01-01' });
  await stockUp(owner, skus[3]!, 'T-01-01-01', 1);
});
afterAll(() => f.server.dispose());

const binOf = (sheet: { lines: { locationCode: string; locationId: number; skuId: number }[] }, code: string) => sheet.lines.find((l) => l.locationCode === code)!;

describe('stocktake', () => {
  test('a count freezes the book of every carded bin in the zone, in path order; posting needs every bin counted and every variance explained', async () => {
    const opened = await owner.post(api('/stocktakes'), { zone: 's' });
    expect(opened.status).toBe(201);
    let sheet = opened.body;
    expect(sheet).toMatchObject({ zone: 'S', status: 'counting', createdByName: '王店长', totals: { bins: 3, counted: 0, uncounted: 3, book: 21 } });
    expect(sheet.lines.map((l: { locationCode: string; book: number }) => [l.locationCode, l.book])).toEqual([['S-01-01-01', 4], ['S-01-01-02', 10], ['S-02-01-01', 7]]);
    expect((await owner.post(api('/stocktakes'), { zone: 'S' })).status).toBe(409);

    // Two pieces leave S-01-01-02 during the count: the count stands as of the freeze.
    await owner.post(api('/stock/adjust'), { skuId: skus[0]!.id, location: 'S-01-01-02', qty: -2, reason: '补发给客户' });

    const a = binOf(sheet, 'S-01-01-01');
    const b = binOf(sheet, 'S-01-01-02');
    const c = binOf(sheet, 'S-02-01-01');
    const counted = await owner.put(api(`/stocktakes/${sheet.id}/counts`), { version: sheet.version, counts: [{ locationId: a.locationId, skuId: a.skuId, counted: 4 }, { locationId: b.locationId, skuId: b.skuId, counted: 9 }] });
    expect(counted.status).toBe(200);
    sheet = counted.body;
    expect(binOf(sheet, 'S-01-01-02')).toMatchObject({ book: 10, counted: 9, difference: -1, current: 8 });
    expect(sheet.totals).toMatchObject({ counted: 2, uncounted: 1, countedQty: 13, difference: -1, binsWithDifference: 1 });

    const stale = await owner.put(api(`/stocktakes/${sheet.id}/counts`), { version: opened.body.version, counts: [{ locationId: c.locationId, skuId: c.skuId, counted: 7 }] });
    expect(stale.status).toBe(409);
    const notOnSheet = await owner.put(api(`/stocktakes/${sheet.id}/counts`), { version: sheet.version, counts: [{ locationId: a.locationId, skuId: skus[3]!.id, counted: 1 }] });
    expect(notOnSheet.status).toBe(400);
    expect(notOnSheet.body.detail).toContain('不在盘点单');

    const early = await owner.post(api(`/stocktakes/${sheet.id}/post`), { version: sheet.version });
    expect(early.status).toBe(400);
    expect(early.body.detail).toContain('还有库位没盘：S-02-01-01');

    sheet = (await owner.put(api(`/stocktakes/${sheet.id}/counts`), { version: sheet.version, counts: [{ locationId: c.locationId, skuId: c.skuId, counted: 9, reason: '上次入库少记 2 件' }] })).body;
    const unexplained = await owner.post(api(`/stocktakes/${sheet.id}/post`), { version: sheet.version, reasons: [{ locationId: a.locationId, skuId: a.skuId, reason: '无差异' }] });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.detail).toContain('请写明原因后再过账：S-01-01-02');
    expect(unexplained.body.detail).not.toContain('S-02-01-01');

    const posted = await owner.post(api(`/stocktakes/${sheet.id}/post`), { version: sheet.version, reasons: [{ locationId: b.locationId, skuId: b.skuId, reason: '拣货时多拿一件未登记' }] });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ status: 'posted', postedByName: '王店长', totals: { difference: 1, binsWithDifference: 2 } });
    const stock = async (sku: TestSku) => (await owner.get(api(`/stock?sku=${sku.id}`))).body.items[0].onHand;
    expect([await stock(skus[1]!), await stock(skus[0]!), await stock(skus[2]!)]).toEqual([4, 7, 9]);
    const rows = (await owner.get(api(`/ledger?kind=adjustment&reference=${encodeURIComponent(`盘点#${sheet.id}`)}`))).body.items;
    expect(rows.map((r: { locationCode: string; qty: number; reason: string }) => [r.locationCode, r.qty, r.reason])).toEqual([
      ['S-02-01-01', 2, '盘点差异：上次入库少记 2 件'],
      ['S-01-01-02', -1, '盘点差异：拣货时多拿一件未登记'],
    ]);
    const again = await owner.post(api(`/stocktakes/${sheet.id}/post`), { version: posted.body.version });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已过账');
  });

  test('a zone without carded bins cannot be counted; a count can be cancelled and then started again', async () => {
    const none = await owner.post(api('/stocktakes'), { zone: 'X' });
    expect(none.status).toBe(400);
    expect(none.body.detail).toContain('没有放货的库位');
    const sheet = (await owner.post(api('/stocktakes'), { zone: 'T' })).body;
    const cancelled = await owner.post(api(`/stocktakes/${sheet.id}/cancel`), { version: sheet.version });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await owner.put(api(`/stocktakes/${sheet.id}/counts`), { version: cancelled.body.version, counts: [{ locationId: sheet.lines[0].locationId, skuId: sheet.lines[0].skuId, counted: 0 }] })).status).toBe(409);
    expect((await owner.post(api('/stocktakes'), { zone: 'T' })).status).toBe(201);
    const list = await owner.get(api('/stocktakes?zone=T'));
    expect(list.body.items.map((s: { status: string }) => s.status)).toEqual(['counting', 'cancelled']);
  });

  test('the count sheet lists the bins in path order with a blank count column and no book quantity', async () => {
    const sheet = (await owner.get(api('/stocktakes?zone=S'))).body.items[0];
    const page = await owner.get(api(`/printables/count-sheet?id=${sheet.id}`));
    expect(page.status).toBe(200);
    const order = ['S-01-01-01', 'S-01-01-02', 'S-02-01-01'].map((code) => page.text.indexOf(code));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(page.text).toContain('实盘数');
    expect(page.text).toContain(skus[0]!.code);
    expect(page.text).not.toContain('S-03-01-01');
  });

  test('permissions: reading stocktakes needs stock.read, counting stock.manage', async () => {
    const reader = await colleague(f.server, owner, 'pd-reader', ['fulfillment.stock.read']);
    const nobody = await colleague(f.server, owner, 'pd-nobody', ['fulfillment.orders.read']);
    const sheet = (await owner.get(api('/stocktakes?zone=T'))).body.items[0];
    expect((await reader.get(api(`/stocktakes/${sheet.id}`))).status).toBe(200);
    expect((await nobody.get(api('/stocktakes'))).status).toBe(403);
    expect((await nobody.get(api(`/stocktakes/${sheet.id}`))).status).toBe(403);
    expect((await reader.post(api('/stocktakes'), { zone: 'S' })).status).toBe(403);
    expect((await reader.put(api(`/stocktakes/${sheet.id}/counts`), { version: sheet.version, counts: [] })).status).toBe(403);
    expect((await reader.post(api(`/stocktakes/${sheet.id}/post`), { version: sheet.version })).status).toBe(403);
    expect((await reader.post(api(`/stocktakes/${sheet.id}/cancel`), { version: sheet.version })).status).toBe(403);
    expect((await reader.get(api(`/printables/count-sheet?id=${sheet.id}`))).status).toBe(403);
  });
});

describe('the monthly stocktake reminder', () => {
  test('the job runs on the configured day; running it twice in a month leaves one reminder; dismissing hides it', async () => {
    const jobs = await owner.get('/api/jobs');
    const job = jobs.body.items.find((j: { owner: string; id: string }) => j.owner === 'fulfillment' && j.id === 'stocktake-reminder');
    expect(job.schedule).toContain('0 9 5 * *');
    expect((await owner.get(api('/reminders'))).body.items).toEqual([]);

    const runs = async () => (await owner.get('/api/jobs')).body.items.find((j: { owner: string; id: string }) => j.owner === 'fulfillment' && j.id === 'stocktake-reminder');
    for (let run = 1; run <= 2; run++) {
      expect((await owner.post('/api/jobs/fulfillment/stocktake-reminder/run')).status).toBeLessThan(300);
      await expect.poll(async () => (await runs()).runs, { timeout: 5_000 }).toBe(job.runs + run);
    }
    expect((await runs()).failures).toBe(job.failures);
    const open = (await owner.get(api('/reminders'))).body.items;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'stocktake', period: open[0].createdAt.slice(0, 7), dismissedAt: null });
    expect(open[0].message).toContain('盘点');

    const reader = await colleague(f.server, owner, 'tx-reader', ['fulfillment.stock.read']);
    expect((await reader.get(api('/reminders'))).body.items).toHaveLength(1);
    expect((await reader.post(api(`/reminders/${open[0].id}/dismiss`))).status).toBe(403);
    const dismissed = await owner.post(api(`/reminders/${open[0].id}/dismiss`));
    expect(dismissed.body.dismissedAt).not.toBeNull();
    expect((await owner.get(api('/reminders'))).body.items).toEqual([]);
    expect((await owner.get(api('/reminders?all=true'))).body.items).toHaveLength(1);
    expect((await owner.post(api('/reminders/9999/dismiss'))).status).toBe(404);
    const nobody = await colleague(f.server, owner, 'tx-nobody', ['fulfillment.orders.read']);
    expect((await nobody.get(api('/reminders'))).status).toBe(403);
  });
});
