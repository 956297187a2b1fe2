import type { Queryable } from '@workbench/plugin-api';
import type { Campaign, CampaignCheck, CheckDetail } from '../campaign-types.js';
import { couponStore } from '../../promotions/coupon-store.js';

/**
 * 优惠券检查: every coupon the campaign uses is valid for the whole window, so no buyer holds a
 * coupon that stops working halfway (or has not started) during the campaign.
 */
export async function couponsCheck(q: Queryable, campaign: Campaign): Promise<CampaignCheck> {
  const details: CheckDetail[] = [];
  for (const coupon of await couponStore(q).all(campaign.couponIds)) {
    if (Date.parse(coupon.validFrom) > Date.parse(campaign.startsAt)) {
      details.push({
        couponId: coupon.id,
        message: {
          'zh-CN': `优惠券「${coupon.name}」（#${coupon.id}）从 ${coupon.validFrom} 才能用，活动开始时还不能用`,
          en: `Coupon “${coupon.name}” (#${coupon.id}) is valid only from ${coupon.validFrom}, after the campaign starts`,
        },
      });
    }
    if (Date.parse(coupon.validUntil) < Date.parse(campaign.endsAt)) {
      details.push({
        couponId: coupon.id,
        message: {
          'zh-CN': `优惠券「${coupon.name}」（#${coupon.id}）在 ${coupon.validUntil} 过期，活动还没结束`,
          en: `Coupon “${coupon.name}” (#${coupon.id}) lapses at ${coupon.validUntil}, before the campaign ends`,
        },
      });
    }
  }
  return { id: 'coupons', title: { 'zh-CN': '优惠券检查', en: 'Coupons' }, passed: details.length === 0, details };
}
