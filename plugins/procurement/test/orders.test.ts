// Purchase orders through the API: lines priced from the supplier's list, the approval chain by
// amount from the settings (never the author, the owner for a supplier at 50 points), the states.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { createSkus, createSupplier, startProcurement, type TestSku } from './helpers/host.js';

let host: TestHost;
let skus: TestSku[];
type Client = TestHost['owner'];
let buyer: Client;
let buyer2: Client;
let finance: Client;

beforeAll(async () => {
  host = await startProcurement({ clock: '2026-12-07T10:00:00+08:00' });
  skus = await createSkus(host.owner, ['M', 'L']);
  buyer = await host.staff('caigou', ['purchasing']);
  buyer2 = await host.staff('caigou2', ['purchasing']);
  finance = await host.staff('caiwu', ['finance']);
});
afterAll(() => host?.close());

async function supplierWithPrices(price = 4000) {
  return createSupplier(host.owner, {}, skus.map((s) => ({ skuCode: s.code, price, minQuantity: 1 })));
}

test('a draft takes its prices from the supplier list, totals with transport, and names what is missing', async () => {
  const s = await supplierWithPrices(4000);
  const draft = await buyer.post('/api/procurement/orders', { supplierId: s.id, transportCost: 1500, expectedDate: '2026-12-12', lines: [{ skuCode: skus[0]!.code, qty: 10 }, { skuCode: skus[1]!.code, qty: 5, price: 3800 }] });
  expect(draft.status, draft.text).toBe(201);
  expect(draft.body).toMatchObject({ status: 'draft', goodsAmount: 59_000, transportCost: 1500, total: 60_500, supplierName: s.name, createdByName: 'caigou' });
  expect(draft.body.poNo).toMatch(/^CG20261207\d{3}$/);
  expect(draft.body.lines[0]).toMatchObject({ skuCode: skus[0]!.code, title: '珊瑚绒睡袍 M', qty: 10, price: 4000, amount: 40_000, outstanding: 10 });
  expect(draft.body.history).toEqual([expect.objectContaining({ move: 'create', from: null, to: 'draft', byName: 'caigou', at: '2026-12-07T10:00:00.000+08:00' })]);

  const other = await createSupplier(host.owner);
  const bad = await buyer.post('/api/procurement/orders', { supplierId: other.id, lines: [{ skuCode: 'NOPE-1', qty: 1 }, { skuCode: skus[0]!.code, qty: 1 }] });
  expect(bad.status).toBe(400);
  expect(bad.body.detail).toBe('商品资料里没有这些商家编码：NOPE-1；这些商品该供应商没有有效报价，请填单价：' + skus[0]!.code);
  expect(bad.body.errors).toEqual([{ path: '/lines/0/skuCode', in: 'body', message: 'unknown' }, { path: '/lines/1/price', in: 'body', message: 'required' }]);
});

test('the chain by amount: purchasing, then finance from 3000 元; never the author; one step per person', async () => {
  const s = await supplierWithPrices(10_000);
  const draft = (await buyer.post('/api/procurement/orders', { supplierId: s.id, transportCost: 0, lines: [{ skuCode: skus[0]!.code, qty: 30 }] })).body;
  expect(draft.total).toBe(300_000);
  expect(draft.approvals.map((a: { role: string }) => a.role)).toEqual(['purchasing', 'finance']);

  const own = await buyer.post(`/api/procurement/orders/${draft.id}/approve`, { version: draft.version });
  expect(own.status).toBe(409);
  expect(own.body.detail).toBe('采购单不能由下单人自己审批，请另一位同事审批');
  const wrongRole = await finance.post(`/api/procurement/orders/${draft.id}/approve`, { version: draft.version });
  expect(wrongRole.body.detail).toBe('这一级要由「采购」审批（金额满 0.00 元）');

  const first = await buyer2.post(`/api/procurement/orders/${draft.id}/approve`, { version: draft.version });
  expect(first.status, first.text).toBe(200);
  expect(first.body).toMatchObject({ status: 'draft', approvals: [{ role: 'purchasing', signedBy: { name: 'caigou2' } }, { role: 'finance', signedBy: null }] });
  const twice = await buyer2.post(`/api/procurement/orders/${draft.id}/approve`, { version: first.body.version });
  expect(twice.body.detail).toContain('下一级要由另一位同事审批');
  const second = await finance.post(`/api/procurement/orders/${draft.id}/approve`, { version: first.body.version });
  expect(second.status, second.text).toBe(200);
  expect(second.body.status).toBe('approved');
  expect(second.body.history.map((h: { move: string; byName: string }) => `${h.move}:${h.byName}`)).toEqual(['create:caigou', 'approve:caiwu']);
});

