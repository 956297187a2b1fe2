import { fenToYuan, yuanToFen } from '@workbench/ui';
import type { PromotionKind, PromotionRule } from '../server/types.js';
import type { DraftProblem } from './product-draft.js';

/** A SKU a rule names: its id, and the 商家编码 once the picker has shown it. */
export interface RuleSku {
  id: number;
  code: string;
}

/** Every kind's fields as the inputs hold them; only the chosen kind's are sent. */
export interface RuleDraft {
  tiers: { threshold: string; amount: string }[];
  giftThreshold: string;
  gift?: RuleSku;
  giftQty: string;
  /** 送完为止: how many gifts in all; empty for no limit. */
  giftCount: string;
  percent: string;
  levels: [string, string][];
  bundle: RuleSku[];
  bundlePrice: string;
}

export type RuleKind = Exclude<PromotionKind, 'coupon'>;

/** A blank draft with one 满减 tier and the usual member levels. */
export function emptyRule(): RuleDraft {
  return { tiers: [{ threshold: '', amount: '' }], giftThreshold: '', giftQty: '1', giftCount: '', percent: '', levels: [['V1', ''], ['V2', '']], bundle: [], bundlePrice: '' };
}

/** The draft for a rule the server sent. */
export function ruleToDraft(rule: PromotionRule): RuleDraft {
  const d = emptyRule();
  switch (rule.kind) {
    case 'full-reduction': return { ...d, tiers: rule.tiers.map((t) => ({ threshold: fenToYuan(t.threshold), amount: fenToYuan(t.amount) })) };
    case 'full-gift': return { ...d, giftThreshold: fenToYuan(rule.threshold), gift: { id: rule.giftSkuId, code: `#${rule.giftSkuId}` }, giftQty: String(rule.qty), giftCount: rule.giftCount === undefined ? '' : String(rule.giftCount) };
    case 'percent': return { ...d, percent: String(rule.percent) };
    case 'member': return { ...d, levels: Object.entries(rule.levels).map(([k, v]) => [k, String(v)]) };
    case 'bundle': return { ...d, bundle: rule.skuIds.map((id) => ({ id, code: `#${id}` })), bundlePrice: fenToYuan(rule.price) };
  }
}

const percentOf = (text: string) => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n > 0 && n < 100 ? n : undefined;
};

/** The rule the API takes for `kind`, adding a problem per field that does not read. */
export function draftToRule(kind: RuleKind, d: RuleDraft, problems: DraftProblem[]): PromotionRule {
  const money = (text: string, path: string, zh: string, en: string) => {
    const fen = yuanToFen(text);
    if (fen === undefined) problems.push({ path, message: { 'zh-CN': `${zh}请写成元，例如 200 或 19.90`, en: `${en}: enter yuan, e.g. 200 or 19.90` } });
    return fen ?? 0;
  };
  switch (kind) {
    case 'full-reduction':
      if (!d.tiers.length) problems.push({ path: '/rule/tiers', message: { 'zh-CN': '至少要有一档满减', en: 'Add at least one tier' } });
      return {
        kind,
        tiers: d.tiers.map((t, i) => ({
          threshold: money(t.threshold, `/rule/tiers/${i}/threshold`, `第 ${i + 1} 档的门槛`, `Tier ${i + 1} threshold`),
          amount: money(t.amount, `/rule/tiers/${i}/amount`, `第 ${i + 1} 档的减额`, `Tier ${i + 1} amount`),
        })),
      };
    case 'full-gift': {
      if (!d.gift) problems.push({ path: '/rule/giftSkuId', message: { 'zh-CN': '请选择赠品 SKU', en: 'Choose the gift SKU' } });
      const qty = Number(d.giftQty);
      if (!Number.isInteger(qty) || qty < 1) problems.push({ path: '/rule/qty', message: { 'zh-CN': '赠品数量请写正整数', en: 'The gift quantity is a whole number' } });
      const count = d.giftCount.trim() === '' ? undefined : Number(d.giftCount.trim());
      if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
        problems.push({ path: '/rule/giftCount', message: { 'zh-CN': '赠品总数请写正整数，不限就留空', en: 'The number of gifts is a whole number; leave it empty for no limit' } });
      }
      const rule = { kind, threshold: money(d.giftThreshold, '/rule/threshold', '门槛', 'Threshold'), giftSkuId: d.gift?.id ?? 0, qty: qty || 1 };
      return count === undefined ? rule : { ...rule, giftCount: count };
    }
    case 'percent': {
      const percent = percentOf(d.percent);
      if (percent === undefined) problems.push({ path: '/rule/percent', message: { 'zh-CN': '折扣请写 1–99 之间的数，95 就是 95 折', en: 'Enter 1–99: 95 means pay 95 %' } });
      return { kind, percent: percent ?? 100 };
    }
    case 'member': {
      const levels: Record<string, number> = {};
      d.levels.forEach(([level, text], i) => {
        if (!level.trim()) return;
        const percent = percentOf(text);
        if (percent === undefined) problems.push({ path: `/rule/levels/${i}`, message: { 'zh-CN': `${level} 的折扣请写 1–99`, en: `${level}: enter 1–99` } });
        levels[level.trim()] = percent ?? 100;
      });
      if (!Object.keys(levels).length) problems.push({ path: '/rule/levels', message: { 'zh-CN': '至少填一个会员等级', en: 'Fill in at least one level' } });
      return { kind, levels };
    }
    case 'bundle':
      if (d.bundle.length < 2) problems.push({ path: '/rule/skuIds', message: { 'zh-CN': '套餐至少要两个 SKU', en: 'A bundle needs at least two SKUs' } });
      return { kind, skuIds: d.bundle.map((s) => s.id), price: money(d.bundlePrice, '/rule/price', '套餐价', 'Bundle price') };
  }
}
