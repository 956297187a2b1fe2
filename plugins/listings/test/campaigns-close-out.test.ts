// Close-out (复盘) through the API: sales against stock, reorder suggestions and the
// campaign return, on a small example worked out by hand below.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createProduct, DAY, fromNow, passTime, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';

let listings: ListingsServer;
let owner: Client;
let xiaoli: Client;

const at = fromNow;

type Product = Awaited<ReturnType<typeof createProduct>>;
interface Ended {
  id: number;
  version: number;
  product: Product;
}

const list = (product: Product) => submitAndApprove(owner, xiaoli, product);

/** A campaign at 99 元 a piece on a fresh listed product, scheduled to start `startIn` ms from now. */
async function scheduledCampaign(startIn: number, figures: Record<string, unknown>) {
  const product = await createProduct(owner);
  await list(product);
  const created = await owner.post('/api/listings/campaigns', { name: '双十二大促', kind: '双十二', startsAt: at(startIn), endsAt: at(DAY), productIds: [product.id], ...figures });
  expect(created.status, created.text).toBe(201);
  const priced = await owner.put(`/api/listings/campaigns/${created.body.id}/prices`, { version: created.body.version, prices: product.skus.map((s) => ({ skuId: s.id, price: 9900 })) });
  const checked = await xiaoli.post(`/api/listings/campaigns/${created.body.id}/prices/confirm-all`, { version: priced.body.version });
  const scheduled = await owner.post(`/api/listings/campaigns/${created.body.id}/schedule`, { version: checked.body.version });
  expect(scheduled.body.status, scheduled.text).toBe('scheduled');
  return { id: created.body.id as number, startsAt: scheduled.body.startsAt as string, product };
}

/** Starts the campaigns through the schedule run, then ends each early by hand. */
async function endAll(campaigns: { id: number; startsAt: string; product: Product }[]): Promise<Ended[]> {
  const latest = Math.max(...campaigns.map((c) => Date.parse(c.startsAt)));
  await passTime(listings, new Date(latest).toISOString());
  const run = await owner.post('/api/listings/campaigns/run-schedule');
  expect(run.body.started, run.text).toEqual(expect.arrayContaining(campaigns.map((c) => c.id)));
  const ended: Ended[] = [];
  for (const c of campaigns) {
    const running = await owner.get(`/api/listings/campaigns/${c.id}`);
    const end = await owner.post(`/api/listings/campaigns/${c.id}/end`, { version: running.body.version });
    expect(end.body.status, end.text).toBe('ended');
    ended.push({ id: c.id, version: end.body.version, product: c.product });
  }
  return ended;
}

let example: Ended;
let freeCampaign: Ended;
let spare: Ended;

beforeAll(async () => {
  listings = await startListings({ inProcess: true, clock: 'still' });
  owner = listings.owner;
  xiaoli = await colleague(listings.server, owner, 'xiaoli', ['listings.campaigns.run', 'listings.products.review']);
  // One wait for all three: each is started by the schedule run and ended by hand.
  const prepared = [
    await scheduledCampaign(4000, { forecastSales: 500_000, cost: 60_000 }),
    await scheduledCampaign(4000, { forecastSales: 300_000, samePeriodSales: 100_000, cost: 0 }),
    await scheduledCampaign(4000, {}),
  ];
  [example, freeCampaign, spare] = (await endAll(prepared)) as [Ended, Ended, Ended];
});

afterAll(async () => {
  await listings?.server.dispose();
});

