// Scheduling through the API: checks gate scheduled, the schedule run starts and ends
// campaigns on time, and the time-window check finds clashes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colleague, createProduct, DAY, fromNow, passTime, staffClient, startListings, submitAndApprove, type Client, type ListingsServer } from './api.js';

let listings: ListingsServer;
let owner: Client;
/** A colleague who runs campaigns and reviews listings: the second person of every check. */
let xiaoli: Client;

const at = fromNow;

const list = (product: { id: number }) => submitAndApprove(owner, xiaoli, product);

async function newCampaign(body: Record<string, unknown>) {
  const reply = await owner.post('/api/listings/campaigns', { name: '双十二大促', kind: '双十二', startsAt: at(10 * DAY), endsAt: at(11 * DAY), ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

beforeAll(async () => {
  listings = await startListings({ inProcess: true, clock: 'still' });
  owner = listings.owner;
  xiaoli = await colleague(listings.server, owner, 'xiaoli', ['listings.campaigns.run', 'listings.products.read', 'listings.products.review']);
});

afterAll(async () => {
  await listings?.server.dispose();
});

describe('scheduling and the schedule job', () => {
  test('scheduling needs the checked state and every check passing; the job starts and ends it on time', async () => {
    const product = await createProduct(owner);
    const campaign = await newCampaign({ productIds: [product.id], startsAt: at(4000), endsAt: at(6000) });

    const tooEarly = await owner.post(`/api/listings/campaigns/${campaign.id}/schedule`, { version: campaign.version });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.detail).toMatch(/草稿.*不能排期/);

    const priced = await owner.put(`/api/listings/campaigns/${campaign.id}/prices`, { version: campaign.version, prices: product.skus.map((s) => ({ skuId: s.id, price: 9900 })) });
    const checked = await xiaoli.post(`/api/listings/campaigns/${campaign.id}/prices/confirm-all`, { version: priced.body.version });
    expect(checked.body.status).toBe('checked');

    // The product is still a draft: the pages check fails and scheduling names it.
    const refused = await owner.post(`/api/listings/campaigns/${campaign.id}/schedule`, { version: checked.body.version });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/页面检查/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/checks/pages', message: expect.stringContaining(`#${product.id}`) })]);

    await list(product);
    const scheduled = await owner.post(`/api/listings/campaigns/${campaign.id}/schedule`, { version: checked.body.version });
    expect(scheduled.status, scheduled.text).toBe(200);
    expect(scheduled.body.status).toBe('scheduled');

    const frozen = await owner.patch(`/api/listings/campaigns/${campaign.id}`, { endsAt: at(DAY), version: scheduled.body.version });
    expect(frozen.status).toBe(409);
    expect(frozen.body.detail).toMatch(/先取消排期/);
    const notYet = await owner.post('/api/listings/campaigns/run-schedule');
    expect(notYet.body.started).not.toContain(campaign.id);

    await passTime(listings, campaign.startsAt);
    const start = await xiaoli.post('/api/listings/campaigns/run-schedule');
    expect(start.status, start.text).toBe(200);
    expect(start.body).toMatchObject({ started: [campaign.id], ended: [] });
    expect((await owner.get(`/api/listings/campaigns/${campaign.id}`)).body.status).toBe('running');

    const closeEarly = await owner.post(`/api/listings/campaigns/${campaign.id}/close-out`, { version: scheduled.body.version + 1 });
    expect(closeEarly.status).toBe(409);
    expect(closeEarly.body.detail).toMatch(/进行中.*不能复盘/);

    // The end is left to the job itself (every minute), run now through the core's job route.
    const jobs = await owner.get('/api/jobs');
    expect(jobs.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ owner: 'listings', id: 'campaign-schedule' })]));
    await passTime(listings, campaign.endsAt);
    const job = await owner.post('/api/jobs/listings/campaign-schedule/run');
    expect(job.status, job.text).toBe(200);
    expect((await owner.get(`/api/listings/campaigns/${campaign.id}`)).body.status).toBe('ended');
    const nothingLeft = await owner.post('/api/listings/campaigns/run-schedule');
    expect(nothingLeft.body.ended).not.toContain(campaign.id);
  });

  test('an overlapping campaign on the same product fails the time-window check, naming both', async () => {
    const product = await createProduct(owner, { title: '加绒卫衣 冬季' });
    await list(product);
    const first = await newCampaign({ name: '聚划算专场', productIds: [product.id], startsAt: at(20 * DAY), endsAt: at(22 * DAY) });
    const second = await newCampaign({ name: '店庆', productIds: [product.id], startsAt: at(21 * DAY), endsAt: at(23 * DAY) });
    const checks = await owner.get(`/api/listings/campaigns/${second.id}/checks`);
    expect(checks.status, checks.text).toBe(200);
    const window = checks.body.checks.find((c: { id: string }) => c.id === 'time-window');
    expect(window.passed).toBe(false);
    expect(window.details).toEqual([
      expect.objectContaining({ campaignId: first.id, productId: product.id, message: expect.objectContaining({ 'zh-CN': expect.stringMatching(/聚划算专场.*加绒卫衣/) }) }),
    ]);
    // A campaign on other products, or at another time, does not clash.
    const later = await newCampaign({ name: '年货节', productIds: [product.id], startsAt: at(22 * DAY), endsAt: at(24 * DAY) });
    const laterChecks = await owner.get(`/api/listings/campaigns/${later.id}/checks`);
    const laterWindow = laterChecks.body.checks.find((c: { id: string }) => c.id === 'time-window');
    expect(laterWindow.details.map((d: { campaignId: number }) => d.campaignId)).toEqual([second.id]);
  });

  test('a start already past fails the time-window check', async () => {
    const product = await createProduct(owner);
    const campaign = await newCampaign({ productIds: [product.id], startsAt: at(-DAY), endsAt: at(DAY) });
    const checks = await owner.get(`/api/listings/campaigns/${campaign.id}/checks`);
    const window = checks.body.checks.find((c: { id: string }) => c.id === 'time-window');
    expect(window.passed).toBe(false);
    expect(window.details[0].message['zh-CN']).toMatch(/已经过去/);
    expect(checks.body.passed).toBe(false);
  });

  test('a scheduled campaign can be unscheduled before it starts, back to checked', async () => {
    const product = await createProduct(owner);
    await list(product);
    const campaign = await newCampaign({ productIds: [product.id], startsAt: at(40 * DAY), endsAt: at(41 * DAY) });
    const priced = await owner.put(`/api/listings/campaigns/${campaign.id}/prices`, { version: campaign.version, prices: product.skus.map((s) => ({ skuId: s.id, price: 9900 })) });
    const checked = await xiaoli.post(`/api/listings/campaigns/${campaign.id}/prices/confirm-all`, { version: priced.body.version });
    const scheduled = await owner.post(`/api/listings/campaigns/${campaign.id}/schedule`, { version: checked.body.version });
    expect(scheduled.body.status).toBe('scheduled');
    const noPrices = await owner.put(`/api/listings/campaigns/${campaign.id}/prices`, { version: scheduled.body.version, prices: [{ skuId: product.skus[0]!.id, price: 100 }] });
    expect(noPrices.status).toBe(409);
    const back = await owner.post(`/api/listings/campaigns/${campaign.id}/unschedule`, { version: scheduled.body.version });
    expect(back.body.status).toBe('checked');
    const twice = await owner.post(`/api/listings/campaigns/${campaign.id}/unschedule`, { version: back.body.version });
    expect(twice.status).toBe(409);
  });

  test('without listings.campaigns.run the routes are refused', async () => {
    const role = await owner.post('/api/roles', { id: 'clerk', name: '店员', permissions: ['listings.products.read'] });
    expect(role.status).toBe(201);
    const clerk = await staffClient(listings.server, owner, 'xiaozhang', ['clerk']);
    expect((await clerk.get('/api/listings/campaigns')).status).toBe(403);
    expect((await clerk.post('/api/listings/campaigns/run-schedule')).status).toBe(403);
  });
});
