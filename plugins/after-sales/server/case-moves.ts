// Moving a case between states, and what a move to a final state sends to staff-rules.
import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { FINAL_STATES, moveProblem, type CaseState } from '../shared/case-states.js';
import type { Case, PersonRef } from './case-record.js';
import { caseNo } from './case-record.js';
import { moveRefused } from './case-errors.js';
import { caseStore } from './case-store.js';

/** Payload of `after-sales.case.closed`, exactly as staff-rules reads it (its server/model.ts). */
export interface CaseClosed {
  caseId: string;
  orderNo: string;
  responsible: ({ staffId: number } | { code: string })[];
  mistake: 'cs-remark' | 'label' | 'wrong-pack' | 'defect-missed' | null;
  equipmentFault?: boolean;
  returnShippingFen: number;
  closedAt: string;
}

/** The seller's deadline applies while the case waits for the seller to answer. */
export function dueAtFor(ctx: PluginContext, state: CaseState, answerDays: number, from: string): string | null {
  return state === 'wait-seller-agree' ? ctx.shopTime(Date.parse(from) + answerDays * 86_400_000) : null;
}

/**
 * Moves the case to `to`. A clerk's move must be one the platform allows (`force` is the import,
 * which reports what Taobao already did). Reaching a final state closes the case and emits
 * `after-sales.case.closed`, in the same transaction.
 */
export async function moveCase(
  ctx: PluginContext, tx: Transaction, c: Case, to: CaseState,
  o: { by: PersonRef; note: string; answerDays: number; force?: boolean; platformRefund?: string | null },
): Promise<void> {
  if (!o.force) {
    const problem = moveProblem(c.kind, c.state, to);
    if (problem) throw moveRefused(problem, c.caseNo);
  }
  const at = ctx.now();
  const closedAt = FINAL_STATES.has(to) ? at : null;
  await caseStore(tx).move(c.id, { from: c.state, to, dueAt: dueAtFor(ctx, to, o.answerDays, at), closedAt, platformRefund: o.platformRefund ?? null, note: o.note, by: o.by, at });
  const payload = closedAt ? closedPayload(c, closedAt) : undefined;
  if (payload) await ctx.events.emit('after-sales.case.closed', payload);
}

/**
 * What staff-rules is told when a case closes: only a shop mistake that names someone it can find
 * (by staff id or 工号) — its payload needs at least one person, and nobody else's case is priced.
 */
export function closedPayload(c: Case, closedAt: string): CaseClosed | undefined {
  const r = c.responsibility;
  if (r?.party !== 'shop' || !r.mistake) return undefined;
  const payload: CaseClosed = {
    caseId: caseNo(c.id),
    orderNo: c.orderNo,
    responsible: r.responsible.flatMap((p): CaseClosed['responsible'] => (p.staffId !== undefined ? [{ staffId: p.staffId }] : p.code !== undefined ? [{ code: p.code }] : [])),
    mistake: r.mistake,
    returnShippingFen: r.returnShippingFen,
    closedAt,
  };
  if (r.equipmentFault) payload.equipmentFault = true;
  return payload.responsible.length ? payload : undefined;
}
