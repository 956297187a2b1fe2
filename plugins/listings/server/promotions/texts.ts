// The words the price explanation uses, in both languages, so a clerk can read out to a buyer why
// a discount did or did not apply.
import type { LocalizedText } from '@workbench/plugin-api';
import type { DiscountKind } from '../types.js';
import { yuan, yuanShort } from '../shared/money.js';

export type Text = { 'zh-CN': string; en: string };

export const KIND_NAMES: Record<DiscountKind, Text> = {
  campaign: { 'zh-CN': '活动价', en: 'campaign price' },
  bundle: { 'zh-CN': '套餐搭配', en: 'bundle' },
  member: { 'zh-CN': '会员折扣', en: 'member discount' },
  percent: { 'zh-CN': '店内折扣', en: 'shop discount' },
  'full-reduction': { 'zh-CN': '满减', en: 'spend-and-save' },
  'full-gift': { 'zh-CN': '满就送', en: 'spend-and-get-a-gift' },
  coupon: { 'zh-CN': '抵价券', en: 'coupon' },
};

const joinKinds = (kinds: readonly DiscountKind[], locale: 'zh-CN' | 'en') =>
  kinds.map((k) => KIND_NAMES[k][locale]).join(locale === 'zh-CN' ? '、' : ', ');

/** 1 and 1.5 read as "1" and "1.5"; 95 折 is written as the percent a buyer pays. */
const pct = (percent: number) => String(Math.round(percent * 10) / 10);

