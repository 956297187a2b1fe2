// The checks that do not depend on amounts: status, time window, scope, member level, bundle
// completeness and the coupon's own rules. What passes becomes a candidate the kind steps price;
// what fails becomes a "not eligible" explanation step at once.
import type { CartInput, Coupon, CouponCode, DiscountKind, ExplanationStep, PricedSku, Promotion, PromotionKind } from '../types.js';
import type { CartScopes } from './cart-scopes.js';
import { reasons, type Text } from './texts.js';

/** The SKU facts the engine uses; `listed` and `parentCategoryId` are optional extras. */
export interface EngineSku extends PricedSku {
  /** False when the product is not 已上架: the line keeps its price and no promotion applies. */
  listed?: boolean;
  /** The parent of `categoryId`, so a promotion on a parent category also covers its children. */
  parentCategoryId?: number | null;
  /** A running campaign's price for this SKU; `price` stays the everyday price it is taken off. */
  campaign?: { campaignId: number; name: string; price: number };
}

/** One cart line, SKUs given twice merged into one. */
export interface WorkLine {
  skuId: number;
  sku: EngineSku;
  qty: number;
  subtotal: number;
  listed: boolean;
}

interface CandidateBase {
  /** Indices into the work lines this candidate may discount (listed and in scope). */
  lines: number[];
  /** 商家编码 of the lines in scope that are not listed, for the explanation. */
  unlisted: string[];
}

export type PromotionCandidate = CandidateBase & {
  kind: Exclude<PromotionKind, 'coupon'>;
  promotion: Promotion;
  /** percent and member: the percent this buyer pays. */
  percent: number;
  /** bundle: how many complete sets the cart holds. */
  sets: number;
  /** member: the buyer's level. */
  level: string | null;
};

export type CouponCandidate = CandidateBase & { kind: 'coupon'; coupon: Coupon; code: CouponCode };

/** A running campaign: its lines sell at the campaign price, the first step of every cart. */
export type CampaignCandidate = CandidateBase & { kind: 'campaign'; campaignId: number; name: string };

export type Candidate = PromotionCandidate | CouponCandidate | CampaignCandidate;

/** Builds the work lines; a line whose SKU is missing from `skus` is the caller's mistake. */
export function workLines(cart: CartInput, skus: ReadonlyMap<number, EngineSku>): WorkLine[] {
  const byId = new Map<number, WorkLine>();
  cart.lines.forEach((line, i) => {
    const sku = skus.get(line.skuId);
    if (!sku) throw new RangeError(`priceCart: no SKU facts for /lines/${i}/skuId (${line.skuId})`);
    const known = byId.get(line.skuId);
    if (known) {
      known.qty += line.qty;
      known.subtotal = known.qty * sku.price;
    } else {
      byId.set(line.skuId, { skuId: line.skuId, sku, qty: line.qty, subtotal: line.qty * sku.price, listed: sku.listed !== false });
    }
  });
  return [...byId.values()];
}

const notEligible = (kind: DiscountKind, name: string, reason: Text, ids: { promotionId?: number; couponCode?: string }): ExplanationStep => ({
  kind,
  ...ids,
  name,
  outcome: 'not-eligible',
  amount: 0,
  reason,
});

/** Splits the lines a scope test accepts into listed ones (indices) and unlisted ones (codes). */
function split(lines: readonly WorkLine[], accepts: (line: WorkLine) => boolean): CandidateBase {
  const result: CandidateBase = { lines: [], unlisted: [] };
  lines.forEach((line, i) => {
    if (!accepts(line)) return;
    if (line.listed) result.lines.push(i);
    else result.unlisted.push(line.sku.code);
  });
  // Sorted, so the explanation reads the same whatever order the cart lists its lines in.
  result.unlisted.sort();
  return result;
}

// Promotions are read afresh for every cart, but their windows are a few strings that repeat:
// parsing them took a fifth of pricing a big cart, so each string is parsed once.
const instants = new Map<string, number>();

function instant(iso: string): number {
  let ms = instants.get(iso);
  if (ms === undefined) {
    if (instants.size >= 10_000) instants.clear();
    ms = Date.parse(iso);
    instants.set(iso, ms);
  }
  return ms;
}

