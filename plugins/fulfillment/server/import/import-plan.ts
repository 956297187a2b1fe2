import type { LocalizedText, SqlValue, Turns } from '@workbench/plugin-api';
import { orderRefundOf, platformStatusWithRefunds } from '../../shared/refund-state.js';
import { ORDER_STATUS_NAMES, type OrderStatus } from '../../shared/state-names.js';
import { lineExceptions } from '../mapping/platform-item.js';
import { priorityOf } from '../orders/priority.js';
import type { FulfillmentSettings } from '../settings.js';
import type { OrderException } from '../types.js';
import type { ParsedItem } from './item-rows.js';
import type { ParsedOrder } from './order-rows.js';
import { REASONS, type Rejection } from './row-reasons.js';
import type { StoredItem, StoredOrder, StoredOrders } from './stored-orders.js';

/** What the import needs to know of a 商家编码: listings' SKU, unless the code is unknown there. */
export interface SkuInfo {
  id: number;
  needsCompleting: boolean;
}

export interface NewOrder {
  order: ParsedOrder;
  status: OrderStatus;
  exceptions: OrderException[];
  priority: number;
  itemCount: number;
}

export interface OrderChange {
  stored: StoredOrder;
  /** Columns to write, platform fields only: the shop's own state, flags and remarks stay. */
  set: Record<string, SqlValue>;
  newLines: ParsedItem[];
  changedLines: { stored: StoredItem; item: ParsedItem }[];
  /** A state the platform's news moves the order to (closed, 异常 for a refund, back to review once a refund settles). */
  move?: { to: OrderStatus; action: 'close' | 'exception' | 'reopen'; exceptions: OrderException[]; reason?: string };
  /** A line was refunded while the order holds stock and stays where it is: it holds only what still ships. */
  reserveAgain?: boolean;
}

export interface ImportPlan {
  creates: NewOrder[];
  changes: OrderChange[];
  unchanged: number;
  /** Stored orders the report matched field by field: their fingerprint is kept for the next import. */
  matched: { stored: StoredOrder; orderNo: string }[];
  /** Orders the import cannot move where the platform says they should go (already picked …). */
  attention: { orderNo: string; reason: LocalizedText }[];
  rejected: Rejection[];
  /** Codes unknown to listings: they become stubs. */
  unknownCodes: Map<string, string>;
}

// The shop may still change an order's goods before it is approved (审核).
const OPEN = new Set<OrderStatus>(['pending', 'exception', 'fraud']);

export const EXCEPTION_TEXTS = {
  unknownSku: (codes: string[]) => `商家编码 ${codes.join('、')} 在商品资料里没有或还没补全（已先建成待补全的 SKU）：请在商品资料里补全后再审单`,
  refunding: '买家在淘宝上申请了退款：请先处理退款，再决定是否发货',
};

/** The close reason when the report gives none. */
export const PLATFORM_CLOSED = '淘宝上交易已关闭';
/** The close reason when every line was refunded and the report gives none. */
export const REFUNDED_CLOSED = '淘宝上每件商品都已退款成功';

/** The order as its lines' refunds leave it on the platform (see platformStatusWithRefunds). */
function withLineRefunds(order: ParsedOrder): ParsedOrder {
  const states = order.items.map((i) => i.refundState);
  const platformStatus = platformStatusWithRefunds(order.platformStatus, states);
  if (platformStatus === order.platformStatus) return order;
  const closeReason = platformStatus === 'closed' && orderRefundOf(states) === 'all-refunded' ? (order.closeReason ?? REFUNDED_CLOSED) : order.closeReason;
  return { ...order, platformStatus, closeReason };
}

function attentionFor(stored: StoredOrder, news: 'closed' | 'refunding' | 'line-refunded'): LocalizedText {
  const state = ORDER_STATUS_NAMES[stored.status];
  if (news === 'line-refunded') {
    return {
      'zh-CN': `订单 ${stored.order_no} 已是「${state['zh-CN']}」（或在拣货波次里），有商品在淘宝上退款成功：这件不再拣货、复核和发货，已拣出的请放回库位，其余照常发货`,
      en: `Order ${stored.order_no} is "${state.en}" (or in a wave being picked) and a line was refunded on Taobao: that line is no longer picked, verified or shipped — put it back if it was picked; the rest ships as usual`,
    };
  }
  return news === 'closed'
    ? {
        'zh-CN': `订单 ${stored.order_no} 已是「${state['zh-CN']}」（或在拣货波次里），淘宝上交易已关闭：请把货放回库位、退回待审核后关闭订单`,
        en: `Order ${stored.order_no} is "${state.en}" (or in a wave being picked) but the trade is closed on Taobao; put the goods back, send it back to review and close it`,
      }
    : {
        'zh-CN': `订单 ${stored.order_no} 已是「${state['zh-CN']}」（或在拣货波次里），买家在淘宝上申请了退款：发货前请先处理退款`,
        en: `Order ${stored.order_no} is "${state.en}" (or in a wave being picked) and the buyer asked for a refund on Taobao; settle it before shipping`,
      };
}

