// Scheduled 上架/下架 through the API: setting times, how they meet review, and the job.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, fromNow, passTime, staffClient, startListings, type Client, type ListingsServer, type TestServer } from './api.js';
import { LISTENER } from './fulfillment.js';

const P = '/api/listings/products';

let ls: ListingsServer;
let server: TestServer;
let owner: Client;
let editor: Client;
let reviewer: Client;

const goodImages = [
  { url: 'https://img.example/main.jpg', kind: 'main', width: 800, watermark: true },
  ...Array.from({ length: 5 }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true })),
];
const inSeconds = (s: number) => fromNow(s * 1000);
const product = (id: number) => owner.get(`${P}/${id}`).then((r) => r.body);
const runNow = async (client: Client = reviewer) => {
  const reply = await client.post('/api/listings/schedule/run');
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { listed: number[]; delisted: number[]; failed: { productId: number; message: string }[] };
};

async function submitted() {
  const p = await createProduct(owner, { images: goodImages });
  const s = await editor.post(`${P}/${p.id}/submit`, { version: p.version });
  expect(s.status, s.text).toBe(200);
  return s.body;
}

async function listed() {
  const s = await submitted();
  const a = await reviewer.post(`${P}/${s.id}/review`, { version: s.version, decision: 'approve' });
  expect(a.body.status).toBe('listed');
  return a.body;
}

async function schedule(p: { id: number; version: number }, body: Record<string, unknown>) {
  const reply = await editor.put(`${P}/${p.id}/schedule`, { version: p.version, ...body });
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  ls = await startListings({ folders: [LISTENER], enabled: ['listings', 'listener-stub'], inProcess: true, clock: 'still' });
  ({ server, owner } = ls);
  for (const [id, permissions] of [
    ['editor', ['listings.products.read', 'listings.products.edit']],
    ['reviewer', ['listings.products.read', 'listings.products.review']],
  ] as const) {
    expect((await owner.post('/api/roles', { id, name: { 'zh-CN': id }, permissions })).status).toBe(201);
  }
  editor = await staffClient(server, owner, 'xiaoli', ['editor']);
  reviewer = await staffClient(server, owner, 'laozhang', ['reviewer']);
});

afterAll(async () => {
  await server?.dispose();
});

describe('setting the schedule', () => {
  test('times are stored in shop time; left out stays, null clears; each change is in the history', async () => {
    const p = await createProduct(owner);
    const listAt = '2030-06-01T02:00:00.000Z';
    const first = await schedule(p, { listAt, delistAt: '2030-06-08T02:00:00.000Z' });
    expect(Date.parse(first.scheduledListAt)).toBe(Date.parse(listAt));
    expect(first.scheduledListAt.slice(-6)).toBe(p.createdAt.slice(-6));
    expect(first.version).toBe(p.version + 1);

    const second = await schedule(first, { delistAt: null });
    expect(second.scheduledListAt).toBe(first.scheduledListAt);
    expect(second.scheduledDelistAt).toBeNull();
    const history = (await owner.get(`${P}/${p.id}/history`)).body.items;
    expect(history.map((h: any) => [h.action, h.fromStatus, h.toStatus, h.actorName])).toEqual([
      ['schedule', 'draft', 'draft', 'xiaoli'],
      ['schedule', 'draft', 'draft', 'xiaoli'],
    ]);
  });

  test('refusals: stale version 409, 下架 before 上架 400, a listing time on a listed product 409, no edit permission 403', async () => {
    const p = await createProduct(owner);
    const s = await schedule(p, { listAt: inSeconds(3600) });
    const stale = await editor.put(`${P}/${p.id}/schedule`, { version: p.version, listAt: null });
    expect(stale.status, stale.text).toBe(409);

    const backwards = await editor.put(`${P}/${p.id}/schedule`, { version: s.version, delistAt: inSeconds(60) });
    expect(backwards.status, backwards.text).toBe(400);
    expect(backwards.body.errors).toContainEqual(expect.objectContaining({ path: '/delistAt' }));

    const l = await listed();
    const onListed = await editor.put(`${P}/${l.id}/schedule`, { version: l.version, listAt: inSeconds(60) });
    expect(onListed.status, onListed.text).toBe(409);
    expect(onListed.body.detail).toContain('已上架');

    expect((await reviewer.put(`${P}/${p.id}/schedule`, { version: s.version, listAt: null })).status).toBe(403);
    expect((await editor.put(`${P}/${p.id}/schedule`, { version: s.version, listAt: 'tomorrow' })).status).toBe(400);
  });
});

