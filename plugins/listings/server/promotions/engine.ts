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
import { reasons, type Text } from './texts.js';

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

/** A set of kinds priced: what the walk compares. */
interface Run {
  kinds: ReadonlySet<DiscountKind>;
  total: number;
  giftValue: number;
  applied: readonly DiscountKind[];
}

/** The set priced again with every step explained: what the answer is built from. */
interface ExplainedRun extends Run {
  state: PricingState;
  gifts: PriceResult['gifts'];
  steps: ExplanationStep[];
}

/**
 * The amounts after the kinds of a set up to some point of the order, and what applied so far.
 * Shared between runs, so never changed once made.
 */
interface Prefix {
  current: readonly number[];
  total: number;
  applied: readonly DiscountKind[];
  gifts: PriceResult['gifts'];
  giftValue: number;
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

  // Each kind's step sees only the amounts the kinds before it left, so the sets the walk tries
  // share their beginnings ({member}, {member, 满减}, {member, 满减, 满就送}): each beginning is
  // priced once per cart and the longer sets start from it.
  const prefixes = new Map<string, Prefix>();
  const subtotals = lines.map((l) => l.subtotal);
  const start: Prefix = { current: subtotals, total: sum(subtotals), applied: [], gifts: [], giftValue: 0 };
  const rank = new Map(order.map((k, i) => [k, i]));
  const present = order.filter((k) => byKind.has(k));
  let best = settle(present.filter((k) => k !== 'coupon'), []);
  if (byKind.has('coupon')) {
    const withCoupon = settle(present.filter((k) => combinable(k, 'coupon')), ['coupon']);
    if (better(withCoupon, best)) best = withCoupon;
  }
  return result(explained(best.kinds, best.applied));

  /**
   * Walks the kinds in order, each priced on what the kinds taken so far left. A kind that changes
   * nothing is left out (and blocks nothing); one that cannot combine with kinds already taken
   * replaces them only when that is better for the buyer at this point of the order, so what comes
   * later (a threshold) never decides it. `forced` (the coupon) stays in.
   */
  function settle(kinds: readonly DiscountKind[], forced: readonly DiscountKind[]): Run {
    let taken = new Set<DiscountKind>(forced);
    const upTo = (set: Iterable<DiscountKind>, kind: DiscountKind) => new Set([...set].filter((k) => rank.get(k)! <= rank.get(kind)!));
    for (const kind of kinds) {
      if (taken.has(kind)) continue;
      const conflicts = [...taken].filter((k) => !combinable(k, kind));
      const trial = new Set([...taken].filter((k) => !conflicts.includes(k)).concat(kind));
      const withKind = priced(upTo(trial, kind));
      if (!withKind.applied.includes(kind)) continue;
      if (conflicts.length === 0 || better(withKind, priced(upTo(taken, kind)))) taken = trial;
    }
    return priced(taken);
  }

  /** A set of kinds priced without explaining, from the longest beginning already priced. */
  function priced(kinds: ReadonlySet<DiscountKind>): Run {
    let at = start;
    let key = '';
    for (const kind of order) {
      const candidates = byKind.get(kind);
      if (!candidates || !kinds.has(kind)) continue;
      key += `+${kind}`;
      let next = prefixes.get(key);
      if (!next) {
        const state: PricingState = { current: at.current.slice(), discounts: null };
        const out = STEPS[kind]({ candidates, lines, skus: input.skus, state, apply: true, explain: false });
        next = {
          current: state.current,
          total: sum(state.current),
          applied: out.amount > 0 || out.gift ? [...at.applied, kind] : at.applied,
          gifts: out.gift ? [...at.gifts, out.gift] : at.gifts,
          giftValue: at.giftValue + out.giftValue,
        };
        prefixes.set(key, next);
      }
      at = next;
    }
    return { kinds, total: at.total, giftValue: at.giftValue, applied: at.applied };
  }

  /**
   * The chosen set priced once more, every kind's candidates explained: those of kinds left out
   * are looked at on the amounts at their point of the order, without taking anything off.
   */
  function explained(kinds: ReadonlySet<DiscountKind>, finalApplied: readonly DiscountKind[]): ExplainedRun {
    const state: PricingState = { current: subtotals.slice(), discounts: lines.map(() => []) };
    const run: ExplainedRun = { kinds, total: 0, giftValue: 0, applied: [], state, gifts: [], steps: [] };
    const applied: DiscountKind[] = [];
    for (const kind of order) {
      const candidates = byKind.get(kind);
      if (!candidates) continue;
      const inSet = kinds.has(kind);
      const out = STEPS[kind]({ candidates, lines, skus: input.skus, state, apply: inSet, explain: true });
      if (inSet) {
        if (out.amount > 0 || out.gift) applied.push(kind);
        if (out.gift) run.gifts.push(out.gift);
        run.giftValue += out.giftValue;
      }
      // Every candidate of a kind left out is refused for the same reason, worded once.
      let refused: Text | undefined;
      for (const r of out.results ?? []) {
        if (!inSet && r.outcome !== 'not-eligible') refused ??= refusal(kind, finalApplied.filter((k) => !combinable(kind, k)));
        run.steps.push(stepOf(r, inSet, refused));
      }
    }
    run.applied = applied;
    run.total = sum(state.current);
    return run;
  }

  function result(run: ExplainedRun): PriceResult {
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
    const explanation = inExplanationOrder([...fixedSteps, ...run.steps], rank);
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

/**
 * The steps by kind in the policy's order, then by promotion or campaign id, equal ones as they
 * came. The ids are read once: comparing steps of several shapes read them slowly.
 */
function inExplanationOrder(steps: readonly ExplanationStep[], rank: ReadonlyMap<DiscountKind, number>): ExplanationStep[] {
  const ranks = steps.map((s) => rank.get(s.kind)!);
  const ids = steps.map((s) => s.promotionId ?? s.campaignId ?? 0);
  const at = steps.map((_, i) => i);
  at.sort((a, b) => ranks[a]! - ranks[b]! || ids[a]! - ids[b]! || a - b);
  return at.map((i) => steps[i]!);
}

const sum = (values: readonly number[]) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** Why a candidate of a kind left out of the chosen set was refused. */
function refusal(kind: DiscountKind, conflicts: readonly DiscountKind[]): Text {
  if (conflicts.length === 0) return reasons.notWorthIt();
  return kind === 'coupon' ? reasons.couponConflicts(conflicts) : reasons.conflicts(conflicts);
}

/** `refused`: the reason for a candidate of a kind left out that could have applied. */
function stepOf(r: CandidateResult, inSet: boolean, refused: Text | undefined): ExplanationStep {
  const c = r.candidate;
  let outcome: ExplanationStep['outcome'] = r.outcome === 'lost' ? 'refused' : r.outcome;
  let reason = r.reason;
  if (!inSet && r.outcome !== 'not-eligible') {
    outcome = 'refused';
    reason = { ...refused! };
  }
  const amount = outcome === 'applied' ? r.amount : 0;
  if (c.kind === 'coupon') return { kind: 'coupon', couponCode: c.code.code, name: c.coupon.name, outcome, amount, reason };
  if (c.kind === 'campaign') return { kind: 'campaign', campaignId: c.campaignId, name: c.name, outcome, amount, reason };
  return { kind: c.kind, promotionId: c.promotion.id, name: c.promotion.name, outcome, amount, reason };
}
