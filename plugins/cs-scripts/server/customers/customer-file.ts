// A buyer's file: what the shop keeps (profile, notes) beside their orders from fulfillment and
// their cases from after-sales, each read as the person asking may see it — receivers masked
// unless they hold fulfillment.customer.read, cases only with after-sales.cases.read.
import type { Actor, PluginContext } from '@workbench/plugin-api';
import type { CaseSummary } from '@workbench/contracts/after-sales';
import type { OrderDetail } from '@workbench/contracts/fulfillment';
import { CasesToken, OrdersToken } from '../care-tokens.js';
import { procedureStore, type Run } from '../procedures/procedure-store.js';
import { careSettings } from './care-settings.js';
import { customerStore, type CustomerNote, type CustomerProfile } from './customer-store.js';
import { returnVisitDueDay } from './return-visit-due.js';

export interface CustomerOrder {
  id: number;
  orderNo: string;
  status: string;
  platformStatus: string;
  placedAt: string;
  paidAt: string | null;
  paidAmount: number;
  courier: string | null;
  trackingNo: string | null;
  receiverName: string;
  receiverPhone: string;
  receiverAddress: string;
  receiverMasked: boolean;
  items: { title: string; skuCode: string; quantity: number; price: number }[];
}

export interface CustomerVisit {
  id: number;
  orderNo: string;
  shippedAt: string;
  dueDay: string;
  doneAt: string | null;
  doneByName: string | null;
  note: string;
}

export interface CustomerFile {
  buyerNick: string;
  profile: CustomerProfile;
  /** null when fulfillment is not running. */
  orders: { items: CustomerOrder[]; total: number; spent: number } | null;
  /** null when after-sales is not running or the reader may not see cases. */
  cases: CaseSummary[] | null;
  notes: CustomerNote[];
  runs: Pick<Run, 'id' | 'procedureName' | 'subjectRef' | 'state' | 'startedAt' | 'startedByName'>[];
  returnVisits: CustomerVisit[];
  /** The member levels of the settings, for the form. */
  memberLevels: string[];
}

// The newest orders are the ones a conversation is about; older ones count in `total` and `spent`.
const ORDERS_SHOWN = 50;

const orderOf = (o: OrderDetail): CustomerOrder => ({
  id: o.id, orderNo: o.orderNo, status: o.status, platformStatus: o.platformStatus, placedAt: o.placedAt, paidAt: o.paidAt, paidAmount: o.paidAmount,
  courier: o.courier, trackingNo: o.trackingNo, receiverName: o.receiverName, receiverPhone: o.receiverPhone, receiverAddress: o.receiverAddress, receiverMasked: o.receiverMasked,
  items: o.items.map((i) => ({ title: i.catalogName ?? i.title, skuCode: i.skuCode, quantity: i.quantity, price: i.price })),
});

/** The buyer of an order, by 订单编号, or undefined when fulfillment does not know it. */
export async function buyerOfOrder(ctx: PluginContext, orderNo: string, actor: Actor): Promise<string | undefined> {
  return (await ctx.services.optional(OrdersToken)?.byOrderNo(orderNo.trim(), { actor }))?.buyerNick;
}

/** The file, or undefined when the shop knows nothing of this nick. */
export async function customerFile(ctx: PluginContext, buyerNick: string, actor: Actor): Promise<CustomerFile | undefined> {
  const ordersService = ctx.services.optional(OrdersToken);
  let orders: CustomerFile['orders'] = null;
  if (ordersService) {
    const page = await ordersService.byBuyer(buyerNick, { pageSize: ORDERS_SHOWN }, { actor });
    orders = { items: page.items.map(orderOf), total: page.total, spent: page.totals.paidAmount };
  }
  const casesService = actor.can('after-sales.cases.read') ? ctx.services.optional(CasesToken) : undefined;
  const cases = casesService && orders ? await casesService.forOrders(orders.items.map((o) => o.orderNo)) : null;
  const timing = careSettings(ctx)();
  const kept = await ctx.db.read(async (q) => {
    const store = customerStore(q);
    const runs = await procedureStore(q).runs({ buyerNick, limit: 50 });
    return { profile: await store.profile(buyerNick), notes: await store.notes(buyerNick), visits: await store.visitsOf(buyerNick), runs };
  });
  if (!orders?.total && kept.profile.version === 0 && kept.notes.length === 0) return undefined;
  return {
    buyerNick,
    profile: kept.profile,
    orders,
    cases,
    notes: kept.notes,
    runs: kept.runs.map(({ id, procedureName, subjectRef, state, startedAt, startedByName }) => ({ id, procedureName, subjectRef, state, startedAt, startedByName })),
    memberLevels: timing.memberLevels,
    returnVisits: kept.visits.map((v) => ({ id: v.id, orderNo: v.orderNo, shippedAt: v.shippedAt, dueDay: returnVisitDueDay(v.shippedAt, timing), doneAt: v.doneAt, doneByName: v.doneByName, note: v.note })),
  };
}
