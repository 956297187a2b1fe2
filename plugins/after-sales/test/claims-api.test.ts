// A claim against the courier for a lost parcel, on a case whose responsibility is the courier's:
// each step of the procedure noted, then paid with the amount and day.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import type { TestSku } from '../../../test/helpers/shop-fixtures.js';
import { API, paidOrder, skusOf, startAfterSales } from './kit.js';

let host: TestHost;
let skus: TestSku[];

beforeAll(async () => {
  host = await startAfterSales();
  skus = await skusOf(host, 1);
});
afterAll(() => host?.close());

async function reshipCase() {
  const order = await paidOrder(host, skus);
  const opened = await host.owner.post(`${API}/cases`, { orderId: order.id, kind: 'reship', reason: '未收到货' });
  expect(opened.status, opened.text).toBe(201);
  return opened.body as { id: number; version: number; caseNo: string };
}

test('a lost parcel: claimed from the courier, each step noted, paid', async () => {
  const c = await reshipCase();
  const early = await host.owner.post(`${API}/cases/${c.id}/claim`, { kind: 'lost', amountClaimed: 9900 });
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe('先把这张售后单的责任判给快递，再向快递索赔');
  const decided = await host.owner.put(`${API}/cases/${c.id}/responsibility`, { version: c.version, party: 'courier', returnShippingFen: 0 });
  expect(decided.status, decided.text).toBe(200);
  expect((await host.owner.get(`${API}/cases/${c.id}/claim`)).body.claim).toBeNull();

  const opened = await host.owner.post(`${API}/cases/${c.id}/claim`, { kind: 'lost', amountClaimed: 9900, courier: '中通', waybillNo: '7300000000001' });
  expect(opened.status, opened.text).toBe(201);
  expect(opened.body.claim).toMatchObject({ kind: 'lost', state: 'claimed', amountClaimed: 9900, courier: '中通', waybillNo: '7300000000001', offer: null, amountPaid: null });
  expect(opened.body.claim.steps.map((s: { step: string; done: boolean }) => [s.step, s.done])).toEqual([['recorded', false], ['compared', false], ['called', false], ['located', false], ['told', false]]);
  expect((await host.owner.post(`${API}/cases/${c.id}/claim`, { kind: 'lost', amountClaimed: 100 })).status).toBe(409);

  for (const [step, note] of [['recorded', '问题件登记'], ['compared', '地址与运单一致'], ['called', '网点说丢在转运中心'], ['located', '杭州转运中心'], ['told', '已告知买家补发']]) {
    const done = await host.owner.post(`${API}/cases/${c.id}/claim/steps`, { step, note });
    expect(done.status, done.text).toBe(201);
  }
  const again = await host.owner.post(`${API}/cases/${c.id}/claim/steps`, { step: 'called' });
  expect(again.body.detail).toBe('“联系快递”已经记过了');

  expect((await host.owner.post(`${API}/cases/${c.id}/claim/outcome`, { state: 'paid', amountPaid: 9900 })).body.detail).toBe('赔付请填快递赔了多少钱和哪天赔的');
  expect((await host.owner.post(`${API}/cases/${c.id}/claim/outcome`, { state: 'paid', amountPaid: 12000, paidOn: '2026-11-20' })).body.detail).toBe('赔付 120.00 元超过索赔的 99.00 元：请核对');
  const kefu = await host.staff('kefu-claim', ['customer-service']);
  const paid = await kefu.post(`${API}/cases/${c.id}/claim/outcome`, { state: 'paid', amountPaid: 8000, paidOn: '2026-11-20', note: '按保价赔付' });
  expect(paid.status, paid.text).toBe(200);
  expect(paid.body.claim).toMatchObject({ state: 'paid', amountPaid: 8000, paidOn: '2026-11-20', outcomeNote: '按保价赔付' });
  expect(paid.body.claim.steps.every((s: { done: boolean }) => s.done)).toBe(true);
  expect((await host.owner.post(`${API}/cases/${c.id}/claim/outcome`, { state: 'refused' })).status).toBe(409);
  expect((await host.owner.post(`${API}/cases/${c.id}/claim/steps`, { step: 'told' })).body.detail).toBe('索赔已赔付，不能再改');
});

test('confiscated goods name the offer made to the buyer; other claims take none; a warehouse clerk cannot claim', async () => {
  const c = await reshipCase();
  await host.owner.put(`${API}/cases/${c.id}/responsibility`, { version: c.version, party: 'courier', returnShippingFen: 0 });
  expect((await host.owner.post(`${API}/cases/${c.id}/claim`, { kind: 'confiscated', amountClaimed: 9900 })).status).toBe(400);
  expect((await host.owner.post(`${API}/cases/${c.id}/claim`, { kind: 'damaged', amountClaimed: 9900, offer: 'gift' })).status).toBe(400);
  const cangguan = await host.staff('cangguan-claim', ['warehouse']);
  expect((await cangguan.post(`${API}/cases/${c.id}/claim`, { kind: 'confiscated', amountClaimed: 9900, offer: 'exchange' })).status).toBe(403);
  const opened = await host.owner.post(`${API}/cases/${c.id}/claim`, { kind: 'confiscated', amountClaimed: 9900, offer: 'exchange' });
  expect(opened.status, opened.text).toBe(201);
  expect(opened.body.claim).toMatchObject({ kind: 'confiscated', offer: 'exchange' });
  const refusedClaim = await host.owner.post(`${API}/cases/${c.id}/claim/outcome`, { state: 'refused', note: '快递称属违禁品' });
  expect(refusedClaim.body.claim).toMatchObject({ state: 'refused', amountPaid: null, paidOn: null });
});