test('editing a draft drops the signatures given, as the amount may have changed', async () => {
  const s = await supplierWithPrices(100);
  const draft = (await buyer.post('/api/procurement/orders', { supplierId: s.id, lines: [{ skuCode: skus[0]!.code, qty: 1 }] })).body;
  const edited = await buyer.put(`/api/procurement/orders/${draft.id}`, { version: draft.version, transportCost: 300_000, lines: [{ skuCode: skus[0]!.code, qty: 2 }] });
  expect(edited.status, edited.text).toBe(200);
  expect(edited.body.approvals.map((a: { role: string }) => a.role)).toEqual(['purchasing', 'finance']);
  const signed = await buyer2.post(`/api/procurement/orders/${draft.id}/approve`, { version: edited.body.version });
  const again = await buyer.put(`/api/procurement/orders/${draft.id}`, { version: signed.body.version, transportCost: 0, lines: [{ skuCode: skus[0]!.code, qty: 2 }] });
  expect(again.body.approvals).toEqual([expect.objectContaining({ role: 'purchasing', signedBy: null })]);
});

test('the approval steps follow the settings', async () => {
  const s = await supplierWithPrices(100);
  const draft = (await buyer.post('/api/procurement/orders', { supplierId: s.id, lines: [{ skuCode: skus[0]!.code, qty: 1 }] })).body;
  const current = await host.owner.get('/api/settings/procurement');
  const orders = { ...current.body.value.orders, approvalChain: [{ fromAmount: 0, role: 'finance' }] };
  const saved = await host.owner.put('/api/settings/procurement', { value: { ...current.body.value, orders }, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  try {
    const refused = await buyer2.post(`/api/procurement/orders/${draft.id}/approve`, { version: draft.version });
    expect(refused.body.detail).toBe('这一级要由「财务」审批（金额满 0.00 元）');
    const ok = await finance.post(`/api/procurement/orders/${draft.id}/approve`, { version: draft.version });
    expect(ok.body.status).toBe('approved');
  } finally {
    const now = await host.owner.get('/api/settings/procurement');
    await host.owner.put('/api/settings/procurement', { value: current.body.value, version: now.body.version });
  }
});

test('a supplier at the approval standing needs the owner; an ended one gets no order', async () => {
  const s = await supplierWithPrices(100);
  const draft = (await buyer.post('/api/procurement/orders', { supplierId: s.id, lines: [{ skuCode: skus[0]!.code, qty: 1 }] })).body;
  const breach = () => host.owner.post(`/api/procurement/suppliers/${s.id}/breaches`, { kind: 'quality-failure', note: '起球' });
  for (let i = 0; i < 3; i++) expect((await breach()).status).toBe(201);
  const read = (await buyer.get(`/api/procurement/orders/${draft.id}`)).body;
  expect(read.approvals).toEqual([expect.objectContaining({ role: 'purchasing', because: 'amount' }), expect.objectContaining({ role: 'owner', because: 'supplier' })]);
  const first = await buyer2.post(`/api/procurement/orders/${draft.id}/approve`, { version: draft.version });
  const notOwner = await finance.post(`/api/procurement/orders/${draft.id}/approve`, { version: first.body.version });
  expect(notOwner.body.detail).toBe('这一级要由「店长」审批（供应商扣分已到 50 分，新订单要店长审批）');
  expect((await host.owner.post(`/api/procurement/orders/${draft.id}/approve`, { version: first.body.version })).body.status).toBe('approved');

  for (let i = 0; i < 2; i++) await breach();
  const refused = await buyer.post('/api/procurement/orders', { supplierId: s.id, lines: [{ skuCode: skus[0]!.code, qty: 1 }] });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe(`供应商「${s.name}」已扣 100 分，合作已终止，不能再下新订单`);
  const send = await buyer.post(`/api/procurement/orders/${draft.id}/send`, { version: (await buyer.get(`/api/procurement/orders/${draft.id}`)).body.version });
  expect(send.status).toBe(409);
});

test('illegal moves are refused with the state and the way on; cancel needs a reason', async () => {
  const s = await supplierWithPrices(100);
  const draft = (await buyer.post('/api/procurement/orders', { supplierId: s.id, lines: [{ skuCode: skus[0]!.code, qty: 1 }] })).body;
  const send = await buyer.post(`/api/procurement/orders/${draft.id}/send`, { version: draft.version });
  expect(send.status).toBe(409);
  expect(send.body.detail).toBe('采购单现在是「草稿」，不能发给供应商：草稿要先审批');
  const en = await buyer.post(`/api/procurement/orders/${draft.id}/close`, { version: draft.version, reason: 'x' }, { 'accept-language': 'en' });
  expect(en.body.detail).toBe('The purchase order is draft, so it cannot close: a draft is approved first');
  expect((await buyer.post(`/api/procurement/orders/${draft.id}/cancel`, { version: draft.version })).status).toBe(400);
  const cancelled = await buyer.post(`/api/procurement/orders/${draft.id}/cancel`, { version: draft.version, reason: '供应商断货' });
  expect(cancelled.body).toMatchObject({ status: 'cancelled', history: [expect.anything(), expect.objectContaining({ move: 'cancel', from: 'draft', to: 'cancelled', note: '供应商断货', byName: 'caigou' })] });
});

test('quantity on order counts approved and sent orders, not drafts or cancelled ones', async () => {
  const [a] = await createSkus(host.owner, ['S']);
  const s = await createSupplier(host.owner, {}, [{ skuCode: a!.code, price: 100, minQuantity: 1 }]);
  const mk = async () => (await buyer.post('/api/procurement/orders', { supplierId: s.id, lines: [{ skuCode: a!.code, qty: 4 }] })).body;
  const draft = await mk();
  const approved = await mk();
  const ok = await buyer2.post(`/api/procurement/orders/${approved.id}/approve`, { version: approved.version });
  const sent = await mk();
  const v = (await buyer2.post(`/api/procurement/orders/${sent.id}/approve`, { version: sent.version })).body.version;
  expect((await buyer.post(`/api/procurement/orders/${sent.id}/send`, { version: v })).body.status).toBe('sent');
  void draft;
  expect(ok.body.status).toBe('approved');
  const onOrder = await buyer.get(`/api/procurement/on-order?sku=${a!.id}`);
  expect(onOrder.body).toEqual({ items: [{ skuId: a!.id, qty: 8 }] });
});

test('permissions: warehouse reads orders but neither writes nor approves; nobody logged in gets 401', async () => {
  const keeper = await host.staff('cangguan', ['warehouse']);
  expect((await keeper.get('/api/procurement/orders')).status).toBe(200);
  expect((await keeper.post('/api/procurement/orders', { supplierId: 1, lines: [{ skuCode: 'X', qty: 1 }] })).status).toBe(403);
  expect((await keeper.post('/api/procurement/orders/1/approve', { version: 1 })).status).toBe(403);
  expect((await finance.post('/api/procurement/orders/1/send', { version: 1 })).status).toBe(403);
  expect((await host.anonymous().get('/api/procurement/on-order')).status).toBe(401);
});

test('the printable order shows lines, totals with transport and who signed', async () => {
  const s = await supplierWithPrices(4000);
  const draft = (await buyer.post('/api/procurement/orders', { supplierId: s.id, transportCost: 800, lines: [{ skuCode: skus[0]!.code, qty: 3 }] })).body;
  await buyer2.post(`/api/procurement/orders/${draft.id}/approve`, { version: draft.version });
  const page = await buyer.get(`/api/procurement/printables/purchase-order?id=${draft.id}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain(`采购单 ${draft.poNo}`);
  expect(page.text).toMatch(/货款<\/td><td class="num">120\.00[\s\S]*运费<\/td><td class="num">8\.00[\s\S]*合计<\/td><td class="num">128\.00/);
  expect(page.text).toContain('采购 caigou2（2026-12-07）');
  expect((await host.anonymous().get(`/api/procurement/printables/purchase-order?id=${draft.id}`)).status).toBe(401);
});
