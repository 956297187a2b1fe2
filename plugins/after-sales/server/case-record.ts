// The case as the API sends it, and how a row becomes one.
import type { Bilingual, CaseKind, CaseState } from '../shared/case-states.js';
import type { Mistake, Party } from './responsibility.js';

export interface PersonRef {
  id: number | null;
  name: string;
}

/** One person named for a shop mistake: by staff id or 工号 when staff-rules knows them. */
export interface ResponsiblePerson {
  step: 'pickedBy' | 'verifiedBy' | 'packedBy' | 'shippedBy' | 'remark' | 'named';
  name: string;
  staffId?: number;
  code?: string;
}

export interface Responsibility {
  party: Party;
  mistake: Mistake | null;
  equipmentFault: boolean;
  returnShippingFen: number;
  shopFen: number;
  customerFen: number;
  otherFen: number;
  responsible: ResponsiblePerson[];
  explanation: Bilingual;
  decidedBy: PersonRef;
  decidedAt: string;
}

export interface RefundTotals {
  goods: number;
  shipping: number;
  compensation: number;
  total: number;
}

export interface Case {
  id: number;
  caseNo: string;
  orderId: number;
  orderNo: string;
  itemId: number;
  lineKey: string;
  skuCode: string;
  title: string;
  quantity: number;
  /** What the buyer paid for this line (分): quantity × price. */
  linePaid: number;
  /** The order's shipping fee as paid (分). */
  shippingPaid: number;
  paidAt: string | null;
  kind: CaseKind;
  reason: string;
  reasonText: string;
  state: CaseState;
  source: 'manual' | 'import';
  platformRefund: string | null;
  openedAt: string;
  openedBy: PersonRef;
  /** The seller's answer deadline while the case waits for the seller; null otherwise. */
  dueAt: string | null;
  overdue: boolean;
  /** The hours-left warnings already given (48, 24). */
  warnings: number[];
  refunded: RefundTotals;
  responsibility: Responsibility | null;
  closedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface CaseMove {
  from: CaseState | null;
  to: CaseState;
  note: string;
  by: PersonRef;
  at: string;
}

export interface CaseNote {
  id: number;
  kind: 'note' | 'customer';
  text: string;
  by: PersonRef;
  at: string;
}

export interface RefundEntry {
  id: number;
  goods: number;
  shipping: number;
  compensation: number;
  note: string;
  by: PersonRef;
  at: string;
}

export interface CaseDetail extends Case {
  moves: CaseMove[];
  notes: CaseNote[];
  refunds: RefundEntry[];
}

export interface CaseRow {
  id: number;
  order_id: number;
  order_no: string;
  item_id: number;
  line_key: string;
  sku_code: string;
  title: string;
  quantity: number;
  line_paid: number;
  shipping_paid: number;
  paid_at: string | null;
  kind: CaseKind;
  reason: string;
  reason_text: string;
  state: CaseState;
  source: 'manual' | 'import';
  platform_refund: string | null;
  opened_at: string;
  opened_by: number | null;
  opened_by_name: string;
  due_at: string | null;
  responsibility: string | null;
  closed_at: string | null;
  version: number;
  updated_at: string;
  warnings: string | null;
  goods: number;
  shipping: number;
  compensation: number;
}

export const caseNo = (id: number) => `AS-${id}`;

export function caseOf(r: CaseRow, now: string): Case {
  return {
    id: r.id,
    caseNo: caseNo(r.id),
    orderId: r.order_id,
    orderNo: r.order_no,
    itemId: r.item_id,
    lineKey: r.line_key,
    skuCode: r.sku_code,
    title: r.title,
    quantity: r.quantity,
    linePaid: r.line_paid,
    shippingPaid: r.shipping_paid,
    paidAt: r.paid_at,
    kind: r.kind,
    reason: r.reason,
    reasonText: r.reason_text,
    state: r.state,
    source: r.source,
    platformRefund: r.platform_refund,
    openedAt: r.opened_at,
    openedBy: { id: r.opened_by, name: r.opened_by_name },
    dueAt: r.due_at,
    overdue: r.due_at !== null && Date.parse(r.due_at) < Date.parse(now),
    warnings: r.warnings ? r.warnings.split(',').map(Number).sort((a, b) => b - a) : [],
    refunded: { goods: r.goods, shipping: r.shipping, compensation: r.compensation, total: r.goods + r.shipping + r.compensation },
    responsibility: r.responsibility ? (JSON.parse(r.responsibility) as Responsibility) : null,
    closedAt: r.closed_at,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