describe('scheduled listing and review', () => {
  test('approved with a future time stays 待审核 (approved) and lists when due', async () => {
    const s = await submitted();
    const listAt = inSeconds(2);
    const scheduled = await schedule(s, { listAt });
    const approved = await reviewer.post(`${P}/${s.id}/review`, { version: scheduled.version, decision: 'approve', note: '按时上' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'submitted', listedAt: null, reviewNote: '按时上' });
    expect(approved.body.reviewedAt).not.toBeNull();

    // Out of the queue, and not to be reviewed twice.
    const queue = (await reviewer.get('/api/listings/review-queue?pageSize=500')).body.items.map((i: { id: number }) => i.id);
    expect(queue).not.toContain(s.id);
    const twice = await reviewer.post(`${P}/${s.id}/review`, { version: approved.body.version, decision: 'reject', note: '改主意' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('定时上架');

    expect((await runNow()).listed).not.toContain(s.id);
    expect((await product(s.id)).status).toBe('submitted');

    await passTime(ls, listAt);
    const run = await runNow();
    expect(run.listed).toContain(s.id);
    const after = await product(s.id);
    expect(after).toMatchObject({ status: 'listed', scheduledListAt: null });
    expect((await owner.get(`/api/listener-stub/heard?name=listings.product.listed`)).body.items).toContainEqual({ name: 'listings.product.listed', payload: { productId: s.id } });
    const last = (await owner.get(`${P}/${s.id}/history`)).body.items.at(-1);
    expect(last).toMatchObject({ action: 'list', fromStatus: 'submitted', toStatus: 'listed', actorName: 'laozhang' });
  });

  test('a due time never lists a product without approval', async () => {
    const draft = await createProduct(owner, { images: goodImages });
    await schedule(draft, { listAt: inSeconds(-60) });
    const waiting = await submitted();
    await schedule(waiting, { listAt: inSeconds(-60) });
    const run = await runNow();
    expect(run.listed).not.toContain(draft.id);
    expect(run.listed).not.toContain(waiting.id);
    expect((await product(draft.id)).status).toBe('draft');
    expect((await product(waiting.id)).status).toBe('submitted');
  });

  test('approving after the listing time has passed lists at once', async () => {
    const s = await submitted();
    const scheduled = await schedule(s, { listAt: inSeconds(-5) });
    const approved = await reviewer.post(`${P}/${s.id}/review`, { version: scheduled.version, decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'listed', scheduledListAt: null });
  });
});

describe('scheduled delisting and the job', () => {
  test('a listed product past its 下架 time is delisted with the reason 定时下架', async () => {
    const l = await listed();
    await schedule(l, { delistAt: inSeconds(-1) });
    const run = await runNow();
    expect(run.delisted).toContain(l.id);
    expect(await product(l.id)).toMatchObject({ status: 'delisted', scheduledDelistAt: null });
    const heard = (await owner.get('/api/listener-stub/heard?name=listings.product.delisted')).body.items;
    expect(heard).toContainEqual({ name: 'listings.product.delisted', payload: { productId: l.id, reason: '定时下架' } });
    expect((await owner.get(`${P}/${l.id}/history`)).body.items.at(-1)).toMatchObject({ action: 'delist', note: '定时下架' });
  });

  test('a 下架 time still ahead leaves the product listed', async () => {
    const l = await listed();
    await schedule(l, { delistAt: inSeconds(3600) });
    expect((await runNow()).delisted).not.toContain(l.id);
    expect((await product(l.id)).status).toBe('listed');
  });

  test('the every-minute job itself lists and delists, recorded as 定时任务', async () => {
    const toList = await submitted();
    const listAt = inSeconds(1);
    const sl = await schedule(toList, { listAt });
    await reviewer.post(`${P}/${toList.id}/review`, { version: sl.version, decision: 'approve' });
    const toDelist = await listed();
    await schedule(toDelist, { delistAt: inSeconds(-1) });
    await passTime(ls, listAt);

    const jobs = (await owner.get('/api/jobs')).body.items;
    expect(jobs).toContainEqual(expect.objectContaining({ owner: 'listings', id: 'schedule' }));
    const ran = await owner.post('/api/jobs/listings/schedule/run');
    expect(ran.status, ran.text).toBe(200);
    expect(ran.body.lastError ?? null).toBeNull();

    expect((await product(toList.id)).status).toBe('listed');
    expect((await product(toDelist.id)).status).toBe('delisted');
    const listEntry = (await owner.get(`${P}/${toList.id}/history`)).body.items.at(-1);
    expect(listEntry).toMatchObject({ action: 'list', actorId: null, actorName: '定时任务' });
  });

  test('one product that cannot move does not hold back the others', async () => {
    const blocked = await listed();
    const free = await listed();
    expect((await owner.post('/api/listener-stub/vetoes', { productId: blocked.id })).status).toBe(204);
    await schedule(blocked, { delistAt: inSeconds(-1) });
    await schedule(free, { delistAt: inSeconds(-1) });
    const run = await runNow();
    expect(run.delisted).toContain(free.id);
    expect(run.failed.map((f) => f.productId)).toContain(blocked.id);
    expect((await product(blocked.id)).status).toBe('listed');
    expect((await product(free.id)).status).toBe('delisted');

    const job = await owner.post('/api/jobs/listings/schedule/run');
    expect(job.body.lastError).toBeTruthy();
  });

  test('running schedules by hand needs the review permission', async () => {
    expect((await editor.post('/api/listings/schedule/run')).status).toBe(403);
  });
});