/**
 * Decides, without writing anything, what the import does with each order of the reports: a new
 * order with its state; for a stored one, the platform fields and lines that differ and any
 * move the platform's news calls for; or nothing. Lines of an order already approved cannot
 * change SKU or quantity: those rows are refused. Planned in slices of `turns`.
 */
export async function planImport(settings: FulfillmentSettings, itemFile: string, orders: Iterable<ParsedOrder>, stored: StoredOrders, skus: ReadonlyMap<string, SkuInfo>, turns: Turns): Promise<ImportPlan> {
  const plan: ImportPlan = { creates: [], changes: [], unchanged: 0, matched: [], attention: [], rejected: [], unknownCodes: new Map() };
  const isUnknown = (item: ParsedItem) => {
    // A line without a code is not a stub to make: it waits for a mapping (unmapped-item).
    if (item.code === '') return false;
    const sku = skus.get(item.code);
    if (!sku) plan.unknownCodes.set(item.code, item.title);
    return !sku || sku.needsCompleting;
  };
  for (const reported of orders) {
    if (turns.due) await turns.next();
    const order = withLineRefunds(reported);
    const existing = stored.byNo.get(order.orderNo);
    if (!existing) plan.creates.push(newOrder(settings, order, isUnknown));
    else {
      const change = changeOf(settings, itemFile, order, existing, stored, isUnknown, plan);
      if (change) plan.changes.push(change);
      else {
        plan.unchanged++;
        plan.matched.push({ stored: existing, orderNo: order.orderNo });
      }
    }
  }
  return plan;
}

function newOrder(settings: FulfillmentSettings, order: ParsedOrder, isUnknown: (item: ParsedItem) => boolean): NewOrder {
  const exceptions: OrderException[] = lineExceptions(order.items, isUnknown, EXCEPTION_TEXTS.unknownSku);
  if (order.platformStatus === 'refunding') exceptions.push({ code: 'refunding', message: EXCEPTION_TEXTS.refunding });
  // An order the platform shows shipped left the door before the workbench knew it: it must not
  // be picked again. A closed trade is closed here too; anything else waits for review.
  let status: OrderStatus = exceptions.length ? 'exception' : 'pending';
  if (order.platformStatus === 'closed') status = 'closed';
  else if (order.platformStatus === 'shipped' || order.platformStatus === 'completed') status = 'shipped';
  const priority = priorityOf(settings, { task: false, shippingMethod: order.shippingMethod, buyerMessage: order.buyerMessage, sellerRemark: order.sellerRemark, courierRequested: null, hasRemarks: false });
  return { order, status, exceptions: status === 'exception' ? exceptions : [], priority, itemCount: order.items.reduce((n, i) => n + i.quantity, 0) };
}

