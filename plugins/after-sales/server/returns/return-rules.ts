// What a return receipt may say: the pieces inspected, against the pieces the case is about.
import type { CaseKind, CaseState } from '../../shared/case-states.js';

export interface Inspection {
  intact: number;
  damaged: number;
}

export type ReceiptProblem =
  | { kind: 'no-goods-back'; caseKind: CaseKind }
  | { kind: 'not-expecting'; state: CaseState }
  | { kind: 'no-pieces' }
  | { kind: 'too-many'; pieces: number; quantity: number };

/** Goods come back only on a return or an exchange, while the case waits for them. */
export const EXPECTING: ReadonlySet<CaseState> = new Set<CaseState>(['wait-buyer-return', 'wait-seller-confirm']);

/** Why this receipt cannot be taken, or null. */
export function receiptProblem(c: { kind: CaseKind; state: CaseState; quantity: number }, i: Inspection): ReceiptProblem | null {
  if (c.kind !== 'return-refund' && c.kind !== 'exchange') return { kind: 'no-goods-back', caseKind: c.kind };
  if (!EXPECTING.has(c.state)) return { kind: 'not-expecting', state: c.state };
  const pieces = i.intact + i.damaged;
  if (pieces === 0) return { kind: 'no-pieces' };
  if (pieces > c.quantity) return { kind: 'too-many', pieces, quantity: c.quantity };
  return null;
}

/** The lines of `after-sales.return.received`: intact pieces to a bin, damaged ones to 残次库. */
export function returnLines(skuId: number, i: Inspection, locationCode: string | null): { skuId: number; qty: number; defective?: boolean; locationCode?: string }[] {
  const lines: { skuId: number; qty: number; defective?: boolean; locationCode?: string }[] = [];
  if (i.intact > 0) lines.push(locationCode ? { skuId, qty: i.intact, locationCode } : { skuId, qty: i.intact });
  if (i.damaged > 0) lines.push({ skuId, qty: i.damaged, defective: true });
  return lines;
}

/** A scanned code: a tracking number as couriers print it (letters upper-cased, spaces gone). */
export const normalScan = (code: string): string => code.replace(/\s+/g, '').toUpperCase();
