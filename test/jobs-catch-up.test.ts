// Jobs across restarts, through real servers on one data folder with the clock moved
// (WORKBENCH_CLOCK_START): a changed reminder day applies at once; the stocktake reminder, a
// scheduled 上架 and a campaign start due while the workbench was off happen at the next start, and
// the reminder only once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, OWNER, setupOwner } from './helpers/client.js';
import { startServer, type TestServer } from './helpers/server.js';

const PLUGINS = { plugins: { folders: [], enabled: ['listings', 'fulfillment'] } };
const REMINDER = (j: { owner: string; id: string }) => j.owner === 'fulfillment' && j.id === 'stocktake-reminder';

let server: TestServer | undefined;
let dir: string;

/** Starts the workbench on the shared folder with its clock at `clock`, and logs the owner in. */
async function startAt(clock: string): Promise<Client> {
  server = await startServer({ dir, config: PLUGINS, env: { WORKBENCH_CLOCK_START: clock } });
  const owner = new Client(server.url);
  const login = await owner.login(OWNER.username, OWNER.password);
  expect(login.status, login.text).toBe(200);
  return owner;
}

const reminderJob = async (owner: Client) => (await owner.get('/api/jobs')).body.items.find(REMINDER);

beforeAll(async () => {
  server = await startServer({ config: PLUGINS, env: { WORKBENCH_CLOCK_START: '2026-12-20T10:00:00+08:00' } });
  dir = server.dir;
});
afterAll(async () => {
  await server?.stop();
  if (dir) await (await import('node:fs/promises')).rm(dir, { recursive: true, force: true });
});

describe('jobs across restarts', () => {
  let productId: number;
  let campaignId: number;

  test('a changed reminder day is planned at once, without a restart', async () => {
    const owner = await setupOwner(server!);
    expect(await reminderJob(owner)).toMatchObject({ schedule: 'cron 0 9 28 * *', nextRunAt: '2026-12-28T09:00:00.000+08:00' });
    const settings = await owner.get('/api/settings/fulfillment');
    const moved = await owner.put('/api/settings/fulfillment', { value: { stocktake: { reminderDay: 22 } }, version: settings.body.version });
    expect(moved.status, moved.text).toBe(200);
    expect(await reminderJob(owner)).toMatchObject({ schedule: 'cron 0 9 22 * *', nextRunAt: '2026-12-22T09:00:00.000+08:00' });
    const back = await owner.put('/api/settings/fulfillment', { value: {}, version: moved.body.version });
    expect(back.status, back.text).toBe(200);
    expect(await reminderJob(owner)).toMatchObject({ schedule: 'cron 0 9 28 * *', nextRunAt: '2026-12-28T09:00:00.000+08:00' });
    expect((await owner.get('/api/fulfillment/reminders')).body.items).toEqual([]);

    // A product approved to go up on the 25th, and a campaign from the 26th.
    const role = await owner.post('/api/roles', { id: 'reviewer', name: { 'zh-CN': '审核' }, permissions: ['listings.products.read', 'listings.products.review', 'listings.campaigns.run'] });
    expect(role.status, role.text).toBe(201);
    expect((await owner.post('/api/users', { username: 'laozhang', displayName: '老张', password: 'staff-pass-123', roles: ['reviewer'] })).status).toBe(201);
    const reviewer = new Client(server!.url);
    expect((await reviewer.login('laozhang', 'staff-pass-123')).status).toBe(200);
    const product = async (itemCode: string) => {
      const made = await owner.post('/api/listings/products', {
        title: '纯棉圆领短袖T恤 夏季新款',
        itemCode,
        skus: [{ code: `${itemCode}-BK-M`, attributes: { 颜色: '黑色', 尺码: 'M' }, price: 12900, cost: 4500 }],
      });
      expect(made.status, made.text).toBe(201);
      return made.body;
    };
    const approve = async (p: { id: number }) => {
      const draft = await owner.get(`/api/listings/products/${p.id}`);
      const submitted = await owner.post(`/api/listings/products/${p.id}/submit`, { version: draft.body.version, reason: '图片以后补' });
      expect(submitted.status, submitted.text).toBe(200);
      const approved = await reviewer.post(`/api/listings/products/${p.id}/review`, { version: submitted.body.version, decision: 'approve' });
      expect(approved.status, approved.text).toBe(200);
      return approved.body;
    };
    const later = await product('CATCHUP-1');
    const timed = await owner.put(`/api/listings/products/${later.id}/schedule`, { version: later.version, listAt: '2026-12-25T09:00:00+08:00' });
    expect(timed.status, timed.text).toBe(200);
    expect((await approve(later)).status).toBe('submitted');
    productId = later.id;

    const onSale = await product('CATCHUP-2');
    expect((await approve(onSale)).status).toBe('listed');
    const campaign = await owner.post('/api/listings/campaigns', { name: '双旦大促', kind: '双旦', productIds: [onSale.id], startsAt: '2026-12-26T00:00:00+08:00', endsAt: '2027-01-03T00:00:00+08:00' });
    expect(campaign.status, campaign.text).toBe(201);
    const priced = await owner.put(`/api/listings/campaigns/${campaign.body.id}/prices`, { version: campaign.body.version, prices: onSale.skus.map((s: { id: number }) => ({ skuId: s.id, price: 9900 })) });
    const checked = await reviewer.post(`/api/listings/campaigns/${campaign.body.id}/prices/confirm-all`, { version: priced.body.version });
    expect(checked.status, checked.text).toBe(200);
    const scheduled = await owner.post(`/api/listings/campaigns/${campaign.body.id}/schedule`, { version: checked.body.version });
    expect(scheduled.status, scheduled.text).toBe(200);
    campaignId = campaign.body.id;
  }, 60_000);

  test('what fell due while the workbench was off runs at the next start, the reminder once', async () => {
    await server!.stop();
    // Off from the 20th to the 29th: the reminder on the 28th, the listing on the 25th and the campaign start on the 26th were missed.
    const owner = await startAt('2026-12-29T08:00:00+08:00');
    await expect.poll(async () => (await owner.get('/api/fulfillment/reminders')).body.items.map((r: { period: string }) => r.period), { timeout: 30_000 }).toEqual(['2026-12']);
    expect(await reminderJob(owner)).toMatchObject({ runs: 1, failures: 0, nextRunAt: '2027-01-28T09:00:00.000+08:00' });
    await expect.poll(async () => (await owner.get(`/api/listings/products/${productId}`)).body.status, { timeout: 30_000 }).toBe('listed');
    await expect.poll(async () => (await owner.get(`/api/listings/campaigns/${campaignId}`)).body.status, { timeout: 30_000 }).toBe('running');
    await server!.stop();

    // The next start, a day later, finds nothing missed: the reminder does not run again.
    const again = await startAt('2026-12-30T08:00:00+08:00');
    await new Promise((r) => setTimeout(r, 500));
    expect(await reminderJob(again)).toMatchObject({ runs: 0, nextRunAt: '2027-01-28T09:00:00.000+08:00' });
    expect((await again.get('/api/fulfillment/reminders?all=true')).body.items).toHaveLength(1);
  }, 120_000);
});
