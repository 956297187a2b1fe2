// The listing workflow's rules left out elsewhere: clearing the listing time of an approved,
// waiting product; a scheduled 下架 suspending the product's promotions like a manual one; and a
// stub SKU (needs completing) that the pricing refuses until it is completed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProduct, DAY, fromNow, passTime, reviewerClient, startListings, submitAndApprove, unique, type Client, type ListingsServer } from './api.js';

const P = '/api/listings/products';
const API = '/api/listings';
const inSeconds = (s: number) => fromNow(s * 1000);

let ls: ListingsServer;
let owner: Client;
let reviewer: Client;

const goodImages = [
  { url: 'https://img.example/main.jpg', kind: 'main', width: 800, watermark: true },
  ...Array.from({ length: 5 }, (_, i) => ({ url: `https://img.example/d${i}.jpg`, kind: 'detail', watermark: true })),
];
const read = (id: number) => owner.get(`${P}/${id}`).then((r) => r.body);
const runNow = async () => {
  const reply = await reviewer.post(`${API}/schedule/run`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { listed: number[]; delisted: number[]; failed: unknown[] };
};

beforeAll(async () => {
  ls = await startListings({ folders: [join(import.meta.dirname, 'fixtures', 'catalog-consumer')], enabled: ['listings', 'catalog-consumer'], inProcess: true, clock: 'still' });
  owner = ls.owner;
  reviewer = await reviewerClient(ls.server, owner, ['listings.price']);
});
afterAll(() => ls?.server.dispose());

describe('schedules', () => {
  test('an approved product waiting for its time is listed by the next run once the time is cleared', async () => {
    const p = await createProduct(owner, { images: goodImages });
    const timed = await owner.put(`${P}/${p.id}/schedule`, { version: p.version, listAt: inSeconds(3600) });
    expect(timed.status, timed.text).toBe(200);
    const waiting = await submitAndApprove(owner, reviewer, timed.body);
    expect(waiting.status).toBe('submitted');
    expect((await runNow()).listed).not.toContain(p.id);
    const cleared = await owner.put(`${P}/${p.id}/schedule`, { version: waiting.version, listAt: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect((await runNow()).listed).toContain(p.id);
    expect(await read(p.id)).toMatchObject({ status: 'listed', scheduledListAt: null });
  });

  test('a scheduled 下架 suspends the product’s promotions, as a manual one does', async () => {
    const p = await createProduct(owner, { images: goodImages });
    const listed = await submitAndApprove(owner, reviewer, p);
    expect(listed.status).toBe('listed');
    const promo = await owner.post(`${API}/promotions`, { name: '单品九折', kind: 'percent', rule: { kind: 'percent', percent: 90 }, scope: { productIds: [p.id] }, startsAt: inSeconds(-60), endsAt: inSeconds(DAY / 1000) });
    expect(promo.status, promo.text).toBe(201);
    const delistAt = inSeconds(1);
    const leaving = await owner.put(`${P}/${p.id}/schedule`, { version: listed.version, delistAt });
    expect(leaving.status, leaving.text).toBe(200);
    await passTime(ls, delistAt);
    expect((await runNow()).delisted).toContain(p.id);
    expect(await read(p.id)).toMatchObject({ status: 'delisted', scheduledDelistAt: null });
    expect((await owner.get(`${API}/promotions/${promo.body.id}`)).body).toMatchObject({ status: 'suspended', suspendedReason: '商品已下架' });
    const last = (await owner.get(`${P}/${p.id}/history`)).body.items.at(-1);
    // Run by hand, the entry names whoever ran it; the reason is the schedule's.
    expect(last).toMatchObject({ action: 'delist', fromStatus: 'listed', toStatus: 'delisted', actorName: 'laozhang', note: '定时下架' });
  });
});

describe('stub SKUs', () => {
  test('a stub not completed yet is refused by POST /price at its line; completed and listed, it prices', async () => {
    const code = unique('STUB');
    const ensured = await owner.post('/api/catalog-consumer/ensure', { code, title: '订单里的新款' });
    expect(ensured.status, ensured.text).toBe(200);
    const stub = (await owner.get(`${API}/skus?code=${encodeURIComponent(code)}`)).body.items[0];
    expect(stub).toMatchObject({ code, needsCompleting: true, price: 0, cost: 0 });

    const host = await createProduct(owner, { images: goodImages });
    const refused = await reviewer.post(`${API}/price`, { lines: [{ skuId: host.skus[0]!.id, qty: 1 }, { skuId: stub.id, qty: 1 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/lines/1/skuId' })]);

    const completed = await owner.patch(`${API}/skus/${stub.id}`, { productId: host.id, price: 8900, cost: 3000, attributes: { 颜色: '灰色', 尺码: 'L' }, version: stub.version });
    expect(completed.status, completed.text).toBe(200);
    expect(completed.body.needsCompleting).toBe(false);
    await submitAndApprove(owner, reviewer, host);
    const priced = await reviewer.post(`${API}/price`, { lines: [{ skuId: stub.id, qty: 1 }] });
    expect(priced.status, priced.text).toBe(200);
    expect(priced.body.total).toBe(8900);
  });
});
