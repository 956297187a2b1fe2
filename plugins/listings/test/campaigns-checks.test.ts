// Pre-launch checks through the API: pages, coupons and unintended stacking of discounts
// that would sell below cost. The time-window check is covered in campaigns-flow.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createProduct, DAY, fromNow, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';

let listings: ListingsServer;
let owner: Client;
let xiaoli: Client;

const at = fromNow;
const START = at(5 * DAY);
const END = at(6 * DAY);

type Product = Awaited<ReturnType<typeof createProduct>>;
interface Check {
  id: string;
  passed: boolean;
  details: { message: { 'zh-CN': string; en: string }; productId?: number; skuId?: number; couponId?: number; figures?: Record<string, number> }[];
}

const approve = (product: { id: number }) => submitAndApprove(owner, xiaoli, product);

/** A campaign in the shared window on these products, with every SKU at `price`. */
async function pricedCampaign(products: Product[], price: number, extra: Record<string, unknown> = {}) {
  const created = await owner.post('/api/listings/campaigns', { name: '双十二大促', startsAt: START, endsAt: END, productIds: products.map((p) => p.id), ...extra });
  expect(created.status, created.text).toBe(201);
  const prices = products.flatMap((p) => p.skus.map((s) => ({ skuId: s.id, price })));
  const priced = await owner.put(`/api/listings/campaigns/${created.body.id}/prices`, { version: created.body.version, prices });
  expect(priced.status, priced.text).toBe(200);
  return priced.body;
}

type Checks = { 'time-window': Check; pages: Check; coupons: Check; stacking: Check; passed: boolean };

async function checks(campaignId: number): Promise<Checks> {
  const reply = await owner.get(`/api/listings/campaigns/${campaignId}/checks`);
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body.checks.map((c: Check) => c.id)).toEqual(['time-window', 'pages', 'coupons', 'stacking']);
  return Object.assign(Object.fromEntries(reply.body.checks.map((c: Check) => [c.id, c])), { passed: reply.body.passed }) as Checks;
}

