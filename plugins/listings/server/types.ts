import type { LocalizedText } from '@workbench/plugin-api';
import type { ListingState } from '../shared/state-names.js';

/** Records as the API sends them. Money is integer 分, times ISO 8601 with the shop's offset. */

export interface Category {
  id: number;
  name: string;
  /** The parent category; categories nest one level, so a parent never has a parent itself. */
  parentId: number | null;
  /** Position among its siblings, from 1. */
  sortOrder: number;
  version: number;
}

export interface ProductImage {
  url: string;
  kind: 'main' | 'detail';
  width?: number;
  height?: number;
  /** The shop's own watermark is on it. */
  watermark?: boolean;
}

export type ListingStatus = ListingState;

export interface Product {
  id: number;
  title: string;
  /** 货号: the shop's item code, unique. */
  itemCode: string;
  categoryId: number | null;
  description: string;
  images: ProductImage[];
  /** e.g. { 面料: '纯棉', 颜色: '黑色/白色' } — product-level attributes. */
  attributes: Record<string, string>;
  shippingTemplate: string | null;
  /** 橱窗推荐 slot number, or null. */
  showcaseSlot: number | null;
  status: ListingStatus;
  /** 淘宝客 commission in percent (0–70 by default). */
  commissionPercent: number | null;
  scheduledListAt: string | null;
  scheduledDelistAt: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  /** Written when submitted with failing checklist rules. */
  submitReason: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  listedAt: string | null;
  delistedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Sku {
  id: number;
  /** Null only for a stub created for an unknown 商家编码. */
  productId: number | null;
  /** 商家编码: unique in the shop. */
  code: string;
  /** e.g. { 颜色: '黑色', 尺码: 'XL' }. */
  attributes: Record<string, string>;
  price: number;
  cost: number;
  barcode: string | null;
  weightGrams: number | null;
  /** Own low-stock threshold; null uses the setting. */
  lowStockThreshold: number | null;
  /** A stub met in an order: someone must fill in its product, price and cost. */
  needsCompleting: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/* ─── Services other plugins use: published in ../contracts.ts ──────────────────────────── */

export type { CatalogService, PricingService } from '../contracts.js';

/* ─── Promotions and pricing ─────────────────────────────────────────────────────────────── */

export type PromotionKind = 'bundle' | 'member' | 'percent' | 'full-reduction' | 'full-gift' | 'coupon';

/**
 * What a step of the price takes off: a promotion kind, the coupon, or `campaign`, a running
 * campaign's price below the everyday price. A campaign price is always the first step; it is not
 * a promotion and not in the stacking order's setting.
 */
export type DiscountKind = PromotionKind | 'campaign';

/** Which products a promotion covers: none given means the whole shop. */
export interface PromotionScope {
  productIds?: number[];
  categoryIds?: number[];
}

export type PromotionRule =
  /** 满减: spend at least `threshold`, save `amount` (tiers: the highest reached applies). */
  | { kind: 'full-reduction'; tiers: { threshold: number; amount: number }[] }
  /** 满就送: spend at least `threshold`, get `qty` of the gift SKU; `giftCount` in all (送完为止), none = no limit. */
  | { kind: 'full-gift'; threshold: number; giftSkuId: number; qty: number; giftCount?: number }
  /** 店内折扣: pay `percent` % of the price (95 = 95折). */
  | { kind: 'percent'; percent: number }
  /** 会员折扣: pay `percent` % by member level, e.g. { V1: 98, V2: 95 }. */
  | { kind: 'member'; levels: Record<string, number> }
  /** 套餐搭配: these SKUs together for `price`; at most 5, never one product in two colours. */
  | { kind: 'bundle'; skuIds: number[]; price: number };

export type PromotionStatus = 'active' | 'suspended' | 'ended';

export interface Promotion {
  id: number;
  name: string;
  kind: Exclude<PromotionKind, 'coupon'>;
  rule: PromotionRule;
  scope: PromotionScope;
  startsAt: string;
  endsAt: string;
  status: PromotionStatus;
  /** Why it is suspended, e.g. its product was delisted. */
  suspendedReason: string | null;
  campaignId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** 满就送: gifts taken by orders not closed. */
  giftsGiven?: number;
  /** 满就送: `giftCount` − `giftsGiven` (never below 0); null without a count. */
  giftsLeft?: number | null;
}

/** 抵价券: a coupon design; issued coupons are `CouponCode`s. */
export interface Coupon {
  id: number;
  name: string;
  /** Face value in 分. */
  faceValue: number;
  /** Minimum goods amount of the designated products (满 X 可用), 0 for none. */
  threshold: number;
  /** The designated products; empty means every product. */
  productIds: number[];
  validFrom: string;
  validUntil: string;
  version: number;
  createdAt: string;
}

export type CouponCodeStatus = 'issued' | 'used' | 'returned' | 'expired';

export interface CouponCode {
  code: string;
  couponId: number;
  status: CouponCodeStatus;
  issuedAt: string;
  /** Inside the coupon's window; by default `promotions.couponValidityDays` after issue. */
  expiresAt: string;
  usedAt: string | null;
  /** The order it paid for, as the caller names it (e.g. a Taobao order number). */
  orderRef: string | null;
}

export interface StackingPolicy {
  /** The order discounts apply in. */
  order: PromotionKind[];
  /** Pairs `a+b` that may apply to the same cart; anything else excludes each other. */
  combinable: string[];
}

export interface CartLineInput {
  skuId: number;
  qty: number;
}

export interface CartInput {
  lines: CartLineInput[];
  memberLevel?: string;
  couponCode?: string;
  /** Shipping fee in 分; never reduced by a coupon. */
  shipping?: number;
  /** When to price at (default now): promotions and coupons must be valid then. */
  at?: string;
}

/** The SKU facts the engine needs, resolved by the caller. */
export interface PricedSku {
  skuId: number;
  productId: number;
  categoryId: number | null;
  code: string;
  title: string;
  price: number;
  cost: number;
}

export interface AppliedDiscount {
  kind: DiscountKind;
  promotionId?: number;
  campaignId?: number;
  couponCode?: string;
  name: string;
  /** 分 taken off, ≥ 0. */
  amount: number;
}

export interface PricedLine {
  skuId: number;
  code: string;
  title: string;
  qty: number;
  unitPrice: number;
  /** unitPrice × qty. */
  subtotal: number;
  /** Discounts that landed on this line (order-level ones spread by amount, to the 分). */
  discounts: AppliedDiscount[];
  /** subtotal − its discounts, never below 0. */
  total: number;
  cost: number;
}

export type ExplanationOutcome = 'applied' | 'refused' | 'not-eligible';

export interface ExplanationStep {
  kind: DiscountKind;
  promotionId?: number;
  campaignId?: number;
  couponCode?: string;
  name: string;
  outcome: ExplanationOutcome;
  /** 分 taken off (0 unless applied). */
  amount: number;
  reason: LocalizedText;
}

export interface PriceResult {
  lines: PricedLine[];
  gifts: { skuId: number; qty: number; promotionId: number }[];
  /** Σ line subtotals. */
  goodsTotal: number;
  /** Σ applied discount amounts. */
  discountTotal: number;
  shipping: number;
  /** goodsTotal − discountTotal + shipping, never negative. */
  total: number;
  /** Σ cost × qty of the lines (and gifts). */
  costTotal: number;
  /** The goods were sold for less than they cost. */
  belowCost: boolean;
  explanation: ExplanationStep[];
}
