// The reorder suggestions of a messy shop, compared whole — every figure, every explanation line,
// the order of the list — with the answer recorded in fixtures/suggestions-messy.json before the
// suggestions were read set-wise (and before the lines were left to the screen to write out from
// the figures). Listings and fulfillment run for real, in this process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestHost } from '@workbench/plugin-api/testing';
import { suggestionSteps, type SuggestionFacts, type SuggestionStepSettings } from '../shared/suggestion-steps.js';
import { sentOrder } from './helpers/orders.js';
import { createSupplier, shipped, startProcurement, stockUp } from './helpers/host.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'suggestions-messy.json');

let host: TestHost;

async function product(title: string, itemCode: string, skus: { code: string; size: string }[]) {
  const reply = await host.owner.post('/api/listings/products', {
    title, itemCode, skus: skus.map((s) => ({ code: s.code, attributes: { 尺码: s.size }, price: 12900, cost: 4500 })),
  });
  if (reply.status !== 201) throw new Error(`could not create a product: ${reply.status} ${reply.text}`);
  return reply.body as { id: number; skus: { id: number; code: string }[] };
}

beforeAll(async () => {
  host = await startProcurement({ fulfillment: true });
  const robe = await product('珊瑚绒睡袍', 'MS1', [
    { code: 'MS1-M', size: 'M' }, { code: 'MS1-L', size: 'L' }, { code: 'MS1-S', size: 'S' }, { code: 'MS1-XL', size: 'XL' },
    { code: 'MS1-10', size: '10' }, { code: 'MS1-9', size: '9' }, { code: 'ms1-2', size: '2' },
  ]);
  await product('新款羊羔绒马甲', 'MS2', [{ code: 'MS2-F', size: '均码' }, { code: 'MS2-G', size: '大码' }]);
  const gone = await product('旧款睡裤', 'MS3', [{ code: 'MS3-M', size: 'M' }]);
  await host.write((tx) => tx.run("UPDATE listings_products SET status = 'delisted' WHERE id = ?", [gone.id]));
  // A stub met in an imported order: no product yet, so no suggestion.
  await host.write((tx) => tx.run("INSERT INTO listings_skus (product_id, code, needs_completing, stub_title, created_at, updated_at) VALUES (NULL, 'STUB-1', 1, '未知商品', ?, ?)", [host.clock.now(), host.clock.now()]));

  await stockUp(host.owner, 'MS1-M', 6);
  await stockUp(host.owner, 'MS1-M', 4); // a second bin of the same SKU
  await stockUp(host.owner, 'MS1-L', 50);
  await stockUp(host.owner, 'MS1-S', 2);
  await stockUp(host.owner, 'MS1-XL', 9);
  await stockUp(host.owner, 'MS3-M', 1);
  await shipped(host, 'MS1-M', 30, 3);
  await shipped(host, 'MS1-M', 12, 20);
  await shipped(host, 'MS1-M', 56, 40); // outside the 28-day window
  await shipped(host, 'MS1-S', 17, 5);
  await shipped(host, 'MS1-XL', 11, 9);
  await shipped(host, 'MS1-XL', 5, 10);
  await shipped(host, 'MS1-10', 1, 27);
  await shipped(host, 'MS3-M', 30, 3);
  // A line refunded in full counts for nothing.
  await shipped(host, 'MS1-L', 40, 2);
  await host.write((tx) => tx.run("UPDATE fulfillment_order_items SET refund_state = 'succeeded' WHERE sku_code = 'MS1-L'"));
  // Pieces held for an approved order not yet shipped.
  const held = await host.owner.post('/api/fulfillment/orders', {
    buyerNick: 'tb_held', receiverName: '林小鱼', receiverPhone: '13812341234', receiverAddress: '浙江省杭州市西湖区文三路 100 号', shippingFee: 0, paid: true,
    items: [{ skuCode: 'MS1-XL', quantity: 4 }],
  });
  expect(held.status, held.text).toBe(201);
  const xl = robe.skus.find((s) => s.code === 'MS1-XL')!;
  await host.write((tx) => tx.run('INSERT INTO fulfillment_reservations (order_id, sku_id, qty) VALUES (?, ?, ?)', [held.body.id, xl.id, 4]));

  // Suppliers: the cheapest valid offer decides lead time and minimum; an expired price and an ended supplier do not count.
  const cheap = await createSupplier(host.owner, { name: '义乌织造', leadTimeDays: 5 }, [
    { skuCode: 'MS1-M', price: 4200, minQuantity: 20 }, { skuCode: 'MS2-F', price: 8800, minQuantity: 10 }, { skuCode: 'MS1-XL', price: 3900, minQuantity: 2 },
  ]);
  await createSupplier(host.owner, { name: '湖州丝绸', leadTimeDays: 2 }, [{ skuCode: 'MS1-M', price: 4500 }, { skuCode: 'MS1-S', price: 5100, minQuantity: 40 }]);
  await createSupplier(host.owner, { name: '过期报价', leadTimeDays: 1 }, [{ skuCode: 'MS1-M', price: 3000, validUntil: '2026-11-10' }]);
  const ended = await createSupplier(host.owner, { name: '已终止', leadTimeDays: 3 }, [{ skuCode: 'MS1-XL', price: 100 }]);
  for (let i = 0; i < 5; i++) await host.owner.post(`/api/procurement/suppliers/${ended.id}/breaches`, { kind: 'quality-failure' });
  // On open purchase orders: 15 of MS1-S sent; 6 of the new MS2-G, so it is no longer a first batch.
  await sentOrder(host, await host.staff('caigou', ['purchasing']), [{ code: 'MS1-S' }, { code: 'MS2-G' }], { qty: [15, 6], price: 5000, supplierId: cheap.id });
});
afterAll(() => host?.close());

