// The rules of a buyer's review: how its rating is spelled, when a 中差评 must be worked by, and
// whom it praises by name. Pure: the routes bring the staff list and the settings.

/** 好评, 中评, 差评. */
export type Rating = 'good' | 'neutral' | 'bad';

/** A 中差评 is worked until the buyer changes it (`changed`) or the owner closes it (`closed`). */
export type WorkState = 'open' | 'changed' | 'closed';

const RATING_WORDS: Record<string, Rating> = {
  好评: 'good', 好: 'good', good: 'good', positive: 'good',
  中评: 'neutral', 中: 'neutral', normal: 'neutral', neutral: 'neutral',
  差评: 'bad', 差: 'bad', bad: 'bad', negative: 'bad',
};

/** `好评` / `GOOD` / ` Bad ` → the rating; undefined for anything else. */
export function readRating(cell: string): Rating | undefined {
  return RATING_WORDS[cell.trim().toLowerCase()];
}

/** Only 中评 and 差评 are worked; a 好评 needs at most a reply. */
export const needsWork = (rating: Rating): boolean => rating !== 'good';

/** The day a 中差评 must be resolved by: `days` after the day it was written (shop days). */
export function workDueOn(reviewedOn: string, days: number): string {
  const d = new Date(`${reviewedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `2026-11-20`, `2026/11/20 12:03:04`, `2026.1.5` → `YYYY-MM-DD`; undefined when it is not a real day. */
export function readReviewDay(cell: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(cell.trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}

/** Someone a review could name. */
export interface Praisable {
  id: number;
  code: string;
  name: string;
}

// Full-width digits, as a phone keyboard writes them: ７号客服.
const halfWidth = (text: string) => text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
// 7号客服, 客服7号, 客服小7 is not a code; 工号7 / 工号 07.
const CODE_PATTERNS = [/(\d+)\s*号\s*客服/g, /客服\s*(\d+)\s*号/g, /工号\s*[:：]?\s*(\d+)/g];
const sameCode = (a: string, b: string) => a === b || (/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b));

/**
 * The people a good review praises: by full name (two characters or more, so a one-character
 * nickname does not match every review) or by 工号 as buyers write it (“7号客服”, “客服7号”).
 * Only a 好评 praises; each person once, in staff-list order.
 */
export function praisedStaff(rating: Rating, text: string, staff: readonly Praisable[]): Praisable[] {
  if (rating !== 'good') return [];
  const body = halfWidth(text);
  const codes: string[] = [];
  for (const pattern of CODE_PATTERNS) for (const m of body.matchAll(pattern)) codes.push(m[1]!);
  return staff.filter((s) => (s.name.length >= 2 && body.includes(s.name)) || codes.some((c) => sameCode(c, s.code)));
}
