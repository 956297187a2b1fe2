// What a run is recorded against: an order (订单编号) through fulfillment's `orders`, or an
// after-sales case through after-sales' `cases`, each checked when its plugin runs.
import { ConflictError, ForbiddenError, InputError, type Actor, type PluginContext } from '@workbench/plugin-api';
import { CasesToken, OrdersToken } from '../care-tokens.js';
import { caseNotFound, orderNotFound } from './procedure-errors.js';
import type { ProcedureSubject } from './procedure-store.js';

export interface RunSubject {
  subject: 'order' | 'case';
  subjectRef: string;
  orderNo: string | null;
  buyerNick: string | null;
}

export async function resolveSubject(ctx: PluginContext, body: { orderNo?: string; caseNo?: string }, allowed: ProcedureSubject, actor: Actor): Promise<RunSubject> {
  const orderNo = body.orderNo?.trim();
  const caseNo = body.caseNo?.trim();
  if (!orderNo === !caseNo) {
    throw new InputError({ 'zh-CN': '请给出订单编号或售后单号（只给一个）', en: 'Give an order number or an after-sales case number (one of them)' });
  }
  const want = orderNo ? 'order' : 'case';
  if (allowed !== 'either' && allowed !== want) {
    throw new ConflictError(allowed === 'order'
      ? { 'zh-CN': '这个流程只能按订单做', en: 'This procedure runs against an order only' }
      : { 'zh-CN': '这个流程只能按售后单做', en: 'This procedure runs against an after-sales case only' });
  }
  const orders = ctx.services.optional(OrdersToken);
  if (orderNo) {
    if (!orders) return { subject: 'order', subjectRef: orderNo, orderNo, buyerNick: null };
    const order = await orders.byOrderNo(orderNo, { actor });
    if (!order) throw orderNotFound(orderNo);
    return { subject: 'order', subjectRef: order.orderNo, orderNo: order.orderNo, buyerNick: order.buyerNick };
  }
  // A case is after-sales' record: whoever may not see it there may not work on it here.
  if (!actor.can('after-sales.cases.read')) {
    throw new ForbiddenError({ 'zh-CN': '按售后单处理需要“查看售后单”的权限', en: 'Working on an after-sales case needs the permission to view cases' });
  }
  const cases = ctx.services.optional(CasesToken);
  if (!cases) return { subject: 'case', subjectRef: caseNo!, orderNo: null, buyerNick: null };
  const found = await cases.byCaseNo(caseNo!);
  if (!found) throw caseNotFound(caseNo!);
  const order = await orders?.byOrderNo(found.orderNo, { actor });
  return { subject: 'case', subjectRef: found.caseNo, orderNo: found.orderNo, buyerNick: order?.buyerNick ?? null };
}