export const reasons = {
  suspended: (why: string | null): Text => ({
    'zh-CN': why ? `促销已暂停（${why}）` : '促销已暂停',
    en: why ? `The promotion is suspended (${why})` : 'The promotion is suspended',
  }),
  ended: (): Text => ({ 'zh-CN': '促销已结束', en: 'The promotion has ended' }),
  notStarted: (startsAt: string): Text => ({ 'zh-CN': `促销尚未开始（${startsAt} 开始）`, en: `The promotion has not started yet (starts ${startsAt})` }),
  noGoods: (): Text => ({ 'zh-CN': '购物车里没有参加此促销的商品', en: 'Nothing in the cart takes part in this promotion' }),
  notListed: (codes: string[]): Text => ({
    'zh-CN': `${codes.join('、')} 未上架，不参加促销`,
    en: `${codes.join(', ')} ${codes.length === 1 ? 'is' : 'are'} not listed, so no promotion applies`,
  }),
  notMember: (): Text => ({ 'zh-CN': '买家不是会员，不能享受会员折扣', en: 'The buyer is not a member' }),
  levelNotCovered: (level: string): Text => ({ 'zh-CN': `会员等级 ${level} 不在此折扣范围内`, en: `Member level ${level} is not covered by this discount` }),
  bundleIncomplete: (missing: string[]): Text => ({
    'zh-CN': `套餐商品没有买齐（缺 ${missing.join('、')}）`,
    en: `Not every item of the bundle is in the cart (missing ${missing.join(', ')})`,
  }),
  bundleNotCheaper: (): Text => ({ 'zh-CN': '套餐价不比单买便宜，不打折', en: 'The bundle price is not below the items’ own prices' }),
  bundleTaken: (winner: string): Text => ({ 'zh-CN': `这些商品已用于更优惠的套餐「${winner}」`, en: `These items already go into the better bundle “${winner}”` }),
  thresholdNotReached: (threshold: number, reached: number): Text => ({
    'zh-CN': `未达到满 ${yuanShort(threshold)} 元（还差 ${yuan(threshold - reached)} 元）`,
    en: `Below the ${yuanShort(threshold)} yuan threshold (${yuan(threshold - reached)} yuan short)`,
  }),
  betterSameKind: (kind: DiscountKind, winner: string): Text => ({
    'zh-CN': `同类优惠只享受一个，已选用更优惠的「${winner}」`,
    en: `Only one ${KIND_NAMES[kind].en} applies; the better “${winner}” was chosen`,
  }),
  nothingLeft: (): Text => ({ 'zh-CN': '商品已没有可再优惠的金额', en: 'Nothing is left to discount on these items' }),
  conflicts: (kinds: readonly DiscountKind[]): Text => ({
    'zh-CN': `不能与${joinKinds(kinds, 'zh-CN')}同时使用，已按对买家更优惠的方案计算`,
    en: `Cannot be combined with the ${joinKinds(kinds, 'en')}; the cheaper choice for the buyer was taken`,
  }),
  couponConflicts: (kinds: readonly DiscountKind[]): Text => ({
    'zh-CN': `抵价券不能与${joinKinds(kinds, 'zh-CN')}同时使用；不用券更优惠，券未使用，可下次再用`,
    en: `The coupon cannot be combined with the ${joinKinds(kinds, 'en')}; the order is cheaper without it, so the coupon stays unused`,
  }),
  notWorthIt: (): Text => ({
    'zh-CN': '和其他优惠一起用反而不划算，未使用',
    en: 'Combined with the other discounts it would cost the buyer more, so it was left out',
  }),
  percentApplied: (percent: number): Text => ({ 'zh-CN': `按 ${pct(percent)}% 计价`, en: `Charged at ${pct(percent)} %` }),
  memberApplied: (level: string, percent: number): Text => ({ 'zh-CN': `会员 ${level} 按 ${pct(percent)}% 计价`, en: `Member ${level} pays ${pct(percent)} %` }),
  bundleApplied: (sets: number, price: number): Text => ({
    'zh-CN': `${sets} 套，每套 ${yuan(price)} 元`,
    en: `${sets} set${sets === 1 ? '' : 's'} at ${yuan(price)} yuan each`,
  }),
  reductionApplied: (threshold: number, amount: number): Text => ({
    'zh-CN': `满 ${yuanShort(threshold)} 元减 ${yuanShort(amount)} 元`,
    en: `${yuanShort(amount)} yuan off for spending ${yuanShort(threshold)} yuan`,
  }),
  giftApplied: (threshold: number, title: string, qty: number): Text => ({
    'zh-CN': `满 ${yuanShort(threshold)} 元送 ${title} × ${qty}`,
    en: `Spend ${yuanShort(threshold)} yuan, get ${title} × ${qty}`,
  }),
  giftUnknown: (skuId: number): Text => ({ 'zh-CN': `赠品 SKU #${skuId} 不存在，请修改此促销`, en: `The gift SKU #${skuId} does not exist; fix the promotion` }),
  campaignApplied: (prices: readonly { code: string; price: number; listPrice: number }[]): Text => {
    const pairs = [...new Map(prices.map((p) => [`${p.price}/${p.listPrice}`, p])).values()];
    const one = (p: { price: number; listPrice: number }, locale: 'zh-CN' | 'en') =>
      locale === 'zh-CN' ? `活动价 ${yuan(p.price)}，原价 ${yuan(p.listPrice)}` : `campaign price ${yuan(p.price)}, everyday price ${yuan(p.listPrice)}`;
    // One figure when every SKU has the same; otherwise each SKU with its own.
    if (pairs.length === 1) return { 'zh-CN': one(pairs[0]!, 'zh-CN'), en: one(pairs[0]!, 'en').replace(/^c/, 'C') };
    return {
      'zh-CN': prices.map((p) => `${p.code} ${one(p, 'zh-CN')}`).join('；'),
      en: prices.map((p) => `${p.code} ${one(p, 'en')}`).join('; '),
    };
  },
  giftsOut: (title: string): Text => ({ 'zh-CN': `赠品已送完（${title}）`, en: `The gift is all given away (${title})` }),
  couponApplied: (amount: number): Text => ({ 'zh-CN': `抵扣 ${yuan(amount)} 元`, en: `${yuan(amount)} yuan off` }),
  couponNoChange: (used: number, lost: number): Text => ({
    'zh-CN': `优惠券不找零，抵扣 ${yuan(used)} 元，余下 ${yuan(lost)} 元作废`,
    en: `Coupons give no change: ${yuan(used)} yuan used, the remaining ${yuan(lost)} yuan is lost`,
  }),
  couponExpired: (): Text => ({ 'zh-CN': '优惠券已过期', en: 'The coupon has expired' }),
  couponNotYet: (from: string): Text => ({ 'zh-CN': `优惠券还没到可用时间（${from} 起可用）`, en: `The coupon is not valid yet (from ${from})` }),
  couponUsed: (orderRef: string | null): Text => ({
    'zh-CN': orderRef ? `优惠券已在订单 ${orderRef} 用过，每张券只能用一次` : '优惠券已用过，每张券只能用一次',
    en: orderRef ? `The coupon was already used for order ${orderRef}; each coupon is used once` : 'The coupon was already used; each coupon is used once',
  }),
  couponMismatch: (): Text => ({ 'zh-CN': '券码与优惠券不符', en: 'The code does not belong to this coupon' }),
  couponNoGoods: (): Text => ({ 'zh-CN': '购物车里没有此券指定的商品', en: 'None of the coupon’s products are in the cart' }),
  couponThreshold: (threshold: number, reached: number): Text => ({
    'zh-CN': `指定商品未满 ${yuanShort(threshold)} 元，不能用券（还差 ${yuan(threshold - reached)} 元）`,
    en: `The coupon’s products come to less than ${yuanShort(threshold)} yuan (${yuan(threshold - reached)} yuan short)`,
  }),
  couponUnknown: (): Text => ({ 'zh-CN': '没有找到这张优惠券，请核对券码', en: 'No coupon has this code; check it' }),
  withUnlisted: (text: Text, codes: string[]): Text =>
    codes.length === 0
      ? text
      : { 'zh-CN': `${text['zh-CN']}（${codes.join('、')} 未上架，不参加）`, en: `${text.en} (${codes.join(', ')} not listed, left out)` },
} satisfies Record<string, (...args: never[]) => LocalizedText>;
