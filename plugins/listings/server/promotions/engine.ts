// The pricing engine: pure, no I/O. It tries every set of kinds the stacking policy allows
// together, prices the cart under each in the policy's order, keeps the cheapest for the buyer and
// explains every promotion it was given.
import type { CartInput, Coupon, CouponCode, ExplanationStep, PricedLine, PriceResult, Promotion, PromotionKind, StackingPolicy } from '../types.js';
import { couponCandidate, promotionCandidate, workLines, type Candidate, type EngineSku, type WorkLine } from './candidates.js';
import { STEPS, type CandidateResult, type PricingState } from './kind-steps.js';
import { combinableTest, fullOrder } from './policy.js';
import { reasons } from './texts.js';

export type { EngineSku } from './candidates.js';

export interface PriceCartInput {
  cart: CartInput;
  /** Every SKU in cart.lines and every gift SKU; `price` is the unit price to use. */
  skus: ReadonlyMap<number, EngineSku>;
  /** Candidates; the engine checks status, time window and scope itself. */
  promotions: readonly Promotion[];
  /** The coupon the buyer presents, if any; the engine checks every coupon rule. */
  coupon?: { coupon: Coupon; code: CouponCode };
  policy: StackingPolicy;
  /** ISO instant to price at. */
  at: string;
}

interface Run {
  kinds: ReadonlySet<PromotionKind>;
  total: number;
  giftValue: number;
  applied: PromotionKind[];
  state: PricingState;
  gifts: PriceResult['gifts'];
  steps: ExplanationStep[];
}

/**
 * Prices a cart: the lines at their SKU prices, then the discounts the policy lets apply together,
 * choosing the combination cheapest for the buyer. Σ line totals = total − shipping; every promotion
 * and the coupon get one explanation step.
 */
export function priceCart(input: PriceCartInput): PriceResult {
  const atMs = Date.parse(input.at);
  const lines = workLines(input.cart, input.skus);
  const order = fullOrder(input.policy);
  const combinable = combinableTest(input.policy);
  const fixedSteps: ExplanationStep[] = [];
  const byKind = new Map<PromotionKind, Candidate[]>();
  const add = (c: Candidate | ExplanationStep) => {
    if ('outcome' in c) fixedSteps.push(c);
    else byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  };
  for (const p of input.promotions) add(promotionCandidate(p, lines, input.skus, input.cart.memberLevel, atMs));
  if (input.coupon) add(couponCandidate(input.coupon.coupon, input.coupon.code, lines, atMs));

  const present = order.filter((k) => byKind.has(k));
  let best: Run | undefined;
  for (let mask = 0; mask < 1 << present.length; mask++) {
    const kinds = present.filter((_, i) => mask & (1 << i));
    if (!kinds.every((a, i) => kinds.slice(i + 1).every((b) => combinable(a, b)))) continue;
    const run = evaluate(new Set(kinds), false, []);
    if (!best || better(run, best)) best = run;
  }
  const chosen = evaluate(best?.kinds ?? new Set(), true, best?.applied ?? []);
  return result(chosen);

  function evaluate(kinds: ReadonlySet<PromotionKind>, explain: boolean, finalApplied: readonly PromotionKind[]): Run {
    const state: PricingState = { current: lines.map((l) => l.subtotal), discounts: explain ? lines.map(() => []) : null };
    const run: Run = { kinds, total: 0, giftValue: 0, applied: [], state, gifts: [], steps: [] };
    for (const kind of order) {
      const candidates = byKind.get(kind);
      const inSet = kinds.has(kind);
      if (!candidates || (!inSet && !explain)) continue;
      const out = STEPS[kind]({ candidates, lines, skus: input.skus, state, apply: inSet, explain });
      if (inSet) {
        if (out.amount > 0 || out.gift) run.applied.push(kind);
        if (out.gift) run.gifts.push(out.gift);
        run.giftValue += out.giftValue;
      }
      const conflicts = finalApplied.filter((k) => !combinable(kind, k));
      for (const r of out.results ?? []) run.steps.push(stepOf(r, inSet, conflicts));
    }
    run.total = state.current.reduce((s, v) => s + v, 0);
    return run;
  }

  function result(run: Run): PriceResult {
    const priced: PricedLine[] = lines.map((line: WorkLine, i) => ({
      skuId: line.skuId,
      code: line.sku.code,
      title: line.sku.title,
      qty: line.qty,
      unitPrice: line.sku.price,
      subtotal: line.subtotal,
      discounts: run.state.discounts![i]!,
      total: run.state.current[i]!,
      cost: line.sku.cost * line.qty,
    }));
    const goodsTotal = lines.reduce((s, l) => s + l.subtotal, 0);
    const shipping = input.cart.shipping ?? 0;
    const giftCost = run.gifts.reduce((s, g) => s + input.skus.get(g.skuId)!.cost * g.qty, 0);
    const costTotal = priced.reduce((s, l) => s + l.cost, 0) + giftCost;
    const rank = (s: ExplanationStep) => order.indexOf(s.kind);
    const explanation = [...fixedSteps, ...run.steps].sort((a, b) => rank(a) - rank(b) || (a.promotionId ?? 0) - (b.promotionId ?? 0));
    return {
      lines: priced,
      gifts: run.gifts,
      goodsTotal,
      discountTotal: goodsTotal - run.total,
      shipping,
      total: run.total + shipping,
      costTotal,
      belowCost: run.total < costTotal,
      explanation,
    };
  }
}

/** Cheaper wins; then the bigger gift; then keeping the coupon for another day; then fewer kinds. */
function better(a: Run, b: Run): boolean {
  if (a.total !== b.total) return a.total < b.total;
  if (a.giftValue !== b.giftValue) return a.giftValue > b.giftValue;
  const aCoupon = a.applied.includes('coupon');
  const bCoupon = b.applied.includes('coupon');
  if (aCoupon !== bCoupon) return !aCoupon;
  return a.applied.length < b.applied.length;
}

function stepOf(r: CandidateResult, inSet: boolean, conflicts: readonly PromotionKind[]): ExplanationStep {
  const c = r.candidate;
  let outcome: ExplanationStep['outcome'] = r.outcome === 'lost' ? 'refused' : r.outcome;
  let reason = r.reason;
  if (!inSet && r.outcome !== 'not-eligible') {
    outcome = 'refused';
    reason = conflicts.length === 0 ? reasons.notWorthIt() : c.kind === 'coupon' ? reasons.couponConflicts(conflicts) : reasons.conflicts(conflicts);
  }
  const amount = outcome === 'applied' ? r.amount : 0;
  return c.kind === 'coupon'
    ? { kind: 'coupon', couponCode: c.code.code, name: c.coupon.name, outcome, amount, reason }
    : { kind: c.kind, promotionId: c.promotion.id, name: c.promotion.name, outcome, amount, reason };
}