describe('close-out', () => {
  test('before the close-out there is no report', async () => {
    const reply = await owner.get(`/api/listings/campaigns/${example.id}/report`);
    expect(reply.status).toBe(404);
    expect(reply.body.detail).toMatch(/还没有复盘/);
  });

  test('the figures of a small campaign, computed by hand', async () => {
    const [black, white] = example.product.skus as [Product['skus'][number], Product['skus'][number]];
    // Black: 30 sold at 99 元 = 2970 元; 50 at the start, 18 counted after, 20 expected → 2 missing;
    // reorder 30 − 18 = 12. White: 12 sold = 1188 元; 40 → 28 as expected; reorder 12 − 28 < 0 → 0.
    const reply = await owner.post(`/api/listings/campaigns/${example.id}/close-out`, {
      version: example.version,
      samePeriodSales: 200_000,
      sales: [
        { skuId: black.id, qty: 30, amount: 297_000, stockAtStart: 50, leftover: 18 },
        { skuId: white.id, qty: 12, amount: 118_800, stockAtStart: 40, leftover: 28 },
      ],
    });
    expect(reply.status, reply.text).toBe(200);
    const report = reply.body;
    expect(report.skus).toEqual([
      expect.objectContaining({ skuId: black.id, campaignPrice: 9900, soldQty: 30, soldAmount: 297_000, stockAtStart: 50, leftover: 18, stockGap: -2, reorder: 12, leftoverSource: 'entered' }),
      expect.objectContaining({ skuId: white.id, campaignPrice: 9900, soldQty: 12, soldAmount: 118_800, stockAtStart: 40, leftover: 28, stockGap: 0, reorder: 0 }),
    ]);
    // 42 pieces, 4158 元 taken; goods cost 42 × 45 元 = 1890 元, gross profit 2268 元;
    // at 129 元 they would have brought 5418 元, so 1260 元 was given away.
    expect(report).toMatchObject({ soldQty: 42, soldAmount: 415_800, goodsCost: 189_000, grossProfit: 226_800, markdown: 126_000 });
    // Net cost 600 − 2268 = −1668 元: the campaign paid for itself. Return (5000 − 2000) / 600 = 5;
    // on the actual sales (4158 − 2000) / 600 = 3.596… → 3.6.
    expect(report).toMatchObject({ forecastSales: 500_000, samePeriodSales: 200_000, cost: 60_000, netCost: -166_800 });
    expect(report.campaignReturn).toEqual({ computed: true, value: 5, actual: 3.6, reason: null });
    expect(report.reorderRule['zh-CN']).toMatch(/卖出件数 − 剩余库存/);

    const kept = await owner.get(`/api/listings/campaigns/${example.id}/report`);
    expect(kept.body).toEqual(report);
    const campaign = await owner.get(`/api/listings/campaigns/${example.id}`);
    expect(campaign.body).toMatchObject({ status: 'closed', hasReport: true, samePeriodSales: 200_000 });
  });

  test('a closed campaign moves no further', async () => {
    const campaign = (await owner.get(`/api/listings/campaigns/${example.id}`)).body;
    const again = await owner.post(`/api/listings/campaigns/${example.id}/close-out`, { version: campaign.version });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/已复盘/);
    const patch = await owner.patch(`/api/listings/campaigns/${example.id}`, { name: '改名', version: campaign.version });
    expect(patch.status).toBe(409);
  });

  test('with a cost of 0 the return is not computed, and the report says why', async () => {
    const [black] = freeCampaign.product.skus;
    const reply = await owner.post(`/api/listings/campaigns/${freeCampaign.id}/close-out`, {
      version: freeCampaign.version,
      sales: [{ skuId: black!.id, qty: 5, amount: 49_500, stockAtStart: 20 }],
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.campaignReturn).toMatchObject({ computed: false, value: null, actual: null });
    expect(reply.body.campaignReturn.reason['zh-CN']).toMatch(/费用是 0/);
    expect(reply.body.netCost).toBe(0 - (49_500 - 5 * 4500));
    // Nobody counted the leftover: it is what should remain, and no gap is claimed.
    expect(reply.body.skus[0]).toMatchObject({ stockAtStart: 20, leftover: 15, leftoverSource: 'computed', stockGap: null, reorder: 0 });
    // The SKU nobody reported sold nothing and has no stock figures.
    expect(reply.body.skus[1]).toMatchObject({ soldQty: 0, soldAmount: 0, stockAtStart: null, leftover: null, reorder: null, stockAtStartSource: 'unknown' });
  });

  test('sales for a SKU outside the campaign, or twice for one SKU, are refused with their paths', async () => {
    const outsider = await createProduct(owner);
    const [black] = spare.product.skus;
    const reply = await owner.post(`/api/listings/campaigns/${spare.id}/close-out`, {
      version: spare.version,
      sales: [
        { skuId: black!.id, qty: 1, amount: 9900 },
        { skuId: outsider.skus[0]!.id, qty: 1, amount: 9900 },
        { skuId: black!.id, qty: 2, amount: 19_800 },
      ],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual(['/sales/1/skuId', '/sales/2/skuId']);
    // Refused as a whole: the campaign is still waiting for its close-out.
    expect((await owner.get(`/api/listings/campaigns/${spare.id}`)).body.status).toBe('ended');
  });

  test('without forecast figures the return is not computed, naming what is missing', async () => {
    const reply = await owner.post(`/api/listings/campaigns/${spare.id}/close-out`, { version: spare.version, cost: 10_000 });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.campaignReturn.computed).toBe(false);
    expect(reply.body.campaignReturn.reason['zh-CN']).toMatch(/预估销售额、同期销售额/);
    expect(reply.body.netCost).toBe(10_000);
  });
});
