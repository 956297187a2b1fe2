// The reorder arithmetic for one SKU, with its written-out steps.
import { expect, test } from 'vitest';
import { suggest, type SuggestInput } from '../server/suggestions/suggest-rules.js';
import { suggestionSteps } from '../shared/suggestion-steps.js';

/** Where the lead time comes from: the supplier's, or the setting when no supplier offers the SKU. */
type Case = SuggestInput & { leadTimeFrom: 'supplier' | 'setting' };

/** The arithmetic and the lines written out from its figures, as the answer and the screen have them. */
function explained(input: Case) {
  const result = suggest(input);
  const facts = { ...input, ...result, supplier: input.leadTimeFrom === 'supplier' ? {} : null };
  return { ...result, steps: suggestionSteps(facts, input) };
}

const base: Case = { shipped: 42, windowDays: 28, leadTimeDays: 5, leadTimeFrom: 'supplier', safetyDays: 7, onHand: 6, reserved: 2, onOrder: 0, minQuantity: 1, isNew: false, firstBatchMax: 3 };

test('sales per day × (lead time + safety days) − what is there, with every step written out', () => {
  const r = explained(base);
  expect(r).toMatchObject({ perDay: 1.5, coverDays: 12, target: 18, position: 4, need: 14, quantity: 14, daysLeft: 2 });
  expect(r.steps.map((s) => s['zh-CN'])).toEqual([
    '日均销量 = 近 28 天发货 42 件 ÷ 28 天 = 1.5 件/天',
    '备货天数 = 供应商到货 5 天 + 安全库存 7 天 = 12 天',
    '目标库存 = 1.5 × 12 = 18 件（向上取整）',
    '可用 = 在库 6 − 已占用 2 + 在途 0 = 4 件',
    '缺口 = 18 − 4 = 14 件',
    '建议 14 件',
  ]);
});

test('what is on order counts as stock; enough stock suggests nothing', () => {
  expect(explained({ ...base, onOrder: 10 })).toMatchObject({ position: 14, need: 4, quantity: 4 });
  const enough = explained({ ...base, onHand: 30 });
  expect(enough).toMatchObject({ need: 0, quantity: 0 });
  expect(enough.steps.at(-1)!.en).toBe('Stock covers the days: nothing to buy now');
});

test('a need under the supplier\'s minimum becomes the minimum; a rate of thirds rounds the target up', () => {
  expect(explained({ ...base, minQuantity: 20 })).toMatchObject({ need: 14, quantity: 20 });
  // 10 in 28 days over 12 days: 4.29 → 5
  expect(explained({ ...base, shipped: 10, onHand: 0, reserved: 0 })).toMatchObject({ perDay: 0.36, target: 5, quantity: 5 });
});

test('a new item gets its first batch, at most the setting, even when the supplier asks for more', () => {
  const r = explained({ ...base, shipped: 0, onHand: 0, reserved: 0, isNew: true, minQuantity: 10, firstBatchMax: 3 });
  expect(r).toMatchObject({ quantity: 3, daysLeft: null });
  expect(r.steps.map((s) => s['zh-CN']).slice(-2)).toEqual(['新品：首批最多进 3 件 → 建议 3 件', '注意：供应商起订量 10 件，高于首批上限']);
  expect(explained({ ...base, shipped: 0, onHand: 0, reserved: 0, isNew: true, firstBatchMax: 2 }).quantity).toBe(2);
});

test('oversold stock (reserved above on hand) counts as negative, and the lead time may come from the setting', () => {
  const r = explained({ ...base, onHand: 1, reserved: 3, leadTimeFrom: 'setting' });
  expect(r).toMatchObject({ position: -2, need: 20, daysLeft: 0 });
  expect(r.steps[1]!['zh-CN']).toBe('备货天数 = 默认到货 5 天 + 安全库存 7 天 = 12 天');
});
