import type { Bilingual } from '../text.js';

/** A purchase order's state, as stored in `procurement_orders.status`. */
export type PoStatus = 'draft' | 'approved' | 'sent' | 'partly-received' | 'received' | 'closed' | 'cancelled';

/** What a clerk may do to an order; receiving is the only way into the two received states. */
export type PoMove = 'approve' | 'send' | 'receive' | 'close' | 'cancel' | 'edit';

export const PO_STATUS_NAMES: Record<PoStatus, Bilingual> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  approved: { 'zh-CN': '已审批', en: 'approved' },
  sent: { 'zh-CN': '已下单', en: 'sent' },
  'partly-received': { 'zh-CN': '部分到货', en: 'partly received' },
  received: { 'zh-CN': '已到货', en: 'received' },
  closed: { 'zh-CN': '已结案', en: 'closed' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

const MOVE_NAMES: Record<PoMove, Bilingual> = {
  approve: { 'zh-CN': '审批', en: 'approve' },
  send: { 'zh-CN': '发给供应商', en: 'send to the supplier' },
  receive: { 'zh-CN': '收货', en: 'receive' },
  close: { 'zh-CN': '结案', en: 'close' },
  cancel: { 'zh-CN': '取消', en: 'cancel' },
  edit: { 'zh-CN': '修改', en: 'edit' },
};

/**
 * From which states each move may start. Goods once received cannot be un-received, so an order
 * with a receipt is closed (short lines scored), never cancelled.
 */
const ALLOWED: Record<PoMove, readonly PoStatus[]> = {
  edit: ['draft'],
  approve: ['draft'],
  send: ['approved'],
  receive: ['sent', 'partly-received'],
  close: ['partly-received', 'received'],
  cancel: ['draft', 'approved', 'sent'],
};

/** What to tell the clerk about the next step from each state. */
const HINTS: Record<PoStatus, Bilingual> = {
  draft: { 'zh-CN': '草稿要先审批', en: 'a draft is approved first' },
  approved: { 'zh-CN': '已审批的单要先发给供应商', en: 'an approved order is sent to the supplier first' },
  sent: { 'zh-CN': '等供应商送货后收货', en: 'receive the goods when they come' },
  'partly-received': { 'zh-CN': '可以继续收货，或结案（短缺会记入供应商考核）', en: 'receive the rest, or close it (the shortfall is scored)' },
  received: { 'zh-CN': '货已收齐，可以结案', en: 'all goods are in; it can be closed' },
  closed: { 'zh-CN': '已结案的单不能再改', en: 'a closed order cannot change' },
  cancelled: { 'zh-CN': '已取消的单不能再改', en: 'a cancelled order cannot change' },
};

/** Why `move` is refused from `status`, in both languages; undefined when it is allowed. */
export function poMoveProblem(status: PoStatus, move: PoMove): Bilingual | undefined {
  if (ALLOWED[move].includes(status)) return undefined;
  const from = PO_STATUS_NAMES[status];
  return {
    'zh-CN': `采购单现在是「${from['zh-CN']}」，不能${MOVE_NAMES[move]['zh-CN']}：${HINTS[status]['zh-CN']}`,
    en: `The purchase order is ${from.en}, so it cannot ${MOVE_NAMES[move].en}: ${HINTS[status].en}`,
  };
}