async function promotion(body: Record<string, unknown>) {
  const reply = await owner.post('/api/listings/promotions', { startsAt: at(-DAY), endsAt: at(30 * DAY), ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

async function coupon(body: Record<string, unknown>) {
  const reply = await owner.post('/api/listings/coupons', body);
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

beforeAll(async () => {
  listings = await startListings({ inProcess: true });
  owner = listings.owner;
  xiaoli = await colleague(listings.server, owner, 'xiaoli', ['listings.campaigns.run', 'listings.products.review']);
});

afterAll(async () => {
  await listings?.server.dispose();
});

describe('pages check', () => {
  test('a product not listed is named; one approved to list before the start passes; one delisting mid-campaign is named', async () => {
    const draft = await createProduct(owner, { title: '羊毛围巾 加厚' });
    const scheduledInTime = await createProduct(owner, { title: '针织毛衣 新款' });
    const delisting = await createProduct(owner, { title: '纯棉睡衣 套装' });
    const timed = await owner.put(`/api/listings/products/${scheduledInTime.id}/schedule`, { version: scheduledInTime.version, listAt: at(4 * DAY) });
    expect(timed.status, timed.text).toBe(200);
    expect((await approve(timed.body)).status).toBe('submitted');
    const listed = await approve(delisting);
    const leaving = await owner.put(`/api/listings/products/${delisting.id}/schedule`, { version: listed.version, delistAt: at(5.5 * DAY) });
    expect(leaving.status, leaving.text).toBe(200);

    const campaign = await pricedCampaign([draft, scheduledInTime, delisting], 9900);
    const pages = (await checks(campaign.id)).pages;
    expect(pages.passed).toBe(false);
    expect(pages.details.map((d) => d.productId)).toEqual([draft.id, delisting.id]);
    expect(pages.details[0]!.message['zh-CN']).toMatch(/羊毛围巾.*草稿/);
    expect(pages.details[1]!.message['zh-CN']).toMatch(/纯棉睡衣.*下架/);
  });

  test('every product listed: the pages check passes', async () => {
    const product = await createProduct(owner);
    await approve(product);
    const campaign = await pricedCampaign([product], 9900);
    const all = await checks(campaign.id);
    expect(all.pages).toMatchObject({ passed: true, details: [] });
  });
});

describe('coupons check', () => {
  test('a coupon that lapses before the end is named; one valid throughout passes', async () => {
    const product = await createProduct(owner);
    await approve(product);
    const lasting = await coupon({ name: '双十二 10 元券', faceValue: 1000, threshold: 20000, productIds: [product.id], validFrom: at(-DAY), validUntil: at(10 * DAY) });
    const lapsing = await coupon({ name: '店铺 5 元券', faceValue: 500, threshold: 20000, productIds: [product.id], validFrom: at(-DAY), validUntil: at(5.5 * DAY) });
    const campaign = await pricedCampaign([product], 9900, { couponIds: [lasting.id, lapsing.id] });
    const result = await checks(campaign.id);
    expect(result.coupons.passed).toBe(false);
    expect(result.coupons.details).toEqual([expect.objectContaining({ couponId: lapsing.id })]);
    expect(result.coupons.details[0]!.message['zh-CN']).toMatch(/店铺 5 元券.*过期/);

    const fixed = await owner.patch(`/api/listings/campaigns/${campaign.id}`, { couponIds: [lasting.id], version: campaign.version });
    expect(fixed.status, fixed.text).toBe(200);
    expect((await checks(campaign.id)).coupons).toMatchObject({ passed: true, details: [] });
  });
});

describe('stacking check', () => {
  test('a campaign price below cost fails even without any promotion', async () => {
    const product = await createProduct(owner);
    const campaign = await pricedCampaign([product], 4000);
    const stacking = (await checks(campaign.id)).stacking;
    expect(stacking.passed).toBe(false);
    expect(stacking.details[0]!.figures).toMatchObject({ campaignPrice: 4000, cost: 4500, qty: 1, paid: 4000, costTotal: 4500, lowestUnitPrice: 4000 });
    expect(stacking.details[0]!.message['zh-CN']).toMatch(/低于成本/);
  });

  test('店内折扣 and 满减 together take two pieces below cost, with the figures', async () => {
    const product = await createProduct(owner);
    await approve(product);
    await promotion({ name: '全店九折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, scope: { productIds: [product.id] } });
    await promotion({ name: '满 100 减 20', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 10000, amount: 2000 }] }, scope: { productIds: [product.id] } });
    // 59 元 each: two are 118 元, 九折 106.20 元, which reaches 满 100 减 20 → 86.20 元 for goods
    // that cost 90 元, i.e. 43.10 元 a piece against a cost of 45 元.
    const campaign = await pricedCampaign([product], 5900);
    const stacking = (await checks(campaign.id)).stacking;
    expect(stacking.passed).toBe(false);
    expect(stacking.details).toHaveLength(2);
    expect(stacking.details[0]).toMatchObject({ skuId: product.skus[0]!.id, figures: { campaignPrice: 5900, cost: 4500, qty: 2, paid: 8620, costTotal: 9000, lowestUnitPrice: 4310 } });
    expect(stacking.details[0]!.message['zh-CN']).toMatch(/买 2 件.*全店九折.*满 100 减 20.*¥86\.20.*低于成本/);
  });

  test('满减 alone keeps the same price above cost: the check passes and shows the lowest price', async () => {
    const product = await createProduct(owner);
    await approve(product);
    await promotion({ name: '满 100 减 20', kind: 'full-reduction', rule: { kind: 'full-reduction', tiers: [{ threshold: 10000, amount: 2000 }] }, scope: { productIds: [product.id] } });
    const campaign = await pricedCampaign([product], 5900);
    const stacking = (await checks(campaign.id)).stacking;
    expect(stacking.passed).toBe(true);
    // Two pieces: 118 − 20 = 98 元, 49 元 each.
    expect(stacking.details[0]!.figures).toMatchObject({ campaignPrice: 5900, lowestUnitPrice: 4900 });
  });

  test('a percent promotion on the parent category counts: 八折 on 上衣 takes a T恤 below cost', async () => {
    const tops = await owner.post('/api/listings/categories', { name: '上衣' });
    expect(tops.status, tops.text).toBe(201);
    const tees = await owner.post('/api/listings/categories', { name: 'T恤', parentId: tops.body.id });
    expect(tees.status, tees.text).toBe(201);
    const product = await createProduct(owner, { categoryId: tees.body.id });
    await approve(product);
    await promotion({ name: '上衣八折', kind: 'percent', rule: { kind: 'percent', percent: 80 }, scope: { categoryIds: [tops.body.id] } });
    // 55 元 is above the cost of 45 元 on its own; 八折 makes it 44 元.
    const campaign = await pricedCampaign([product], 5500);
    const stacking = (await checks(campaign.id)).stacking;
    expect(stacking.passed).toBe(false);
    expect(stacking.details[0]!.figures).toMatchObject({ campaignPrice: 5500, cost: 4500, qty: 1, paid: 4400, lowestUnitPrice: 4400 });
    expect(stacking.details[0]!.message['zh-CN']).toMatch(/上衣八折.*低于成本/);
  });

  test('a coupon counts only where the policy lets it stack on the campaign price: 15 元 off one piece at 59 元 is below cost', async () => {
    const product = await createProduct(owner);
    await approve(product);
    await coupon({ name: '满 50 减 15', faceValue: 1500, threshold: 5000, productIds: [product.id], validFrom: at(-DAY), validUntil: at(10 * DAY) });
    const campaign = await pricedCampaign([product], 5900);
    // By default the buyer has the campaign price or the coupon on the everyday price, never both.
    expect((await checks(campaign.id)).stacking.passed).toBe(true);
    const settings = await owner.get('/api/settings/listings');
    const defaults = ['bundle+full-reduction', 'member+full-reduction', 'percent+full-reduction', 'bundle+full-gift', 'member+full-gift', 'percent+full-gift', 'full-reduction+full-gift'];
    const combinable = [...defaults, 'campaign+coupon'];
    const saved = await owner.put('/api/settings/listings', { value: { promotions: { combinable } }, version: settings.body.version });
    expect(saved.status, saved.text).toBe(200);
    try {
      const result = await checks(campaign.id);
      expect(result.stacking.passed).toBe(false);
      expect(result.stacking.details[0]!.figures).toMatchObject({ qty: 1, paid: 4400, costTotal: 4500 });
      expect(result.stacking.details[0]!.message['zh-CN']).toMatch(/满 50 减 15/);
    } finally {
      await owner.put('/api/settings/listings', { value: {}, version: saved.body.version });
    }
  });

  test('scheduling is refused while the stacking check fails, and the answer lists it', async () => {
    const product = await createProduct(owner);
    await approve(product);
    const campaign = await pricedCampaign([product], 4000);
    const checked = await xiaoli.post(`/api/listings/campaigns/${campaign.id}/prices/confirm-all`, { version: campaign.version });
    expect(checked.body.status, checked.text).toBe('checked');
    const refused = await owner.post(`/api/listings/campaigns/${campaign.id}/schedule`, { version: checked.body.version });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/优惠叠加检查/);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['/checks/stacking']);
    expect(refused.body.errors[0].message).toContain(product.skus[0]!.code);
  });
});
