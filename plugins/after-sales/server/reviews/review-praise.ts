import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { praisedStaff, type Praisable } from './review-rules.js';
import { reviewStore, type Review } from './review-store.js';

/** What after-sales reads of staff-rules' `staff` service (optional: no staff-rules, no praise). */
interface StaffList {
  list(options?: { includeLeft?: boolean }): Promise<{ id: number; code: string; name: string; leftOn: string | null }[]>;
}

/** The staff list when staff-rules runs, else empty. */
export async function praisableStaff(ctx: PluginContext): Promise<Praisable[]> {
  const staff = ctx.services.optional<StaffList>('staff');
  return staff ? (await staff.list()).map(({ id, code, name }) => ({ id, code, name })) : [];
}

/**
 * Records each person the review praises and tells staff-rules once per person and review
 * (`after-sales.review.praised`), in the caller's transaction: the reward and the review commit
 * together. The event's reviewId names the review and the person, since staff-rules rewards once
 * per reviewId and one review may praise two people.
 */
export async function recordPraise(ctx: PluginContext, tx: Transaction, review: Review, people: readonly Praisable[]): Promise<void> {
  const at = ctx.now();
  for (const p of people) {
    if (!(await reviewStore(tx).praise(review.id, { staffId: p.id, code: p.code, name: p.name }, at))) continue;
    await ctx.events.emit('after-sales.review.praised', { reviewId: `R${review.id}-${p.id}`, orderNo: review.orderNo, staff: { staffId: p.id }, praisedAt: at });
  }
}

/** The people a new review's text praises, recorded. */
export async function praiseFromText(ctx: PluginContext, tx: Transaction, review: Review, staff: readonly Praisable[]): Promise<void> {
  await recordPraise(ctx, tx, review, praisedStaff(review.rating, review.text, staff));
}
