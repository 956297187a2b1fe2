import { expect, test } from 'vitest';
import type { PriceResult } from '@workbench/contracts/listings';
import { fillParts } from '../shared/fill-phrase.js';
import { parsePhrase } from '../shared/placeholders.js';
import { quoteText } from '../server/fill/quote-line.js';

test('placeholders by Chinese name or English key; braces around prose stay text', () => {
  const parsed = parsePhrase('亲{买家}，{orderNo} 已发 {快递}。{ 这是 顾客 原话 }');
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.parts.map((p) => ('text' in p ? p.text : p.placeholder.key))).toEqual(['亲', 'buyer', '，', 'orderNo', ' 已发 ', 'courier', '。{ 这是 顾客 原话 }']);
});

test('each unknown placeholder is reported with its character, line and column', () => {
  expect(parsePhrase('🙂{买家}\n您的{快递单号}和{单号}')).toEqual({
    ok: false,
    unknown: [{ name: '快递单号', position: 9, line: 2, column: 3 }, { name: '单号', position: 16, line: 2, column: 10 }],
  });
});

test('an unfilled placeholder stays visible in the text, with its reason listed once', () => {
  const parsed = parsePhrase('{订单号}/{订单号}/{买家}');
  if (!parsed.ok) throw new Error('parse');
  const reason = { 'zh-CN': '没有选订单', en: 'No order chosen' };
  expect(fillParts(parsed.parts, { values: { buyer: 'tb_a' }, unavailable: { order: reason } })).toEqual({
    text: '【订单号：没有选订单】/【订单号：没有选订单】/tb_a',
    missing: [{ name: '订单号', reason }],
  });
});

test('a quote reads as one line: the price, the list price and each discount', () => {
  const result = {
    lines: [{ skuId: 1, code: 'A', title: 'A', qty: 1, unitPrice: 9900, subtotal: 9900, discounts: [], total: 8410, cost: 3000 }],
    gifts: [{ skuId: 2, qty: 1, promotionId: 3 }], goodsTotal: 9900, discountTotal: 1490, shipping: 0, total: 8410, costTotal: 3000, belowCost: false,
    explanation: [
      { kind: 'percent', name: '店铺九五折', outcome: 'applied', amount: 495, reason: { 'zh-CN': '', en: '' } },
      { kind: 'full-reduction', name: '满90减10', outcome: 'applied', amount: 995, reason: { 'zh-CN': '', en: '' } },
      { kind: 'coupon', name: '新人券', outcome: 'not-eligible', amount: 0, reason: { 'zh-CN': '', en: '' } },
    ],
  } as unknown as PriceResult;
  expect(quoteText(result)).toBe('活动价 84.10 元（原价 99 元；店铺九五折 -4.95 元，满90减10 -9.95 元，还送赠品）');
});
