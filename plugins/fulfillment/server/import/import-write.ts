import type { PluginContext, SqlValue, Transaction, Turns } from '@workbench/plugin-api';
import { mergeKeyOf } from '../orders/merge-key.js';
import { moveOrder } from '../orders/order-moves.js';
import type { StepBy } from '../shared/actor.js';
import type { OrderClosed, StockLine } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { InsertPipe, insertRows, updateRows } from './batch-sql.js';
import { PLATFORM_CLOSED, type ImportPlan, type NewOrder, type OrderChange } from './import-plan.js';
import type { ParsedItem } from './item-rows.js';

/** Everything the writing step needs besides the plan. */
export interface PlanWriter {
  ctx: PluginContext;
  tx: Transaction;
  stock: StockOps;
  by: StepBy;
  now: string;
  importId: number;
  /** The largest order id before the import: new orders take the ids after it, in the plan's order. */
  lastId: number;
  orderFile: string;
  /** listings' SKU id of every code in the reports (stubs included). */
  skuIds: ReadonlyMap<string, number>;
  /** The report's fingerprint of each order (order-hash.ts), by order number. */
  hashes: ReadonlyMap<string, string>;
  /** The digest of the uploaded files (same-reports.ts), kept beside each fingerprint written. */
  digest: string;
  /** Orders written so far, for the progress bar. */
  onOrders: (written: number) => void;
  /** The import's slices: rows are built a slice at a time. */
  turns: Turns;
}

export interface Written {
  exceptions: number;
  closed: number;
}

const ORDER_COLUMNS = [
  'order_no', 'source', 'shop_name', 'buyer_nick', 'buyer_account', 'platform_status', 'status', 'exceptions', 'goods_total', 'shipping_fee', 'total',
  'paid_amount', 'refund_amount', 'buyer_message', 'seller_remark', 'receiver_name', 'receiver_phone', 'receiver_address', 'receiver_region', 'post_code',
  'shipping_method', 'item_count', 'priority', 'courier', 'tracking_no', 'merge_key', 'closed_reason', 'placed_at', 'paid_at', 'created_at', 'updated_at', 'import_hash',
  'import_digest',
];
const ITEM_COLUMNS = ['order_id', 'line_key', 'sku_id', 'sku_code', 'title', 'properties', 'quantity', 'price', 'refund_status', 'refund_state', 'refund_amount'];
const HISTORY_COLUMNS = ['order_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_name', 'at', 'detail'];
/** The platform's fields a re-import may change, and what the import keeps derived from them. */
const PLATFORM_COLUMNS = [
  'platform_status', 'goods_total', 'shipping_fee', 'total', 'paid_amount', 'refund_amount', 'buyer_message', 'seller_remark', 'paid_at', 'tracking_no',
  'courier', 'shop_name', 'closed_reason', 'item_count', 'priority',
] as const;
const LINE_COLUMNS = ['sku_id', 'sku_code', 'title', 'properties', 'quantity', 'price', 'refund_status', 'refund_state', 'refund_amount'];

function orderRow(w: PlanWriter, plan: NewOrder): SqlValue[] {
  const o = plan.order;
  const closedReason = plan.status === 'closed' ? (o.closeReason ?? PLATFORM_CLOSED) : o.closeReason;
  return [
    o.orderNo, 'import', o.shopName, o.buyerNick, o.buyerAccount, o.platformStatus, plan.status, plan.exceptions.length ? JSON.stringify(plan.exceptions) : '[]',
    o.goodsTotal, o.shippingFee, o.total, o.paidAmount, o.refundAmount, o.buyerMessage, o.sellerRemark, o.receiverName, o.receiverPhone, o.receiverAddress,
    o.receiverRegion, o.postCode, o.shippingMethod, plan.itemCount, plan.priority, o.courier, o.trackingNo,
    mergeKeyOf({ buyerNick: o.buyerNick, receiverName: o.receiverName, receiverPhone: o.receiverPhone, receiverAddress: o.receiverAddress }),
    closedReason, o.placedAt, o.paidAt, w.now, w.now, w.hashes.get(o.orderNo) ?? null, w.digest,
  ];
}

const itemRow = (w: PlanWriter, orderId: number, i: ParsedItem): SqlValue[] => [orderId, i.lineKey, w.skuIds.get(i.code) ?? null, i.code, i.title, i.properties, i.quantity, i.price, i.refundStatus, i.refundState, i.refundAmount];

async function emitClosed(w: PlanWriter, orderId: number, orderNo: string, reason: string): Promise<void> {
  const event: OrderClosed = { orderId, orderRef: orderNo, reason };
  await w.ctx.events.emit('fulfillment.order.closed', event);
}

/**
 * New orders, their lines and their first history row, in multi-row statements through one pipe.
 * The orders get their ids here, above the largest stored (the transaction holds the writer), so
 * their lines and history are built while SQLite still writes the orders.
 */