function changeOf(settings: FulfillmentSettings, itemFile: string, order: ParsedOrder, existing: StoredOrder, stored: StoredOrders, isUnknown: (item: ParsedItem) => boolean, plan: ImportPlan): OrderChange | undefined {
  const set: Record<string, SqlValue> = {};
  const differ = (column: keyof StoredOrder, value: SqlValue) => {
    if (existing[column] !== value) set[column] = value;
  };
  differ('platform_status', order.platformStatus);
  differ('goods_total', order.goodsTotal);
  differ('shipping_fee', order.shippingFee);
  differ('total', order.total);
  differ('paid_amount', order.paidAmount);
  differ('refund_amount', order.refundAmount);
  differ('buyer_message', order.buyerMessage);
  differ('seller_remark', order.sellerRemark);
  // Empty cells say nothing new: a tracking number, courier, shop or payment time once known stays.
  if (order.paidAt !== null) differ('paid_at', order.paidAt);
  if (order.trackingNo !== null) differ('tracking_no', order.trackingNo);
  if (order.courier !== null) differ('courier', order.courier);
  if (order.shopName !== null) differ('shop_name', order.shopName);
  if (order.closeReason !== null) differ('closed_reason', order.closeReason);

  const lines = stored.items.get(existing.id) ?? new Map<string, StoredItem>();
  const newLines: ParsedItem[] = [];
  const changedLines: OrderChange['changedLines'] = [];
  const open = OPEN.has(existing.status);
  for (const item of order.items) {
    const line = lines.get(item.lineKey);
    const goodsChange = !line || line.sku_code !== item.code || line.quantity !== item.quantity;
    if (goodsChange && !open) {
      plan.rejected.push({ file: itemFile, row: item.row, column: !line ? '订单编号' : line.sku_code !== item.code ? '商家编码' : '购买数量', reason: REASONS.lineFixed(existing.order_no, ORDER_STATUS_NAMES[existing.status]['zh-CN']) });
      continue;
    }
    if (!line) newLines.push(item);
    else if (goodsChange || line.title !== item.title || line.properties !== item.properties || line.price !== item.price || line.refund_status !== item.refundStatus || line.refund_state !== item.refundState || line.refund_amount !== item.refundAmount) changedLines.push({ stored: line, item });
  }
  if (newLines.length || changedLines.length) {
    const quantities = new Map([...lines.values()].map((l) => [l.line_key, l.quantity]));
    for (const item of order.items) quantities.set(item.lineKey, item.quantity);
    differ('item_count', [...quantities.values()].reduce((n, q) => n + q, 0));
  }
  if ('buyer_message' in set || 'seller_remark' in set) {
    differ('priority', priorityOf(settings, {
      task: existing.task === 1,
      shippingMethod: existing.shipping_method,
      buyerMessage: order.buyerMessage,
      sellerRemark: order.sellerRemark,
      courierRequested: existing.courier_requested,
      hasRemarks: stored.remarked.has(existing.id),
    }));
  }

  const change: OrderChange = { stored: existing, set, newLines, changedLines };
  const inWave = existing.status === 'approved' && existing.wave_id !== null;
  const news = existing.platform_status !== order.platformStatus && (order.platformStatus === 'closed' || order.platformStatus === 'refunding') ? order.platformStatus : undefined;
  const fresh = [...newLines, ...changedLines.filter((c) => c.stored.sku_code !== c.item.code).map((c) => c.item)];
  const adds: OrderException[] = [];
  if (news === 'refunding') adds.push({ code: 'refunding', message: EXCEPTION_TEXTS.refunding });
  adds.push(...lineExceptions(fresh, isUnknown, EXCEPTION_TEXTS.unknownSku));
  if (news === 'closed') {
    if (existing.status === 'pending' || existing.status === 'exception' || existing.status === 'fraud' || (existing.status === 'approved' && !inWave)) {
      change.move = { to: 'closed', action: 'close', exceptions: [], reason: order.closeReason ?? PLATFORM_CLOSED };
    } else if (existing.status !== 'shipped' && existing.status !== 'closed') plan.attention.push({ orderNo: existing.order_no, reason: attentionFor(existing, 'closed') });
  } else if (adds.length && (existing.status === 'pending' || existing.status === 'exception' || (existing.status === 'approved' && !inWave))) {
    const kept = existing.status === 'exception' ? (JSON.parse(existing.exceptions) as OrderException[]).filter((e) => !adds.some((a) => a.code === e.code)) : [];
    change.move = { to: 'exception', action: 'exception', exceptions: [...kept, ...adds] };
  } else if (news === 'refunding' && existing.status !== 'shipped' && existing.status !== 'closed' && existing.status !== 'fraud') {
    plan.attention.push({ orderNo: existing.order_no, reason: attentionFor(existing, 'refunding') });
  } else if (news === undefined && !change.move) {
    settleRefund(change, order, changedLines, inWave, plan);
  }
  const changed = Object.keys(set).length > 0 || newLines.length > 0 || changedLines.length > 0 || change.move !== undefined;
  return changed ? change : undefined;
}

/**
 * A refund that ended without closing the order: refused or closed, the order held in 异常 for it
 * goes back to review (other exceptions stay); a line refunded while others remain leaves picking,
 * so an approved order goes back to review to reserve only what still ships. Once picking has
 * begun the rest of the order goes on; the clerk is told to put the refunded piece back.
 */
function settleRefund(change: OrderChange, order: ParsedOrder, changedLines: OrderChange['changedLines'], inWave: boolean, plan: ImportPlan): void {
  const existing = change.stored;
  const settled = existing.platform_status === 'refunding' && order.platformStatus === 'paid';
  if (settled && existing.status === 'exception') {
    const kept = (JSON.parse(existing.exceptions) as OrderException[]).filter((e) => e.code !== 'refunding');
    change.move = kept.length ? { to: 'exception', action: 'exception', exceptions: kept } : { to: 'pending', action: 'reopen', exceptions: [] };
    return;
  }
  const refunded = changedLines.some((c) => c.stored.refund_state !== 'succeeded' && c.item.refundState === 'succeeded');
  if (!refunded) return;
  if (existing.status === 'approved' && !inWave) change.move = { to: 'pending', action: 'reopen', exceptions: [] };
  else if (existing.status === 'picked' || existing.status === 'verified' || (existing.status === 'approved' && inWave)) {
    change.reserveAgain = true;
    plan.attention.push({ orderNo: existing.order_no, reason: attentionFor(existing, 'line-refunded') });
  }
}
