// The pricing engine: pure, no I/O. The shop's promotions apply in the stacking policy's order,
// each on the amounts the earlier ones left, so a discount on the items is never given up to reach
// a later threshold. The one choice is the buyer's: the coupon, against the promotions it does not
// combine with — the engine prices both and keeps the cheaper. Every promotion it was given is
// explained.
import type { CartInput, Coupon, CouponCode, DiscountKind, ExplanationStep, PricedLine, PriceResult, Promotion, StackingPolicy } from '../types.js';
import { CartScopes } from './cart-scopes.js';
import { campaignCandidates, couponCandidate, promotionCandidate, workLines, type Candidate, type EngineSku, type WorkLine } from './candidates.js';
import { STEPS, type CandidateResult, type PricingState } from './kind-steps.js';
import { combinableTest, fullOrder } from './policy.js';
import { reasons } from './texts.js';

export type { EngineSku } from './candidates.js';

export interface PriceCartInput {
  cart: CartInput;
  /** Every SKU in cart.lines and every gift SKU; `price` is the everyday price, `campaign` a running campaign's. */
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
  kinds: ReadonlySet<DiscountKind>;
  total: number;
  giftValue: number;
  applied: DiscountKind[];
  state: PricingState;
  gifts: PriceResult['gifts'];
  steps: ExplanationStep[];
}

/**
 * Prices a cart: the lines at their everyday prices, then the campaign price and the promotions in
 * the policy's order — of two that cannot combine, the one better for the buyer where the second
 * comes in — then the coupon if that is cheaper. Σ line totals = total − shipping; every campaign,
 * promotion and the coupon get one explanation step.
 */
export function priceCart(input: PriceCartInput): PriceResult {
  const atMs = Date.parse(input.at);
  const lines = workLines(input.cart, input.skus);
  const order = fullOrder(input.policy);
  const combinable = combinableTest(input.policy);
  const fixedSteps: ExplanationStep[] = [];
  const byKind = new Map<DiscountKind, Candidate[]>();
  const add = (c: Candidate | ExplanationStep) => {
    if ('outcome' in c) fixedSteps.push(c);
    else {
      const known = byKind.get(c.kind);
      if (known) known.push(c);
      else byKind.set(c.kind, [c]);
    }
  };
  const scopes = new CartScopes(lines);
  for (const c of campaignCandidates(lines)) add(c);
  for (const p of input.promotions) add(promotionCandidate(p, lines, scopes, input.skus, input.cart.memberLevel, atMs));
  if (input.coupon) add(couponCandidate(input.coupon.coupon, input.coupon.code, lines, atMs));

  const tried = new Map<string, Run>();
  const present = order.filter((k) => byKind.has(k));
  let best = settle(present.filter((k) => k !== 'coupon'), []);
  if (byKind.has('coupon')) {
    const withCoupon = settle(present.filter((k) => combinable(k, 'coupon')), ['coupon']);
    if (better(withCoupon, best)) best = withCoupon;
  }
  const chosen = evaluate(best.kinds, true, best.applied);
  return result(chosen);

  /**
   * Walks the kinds in order, each priced on what the kinds taken so far left. A kind that changes
   * nothing is left out (and blocks nothing); one that cannot combine with kinds already taken
   * replaces them only when that is better for the buyer at this point of the order, so what comes
   * later (a threshold) never decides it. `forced` (the coupon) stays in.
   */
  function settle(kinds: readonly DiscountKind[], forced: readonly DiscountKind[]): Run {
    let taken = new Set<DiscountKind>(forced);
    const upTo = (set: Iterable<DiscountKind>, kind: DiscountKind) => new Set([...set].filter((k) => order.indexOf(k) <= order.indexOf(kind)));
    for (const kind of kinds) {
      if (taken.has(kind)) continue;
      const conflicts = [...taken].filter((k) => !combinable(k, kind));
      const trial = new Set([...taken].filter((k) => !conflicts.includes(k)).concat(kind));
      const withKind = tryKinds(upTo(trial, kind));
      if (!withKind.applied.includes(kind)) continue;
      if (conflicts.length === 0 || better(withKind, tryKinds(upTo(taken, kind)))) taken = trial;
    }
    return tryKinds(taken);
  }

  /**
   * A set of kinds priced without explaining; the walk asks for the same set more than once (a
   * kind against the one it would replace, the coupon's walk after the plain one), so each set is
   * priced once per cart.
   */
  function tryKinds(kinds: ReadonlySet<DiscountKind>): Run {
    const key = order.filter((k) => kinds.has(k)).join('+');
    let run = tried.get(key);
    if (!run) {
      run = evaluate(kinds, false, []);
      tried.set(key, run);
    }
    return run;
  }

  function evaluate(kinds: ReadonlySet<DiscountKind>, explain: boolean, finalApplied: readonly DiscountKind[]): Run {
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
    const explanation = [...fixedSteps, ...run.steps].sort((a, b) => rank(a) - rank(b) || (a.promotionId ?? a.campaignId ?? 0) - (b.promotionId ?? b.campaignId ?? 0));
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

function stepOf(r: CandidateResult, inSet: boolean, conflicts: readonly DiscountKind[]): ExplanationStep {
  const c = r.candidate;
  let outcome: ExplanationStep['outcome'] = r.outcome === 'lost' ? 'refused' : r.outcome;
  let reason = r.reason;
  if (!inSet && r.outcome !== 'not-eligible') {
    outcome = 'refused';
    reason = conflicts.length === 0 ? reasons.notWorthIt() : c.kind === 'coupon' ? reasons.couponConflicts(conflicts) : reasons.conflicts(conflicts);
  }
  const amount = outcome === 'applied' ? r.amount : 0;
  if (c.kind === 'coupon') return { kind: 'coupon', couponCode: c.code.code, name: c.coupon.name, outcome, amount, reason };
  if (c.kind === 'campaign') return { kind: 'campaign', campaignId: c.campaignId, name: c.name, outcome, amount, reason };
  return { kind: c.kind, promotionId: c.promotion.id, name: c.promotion.name, outcome, amount, reason };
}