async function writeNewOrders(w: PlanWriter, creates: NewOrder[]): Promise<void> {
  const pipe = new InsertPipe(w.tx, (table, n) => table === 'fulfillment_orders' && w.onOrders(n));
  const idOf = (i: number) => w.lastId + 1 + i;
  const orders: SqlValue[][] = [];
  for (const [i, c] of creates.entries()) {
    if (w.turns.due) await w.turns.next();
    orders.push([idOf(i), ...orderRow(w, c)]);
  }
  await pipe.insert('fulfillment_orders', ['id', ...ORDER_COLUMNS], orders);
  const lines: SqlValue[][] = [];
  const history: SqlValue[][] = [];
  const plain = JSON.stringify({ importId: w.importId, file: w.orderFile });
  for (const [i, c] of creates.entries()) {
    if (w.turns.due) await w.turns.next();
    for (const item of c.order.items) lines.push(itemRow(w, idOf(i), item));
    const detail = c.exceptions.length ? JSON.stringify({ importId: w.importId, file: w.orderFile, exceptions: c.exceptions.map((e) => e.code) }) : plain;
    history.push([idOf(i), 'import', null, c.status, w.by.id, w.by.name, w.now, detail]);
  }
  await pipe.insert('fulfillment_order_items', ITEM_COLUMNS, lines);
  await pipe.insert('fulfillment_order_history', HISTORY_COLUMNS, history);
  await pipe.flush();
  for (const [i, c] of creates.entries()) {
    if (c.status === 'closed') await emitClosed(w, idOf(i), c.order.orderNo, c.order.closeReason ?? PLATFORM_CLOSED);
  }
}

/** Stored orders: platform fields, lines by line key, a history row, then any move. */
async function writeChanges(w: PlanWriter, changes: OrderChange[]): Promise<void> {
  // A changed line changes its order too: the order's version moves even when no field of its own did.
  const orders: SqlValue[][] = [];
  const newLines: SqlValue[][] = [];
  const changedLines: SqlValue[][] = [];
  const history: SqlValue[][] = [];
  for (const c of changes) {
    if (w.turns.due) await w.turns.next();
    for (const i of c.newLines) newLines.push(itemRow(w, c.stored.id, i));
    for (const { stored, item } of c.changedLines) changedLines.push([stored.id, w.skuIds.get(item.code) ?? null, item.code, item.title, item.properties, item.quantity, item.price, item.refundStatus, item.refundState, item.refundAmount]);
    if (Object.keys(c.set).length === 0 && c.newLines.length === 0 && c.changedLines.length === 0) continue;
    orders.push([c.stored.id, ...PLATFORM_COLUMNS.map((col) => (col in c.set ? c.set[col]! : c.stored[col]))]);
    const changed = [...Object.keys(c.set), ...(c.newLines.length || c.changedLines.length ? ['items'] : [])];
    history.push([c.stored.id, 'reimport', null, null, w.by.id, w.by.name, w.now, JSON.stringify({ importId: w.importId, file: w.orderFile, changed })]);
  }
  await updateRows(w.tx, 'fulfillment_orders', PLATFORM_COLUMNS, orders, { sql: 'version = version + 1, updated_at = ?', params: [w.now] });
  await insertRows(w.tx, 'fulfillment_order_items', ITEM_COLUMNS, newLines);
  await updateRows(w.tx, 'fulfillment_order_items', LINE_COLUMNS, changedLines);
  await insertRows(w.tx, 'fulfillment_order_history', HISTORY_COLUMNS, history);
  for (const c of changes.filter((c) => c.reserveAgain)) {
    const live = await w.tx.all<StockLine>(
      "SELECT sku_id AS skuId, quantity AS qty FROM fulfillment_order_items WHERE order_id = ? AND sku_id IS NOT NULL AND refund_state <> 'succeeded'",
      [c.stored.id],
    );
    await w.stock.reserve(w.tx, c.stored.id, live);
  }
  for (const c of changes) {
    if (!c.move) continue;
    const { to, action, exceptions, reason } = c.move;
    const set: Record<string, string | null> = { exceptions: JSON.stringify(exceptions) };
    if (to === 'closed') set.closed_reason = reason ?? PLATFORM_CLOSED;
    // Back to review as a reopen does it: the review starts over.
    if (to === 'pending') Object.assign(set, { reviewed_by: null, reviewed_by_name: null, reviewed_at: null });
    const detail = { importId: w.importId, platform: true, ...(reason ? { reason } : {}), ...(to === 'exception' ? { exceptions: exceptions.map((e) => e.code) } : {}) };
    await moveOrder(w.tx, c.stored.id, to, { action, by: w.by, at: w.now, set, detail });
    // An approved order had stock reserved for it; closed, 异常 or back in review, it no longer holds any.
    if (c.stored.status === 'approved') await w.stock.release(w.tx, c.stored.id);
    if (to === 'closed') await emitClosed(w, c.stored.id, c.stored.order_no, reason ?? PLATFORM_CLOSED);
  }
}

/**
 * Last, once every write above has cleared it: the report's fingerprint of each order it wrote or
 * matched, so the next import of the same report leaves them alone unread.
 */
async function keepHashes(w: PlanWriter, plan: ImportPlan): Promise<void> {
  const rows: SqlValue[][] = [];
  for (const c of plan.changes) rows.push([c.stored.id, w.hashes.get(c.stored.order_no) ?? null, w.digest]);
  for (const m of plan.matched) {
    const hash = w.hashes.get(m.orderNo) ?? null;
    if (hash !== m.stored.import_hash || w.digest !== m.stored.import_digest) rows.push([m.stored.id, hash, w.digest]);
  }
  await updateRows(w.tx, 'fulfillment_orders', ['import_hash', 'import_digest'], rows);
}

/** Writes the plan in the caller's transaction; answers how many orders became 异常 and 已关闭. */
export async function writePlan(w: PlanWriter, plan: ImportPlan): Promise<Written> {
  await writeNewOrders(w, plan.creates);
  w.onOrders(plan.creates.length);
  await writeChanges(w, plan.changes);
  await keepHashes(w, plan);
  w.onOrders(plan.creates.length + plan.changes.length);
  const moved = (to: string) => plan.changes.filter((c) => c.move?.to === to).length;
  return {
    exceptions: plan.creates.filter((c) => c.status === 'exception').length + moved('exception'),
    closed: plan.creates.filter((c) => c.status === 'closed').length + moved('closed'),
  };
}
