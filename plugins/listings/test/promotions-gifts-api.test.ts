// 满就送 while stocks last: the gift has a count; an order entered in fulfillment takes one (as a
// line at 0 marked 赠品, picked like any other), closing that order gives it back, and when none
// is left the promotion says so and gives nothing.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProduct, reviewerClient, startListings, submitAndApprove, unique, type Client, type ListingsServer } from './api.js';
import { closeOrder, enterOrder } from './fulfillment.js';

let ls: ListingsServer;
let owner: Client;
const API = '/api/listings';
const hour = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
type Step = { kind: string; outcome: string; reason: { 'zh-CN': string } };
type Line = { skuCode: string; quantity: number; price: number; gift: boolean };

beforeAll(async () => {
  // catalog-consumer makes a stub SKU, as an order import would.
  ls = await startListings({ folders: [join(import.meta.dirname, 'fixtures', 'catalog-consumer')], enabled: ['listings', 'fulfillment', 'catalog-consumer'], inProcess: true });
  owner = ls.owner;
});
afterAll(async () => {
  await ls?.server.dispose();
});

test('the gift has a count: orders take it, a closed order gives it back, and none left means no gift', async () => {
  const reviewer = await reviewerClient(ls.server, owner);
  const shirt = await createProduct(owner);
  await submitAndApprove(owner, reviewer, shirt);
  // The gift need not be listed: a pair of socks kept for giving away.
  const socksCode = unique('SOCK');
  const socks = await createProduct(owner, { title: '赠品 棉袜', skus: [{ code: socksCode, price: 1500, cost: 600 }] });
  const created = await owner.post(`${API}/promotions`, {
    name: '满 200 送袜子',
    kind: 'full-gift',
    rule: { kind: 'full-gift', threshold: 20000, giftSkuId: socks.skus[0]!.id, qty: 1, giftCount: 2 },
    startsAt: iso(-hour),
    endsAt: iso(hour),
  });
  expect(created.status, created.text).toBe(201);
  expect(created.body).toMatchObject({ giftsGiven: 0, giftsLeft: 2 });
  const left = async () => (await owner.get(`${API}/promotions/${created.body.id}`)).body.giftsLeft as number;
  const codes = shirt.skus.map((s) => s.code);

  const first = await enterOrder(owner, codes);
  const lines = (await owner.get(`/api/fulfillment/orders/${first.id}`)).body.items as Line[];
  expect(lines).toHaveLength(3);
  expect(lines[2]).toMatchObject({ skuCode: socksCode, quantity: 1, price: 0, gift: true });
  expect(lines.slice(0, 2).every((l) => !l.gift)).toBe(true);
  expect(await left()).toBe(1);
  // Editing the goods keeps the gift line: what was promised is delivered.
  const edited = await owner.patch(`/api/fulfillment/orders/${first.id}`, { version: first.version, items: [{ skuCode: codes[0]!, quantity: 3 }] });
  expect(edited.status, edited.text).toBe(200);
  expect((edited.body.items as Line[]).map((l) => [l.skuCode, l.quantity, l.gift])).toEqual([[codes[0], 3, false], [socksCode, 1, true]]);
  expect(await left()).toBe(1);
  // An order below the threshold takes none.
  const small = await enterOrder(owner, [codes[0]!]);
  expect(((await owner.get(`/api/fulfillment/orders/${small.id}`)).body.items as Line[]).some((l) => l.gift)).toBe(false);
  await enterOrder(owner, codes);
  expect(await left()).toBe(0);

  const cart = { lines: shirt.skus.map((s) => ({ skuId: s.id, qty: 1 })) };
  const out = (await owner.post(`${API}/price`, cart)).body;
  expect(out.gifts).toEqual([]);
  expect((out.explanation as Step[]).find((s) => s.kind === 'full-gift')).toMatchObject({ outcome: 'not-eligible', reason: { 'zh-CN': expect.stringContaining('赠品已送完') } });
  const third = await enterOrder(owner, codes);
  expect(((await owner.get(`/api/fulfillment/orders/${third.id}`)).body.items as Line[]).some((l) => l.gift)).toBe(false);

  // Closing an order that got a gift puts it back; closing one that got none changes nothing.
  await closeOrder(owner, third);
  expect(await left()).toBe(0);
  await closeOrder(owner, first);
  expect(await left()).toBe(1);
  expect((await owner.post(`${API}/price`, cart)).body.gifts).toEqual([{ skuId: socks.skus[0]!.id, qty: 1, promotionId: created.body.id }]);
});

test('the count can be changed later; a count of 0 is refused', async () => {
  const socks = await createProduct(owner, { title: '赠品 帆布袋', skus: [{ code: unique('BAG'), price: 900, cost: 300 }] });
  const created = await owner.post(`${API}/promotions`, {
    name: '满 100 送帆布袋',
    kind: 'full-gift',
    rule: { kind: 'full-gift', threshold: 10000, giftSkuId: socks.skus[0]!.id, qty: 1, giftCount: 50 },
    startsAt: iso(-hour),
    endsAt: iso(hour),
  });
  const patched = await owner.patch(`${API}/promotions/${created.body.id}`, { version: created.body.version, rule: { ...created.body.rule, giftCount: 80 } });
  expect(patched.status, patched.text).toBe(200);
  expect(patched.body).toMatchObject({ giftsLeft: 80 });
  const refused = await owner.post(`${API}/promotions`, { name: '坏的', kind: 'full-gift', rule: { kind: 'full-gift', threshold: 10000, giftSkuId: socks.skus[0]!.id, qty: 1, giftCount: 0 }, startsAt: iso(-hour), endsAt: iso(hour) });
  expect(refused.status).toBe(400);
});

test('a hand-entered order with a stub SKU still gets its gift from the goods that have a price', async () => {
  const reviewer = await reviewerClient(ls.server, owner, [], 'laowang');
  const shirt = await createProduct(owner);
  await submitAndApprove(owner, reviewer, shirt);
  const stub = await owner.post('/api/catalog-consumer/ensure', { code: unique('STUB'), title: '导入时没对上的宝贝' });
  expect(stub.status, stub.text).toBe(200);
  const gift = await owner.post(`${API}/promotions`, {
    name: '满 200 送一件',
    kind: 'full-gift',
    rule: { kind: 'full-gift', threshold: 20000, giftSkuId: shirt.skus[1]!.id, qty: 1 },
    scope: { productIds: [shirt.id] },
    startsAt: iso(-hour),
    endsAt: iso(hour),
  });
  expect(gift.status, gift.text).toBe(201);
  expect(gift.body.giftsLeft).toBeNull();
  const order = await enterOrder(owner, [shirt.skus[0]!.code, shirt.skus[0]!.code, stub.body.sku.code]);
  const lines = (await owner.get(`/api/fulfillment/orders/${order.id}`)).body.items as Line[];
  expect(lines.map((l) => [l.skuCode, l.gift])).toEqual([[shirt.skus[0]!.code, false], [shirt.skus[0]!.code, false], [stub.body.sku.code, false], [shirt.skus[1]!.code, true]]);
});
