// One pricing step per kind: given the line amounts after the earlier steps, pick the best
// candidate(s) of the kind for the buyer and take their discount off the lines.
import type { AppliedDiscount, DiscountKind } from '../types.js';
import type { CampaignCandidate, Candidate, CouponCandidate, EngineSku, PromotionCandidate, WorkLine } from './candidates.js';
import { divideHalfUp, payPercent, spread } from './money.js';
import { reasons, type Text } from './texts.js';

/** The line amounts as the steps go; `discounts` is kept only for the final, explained run. */
export interface PricingState {
  current: number[];
  discounts: AppliedDiscount[][] | null;
}

export interface CandidateResult {
  candidate: Candidate;
  /** `lost`: eligible, but another candidate of the same kind was better on its lines. */
  outcome: 'applied' | 'lost' | 'not-eligible';
  amount: number;
  reason: Text;
}

export interface StepOutcome {
  amount: number;
  /** The list price of the gift given, which makes one choice better than another at equal totals. */
  giftValue: number;
  gift?: { skuId: number; qty: number; promotionId: number };
  /** Filled only when asked to explain. */
  results: CandidateResult[] | null;
}

export interface StepInput {
  candidates: readonly Candidate[];
  lines: readonly WorkLine[];
  skus: ReadonlyMap<number, EngineSku>;
  state: PricingState;
  /** False to only find out what would apply (for the explanation of a kind left out). */
  apply: boolean;
  explain: boolean;
}

function discountOf(c: Candidate, amount: number): AppliedDiscount {
  if (c.kind === 'coupon') return { kind: 'coupon', couponCode: c.code.code, name: c.coupon.name, amount };
  if (c.kind === 'campaign') return { kind: 'campaign', campaignId: c.campaignId, name: c.name, amount };
  return { kind: c.kind, promotionId: c.promotion.id, name: c.promotion.name, amount };
}

/** Takes `amount` off the candidate's lines in proportion to `weights` (default: current amounts). */
function take(input: StepInput, c: Candidate, amount: number, weights?: number[]): void {
  const { state, lines } = input;
  const caps = c.lines.map((i) => state.current[i]!);
  const shares = spread(amount, weights ?? caps, caps, c.lines.map((i) => lines[i]!.skuId));
  c.lines.forEach((lineIndex, k) => {
    const share = shares[k]!;
    if (share === 0) return;
    state.current[lineIndex] = state.current[lineIndex]! - share;
    state.discounts?.[lineIndex]!.push(discountOf(c, share));
  });
}

const goodsOf = (input: StepInput, c: Candidate) => c.lines.reduce((sum, i) => sum + input.state.current[i]!, 0);

/**
 * `goodsOf` for the candidates of one step, while it has not taken anything off yet: candidates of
 * one scope share their list of lines (a third of a big day's promotions are shop-wide), so each
 * list is added up once.
 */
function goodsCounter(input: StepInput): (c: Candidate) => number {
  const known = new Map<readonly number[], number>();
  return (c) => {
    let goods = known.get(c.lines);
    if (goods === undefined) {
      goods = goodsOf(input, c);
      known.set(c.lines, goods);
    }
    return goods;
  };
}
const byIdThen = (a: PromotionCandidate, b: PromotionCandidate) => a.promotion.id - b.promotion.id;

// Which candidate wins each line does not depend on amounts, so it is worked out once per cart.
const winnersCache = new WeakMap<readonly Candidate[], (PromotionCandidate | undefined)[]>();

function lineWinners(candidates: readonly PromotionCandidate[], lineCount: number): (PromotionCandidate | undefined)[] {
  const cached = winnersCache.get(candidates);
  if (cached) return cached;
  const winner: (PromotionCandidate | undefined)[] = new Array(lineCount).fill(undefined);
  for (const c of candidates) {
    for (const i of c.lines) {
      const w = winner[i];
      if (!w || c.percent < w.percent || (c.percent === w.percent && c.promotion.id < w.promotion.id)) winner[i] = c;
    }
  }
  winnersCache.set(candidates, winner);
  return winner;
}

