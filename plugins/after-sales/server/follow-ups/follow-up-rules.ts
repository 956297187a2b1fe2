// When an exchange or reshipment may send its order, and the price difference it leaves. Pure.
import { yuan } from '@workbench/plugin-api';
import type { Bilingual, CaseKind, CaseState } from '../../shared/case-states.js';

export type FollowUpProblem =
  | { kind: 'no-goods-out'; caseKind: CaseKind }
  | { kind: 'not-ready'; state: CaseState }
  | { kind: 'already'; orderNo: string }
  | { kind: 'too-many'; quantity: number; asked: number }
  | { kind: 'other-sku' };

/**
 * A case sends one order: an exchange once the goods are back and confirmed (换货待发), a
 * reshipment once agreed (also 换货待发); at most the case's pieces; a reshipment sends the same SKU.
 */
export function followUpProblem(
  c: { kind: CaseKind; state: CaseState; quantity: number; skuCode: string },
  request: { quantity: number; skuCode: string },
  existingOrderNo: string | undefined,
): FollowUpProblem | undefined {
  if (c.kind !== 'exchange' && c.kind !== 'reship') return { kind: 'no-goods-out', caseKind: c.kind };
  if (existingOrderNo) return { kind: 'already', orderNo: existingOrderNo };
  if (c.state !== 'exchange-pending') return { kind: 'not-ready', state: c.state };
  if (request.quantity > c.quantity) return { kind: 'too-many', quantity: c.quantity, asked: request.quantity };
  if (c.kind === 'reship' && c.skuCode !== '' && request.skuCode !== c.skuCode) return { kind: 'other-sku' };
  return undefined;
}

export interface PriceDifference {
  /** The goods sent at their SKU prices (分). */
  sentValue: number;
  /** What the buyer paid for as many pieces of the line (分). */
  paidValue: number;
  /** sentValue − paidValue for an exchange: above 0 the buyer pays it, below 0 the shop refunds it. 0 for a reshipment. */
  difference: number;
  explanation: Bilingual;
}

/**
 * An exchange is settled at the price of what goes out against what the buyer paid for the same
 * number of pieces; a reshipment replaces what never arrived whole, so nothing is owed either way.
 */
export function priceDifference(kind: 'exchange' | 'reship', line: { linePaid: number; quantity: number }, sent: { quantity: number; value: number }): PriceDifference {
  const paidValue = Math.round((line.linePaid * sent.quantity) / line.quantity);
  const difference = kind === 'reship' ? 0 : sent.value - paidValue;
  return { sentValue: sent.value, paidValue, difference, explanation: explainDifference(kind, sent.quantity, sent.value, paidValue) };
}

/** The difference's arithmetic in words. */
export function explainDifference(kind: CaseKind, quantity: number, sentValue: number, paidValue: number): Bilingual {
  if (kind !== 'exchange') return { 'zh-CN': `补发 ${quantity} 件，不收差价`, en: `${quantity} piece(s) sent again; no price difference` };
  const difference = sentValue - paidValue;
  const zh = `换出 ${quantity} 件共 ${yuan(sentValue)} 元，原付 ${yuan(paidValue)} 元`;
  const en = `${quantity} piece(s) sent worth ${yuan(sentValue)} 元, ${yuan(paidValue)} 元 paid for them`;
  if (difference > 0) return { 'zh-CN': `${zh}，买家补差价 ${yuan(difference)} 元`, en: `${en}: the buyer pays the difference, ${yuan(difference)} 元` };
  if (difference < 0) return { 'zh-CN': `${zh}，店铺退差价 ${yuan(-difference)} 元（记入退款）`, en: `${en}: the shop refunds the difference, ${yuan(-difference)} 元 (in the refund ledger)` };
  return { 'zh-CN': `${zh}，没有差价`, en: `${en}: no difference` };
}
