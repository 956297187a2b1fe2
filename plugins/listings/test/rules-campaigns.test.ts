// Campaigns: removing products, deleting while prepared, the started/ended events, stock from
// fulfillment's inventory at the start and at the close-out, and commission warnings that come
// from promotions rather than campaign prices.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createProduct, DAY, fromNow, passTime, startListings, submitAndApprove, type Client, type ListingsServer, type TestServer } from './api.js';
import { heard, LISTENER, setStock } from './fulfillment.js';

const API = '/api/listings';
const at = fromNow;

let ls: ListingsServer;
let server: TestServer;
let owner: Client;
let xiaoli: Client;

type Product = Awaited<ReturnType<typeof createProduct>>;

async function newCampaign(body: Record<string, unknown>) {
  const reply = await owner.post(`${API}/campaigns`, { name: '店庆', startsAt: at(10 * DAY), endsAt: at(11 * DAY), ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}
const priceAll = async (campaign: { id: number; version: number }, products: Product[], price = 9900) => {
  const reply = await owner.put(`${API}/campaigns/${campaign.id}/prices`, { version: campaign.version, prices: products.flatMap((p) => p.skus.map((s) => ({ skuId: s.id, price }))) });
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};

beforeAll(async () => {
  ls = await startListings({ folders: [LISTENER], enabled: ['listings', 'fulfillment', 'listener-stub'], inProcess: true, clock: 'still' });
  ({ server, owner } = ls);
  xiaoli = await colleague(server, owner, 'xiaoli', ['listings.campaigns.run', 'listings.products.read', 'listings.products.review']);
});

afterAll(async () => {
  await server?.dispose();
});

describe('preparing a campaign', () => {
  test('removing a product drops its prices; the rest stay priced', async () => {
    const first = await createProduct(owner);
    const second = await createProduct(owner);
    const campaign = await newCampaign({ productIds: [first.id, second.id] });
    const priced = await priceAll(campaign, [first, second]);
    expect(priced.status).toBe('prices-set');
    const shrunk = await owner.patch(`${API}/campaigns/${campaign.id}`, { productIds: [first.id], version: priced.version });
    expect(shrunk.status, shrunk.text).toBe(200);
    expect(shrunk.body.prices.map((p: { skuId: number }) => p.skuId).sort()).toEqual(first.skus.map((s) => s.id).sort());
    expect(shrunk.body).toMatchObject({ status: 'prices-set', unpricedSkuIds: [] });
  });

  test('a campaign being prepared can be deleted, its promotions staying unattached; a scheduled one cannot', async () => {
    const product = await createProduct(owner);
    const campaign = await newCampaign({ productIds: [product.id] });
    const promo = await owner.post(`${API}/promotions`, { name: '活动满减', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 100000, amount: 1000 }] }, scope: { productIds: [product.id] }, startsAt: at(10 * DAY), endsAt: at(11 * DAY), campaignId: campaign.id });
    expect(promo.status, promo.text).toBe(201);
    expect((await owner.get(`${API}/campaigns/${campaign.id}`)).body.promotionIds).toEqual([promo.body.id]);
    const deleted = await owner.request('DELETE', `${API}/campaigns/${campaign.id}`);
    expect(deleted.status, deleted.text).toBe(204);
    expect((await owner.get(`${API}/campaigns/${campaign.id}`)).status).toBe(404);
    const kept = await owner.get(`${API}/promotions/${promo.body.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.campaignId ?? null).toBeNull();
    await owner.post(`${API}/promotions/${promo.body.id}/end`, { version: kept.body.version });

    const listed = await createProduct(owner);
    await submitAndApprove(owner, xiaoli, listed);
    const other = await newCampaign({ productIds: [listed.id], startsAt: at(30 * DAY), endsAt: at(31 * DAY) });
    const priced = await priceAll(other, [listed]);
    const checked = await xiaoli.post(`${API}/campaigns/${other.id}/prices/confirm-all`, { version: priced.version });
    const scheduled = await owner.post(`${API}/campaigns/${other.id}/schedule`, { version: checked.body.version });
    expect(scheduled.body.status, scheduled.text).toBe('scheduled');
    expect((await owner.request('DELETE', `${API}/campaigns/${other.id}`)).status).toBe(409);
  });
});

describe('running and closing out with fulfillment', () => {
  test('the start and end are announced; stock at the start and the leftover come from inventory, sales from the orders', async () => {
    const product = await createProduct(owner);
    await submitAndApprove(owner, xiaoli, product);
    const [black, white] = product.skus as [Product['skus'][number], Product['skus'][number]];
    await setStock(owner, [[black, 50], [white, 40]]);

    const campaign = await newCampaign({ productIds: [product.id], startsAt: at(3000), endsAt: at(DAY), forecastSales: 500_000, samePeriodSales: 200_000, cost: 60_000 });
    const priced = await priceAll(campaign, [product]);
    const checked = await xiaoli.post(`${API}/campaigns/${campaign.id}/prices/confirm-all`, { version: priced.version });
    const scheduled = await owner.post(`${API}/campaigns/${campaign.id}/schedule`, { version: checked.body.version });
    expect(scheduled.body.status, scheduled.text).toBe('scheduled');
    await passTime(ls, scheduled.body.startsAt);
    const run = await owner.post(`${API}/campaigns/run-schedule`);
    expect(run.body.started).toContain(campaign.id);
    expect(await heard(owner, 'listings.campaign.started')).toContainEqual({ campaignId: campaign.id });

    // During the campaign: 10 black and 12 white sold at 99 元 (orders in fulfillment, which the
    // close-out counts); 2 black pieces go missing.
    const sold = await owner.post('/api/fulfillment/orders', {
      buyerNick: 'tb_活动', receiverName: '周小满', receiverPhone: '13900001111', receiverAddress: '浙江省宁波市鄞州区四明中路 8 号', shippingFee: 0, paid: true,
      items: [{ skuCode: black.code, quantity: 10, price: 9900 }, { skuCode: white.code, quantity: 12, price: 9900 }],
    });
    expect(sold.status, sold.text).toBe(201);
    await setStock(owner, [[black, 38], [white, 28]]);
    // The clock stands still: a second passes before the end, so the orders fall inside the campaign.
    await passTime(ls, fromNow(1000));
    const running = (await owner.get(`${API}/campaigns/${campaign.id}`)).body;
    const ended = await owner.post(`${API}/campaigns/${campaign.id}/end`, { version: running.version });
    expect(ended.body.status, ended.text).toBe('ended');
    expect(await heard(owner, 'listings.campaign.ended')).toContainEqual({ campaignId: campaign.id });

    const report = await owner.post(`${API}/campaigns/${campaign.id}/close-out`, { version: ended.body.version });
    expect(report.status, report.text).toBe(200);
    expect(report.body.skus).toEqual([
      expect.objectContaining({ skuId: black.id, soldQty: 10, soldAmount: 99_000, soldSource: 'orders', stockAtStart: 50, leftover: 38, stockGap: -2, reorder: 0 }),
      expect.objectContaining({ skuId: white.id, soldQty: 12, soldAmount: 118_800, soldSource: 'orders', stockAtStart: 40, leftover: 28, stockGap: 0, reorder: 0 }),
    ]);
    // (5000 − 2000) / 600 = 5; actual (2178 − 2000) / 600 = 0.2966… → 0.3.
    expect(report.body.campaignReturn).toEqual({ computed: true, value: 5, actual: 0.3, reason: null });
  });
});

describe('commission', () => {
  test('a promotion still to come counts as a discount at the everyday price', async () => {
    // 129 元 at a cost of 45 元: margin 65.1 %. 半价 in a week makes the deepest discount 50 %.
    const product = await createProduct(owner);
    const half = await owner.post(`${API}/promotions`, { name: '半价', kind: 'percent', rule: { kind: 'percent', percent: 50 }, scope: { productIds: [product.id] }, startsAt: at(7 * DAY), endsAt: at(8 * DAY) });
    expect(half.status, half.text).toBe(201);
    const fine = await owner.put(`${API}/products/${product.id}/commission`, { percent: 15, version: product.version });
    expect(fine.status, fine.text).toBe(200);
    expect(fine.body.warnings).toEqual([]);
    const over = await owner.put(`${API}/products/${product.id}/commission`, { percent: 16, version: fine.body.version });
    expect(over.body.warnings).toHaveLength(2);
    expect(over.body.warnings[0]).toMatchObject({ lowestPrice: 6450, discountPercent: 50, marginPercent: 65.1, commissionPercent: 16 });
    await owner.post(`${API}/promotions/${half.body.id}/end`, { version: half.body.version });
  });
});