/** 店内折扣 and 会员折扣: per line the lowest percent wins; the lines are rounded one by one. */
function lineDiscounts(input: StepInput): StepOutcome {
  const { state, lines } = input;
  const candidates = input.candidates as PromotionCandidate[];
  const winner = lineWinners(candidates, lines.length);
  const amounts = input.explain ? new Map<PromotionCandidate, number>() : undefined;
  let total = 0;
  winner.forEach((c, i) => {
    if (!c) return;
    const current = state.current[i]!;
    const off = current - payPercent(current, c.percent);
    amounts?.set(c, (amounts.get(c) ?? 0) + off);
    total += off;
    if (input.apply && off > 0) {
      state.current[i] = current - off;
      state.discounts?.[i]!.push(discountOf(c, off));
    }
  });
  if (!amounts) return { amount: total, giftValue: 0, results: null };
  const results = candidates.map((c): CandidateResult => {
    const amount = amounts.get(c);
    if (amount === undefined) {
      // It won none of its lines: another of its kind is better on each. Named by the lowest id among
      // those winners, so the reason does not change with the order of the cart's lines.
      let better = winner[c.lines[0]!]!;
      for (const i of c.lines) if (winner[i]!.promotion.id < better.promotion.id) better = winner[i]!;
      return { candidate: c, outcome: 'lost', amount: 0, reason: reasons.betterSameKind(c.kind, better.promotion.name) };
    }
    if (amount === 0) return { candidate: c, outcome: 'not-eligible', amount: 0, reason: reasons.nothingLeft() };
    const text = c.kind === 'member' ? reasons.memberApplied(c.level ?? '', c.percent) : reasons.percentApplied(c.percent);
    return { candidate: c, outcome: 'applied', amount, reason: reasons.withUnlisted(text, c.unlisted) };
  });
  return { amount: total, giftValue: 0, results };
}

/** 套餐搭配: the biggest saving first; a line goes into one bundle at most. */
function bundles(input: StepInput): StepOutcome {
  const { state, lines } = input;
  const priced = (input.candidates as PromotionCandidate[]).map((c) => {
    const price = c.promotion.rule.kind === 'bundle' ? c.promotion.rule.price : 0;
    // The part of each line that goes into the sets, at its current amount.
    const weights = c.lines.map((i) => divideHalfUp(state.current[i]! * c.sets, lines[i]!.qty));
    const saving = Math.max(0, weights.reduce((s, w) => s + w, 0) - price * c.sets);
    return { c, price, weights, saving };
  });
  priced.sort((a, b) => b.saving - a.saving || byIdThen(a.c, b.c));
  const taken = new Map<number, PromotionCandidate>();
  // The reasons are written only for the explained run: the trial runs need the amounts alone.
  const results: CandidateResult[] | null = input.explain ? [] : null;
  let total = 0;
  for (const { c, price, weights, saving } of priced) {
    let clash: PromotionCandidate | undefined;
    for (const i of c.lines) if ((clash = taken.get(i))) break;
    if (saving === 0) {
      results?.push({ candidate: c, outcome: 'not-eligible', amount: 0, reason: reasons.bundleNotCheaper() });
    } else if (clash) {
      results?.push({ candidate: c, outcome: 'lost', amount: 0, reason: reasons.bundleTaken(clash.promotion.name) });
    } else {
      for (const i of c.lines) taken.set(i, c);
      total += saving;
      if (input.apply) take(input, c, saving, weights);
      results?.push({ candidate: c, outcome: 'applied', amount: saving, reason: reasons.bundleApplied(c.sets, price) });
    }
  }
  return { amount: total, giftValue: 0, results };
}

/** 满减: the highest tier each candidate reaches; only the one saving most applies. */
function fullReduction(input: StepInput): StepOutcome {
  let best: { c: PromotionCandidate; amount: number } | undefined;
  const reached = new Map<PromotionCandidate, { goods: number; threshold: number; amount: number }>();
  const goodsOfScope = goodsCounter(input);
  for (const c of input.candidates as PromotionCandidate[]) {
    if (c.promotion.rule.kind !== 'full-reduction') continue;
    const goods = goodsOfScope(c);
    let tier: { threshold: number; amount: number } | undefined;
    for (const t of c.promotion.rule.tiers) if (t.threshold <= goods && (!tier || t.threshold > tier.threshold)) tier = t;
    const amount = tier ? Math.min(tier.amount, goods) : 0;
    if (input.explain) reached.set(c, { goods, threshold: tier?.threshold ?? Math.min(...c.promotion.rule.tiers.map((t) => t.threshold)), amount });
    if (amount > 0 && (!best || amount > best.amount || (amount === best.amount && c.promotion.id < best.c.promotion.id))) best = { c, amount };
  }
  if (best && input.apply) take(input, best.c, best.amount);
  const results = !input.explain
    ? null
    : [...reached].map(([c, r]): CandidateResult => {
        if (r.amount === 0) return { candidate: c, outcome: 'not-eligible', amount: 0, reason: reasons.thresholdNotReached(r.threshold, r.goods) };
        if (c !== best!.c) return { candidate: c, outcome: 'lost', amount: 0, reason: reasons.betterSameKind(c.kind, best!.c.promotion.name) };
        return { candidate: c, outcome: 'applied', amount: r.amount, reason: reasons.withUnlisted(reasons.reductionApplied(r.threshold, r.amount), c.unlisted) };
      });
  return { amount: best?.amount ?? 0, giftValue: 0, results };
}

