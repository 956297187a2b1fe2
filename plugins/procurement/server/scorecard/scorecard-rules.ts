// The scorecard's rule, as pure functions: points per breach from the settings, the standing the
// points put a supplier in, the fix-by date, and why — in both languages, for the clerk and for the
// purchase order that is held back.
import type { Supplier } from '../model.js';
import type { ScorecardSettings } from '../settings.js';

export type Standing = Supplier['standing'];
type Text = { 'zh-CN': string; en: string };

/** Where a supplier stands after a change of points. */
export interface StandingStep {
  pointsBefore: number;
  points: number;
  standingBefore: Standing;
  standing: Standing;
  fixBy: string | null;
  /** What the points mean, with the thresholds behind it. */
  explanation: Text;
}

/** The standing the points alone give; an ended supplier stays ended until someone starts it again. */
export function standingFor(points: number, before: Standing, rules: Pick<ScorecardSettings, 'approvalAt' | 'endAt'>): Standing {
  if (before === 'ended' || points >= rules.endAt) return 'ended';
  return points >= rules.approvalAt ? 'approval' : 'active';
}

/** `day` (`YYYY-MM-DD`) plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A breach of `points` on a supplier now at `before`: the new figures. The fix-by date is set once,
 * on first reaching the approval threshold (`today` + fixDays), and kept while the points stay there.
 */
export function afterBreach(before: { points: number; standing: Standing; fixBy: string | null }, points: number, today: string, rules: ScorecardSettings): StandingStep {
  const total = before.points + points;
  const standing = standingFor(total, before.standing, rules);
  const fixBy = standing === 'approval' ? (before.fixBy ?? addDays(today, rules.fixDays)) : standing === 'ended' ? before.fixBy : null;
  return { pointsBefore: before.points, points: total, standingBefore: before.standing, standing, fixBy, explanation: explainStanding(total, standing, fixBy, rules) };
}

/** Why a supplier stands where it does, naming the points and the thresholds. */
export function explainStanding(points: number, standing: Standing, fixBy: string | null, rules: Pick<ScorecardSettings, 'approvalAt' | 'endAt'>): Text {
  if (standing === 'ended') {
    return points >= rules.endAt
      ? { 'zh-CN': `今年已扣 ${points} 分，达到 ${rules.endAt} 分：终止合作，不再下新订单`, en: `${points} points this year, at or over ${rules.endAt}: the supplier is ended and gets no new orders` }
      : { 'zh-CN': `已终止合作（曾扣满 ${rules.endAt} 分），不再下新订单；今年 ${points} 分`, en: `Ended (it once reached ${rules.endAt} points): no new orders; ${points} points this year` };
  }
  if (standing === 'approval') {
    return {
      'zh-CN': `今年已扣 ${points} 分，达到 ${rules.approvalAt} 分：新订单须店长批准，须在 ${fixBy ?? '—'} 前整改；满 ${rules.endAt} 分终止合作`,
      en: `${points} points this year, at or over ${rules.approvalAt}: new orders need the owner's approval, problems to be fixed by ${fixBy ?? '—'}; ${rules.endAt} points end the supplier`,
    };
  }
  return {
    'zh-CN': `今年已扣 ${points} 分，未到 ${rules.approvalAt} 分：可以正常下单`,
    en: `${points} points this year, under ${rules.approvalAt}: orders as usual`,
  };
}

/** May the supplier get a new purchase order, and if not freely, why. */
export interface OrderGate {
  /** A new order may be made at all. */
  allowed: boolean;
  /** It may, but only once the owner (店长) approves it. */
  needsOwnerApproval: boolean;
  points: number;
  standing: Standing;
  fixBy: string | null;
  reason: Text;
}

export function orderGate(supplier: Pick<Supplier, 'points' | 'standing' | 'fixBy'>, rules: Pick<ScorecardSettings, 'approvalAt' | 'endAt'>): OrderGate {
  return {
    allowed: supplier.standing !== 'ended',
    needsOwnerApproval: supplier.standing === 'approval',
    points: supplier.points,
    standing: supplier.standing,
    fixBy: supplier.fixBy,
    reason: explainStanding(supplier.points, supplier.standing, supplier.fixBy, rules),
  };
}

/**
 * The scorecard year a reset at `now` (shop time) closes: the run on 31 December closes that year;
 * a late run (the workbench was off) on a later day closes the year before.
 */
export function resetCutoff(now: string): string {
  const day = now.slice(0, 10);
  const offset = now.slice(-6);
  const year = day.endsWith('-12-31') ? Number(day.slice(0, 4)) : Number(day.slice(0, 4)) - 1;
  const end = `${year}-12-31T23:59:59.999${offset}`;
  return now < end ? now : end;
}
