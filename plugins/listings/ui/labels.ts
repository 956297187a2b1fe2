import type { LocalizedText } from '@workbench/ui';
import { CAMPAIGN_STATE_NAMES, LISTING_STATE_NAMES, type CampaignState } from '../shared/state-names.js';
import type { CouponCodeStatus, DiscountKind, ExplanationOutcome, ListingStatus, PromotionKind, PromotionStatus } from '../server/types.js';

/** Display names of the states and kinds the API sends as ids. */
export const LISTING_STATUS: Record<ListingStatus, LocalizedText> = LISTING_STATE_NAMES;

export const PROMOTION_KIND: Record<PromotionKind, LocalizedText> = {
  'full-reduction': { 'zh-CN': '满减', en: 'Spend & save' },
  'full-gift': { 'zh-CN': '满就送', en: 'Spend & get a gift' },
  percent: { 'zh-CN': '店内折扣', en: 'Shop discount' },
  member: { 'zh-CN': '会员折扣', en: 'Member discount' },
  bundle: { 'zh-CN': '套餐搭配', en: 'Bundle' },
  coupon: { 'zh-CN': '抵价券', en: 'Coupon' },
};

/** Kinds of a price step: the promotion kinds and a running campaign's price. */
export const DISCOUNT_KIND: Record<DiscountKind, LocalizedText> = {
  campaign: { 'zh-CN': '活动价', en: 'Campaign price' },
  ...PROMOTION_KIND,
};

export const PROMOTION_STATUS: Record<PromotionStatus, LocalizedText> = {
  active: { 'zh-CN': '进行中', en: 'Active' },
  suspended: { 'zh-CN': '已暂停', en: 'Suspended' },
  ended: { 'zh-CN': '已结束', en: 'Ended' },
};

export const COUPON_CODE_STATUS: Record<CouponCodeStatus, LocalizedText> = {
  issued: { 'zh-CN': '已发放', en: 'Issued' },
  used: { 'zh-CN': '已使用', en: 'Used' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  expired: { 'zh-CN': '已过期', en: 'Expired' },
};

export const OUTCOME: Record<ExplanationOutcome, LocalizedText> = {
  applied: { 'zh-CN': '已享受', en: 'Applied' },
  refused: { 'zh-CN': '未享受', en: 'Not applied' },
  'not-eligible': { 'zh-CN': '不适用', en: 'Not eligible' },
};

export type CampaignStatus = CampaignState;

export const CAMPAIGN_STATUS: Record<CampaignStatus, LocalizedText> = CAMPAIGN_STATE_NAMES;

export const CAMPAIGN_CHECK: Record<string, LocalizedText> = {
  'time-window': { 'zh-CN': '时限检查', en: 'Time window' },
  pages: { 'zh-CN': '页面检查', en: 'Pages' },
  coupons: { 'zh-CN': '优惠券检查', en: 'Coupons' },
  stacking: { 'zh-CN': '优惠叠加检查', en: 'Discount stacking' },
};

/** Options for a data-table filter built from one of the maps above. */
export function filterOptions<K extends string>(map: Record<K, LocalizedText>): { value: string; label: LocalizedText }[] {
  return (Object.keys(map) as K[]).map((value) => ({ value, label: map[value] }));
}
