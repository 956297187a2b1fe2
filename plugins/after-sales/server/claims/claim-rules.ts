// A claim against the courier for a parcel lost, damaged or confiscated: its steps, who may open
// one, and how it ends. Pure, shared by the routes and their messages.
import type { Bilingual } from '../../shared/case-states.js';

export type ClaimKind = 'lost' | 'damaged' | 'confiscated';
export const CLAIM_KINDS: readonly ClaimKind[] = ['lost', 'damaged', 'confiscated'];
export type ClaimOffer = 'refund' | 'exchange' | 'gift';
export const CLAIM_OFFERS: readonly ClaimOffer[] = ['refund', 'exchange', 'gift'];
export type ClaimState = 'claimed' | 'paid' | 'refused';

/** The procedure, in the order it is done. */
export type ClaimStep = 'recorded' | 'compared' | 'called' | 'located' | 'told';
export const CLAIM_STEPS: readonly ClaimStep[] = ['recorded', 'compared', 'called', 'located', 'told'];
export const STEP_NAMES: Record<ClaimStep, Bilingual> = {
  recorded: { 'zh-CN': '登记问题件', en: 'Problem parcel recorded' },
  compared: { 'zh-CN': '核对地址与运单', en: 'Address and waybill compared' },
  called: { 'zh-CN': '联系快递', en: 'Courier called' },
  located: { 'zh-CN': '记下包裹所在', en: "Parcel's whereabouts noted" },
  told: { 'zh-CN': '告知顾客', en: 'Customer told' },
};

export type ClaimProblem =
  | { kind: 'not-courier' }
  | { kind: 'already' }
  | { kind: 'offer-needed' }
  | { kind: 'offer-not-confiscated' }
  | { kind: 'decided'; state: ClaimState }
  | { kind: 'step-done'; step: ClaimStep }
  | { kind: 'paid-needs'; }
  | { kind: 'paid-over'; claimed: number; paid: number };

/** A claim is made on a case whose responsibility was decided the courier's, once; confiscated goods need the offer made to the buyer. */
export function openProblem(party: string | undefined, exists: boolean, kind: ClaimKind, offer: ClaimOffer | undefined): ClaimProblem | undefined {
  if (party !== 'courier') return { kind: 'not-courier' };
  if (exists) return { kind: 'already' };
  if (kind === 'confiscated' && !offer) return { kind: 'offer-needed' };
  if (kind !== 'confiscated' && offer) return { kind: 'offer-not-confiscated' };
  return undefined;
}

export function stepProblem(state: ClaimState, done: readonly ClaimStep[], step: ClaimStep): ClaimProblem | undefined {
  if (state !== 'claimed') return { kind: 'decided', state };
  if (done.includes(step)) return { kind: 'step-done', step };
  return undefined;
}

/** Paid needs the amount and the day, never more than claimed; refused needs neither. Once only. */
export function outcomeProblem(state: ClaimState, claimed: number, outcome: { state: 'paid' | 'refused'; amountPaid?: number; paidOn?: string }): ClaimProblem | undefined {
  if (state !== 'claimed') return { kind: 'decided', state };
  if (outcome.state === 'paid') {
    if (!outcome.amountPaid || !outcome.paidOn) return { kind: 'paid-needs' };
    if (outcome.amountPaid > claimed) return { kind: 'paid-over', claimed, paid: outcome.amountPaid };
  }
  return undefined;
}
