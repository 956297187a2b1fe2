// Reorder suggestions through the API, with listings and fulfillment running: sales per day from
// shipped quantities, stock on hand and reserved, lead time and minimum from the cheapest valid
// offer, delisted SKUs left out, a new item's first batch; then a purchase plan in one step.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { createSkus, createSupplier, shipped, startProcurement, stockUp, type TestSku } from './helpers/host.js';

let host: TestHost;
let robe: TestSku[]; // M sells, L sits on the shelf
let fresh: TestSku; // a new item, never stocked
let gone: TestSku; // delisted
let cheap: { id: number; name: string };

beforeAll(async () => {
  host = await startProcurement({ fulfillment: true });
  robe = await createSkus(host.owner, ['M', 'L']);
  fresh = (await createSkus(host.owner, ['均码'], '新款羊羔绒马甲'))[0]!;
  gone = (await createSkus(host.owner, ['M'], '旧款睡裤'))[0]!;
  await host.write((tx) => tx.run("UPDATE listings_products SET status = 'delisted' WHERE id = ?", [gone.productId]));

  await stockUp(host.owner, robe[0]!.code, 6);
  await stockUp(host.owner, robe[1]!.code, 50);
  await stockUp(host.owner, gone.code, 1);
  await shipped(host, robe[0]!.code, 30, 3);
  await shipped(host, robe[0]!.code, 12, 20);
  await shipped(host, robe[0]!.code, 56, 40); // outside the 28-day window
  await shipped(host, gone.code, 30, 3);

  cheap = await createSupplier(host.owner, { leadTimeDays: 5 }, [{ skuCode: robe[0]!.code, price: 4200, minQuantity: 20 }, { skuCode: fresh.code, price: 8800, minQuantity: 10 }]);
  await createSupplier(host.owner, { leadTimeDays: 2 }, [{ skuCode: robe[0]!.code, price: 4500 }]);
  // Cheaper still, but its price ran out yesterday.
  await createSupplier(host.owner, { leadTimeDays: 1 }, [{ skuCode: robe[0]!.code, price: 3000, validUntil: '2026-11-10' }]);
});
afterAll(() => host?.close());

