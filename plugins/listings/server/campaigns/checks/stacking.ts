import type { Queryable } from '@workbench/plugin-api';
import type { StackingPolicy } from '../../types.js';
import type { Campaign, CampaignCheck, CheckDetail } from '../campaign-types.js';
import { campaignStore } from '../campaign-store.js';
import { lowestPrice, type PricedCart } from '../lowest-price.js';
import { priceTag } from '../../shared/money.js';
import { couponStore } from '../../promotions/coupon-store.js';
import { readEngineSkus } from '../../promotions/pricing-inputs.js';
import { promotionStore } from '../../promotions/promotion-store.js';
import { windowsOverlap } from '../../shared/time.js';

function cartText(cart: PricedCart): { zh: string; en: string } {
  const names = [...new Set(cart.discounts.filter((d) => d.amount > 0).map((d) => d.name))];
  const level = cart.memberLevel ? `（会员 ${cart.memberLevel}）` : '';
  const levelEn = cart.memberLevel ? ` (member ${cart.memberLevel})` : '';
  return {
    zh: `买 ${cart.qty} 件${level}${names.length ? `叠加「${names.join('」「')}」` : '不用其他优惠'}，实付 ${priceTag(cart.net)}`,
    en: `${cart.qty} piece(s)${levelEn}${names.length ? ` with ${names.join(', ')}` : ' with no other discount'} pay ${priceTag(cart.net)}`,
  };
}

/**
 * 优惠叠加检查: for every SKU, the lowest price per piece a buyer can reach with the campaign
 * price and whatever else may combine with it under the stacking policy, coupons included; a SKU
 * whose goods (and gifts) then sell below cost fails, with the cart that does it.
 */
export async function stackingCheck(q: Queryable, campaign: Campaign, policy: StackingPolicy): Promise<CampaignCheck> {
  const details: CheckDetail[] = [];
  const promotions = (await promotionStore(q).live()).filter((p) => windowsOverlap(p.startsAt, p.endsAt, campaign.startsAt, campaign.endsAt));
  const coupons = (await couponStore(q).all()).filter((c) => windowsOverlap(c.validFrom, c.validUntil, campaign.startsAt, campaign.endsAt));
  const giftIds = promotions.flatMap((p) => (p.rule.kind === 'full-gift' ? [p.rule.giftSkuId] : []));
  const skus = await campaignStore(q).skus(campaign.productIds);
  const priced = await readEngineSkus(q, [...skus.map((s) => s.skuId), ...giftIds]);
  const campaignPrice = new Map(campaign.prices.map((p) => [p.skuId, p.price]));
  let failed = false;
  for (const sku of skus) {
    const base = priced.get(sku.skuId);
    if (!base) continue;
    const price = campaignPrice.get(sku.skuId) ?? sku.price;
    // The campaign price as the engine sees it while the campaign runs: a discount on the everyday price.
    const atCampaignPrice = campaignPrice.has(sku.skuId) ? { ...base, campaign: { campaignId: campaign.id, name: campaign.name, price } } : base;
    const { lowest, worst } = lowestPrice({ sku: atCampaignPrice, others: priced, promotions, coupons, policy, from: campaign.startsAt, to: campaign.endsAt });
    const figures = { campaignPrice: price, cost: sku.cost, lowestUnitPrice: lowest.unitPrice, qty: worst.qty, paid: worst.net, costTotal: worst.costTotal };
    const priceNote = campaignPrice.has(sku.skuId) ? '' : '（还没有活动价，按日常价算）';
    const priceNoteEn = campaignPrice.has(sku.skuId) ? '' : ' (no campaign price yet; the everyday price is used)';
    if (worst.net < worst.costTotal) {
      failed = true;
      const cart = cartText(worst);
      details.push({
        skuId: sku.skuId,
        productId: sku.productId,
        figures,
        message: {
          'zh-CN': `${sku.code} 活动价 ${priceTag(price)}${priceNote}：${cart.zh}，低于成本 ${priceTag(worst.costTotal)}（每件最低 ${priceTag(worst.unitPrice)}，成本 ${priceTag(sku.cost)}）`,
          en: `${sku.code} at ${priceTag(price)}${priceNoteEn}: ${cart.en}, below the cost of ${priceTag(worst.costTotal)} (lowest ${priceTag(worst.unitPrice)} a piece, cost ${priceTag(sku.cost)})`,
        },
      });
    } else {
      const cart = cartText(lowest);
      details.push({
        skuId: sku.skuId,
        productId: sku.productId,
        figures,
        message: {
          'zh-CN': `${sku.code} 活动价 ${priceTag(price)}${priceNote}：最低每件 ${priceTag(lowest.unitPrice)}（${cart.zh}），不低于成本 ${priceTag(sku.cost)}`,
          en: `${sku.code} at ${priceTag(price)}${priceNoteEn}: lowest ${priceTag(lowest.unitPrice)} a piece (${cart.en}), not below the cost of ${priceTag(sku.cost)}`,
        },
      });
    }
  }
  return { id: 'stacking', title: { 'zh-CN': '优惠叠加检查', en: 'Discount stacking' }, passed: !failed, details };
}
