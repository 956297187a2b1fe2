// Opening a case on an order line: by a clerk, or from the refund states the Taobao import read.
import type { Actor, PluginContext, Transaction } from '@workbench/plugin-api';
import type { OrderDetail, OrderItem } from '@workbench/contracts/fulfillment';
import type { CaseKind, CaseState } from '../shared/case-states.js';
import { alreadyOpen, lineNotOnOrder, notPaid, orderNotFound, tooEarly, unknownReason, whichLine } from './case-errors.js';
import { caseNo, type PersonRef } from './case-record.js';
import { dueAtFor } from './case-moves.js';
import { caseStore } from './case-store.js';
import type { AfterSalesSettings } from './settings.js';
import { OrdersToken } from './tokens.js';

export interface OpenRequest {
  orderId?: number;
  orderNo?: string;
  itemId?: number;
  kind: CaseKind;
  reason: string;
  reasonText?: string;
  customerWords?: string;
}

export const personOf = (actor: Actor): PersonRef => ({ id: actor.id, name: actor.displayName || actor.username });

/** What the buyer paid for a line: its quantity at its (agreed) price, never more than the order's payment. */
export const linePaid = (order: OrderDetail, item: OrderItem) => Math.min(item.quantity * item.price, order.paidAmount);

export async function openByClerk(ctx: PluginContext, tx: Transaction, body: OpenRequest, actor: Actor, s: AfterSalesSettings): Promise<number> {
  const orders = ctx.services.get(OrdersToken);
  const order = body.orderId !== undefined ? await orders.byId(body.orderId, { actor }) : await orders.byOrderNo(body.orderNo ?? '', { actor });
  if (!order) throw orderNotFound(body.orderId ?? body.orderNo ?? '');
  let item: OrderItem | undefined;
  if (body.itemId !== undefined) {
    item = order.items.find((i) => i.id === body.itemId);
    if (!item) throw lineNotOnOrder(body.itemId, order.orderNo);
  } else {
    if (order.items.length !== 1) throw whichLine(order.items);
    item = order.items[0];
  }
  if (!s.reasons.includes(body.reason)) throw unknownReason(body.reason, s.reasons);
  if (!order.paidAt && order.paidAmount <= 0) throw notPaid(order.orderNo);
  const now = ctx.now();
  if (body.kind === 'refund-only' && order.paidAt) {
    const from = ctx.shopTime(Date.parse(order.paidAt) + s.buyerWaitHours * 3_600_000);
    if (Date.parse(now) < Date.parse(from)) throw tooEarly(order.orderNo, s.buyerWaitHours, from);
  }
  const store = caseStore(tx);
  const open = await store.openOnLine(order.id, item!.id);
  if (open) throw alreadyOpen(caseNo(open.id), order.orderNo);
  const id = await insertCase(ctx, tx, order, item!, { kind: body.kind, reason: body.reason, reasonText: (body.reasonText ?? '').trim(), state: 'wait-seller-agree', source: 'manual', platformRefund: null, by: personOf(actor), answerDays: s.answerDays });
  const words = (body.customerWords ?? '').trim();
  if (words) await store.addNote(id, { kind: 'customer', text: words, by: personOf(actor), at: now });
  return id;
}

export async function insertCase(
  ctx: PluginContext, tx: Transaction, order: OrderDetail, item: OrderItem,
  c: { kind: CaseKind; reason: string; reasonText: string; state: CaseState; source: 'manual' | 'import'; platformRefund: string | null; by: PersonRef; answerDays: number },
): Promise<number> {
  const at = ctx.now();
  return caseStore(tx).insert({
    orderId: order.id, orderNo: order.orderNo, itemId: item.id, lineKey: item.lineKey, skuCode: item.skuCode, title: item.title,
    quantity: item.quantity, linePaid: linePaid(order, item), shippingPaid: order.shippingFee, paidAt: order.paidAt,
    kind: c.kind, reason: c.reason, reasonText: c.reasonText, state: c.state, source: c.source, platformRefund: c.platformRefund,
    dueAt: dueAtFor(ctx, c.state, c.answerDays, at), by: c.by, at,
  });
}
