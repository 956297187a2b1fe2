// The refund ledger's limit: never more than the buyer paid for the line (goods), nor for the
// order's shipping; compensation is the shop's own money on top and has no such ceiling.
import type { Transaction } from '@workbench/plugin-api';
import { emptyRefund, overRefund } from './case-errors.js';
import type { Case } from './case-record.js';
import { caseStore } from './case-store.js';

export interface RefundRequest {
  goods: number;
  shipping: number;
  compensation: number;
}

/** Refuses a refund that is empty or goes over what was paid, with the figures. */
export async function checkRefund(tx: Transaction, c: Case, r: RefundRequest): Promise<void> {
  if (r.goods + r.shipping + r.compensation <= 0) throw emptyRefund();
  const store = caseStore(tx);
  const line = await store.refundedOnLine(c.orderId, c.itemId);
  if (line.goods + r.goods > c.linePaid) throw overRefund('goods', c.linePaid, line.goods, r.goods);
  const shipping = await store.shippingRefundedOnOrder(c.orderId);
  if (shipping + r.shipping > c.shippingPaid) throw overRefund('shipping', c.shippingPaid, shipping, r.shipping);
}
