// The rules a promotion must follow beyond its schema: they need the database (SKUs, products,
// categories, campaigns exist) or the settings (how many items a bundle may hold).
import { InputError, type Queryable } from '@workbench/plugin-api';
import type { PromotionRule, PromotionScope } from '../types.js';
import { yuan } from '../shared/money.js';

const bad = (zh: string, en: string, path: string, message: string) => new InputError({ 'zh-CN': zh, en }, { errors: [{ path, in: 'body', message }] });

/** The window must end after it starts. */
export function checkWindow(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw bad('结束时间要晚于开始时间', 'The end must come after the start', '/endsAt', '早于或等于开始时间');
  }
}

const hasOneDecimal = (p: number) => Math.abs(p * 10 - Math.round(p * 10)) < 1e-9;

/** Checks a rule against the catalog and the settings; `path` is where the rule sits in the body. */
export async function checkRule(q: Queryable, rule: PromotionRule, bundleMaxItems: number, path = '/rule'): Promise<PromotionRule> {
  switch (rule.kind) {
    case 'percent':
      if (!hasOneDecimal(rule.percent)) throw bad('折扣最多保留一位小数，例如 95 或 88.8', 'A discount has one decimal at most, e.g. 95 or 88.8', `${path}/percent`, '一位小数');
      return rule;
    case 'member':
      for (const [level, percent] of Object.entries(rule.levels)) {
        if (!hasOneDecimal(percent)) throw bad(`会员等级 ${level} 的折扣最多保留一位小数`, `The discount of level ${level} has one decimal at most`, `${path}/levels/${level}`, '一位小数');
      }
      return rule;
    case 'full-reduction': {
      const tiers = [...rule.tiers].sort((a, b) => a.threshold - b.threshold);
      for (let i = 0; i < tiers.length; i++) {
        const t = tiers[i]!;
        const at = `${path}/tiers/${rule.tiers.indexOf(t)}`;
        if (t.amount >= t.threshold) throw bad(`满 ${yuan(t.threshold)} 元不能减 ${yuan(t.amount)} 元：减的钱要少于门槛`, 'Each tier must take off less than its threshold', `${at}/amount`, '不小于门槛');
        const prev = tiers[i - 1];
        if (prev && prev.threshold === t.threshold) throw bad(`有两档门槛都是 ${yuan(t.threshold)} 元`, 'Two tiers have the same threshold', `${at}/threshold`, '重复');
        if (prev && prev.amount >= t.amount) throw bad('门槛越高的档位，减的钱应越多', 'A higher tier must take off more than a lower one', `${at}/amount`, '不多于低一档');
      }
      return { kind: 'full-reduction', tiers };
    }
    case 'full-gift': {
      const gift = await q.get<{ id: number }>('SELECT id FROM listings_skus WHERE id = ?', [rule.giftSkuId]);
      if (!gift) throw bad(`赠品 SKU #${rule.giftSkuId} 不存在，请重新选择`, `The gift SKU #${rule.giftSkuId} does not exist`, `${path}/giftSkuId`, '不存在');
      return rule;
    }
    case 'bundle':
      return checkBundle(q, rule, bundleMaxItems, path);
  }
}

/** 套餐: at most `max` items, every SKU known, no product twice, and cheaper than buying them alone. */
async function checkBundle(q: Queryable, rule: Extract<PromotionRule, { kind: 'bundle' }>, max: number, path: string): Promise<PromotionRule> {
  if (rule.skuIds.length > max) {
    throw bad(`套餐最多放 ${max} 件商品，现在有 ${rule.skuIds.length} 件`, `A bundle holds at most ${max} items; this one has ${rule.skuIds.length}`, `${path}/skuIds`, `≤ ${max}`);
  }
  const seen = new Map<number, number>();
  let sum = 0;
  for (const [i, id] of rule.skuIds.entries()) {
    const sku = await q.get<{ product_id: number | null; price: number; code: string }>('SELECT product_id, price, code FROM listings_skus WHERE id = ?', [id]);
    if (!sku || sku.product_id === null) throw bad(`SKU #${id} 不存在或还没补全商品，不能放进套餐`, `SKU #${id} does not exist or has no product yet`, `${path}/skuIds/${i}`, '不存在');
    const first = seen.get(sku.product_id);
    if (first !== undefined) {
      throw bad(
        `第 ${first + 1} 件和第 ${i + 1} 件是同一款商品（只是颜色或尺码不同），套餐里不要放同款`,
        `Items ${first + 1} and ${i + 1} are the same product in another colour or size; a bundle should not hold both`,
        `${path}/skuIds/${i}`,
        '同款商品',
      );
    }
    seen.set(sku.product_id, i);
    sum += sku.price;
  }
  if (rule.price >= sum) {
    throw bad(`套餐价要低于单买合计 ${yuan(sum)} 元`, `The bundle price must be below the items’ total of ${yuan(sum)} yuan`, `${path}/price`, `< ${sum}`);
  }
  return rule;
}

/** Every product and category the scope names must exist. */
export async function checkScope(q: Queryable, scope: PromotionScope, path = '/scope'): Promise<PromotionScope> {
  for (const [i, id] of (scope.productIds ?? []).entries()) {
    if (!(await q.get('SELECT id FROM listings_products WHERE id = ?', [id]))) throw bad(`商品 #${id} 不存在`, `Product #${id} does not exist`, `${path}/productIds/${i}`, '不存在');
  }
  for (const [i, id] of (scope.categoryIds ?? []).entries()) {
    if (!(await q.get('SELECT id FROM listings_categories WHERE id = ?', [id]))) throw bad(`分类 #${id} 不存在`, `Category #${id} does not exist`, `${path}/categoryIds/${i}`, '不存在');
  }
  const clean: PromotionScope = {};
  if (scope.productIds?.length) clean.productIds = scope.productIds;
  if (scope.categoryIds?.length) clean.categoryIds = scope.categoryIds;
  return clean;
}

/** A campaign the promotion belongs to must exist. */
export async function checkCampaign(q: Queryable, campaignId: number | null | undefined): Promise<number | null> {
  if (campaignId === null || campaignId === undefined) return null;
  if (!(await q.get('SELECT id FROM listings_campaigns WHERE id = ?', [campaignId]))) throw bad(`活动 #${campaignId} 不存在`, `Campaign #${campaignId} does not exist`, '/campaignId', '不存在');
  return campaignId;
}