/** A promotion as a candidate, or the step that says why it cannot apply to this cart at all. */
export function promotionCandidate(
  promotion: Promotion,
  lines: readonly WorkLine[],
  scopes: CartScopes,
  skus: ReadonlyMap<number, EngineSku>,
  memberLevel: string | undefined,
  atMs: number,
): PromotionCandidate | ExplanationStep {
  const refuse = (reason: Text) => notEligible(promotion.kind, promotion.name, reason, { promotionId: promotion.id });
  if (promotion.status === 'suspended') return refuse(reasons.suspended(promotion.suspendedReason));
  if (promotion.status !== 'active' || atMs >= instant(promotion.endsAt)) return refuse(reasons.ended());
  if (atMs < instant(promotion.startsAt)) return refuse(reasons.notStarted(promotion.startsAt));
  const rule = promotion.rule;
  let base: CandidateBase;
  let percent = 100;
  let sets = 0;
  if (rule.kind === 'bundle') {
    const missing = rule.skuIds.filter((id) => !skus.has(id) || !scopes.has(id));
    if (missing.length > 0) return refuse(reasons.bundleIncomplete(missing.map((id) => skus.get(id)?.code ?? `#${id}`)));
    base = scopes.forSkus(rule.skuIds);
    if (base.unlisted.length > 0) return refuse(reasons.notListed(base.unlisted));
    sets = Math.min(...base.lines.map((i) => lines[i]!.qty));
  } else {
    base = scopes.forScope(promotion.scope);
    if (base.lines.length === 0) return refuse(base.unlisted.length > 0 ? reasons.notListed(base.unlisted) : reasons.noGoods());
  }
  if (rule.kind === 'percent') percent = rule.percent;
  if (rule.kind === 'member') {
    if (memberLevel === undefined || memberLevel === '') return refuse(reasons.notMember());
    const levelPercent = rule.levels[memberLevel];
    if (levelPercent === undefined) return refuse(reasons.levelNotCovered(memberLevel));
    percent = levelPercent;
  }
  if (rule.kind === 'full-gift' && !skus.has(rule.giftSkuId)) return refuse(reasons.giftUnknown(rule.giftSkuId));
  if (rule.kind === 'full-gift' && promotion.giftsLeft != null && promotion.giftsLeft < rule.qty) return refuse(reasons.giftsOut(skus.get(rule.giftSkuId)!.title));
  if (rule.kind !== promotion.kind) throw new RangeError(`promotion #${promotion.id}: rule kind ${rule.kind} does not match ${promotion.kind}`);
  return { kind: promotion.kind, promotion, percent, sets, level: rule.kind === 'member' ? memberLevel! : null, lines: base.lines, unlisted: base.unlisted };
}

/** The presented coupon as a candidate, or the step that refuses it (every coupon rule but the amounts). */
export function couponCandidate(coupon: Coupon, code: CouponCode, lines: readonly WorkLine[], atMs: number): CouponCandidate | ExplanationStep {
  const refuse = (reason: Text) => notEligible('coupon', coupon.name, reason, { couponCode: code.code });
  if (code.couponId !== coupon.id) return refuse(reasons.couponMismatch());
  if (code.status === 'used') return refuse(reasons.couponUsed(code.orderRef));
  if (code.status === 'expired') return refuse(reasons.couponExpired());
  if (atMs < Date.parse(coupon.validFrom)) return refuse(reasons.couponNotYet(coupon.validFrom));
  if (atMs >= Date.parse(coupon.validUntil) || atMs >= Date.parse(code.expiresAt)) return refuse(reasons.couponExpired());
  const base = split(lines, (l) => coupon.productIds.length === 0 || coupon.productIds.includes(l.sku.productId));
  if (base.lines.length === 0) return refuse(base.unlisted.length > 0 ? reasons.notListed(base.unlisted) : reasons.couponNoGoods());
  return { kind: 'coupon', coupon, code, ...base };
}

/**
 * One candidate per running campaign with a price below the everyday price on a listed line; a
 * line of a product that is not listed keeps its everyday price, as it keeps it under promotions.
 */
export function campaignCandidates(lines: readonly WorkLine[]): CampaignCandidate[] {
  const byCampaign = new Map<number, CampaignCandidate>();
  lines.forEach((line, i) => {
    const campaign = line.sku.campaign;
    if (!campaign || !line.listed || campaign.price >= line.sku.price) return;
    const known = byCampaign.get(campaign.campaignId) ?? { kind: 'campaign', campaignId: campaign.campaignId, name: campaign.name, lines: [], unlisted: [] };
    known.lines.push(i);
    byCampaign.set(campaign.campaignId, known);
  });
  return [...byCampaign.values()].sort((a, b) => a.campaignId - b.campaignId);
}
