// Campaign records and prices through the API: draft → prices-set → checked, where the
// second check (二次核对) must be a second person, and the refusals along the way.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createProduct, DAY, fromNow, startListings, type Client, type ListingsServer } from './api.js';

let listings: ListingsServer;
let owner: Client;
/** A colleague who runs campaigns: the second person of every check. */
let xiaoli: Client;

const at = fromNow;

async function newCampaign(body: Record<string, unknown>) {
  const reply = await owner.post('/api/listings/campaigns', { name: '双十二大促', kind: '双十二', startsAt: at(10 * DAY), endsAt: at(11 * DAY), ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

beforeAll(async () => {
  listings = await startListings({ inProcess: true });
  owner = listings.owner;
  xiaoli = await colleague(listings.server, owner, 'xiaoli', ['listings.campaigns.run', 'listings.products.read']);
});

afterAll(async () => {
  await listings?.server.dispose();
});

describe('campaign records', () => {
  test('a new campaign is a draft that lists every SKU of its products as still unpriced', async () => {
    const product = await createProduct(owner);
    const campaign = await newCampaign({ productIds: [product.id], forecastSales: 500_000, cost: 60_000 });
    expect(campaign).toMatchObject({ status: 'draft', kind: '双十二', productIds: [product.id], forecastSales: 500_000, cost: 60_000, prices: [] });
    expect(campaign.unpricedSkuIds).toEqual(product.skus.map((s) => s.id));
    // Times come back in shop time whatever offset was sent.
    expect(campaign.startsAt).toMatch(/\+08:00$/);
    const read = await owner.get(`/api/listings/campaigns/${campaign.id}`);
    expect(read.body.id).toBe(campaign.id);
    const list = await owner.get('/api/listings/campaigns?status=draft');
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((c: { id: number }) => c.id)).toContain(campaign.id);
  });

  test('a window that ends before it starts is refused, in Chinese, naming endsAt', async () => {
    const reply = await owner.post('/api/listings/campaigns', { name: '店庆', startsAt: at(3 * DAY), endsAt: at(2 * DAY) });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toMatch(/结束时间要晚于开始时间/);
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: '/endsAt' })]);
  });

  test('an unknown product is refused with its place in the body', async () => {
    const reply = await owner.post('/api/listings/campaigns', { name: '店庆', startsAt: at(DAY), endsAt: at(2 * DAY), productIds: [999_999] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: '/productIds/0' })]);
  });

  test('a stale version is a 409', async () => {
    const campaign = await newCampaign({});
    const first = await owner.patch(`/api/listings/campaigns/${campaign.id}`, { name: '双十二返场', version: campaign.version });
    expect(first.status, first.text).toBe(200);
    const second = await xiaoli.patch(`/api/listings/campaigns/${campaign.id}`, { name: '双十二预热', version: campaign.version });
    expect(second.status).toBe(409);
  });
});

describe('campaign prices and the second check', () => {
  test('pricing every SKU moves it to prices-set; only another person may confirm', async () => {
    const product = await createProduct(owner);
    const [black, white] = product.skus;
    let campaign = await newCampaign({ productIds: [product.id] });

    const partly = await owner.put(`/api/listings/campaigns/${campaign.id}/prices`, { version: campaign.version, prices: [{ skuId: black!.id, price: 9900 }] });
    expect(partly.status, partly.text).toBe(200);
    expect(partly.body).toMatchObject({ status: 'draft', unpricedSkuIds: [white!.id] });

    const early = await xiaoli.post(`/api/listings/campaigns/${campaign.id}/prices/${black!.id}/confirm`, { version: partly.body.version });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/草稿/);

    const all = await owner.put(`/api/listings/campaigns/${campaign.id}/prices`, { version: partly.body.version, prices: [{ skuId: white!.id, price: 9900 }] });
    expect(all.body).toMatchObject({ status: 'prices-set', unpricedSkuIds: [] });
    campaign = all.body;

    const own = await owner.post(`/api/listings/campaigns/${campaign.id}/prices/${black!.id}/confirm`, { version: campaign.version });
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/你自己设的.*另一位同事/);
    const ownAll = await owner.post(`/api/listings/campaigns/${campaign.id}/prices/confirm-all`, { version: campaign.version });
    expect(ownAll.status).toBe(403);
    expect(ownAll.body.detail).toContain(black!.code);

    const one = await xiaoli.post(`/api/listings/campaigns/${campaign.id}/prices/${black!.id}/confirm`, { version: campaign.version });
    expect(one.status, one.text).toBe(200);
    expect(one.body.status).toBe('prices-set');
    const xiaoliId = one.body.prices.find((p: { skuId: number }) => p.skuId === black!.id).confirmedBy;
    expect(xiaoliId).not.toBe(one.body.prices[0].setBy);

    const rest = await xiaoli.post(`/api/listings/campaigns/${campaign.id}/prices/confirm-all`, { version: one.body.version });
    expect(rest.status, rest.text).toBe(200);
    expect(rest.body.status).toBe('checked');
    expect(rest.body.prices.every((p: { confirmedBy: number | null }) => p.confirmedBy === xiaoliId)).toBe(true);

    // A changed price loses its confirmation and takes the campaign back; an unchanged one keeps it.
    const changed = await owner.put(`/api/listings/campaigns/${campaign.id}/prices`, {
      version: rest.body.version,
      prices: [{ skuId: black!.id, price: 9500 }, { skuId: white!.id, price: 9900 }],
    });
    expect(changed.body.status).toBe('prices-set');
    const byId = new Map(changed.body.prices.map((p: { skuId: number }) => [p.skuId, p]));
    expect(byId.get(black!.id)).toMatchObject({ price: 9500, confirmedBy: null });
    expect(byId.get(white!.id)).toMatchObject({ price: 9900, confirmedBy: xiaoliId });

    // Whoever set the new figure still may not confirm it, even after someone else confirmed the rest.
    const again = await owner.post(`/api/listings/campaigns/${campaign.id}/prices/${black!.id}/confirm`, { version: changed.body.version });
    expect(again.status).toBe(403);
  });

  test('a price for a SKU outside the campaign is refused with its path', async () => {
    const inside = await createProduct(owner);
    const outside = await createProduct(owner);
    const campaign = await newCampaign({ productIds: [inside.id] });
    const reply = await owner.put(`/api/listings/campaigns/${campaign.id}/prices`, {
      version: campaign.version,
      prices: [{ skuId: inside.skus[0]!.id, price: 9900 }, { skuId: outside.skus[0]!.id, price: 9900 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ path: '/prices/1/skuId' })]);
  });

  test('adding a product takes a checked campaign back to draft until its SKUs are priced', async () => {
    const first = await createProduct(owner);
    const second = await createProduct(owner);
    const campaign = await newCampaign({ productIds: [first.id] });
    const priced = await xiaoli.put(`/api/listings/campaigns/${campaign.id}/prices`, {
      version: campaign.version,
      prices: first.skus.map((s) => ({ skuId: s.id, price: 9900 })),
    });
    const checked = await owner.post(`/api/listings/campaigns/${campaign.id}/prices/confirm-all`, { version: priced.body.version });
    expect(checked.body.status).toBe('checked');
    const grown = await owner.patch(`/api/listings/campaigns/${campaign.id}`, { productIds: [first.id, second.id], version: checked.body.version });
    expect(grown.body.status).toBe('draft');
    expect(grown.body.unpricedSkuIds).toEqual(second.skus.map((s) => s.id));
  });
});
