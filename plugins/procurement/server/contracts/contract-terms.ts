import type { Bilingual } from '../text.js';

/** The terms a written purchase contract must hold before it is approved. */
export const CONTRACT_TERMS: { key: string; name: Bilingual }[] = [
  { key: 'subject', name: { 'zh-CN': '标的（品名、规格、型号）', en: 'Goods (name, spec, model)' } },
  { key: 'quantity', name: { 'zh-CN': '数量', en: 'Quantity' } },
  { key: 'price', name: { 'zh-CN': '价款', en: 'Price' } },
  { key: 'quality', name: { 'zh-CN': '质量标准与验收', en: 'Quality standard and inspection' } },
  { key: 'delivery', name: { 'zh-CN': '交货时间、地点与方式', en: 'Delivery time, place and way' } },
  { key: 'payment', name: { 'zh-CN': '付款方式与期限', en: 'Payment terms' } },
  { key: 'breach', name: { 'zh-CN': '违约责任', en: 'Liability for breach' } },
  { key: 'disputes', name: { 'zh-CN': '争议解决', en: 'Settling disputes' } },
];

/** The grounds a contract may be changed or ended on. */
export const GROUNDS = ['force-majeure', 'counterparty-default', 'changed-circumstances', 'agreed'] as const;

/** The terms still missing from a contract's checklist. */
export const missingTerms = (terms: Record<string, boolean>) => CONTRACT_TERMS.filter((t) => !terms[t.key]);
