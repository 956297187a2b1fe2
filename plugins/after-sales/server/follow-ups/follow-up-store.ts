import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { CaseKind } from '../../shared/case-states.js';
import type { PersonRef } from '../case-record.js';

/** A case's outgoing order as the API sends it. */
export interface FollowUpRecord {
  caseId: number;
  kind: CaseKind;
  orderId: number;
  orderNo: string;
  skuCode: string;
  quantity: number;
  sentValue: number;
  paidValue: number;
  /** Above 0 the buyer pays it; below 0 the shop refunded it. */
  priceDifference: number;
  note: string;
  createdBy: PersonRef;
  createdAt: string;
  courier: string | null;
  trackingNo: string | null;
  shippedAt: string | null;
}

interface Row {
  case_id: number; kind: CaseKind; order_id: number; order_no: string; sku_code: string; quantity: number; sent_value: number; paid_value: number; price_difference: number;
  note: string; created_by: number | null; created_by_name: string; created_at: string; courier: string | null; tracking_no: string | null; shipped_at: string | null;
}

const recordOf = (r: Row): FollowUpRecord => ({
  caseId: r.case_id, kind: r.kind, orderId: r.order_id, orderNo: r.order_no, skuCode: r.sku_code, quantity: r.quantity, sentValue: r.sent_value, paidValue: r.paid_value,
  priceDifference: r.price_difference, note: r.note, createdBy: { id: r.created_by, name: r.created_by_name }, createdAt: r.created_at,
  courier: r.courier, trackingNo: r.tracking_no, shippedAt: r.shipped_at,
});

const SELECT = 'SELECT f.*, c.kind FROM after_sales_follow_ups f JOIN after_sales_cases c ON c.id = f.case_id';

export function followUpStore(q: Queryable) {
  return {
    async get(caseId: number): Promise<FollowUpRecord | undefined> {
      const row = await q.get<Row>(`${SELECT} WHERE f.case_id = ?`, [caseId]);
      return row && recordOf(row);
    },
    async byOrderNo(orderNo: string): Promise<FollowUpRecord | undefined> {
      const row = await q.get<Row>(`${SELECT} WHERE f.order_no = ?`, [orderNo]);
      return row && recordOf(row);
    },
    async insert(f: Omit<FollowUpRecord, 'kind' | 'courier' | 'trackingNo' | 'shippedAt'>): Promise<void> {
      await (q as Transaction).run(
        `INSERT INTO after_sales_follow_ups (case_id, order_id, order_no, sku_code, quantity, sent_value, paid_value, price_difference, note, created_by, created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [f.caseId, f.orderId, f.orderNo, f.skuCode, f.quantity, f.sentValue, f.paidValue, f.priceDifference, f.note, f.createdBy.id, f.createdBy.name, f.createdAt],
      );
    },
    async shipped(caseId: number, s: { courier: string; trackingNo: string; at: string }): Promise<void> {
      await (q as Transaction).run('UPDATE after_sales_follow_ups SET courier = ?, tracking_no = ?, shipped_at = ? WHERE case_id = ?', [s.courier, s.trackingNo, s.at, caseId]);
    },
  };
}