type Item = { skuCode: string; quantity: number; steps?: unknown };
type Run = { items: Item[]; settings: SuggestionStepSettings };

test('a messy shop gets exactly the suggestions it got before, in the same order, with the same explanations', async () => {
  const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { all: Run; toBuy: Run };
  // Asked for the lines written out (an export), the answer is the one recorded, word for word.
  const written = await host.owner.get('/api/procurement/suggestions?all=true&steps=true');
  const writtenToBuy = await host.owner.get('/api/procurement/suggestions?steps=true');
  expect(written.status, written.text).toBe(200);
  expect({ all: written.body, toBuy: writtenToBuy.body }).toEqual(recorded);

  // The usual answer carries the figures only; the lines the screen writes from them are the recorded ones.
  const all = await host.owner.get('/api/procurement/suggestions?all=true');
  const toBuy = await host.owner.get('/api/procurement/suggestions');
  expect(all.status, all.text).toBe(200);
  expect(toBuy.status, toBuy.text).toBe(200);
  for (const [answer, before] of [[all.body as Run, recorded.all], [toBuy.body as Run, recorded.toBuy]] as const) {
    expect(answer.items.every((s) => s.steps === undefined)).toBe(true);
    expect(answer).toEqual({ ...before, items: before.items.map(({ steps: _, ...figures }) => figures) });
    expect(answer.items.map((s) => suggestionSteps(s as unknown as SuggestionFacts, answer.settings))).toEqual(before.items.map((s) => s.steps));
  }
  // What the fixture holds, in short, so a wrong recording shows here too.
  expect(all.body.delisted).toBe(1);
  expect(all.body.items.map((s: { skuCode: string; quantity: number }) => `${s.skuCode}:${s.quantity}`)).toMatchInlineSnapshot(`
    [
      "MS1-10:1",
      "MS1-M:20",
      "MS1-XL:2",
      "MS1-S:0",
      "ms1-2:3",
      "MS1-9:3",
      "MS2-F:3",
      "MS1-L:0",
      "MS2-G:0",
    ]
  `);
});
