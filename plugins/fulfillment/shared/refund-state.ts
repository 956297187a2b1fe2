// Taobao writes a line's refund (退款状态) either as a sentence or as an API code, depending on the
// layout and on who exported it. The shop only acts on where the refund stands, so both become one
// small state here, used by the importer, the review, the warehouse and the UI alike.
import type { Bilingual, PlatformStatus } from './state-names.js';

/**
 * Where a line's refund stands: none asked for; asked and not settled yet (waiting for the seller,
 * for the goods back, or for the seller to confirm them); refused by the seller; closed by the buyer
 * or the platform; or refunded.
 */
export type RefundState = 'none' | 'in-progress' | 'refused' | 'closed' | 'succeeded';
export const REFUND_STATES: readonly RefundState[] = ['none', 'in-progress', 'refused', 'closed', 'succeeded'];

export const REFUND_STATE_NAMES: Record<RefundState, Bilingual> = {
  none: { 'zh-CN': '无退款', en: 'No refund' },
  'in-progress': { 'zh-CN': '退款中', en: 'Refund in progress' },
  refused: { 'zh-CN': '卖家已拒绝退款', en: 'Refund refused' },
  closed: { 'zh-CN': '退款已关闭', en: 'Refund closed' },
  succeeded: { 'zh-CN': '已退款，不发货', en: 'Refunded, not shipped' },
};

const CODES: Record<string, RefundState> = {
  NO_REFUND: 'none',
  WAIT_SELLER_AGREE: 'in-progress',
  WAIT_BUYER_RETURN_GOODS: 'in-progress',
  WAIT_SELLER_CONFIRM_GOODS: 'in-progress',
  SELLER_REFUSE_BUYER: 'refused',
  CLOSED: 'closed',
  SUCCESS: 'succeeded',
};

/**
 * The refund state of a 退款状态 cell. Spaces, full-width letters and punctuation do not matter
 * (`wait seller agree`, `ＳＵＣＣＥＳＳ`, `买家已经申请退款,等待卖家同意`). A text that names no state
 * the shop knows counts as in progress: an order then waits for a person instead of shipping.
 *
 * @example refundStateOf('买家已经申请退款，等待卖家同意') // 'in-progress'
 * @example refundStateOf('SUCCESS') // 'succeeded'
 */
export function refundStateOf(text: string | null | undefined): RefundState {
  const folded = (text ?? '').normalize('NFKC').trim();
  const code = CODES[folded.toUpperCase().replace(/[\s_-]+/g, '_')];
  if (code) return code;
  const plain = folded.replace(/[\s\p{P}\p{S}]+/gu, '');
  // The seller centre's sentences: 没有申请退款, 退款成功, 卖家拒绝退款, 退款关闭, and the waiting ones.
  if (plain === '' || /^(无|没有申请退款|未申请退款|无退款)$/u.test(plain)) return 'none';
  if (/成功/u.test(plain)) return 'succeeded';
  if (/拒绝/u.test(plain)) return 'refused';
  if (/关闭|撤销|取消/u.test(plain)) return 'closed';
  return 'in-progress';
}

/** The lines' refunds taken together: what they mean for the order. */
export type OrderRefund = 'none' | 'in-progress' | 'all-refunded' | 'some-refunded';

export function orderRefundOf(states: readonly RefundState[]): OrderRefund {
  if (states.some((s) => s === 'in-progress')) return 'in-progress';
  if (states.length > 0 && states.every((s) => s === 'succeeded')) return 'all-refunded';
  return states.some((s) => s === 'succeeded') ? 'some-refunded' : 'none';
}

/**
 * The platform state an order stands in once its lines' refunds are counted. Taobao's 订单状态
 * still reads 买家已付款 while a refund is open and only later 交易关闭, so for a paid order the
 * lines decide: a refund open on any line is `refunding`, every line refunded is `closed`. An
 * order the report shows 退款中 without any line saying so stays refunding; once shipped, a refund
 * is after-sales' business and the state is the report's.
 *
 * @example platformStatusWithRefunds('paid', ['none', 'in-progress']) // 'refunding'
 */
export function platformStatusWithRefunds(reported: PlatformStatus, states: readonly RefundState[]): PlatformStatus {
  if (reported !== 'paid' && reported !== 'refunding') return reported;
  const refund = orderRefundOf(states);
  if (refund === 'in-progress') return 'refunding';
  if (refund === 'all-refunded') return 'closed';
  if (reported === 'refunding' && states.every((s) => s === 'none')) return 'refunding';
  return 'paid';
}