const suggestions = async (query = '') => {
  const reply = await host.owner.get(`/api/procurement/suggestions${query}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};
const of = (run: { items: { skuCode: string }[] }, sku: TestSku) => run.items.find((s) => s.skuCode === sku.code) as Record<string, any> | undefined;

async function setSuggestions(change: Record<string, number>) {
  const current = await host.owner.get('/api/settings/procurement');
  const value = structuredClone(current.body.value);
  Object.assign(value.suggestions, change);
  const saved = await host.owner.put('/api/settings/procurement', { value, version: current.body.version });
  expect(saved.status, saved.text).toBe(200);
  return async () => {
    const now = await host.owner.get('/api/settings/procurement');
    await host.owner.put('/api/settings/procurement', { value: current.body.value, version: now.body.version });
  };
}

test('a selling SKU: 42 shipped in 28 days, 5 days from the cheapest valid supplier + 7 safety, 6 on hand → 12 short, the minimum 20', async () => {
  expect(of(await suggestions(), robe[0]!)!.steps).toBeUndefined();
  const run = await suggestions('?steps=true');
  expect(run.fulfillment).toBe(true);
  expect(run.window.days).toBe(28);
  const m = of(run, robe[0]!)!;
  expect(m).toMatchObject({
    shipped: 42, perDay: 1.5, leadTimeDays: 5, coverDays: 12, target: 18, onHand: 6, reserved: 0, onOrder: 0, position: 6, need: 12,
    minQuantity: 20, quantity: 20, daysLeft: 4, price: 4200, amount: 84000, isNew: false, supplier: { id: cheap.id, name: cheap.name, standing: 'active' },
    name: '珊瑚绒睡袍 M',
  });
  expect(m.steps.map((s: { 'zh-CN': string }) => s['zh-CN'])).toEqual([
    '日均销量 = 近 28 天发货 42 件 ÷ 28 天 = 1.5 件/天',
    '备货天数 = 供应商到货 5 天 + 安全库存 7 天 = 12 天',
    '目标库存 = 1.5 × 12 = 18 件（向上取整）',
    '可用 = 在库 6 − 已占用 0 + 在途 0 = 6 件',
    '缺口 = 18 − 6 = 12 件',
    '供应商起订量 20 件 → 建议 20 件',
  ]);
});

test('stock that covers the days suggests nothing (shown with all=true); delisted SKUs are left out; a new item gets its first batch of 3', async () => {
  const run = await suggestions();
  expect(of(run, robe[1]!)).toBeUndefined();
  expect(of(run, gone)).toBeUndefined();
  expect(run.delisted).toBe(1);
  expect(of(run, fresh)).toMatchObject({ isNew: true, quantity: 3, minQuantity: 10, supplier: { id: cheap.id } });
  expect(run.items.map((s: { skuCode: string }) => s.skuCode)).toEqual([robe[0]!.code, fresh.code]);
  const all = await suggestions('?all=true&steps=true');
  expect(of(all, robe[1]!)).toMatchObject({ quantity: 0, onHand: 50, leadTimeDays: 7, supplier: null });
  expect(of(all, robe[1]!)!.steps[1]['zh-CN']).toBe('备货天数 = 默认到货 7 天 + 安全库存 7 天 = 14 天');
  expect(of(all, gone)).toBeUndefined();
});

test('the window, safety days and first-batch limit follow the settings', async () => {
  const restore = await setSuggestions({ windowDays: 56, safetyDays: 9, firstBatchMax: 2 });
  try {
    const run = await suggestions();
    // 98 in 56 days = 1.75 a day × (5 + 9) = 24.5 → 25; 25 − 6 = 19, under the minimum 20.
    expect(of(run, robe[0]!)).toMatchObject({ shipped: 98, perDay: 1.75, coverDays: 14, target: 25, need: 19, quantity: 20 });
    expect(of(run, fresh)).toMatchObject({ quantity: 2 });
  } finally {
    await restore();
  }
});

test('an ended supplier\'s offer is not used', async () => {
  const worst = await createSupplier(host.owner, { leadTimeDays: 3 }, [{ skuCode: robe[0]!.code, price: 100 }]);
  expect(of(await suggestions(), robe[0]!)!.supplier.id).toBe(worst.id);
  for (let i = 0; i < 5; i++) await host.owner.post(`/api/procurement/suppliers/${worst.id}/breaches`, { kind: 'quality-failure' });
  expect(of(await suggestions(), robe[0]!)!.supplier.id).toBe(cheap.id);
});

test('chosen suggestions and a need become a plan in one step, keeping the arithmetic; the need is planned once', async () => {
  const need = await host.owner.post('/api/procurement/needs', { kind: 'sample', description: '春款棉麻睡衣样品', quantity: 2, quality: '100% 棉麻，不起球', reason: '春季上新打样' });
  expect(need.status, need.text).toBe(201);
  expect(need.body).toMatchObject({ kind: 'sample', skuCode: null, state: 'open' });

  const plan = await host.owner.post('/api/procurement/plans', { title: '双十一后补货', skuCodes: [robe[0]!.code, fresh.code], quantities: { [fresh.code]: 2 }, needIds: [need.body.id] });
  expect(plan.status, plan.text).toBe(201);
  expect(plan.body).toMatchObject({ title: '双十一后补货', state: 'open' });
  const lines = plan.body.lines;
  expect(lines.map((l: Record<string, unknown>) => [l.skuCode, l.quantity, l.source, l.supplierId, l.price])).toEqual([
    [robe[0]!.code, 20, 'suggestion', cheap.id, 4200],
    [fresh.code, 2, 'suggestion', cheap.id, 8800],
    [null, 2, 'need', null, null],
  ]);
  expect(lines[0].explanation.at(-1)['zh-CN']).toBe('供应商起订量 20 件 → 建议 20 件');
  expect(lines[1].explanation.at(-1)['zh-CN']).toBe('采购改为 2 件');
  expect(lines[2].explanation.map((e: { 'zh-CN': string }) => e['zh-CN'])).toEqual(['样品需求：春季上新打样', '质量要求：100% 棉麻，不起球']);

  expect((await host.owner.get('/api/procurement/needs?state=planned')).body.items[0]).toMatchObject({ id: need.body.id, planId: plan.body.id });
  const again = await host.owner.post('/api/procurement/plans', { needIds: [need.body.id] });
  expect(again.status).toBe(409);
  const listed = await host.owner.get('/api/procurement/plans');
  expect(listed.body.items[0]).toMatchObject({ id: plan.body.id, lineCount: 3, quantity: 24 });
  expect((await host.owner.get(`/api/procurement/plans/${plan.body.id}`)).body.lines).toHaveLength(3);
});

test('a plan refuses codes without a suggestion and an empty choice; a need wants a known code or a description', async () => {
  const delisted = await host.owner.post('/api/procurement/plans', { skuCodes: [gone.code] });
  expect(delisted.status).toBe(400);
  expect(delisted.body.detail).toContain(gone.code);
  const covered = await host.owner.post('/api/procurement/plans', { skuCodes: [robe[1]!.code] });
  expect(covered.status).toBe(400);
  expect(covered.body.errors[0].path).toBe(`/quantities/${robe[1]!.code}`);
  expect((await host.owner.post('/api/procurement/plans', { skuCodes: [robe[1]!.code], quantities: { [robe[1]!.code]: 5 } })).status).toBe(201);
  expect((await host.owner.post('/api/procurement/plans', {})).status).toBe(400);

  const unknown = await host.owner.post('/api/procurement/needs', { kind: 'restock', skuCode: 'NOPE-1', quantity: 3, reason: '缺货' });
  expect(unknown.status).toBe(400);
  const vague = await host.owner.post('/api/procurement/needs', { kind: 'new-item', quantity: 3, reason: '看到竞品卖得好' });
  expect(vague.body.errors).toEqual([{ path: '/description', in: 'body', message: 'blank' }]);
  expect((await host.owner.post('/api/procurement/needs', { kind: 'restock', skuCode: robe[1]!.code, quantity: 3, reason: '  ' })).status).toBe(400);
});

test('suggestions, plans and needs are read with plans.read and made with plans.edit', async () => {
  const finance = await host.staff('caiwu', ['finance']);
  expect((await finance.get('/api/procurement/suggestions')).status).toBe(200);
  expect((await finance.get('/api/procurement/plans')).status).toBe(200);
  expect((await finance.get('/api/procurement/needs')).status).toBe(200);
  expect((await finance.post('/api/procurement/plans', { skuCodes: [robe[0]!.code] })).status).toBe(403);
  expect((await finance.post('/api/procurement/needs', { kind: 'other', description: 'x', quantity: 1, reason: 'x' })).status).toBe(403);
  const cs = await host.staff('kefu', ['customer-service']);
  expect((await cs.get('/api/procurement/suggestions')).status).toBe(403);
  const buyer = await host.staff('caigou', ['purchasing']);
  expect((await buyer.post('/api/procurement/plans', { skuCodes: [robe[0]!.code] })).status).toBe(201);
});

test('without fulfillment there is no stock or sales to go by: nothing is suggested, and the answer says so', async () => {
  const alone = await startProcurement();
  try {
    await createSkus(alone.owner, ['M']);
    const run = await alone.owner.get('/api/procurement/suggestions?all=true');
    expect(run.body).toMatchObject({ fulfillment: false });
    expect(run.body.items.every((s: { quantity: number }) => s.quantity === 0)).toBe(true);
  } finally {
    await alone.close();
  }
});