/** 满就送: the most valuable gift among the thresholds reached; the lines keep their amounts. */
function fullGift(input: StepInput): StepOutcome {
  let best: { c: PromotionCandidate; value: number; skuId: number; qty: number } | undefined;
  const goodsBy = new Map<PromotionCandidate, number>();
  const goodsOfScope = goodsCounter(input);
  for (const c of input.candidates as PromotionCandidate[]) {
    const rule = c.promotion.rule;
    if (rule.kind !== 'full-gift') continue;
    const goods = goodsOfScope(c);
    if (input.explain) goodsBy.set(c, goods);
    if (goods < rule.threshold) continue;
    const value = input.skus.get(rule.giftSkuId)!.price * rule.qty;
    if (!best || value > best.value || (value === best.value && c.promotion.id < best.c.promotion.id)) best = { c, value, skuId: rule.giftSkuId, qty: rule.qty };
  }
  const results = !input.explain
    ? null
    : [...goodsBy].map(([c, goods]): CandidateResult => {
        const rule = c.promotion.rule as Extract<PromotionCandidate['promotion']['rule'], { kind: 'full-gift' }>;
        if (goods < rule.threshold) return { candidate: c, outcome: 'not-eligible', amount: 0, reason: reasons.thresholdNotReached(rule.threshold, goods) };
        if (c !== best!.c) return { candidate: c, outcome: 'lost', amount: 0, reason: reasons.betterSameKind(c.kind, best!.c.promotion.name) };
        const gift = input.skus.get(rule.giftSkuId)!;
        return { candidate: c, outcome: 'applied', amount: 0, reason: reasons.withUnlisted(reasons.giftApplied(rule.threshold, gift.title, rule.qty), c.unlisted) };
      });
  const gift = best && { skuId: best.skuId, qty: best.qty, promotionId: best.c.promotion.id };
  return { amount: 0, giftValue: best?.value ?? 0, ...(gift ? { gift } : {}), results };
}

/** 抵价券: at most its face value, never more than its products' goods; the rest is lost. */
function coupon(input: StepInput): StepOutcome {
  const c = input.candidates[0] as CouponCandidate | undefined;
  if (!c) return { amount: 0, giftValue: 0, results: input.explain ? [] : null };
  const goods = goodsOf(input, c);
  const { faceValue, threshold } = c.coupon;
  let result: CandidateResult;
  if (goods < threshold) result = { candidate: c, outcome: 'not-eligible', amount: 0, reason: reasons.couponThreshold(threshold, goods) };
  else if (goods === 0) result = { candidate: c, outcome: 'not-eligible', amount: 0, reason: reasons.nothingLeft() };
  else {
    const amount = Math.min(faceValue, goods);
    const text = amount < faceValue ? reasons.couponNoChange(amount, faceValue - amount) : reasons.couponApplied(amount);
    result = { candidate: c, outcome: 'applied', amount, reason: reasons.withUnlisted(text, c.unlisted) };
    if (input.apply) take(input, c, amount);
  }
  return { amount: result.amount, giftValue: 0, results: input.explain ? [result] : null };
}

/** 活动价: each line of a running campaign at its campaign price, the difference a discount. */
function campaigns(input: StepInput): StepOutcome {
  const { state, lines } = input;
  const results: CandidateResult[] = [];
  let total = 0;
  for (const c of input.candidates as CampaignCandidate[]) {
    let amount = 0;
    const prices: { code: string; price: number; listPrice: number }[] = [];
    for (const i of c.lines) {
      const line = lines[i]!;
      const campaignPrice = line.sku.campaign!.price;
      const off = Math.min(state.current[i]!, (line.sku.price - campaignPrice) * line.qty);
      prices.push({ code: line.sku.code, price: campaignPrice, listPrice: line.sku.price });
      if (off <= 0) continue;
      amount += off;
      if (input.apply) {
        state.current[i] = state.current[i]! - off;
        state.discounts?.[i]!.push(discountOf(c, off));
      }
    }
    total += amount;
    prices.sort((a, b) => a.code.localeCompare(b.code));
    results.push(
      amount > 0
        ? { candidate: c, outcome: 'applied', amount, reason: reasons.campaignApplied(prices) }
        : { candidate: c, outcome: 'not-eligible', amount: 0, reason: reasons.nothingLeft() },
    );
  }
  return { amount: total, giftValue: 0, results: input.explain ? results : null };
}

export const STEPS: Record<DiscountKind, (input: StepInput) => StepOutcome> = {
  campaign: campaigns,
  bundle: bundles,
  member: lineDiscounts,
  percent: lineDiscounts,
  'full-reduction': fullReduction,
  'full-gift': fullGift,
  coupon,
};
