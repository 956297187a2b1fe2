// Where the figures' inputs come from: the chat log (this plugin's table) and the paid orders
// (fulfillment's `orders` service, when fulfillment runs), and the agents' names (staff-rules).
import { serviceToken, type PluginContext, type Queryable } from '@workbench/plugin-api';
import type { OrderDetail, OrdersService } from '@workbench/contracts/fulfillment';
import type { StaffService } from '@workbench/contracts/staff-rules';
import { agentCode } from '../chat-log/agent-code.js';
import { chatStore } from '../chat-log/chat-store.js';
import type { ChatLine, PaidOrder, Period } from './kpi-rules.js';

const Orders = serviceToken<OrdersService>('orders');
const Staff = serviceToken<StaffService>('staff');

// The most fulfillment gives in one page.
const PAGE = 500;
const DAY_MS = 86_400_000;

/**
 * The 工号 an order is credited to: every workbench remark's, and a seller remark imported from
 * Taobao written the shop's way (`12+申通+…`).
 */
export function orderAgents(order: Pick<OrderDetail, 'remarks' | 'sellerRemark'>): string[] {
  const codes = order.remarks.map((r) => agentCode(r.agentNo));
  const imported = /^\s*([0-9０-９]{1,4})\s*号?\s*[+＋]/.exec(order.sellerRemark ?? '');
  if (imported) codes.push(agentCode(imported[1]!));
  return [...new Set(codes.filter((c) => c !== ''))];
}

/** The orders paid from `lookBackDays` before the period to its end, not closed; none without fulfillment. */
export async function paidOrders(ctx: PluginContext, period: Period, lookBackDays: number): Promise<PaidOrder[]> {
  const orders = ctx.services.optional(Orders);
  if (!orders) return [];
  const from = new Date(Date.parse(period.from) - lookBackDays * DAY_MS).toISOString();
  const out: PaidOrder[] = [];
  for (let page = 1; ; page++) {
    const found = await orders.find({ from, to: period.to, by: 'paidAt', page, pageSize: PAGE });
    for (const o of found.items) {
      // `to` is inclusive in fulfillment's query; the period's end is not.
      if (o.status === 'closed' || !o.paidAt || Date.parse(o.paidAt) >= Date.parse(period.to)) continue;
      out.push({ orderNo: o.orderNo, buyerNick: o.buyerNick, paidAt: o.paidAt, paidAmount: o.paidAmount, agents: orderAgents(o) });
    }
    if (page * PAGE >= found.total) return out;
  }
}

export function chatLines(q: Queryable, period: Period): Promise<ChatLine[]> {
  return chatStore(q).between(period.from, period.to);
}

/** Names of the agents by 工号, from staff-rules when it runs (empty otherwise). */
export async function agentNames(ctx: PluginContext): Promise<Map<string, string>> {
  const staff = ctx.services.optional(Staff);
  if (!staff) return new Map();
  return new Map((await staff.list({ includeLeft: true })).map((m) => [agentCode(m.code), m.name]));
}
