// The case kinds and states, named as on Taobao, and which move is allowed from where. Pure and
// shared: the server enforces the moves, the browser offers only these.

export type Bilingual = { 'zh-CN': string; en: string };

export type CaseKind = 'refund-only' | 'return-refund' | 'exchange' | 'reship';
export const CASE_KINDS: readonly CaseKind[] = ['refund-only', 'return-refund', 'exchange', 'reship'];
export const KIND_NAMES: Record<CaseKind, Bilingual> = {
  'refund-only': { 'zh-CN': '仅退款', en: 'Refund only' },
  'return-refund': { 'zh-CN': '退货退款', en: 'Return and refund' },
  exchange: { 'zh-CN': '换货', en: 'Exchange' },
  reship: { 'zh-CN': '补发', en: 'Reshipment' },
};

export type CaseState =
  | 'wait-seller-agree'
  | 'wait-buyer-return'
  | 'wait-seller-confirm'
  | 'refunded'
  | 'refused'
  | 'closed'
  | 'exchange-pending'
  | 'sent';
export const CASE_STATES: readonly CaseState[] = ['wait-seller-agree', 'wait-buyer-return', 'wait-seller-confirm', 'refunded', 'refused', 'closed', 'exchange-pending', 'sent'];
export const STATE_NAMES: Record<CaseState, Bilingual> = {
  'wait-seller-agree': { 'zh-CN': '等待卖家同意', en: 'Waiting for the seller to agree' },
  'wait-buyer-return': { 'zh-CN': '等待买家退货', en: 'Waiting for the buyer to return the goods' },
  'wait-seller-confirm': { 'zh-CN': '等待卖家确认收货', en: 'Waiting for the seller to confirm receipt' },
  refunded: { 'zh-CN': '退款成功', en: 'Refunded' },
  refused: { 'zh-CN': '卖家拒绝', en: 'Refused by the seller' },
  closed: { 'zh-CN': '关闭', en: 'Closed' },
  'exchange-pending': { 'zh-CN': '换货待发', en: 'Replacement to send' },
  sent: { 'zh-CN': '已发出', en: 'Replacement sent' },
};

/** A case in one of these is finished: nothing moves it further, and its responsibility is final. */
export const FINAL_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['refunded', 'closed', 'sent']);

/** Each allowed move, and for which kinds (none listed: every kind). */
interface Move {
  from: CaseState;
  to: CaseState;
  kinds?: readonly CaseKind[];
}
const MOVES: readonly Move[] = [
  { from: 'wait-seller-agree', to: 'wait-buyer-return', kinds: ['return-refund', 'exchange'] },
  { from: 'wait-seller-agree', to: 'refunded', kinds: ['refund-only'] },
  { from: 'wait-seller-agree', to: 'exchange-pending', kinds: ['reship'] },
  { from: 'wait-seller-agree', to: 'refused' },
  { from: 'wait-seller-agree', to: 'closed' },
  { from: 'wait-buyer-return', to: 'wait-seller-confirm', kinds: ['return-refund', 'exchange'] },
  { from: 'wait-buyer-return', to: 'closed' },
  { from: 'wait-seller-confirm', to: 'refunded', kinds: ['return-refund'] },
  { from: 'wait-seller-confirm', to: 'exchange-pending', kinds: ['exchange'] },
  { from: 'wait-seller-confirm', to: 'refused' },
  { from: 'wait-seller-confirm', to: 'closed' },
  // The buyer may ask again after a refusal (or the platform steps in and rules for them).
  { from: 'refused', to: 'wait-seller-agree' },
  { from: 'refused', to: 'refunded', kinds: ['refund-only', 'return-refund'] },
  { from: 'refused', to: 'closed' },
  { from: 'exchange-pending', to: 'sent', kinds: ['exchange', 'reship'] },
  { from: 'exchange-pending', to: 'closed' },
];

/** The states a case of `kind` may move to from `from`, in the order the shop meets them. */
export function nextStates(kind: CaseKind, from: CaseState): CaseState[] {
  return MOVES.filter((m) => m.from === from && (!m.kinds || m.kinds.includes(kind))).map((m) => m.to);
}

/** Why a move is refused, if it is: the case is finished, or the move does not exist for its kind. */
export type MoveProblem = { kind: 'final'; from: CaseState } | { kind: 'illegal'; from: CaseState; to: CaseState; caseKind: CaseKind; allowed: CaseState[] };

export function moveProblem(kind: CaseKind, from: CaseState, to: CaseState): MoveProblem | undefined {
  if (FINAL_STATES.has(from)) return { kind: 'final', from };
  const allowed = nextStates(kind, from);
  return allowed.includes(to) ? undefined : { kind: 'illegal', from, to, caseKind: kind, allowed };
}

/** The first state of a case opened from a platform refund text (API code or sentence), else undefined. */
export function stateOfPlatformRefund(text: string | null | undefined): CaseState | undefined {
  const t = (text ?? '').replace(/[\s,，。.、_]/g, '').toUpperCase();
  if (!t || t === 'NOREFUND' || t.includes('没有申请退款')) return undefined;
  if (t === 'WAITSELLERAGREE' || t.includes('等待卖家同意')) return 'wait-seller-agree';
  if (t === 'WAITBUYERRETURNGOODS' || t.includes('等待买家退货')) return 'wait-buyer-return';
  if (t === 'WAITSELLERCONFIRMGOODS' || t.includes('等待卖家确认收货')) return 'wait-seller-confirm';
  if (t === 'SELLERREFUSEBUYER' || t.includes('卖家拒绝')) return 'refused';
  if (t === 'CLOSED' || t.includes('退款关闭')) return 'closed';
  if (t === 'SUCCESS' || t.includes('退款成功')) return 'refunded';
  // A text the shop does not know: a person looks at it from the first state.
  return 'wait-seller-agree';
}
