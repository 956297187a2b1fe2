import { ConflictError, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES, type OrderStatus } from '../../shared/state-names.js';
import type { StepBy } from '../shared/actor.js';
import type { StockParts } from '../shared/stock-parts.js';
import { fulfillmentSettings } from '../settings.js';
import { CatalogToken } from '../tokens.js';
import type { OrderClosed, OrderException } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { moveOrder } from './order-moves.js';
import type { ItemRow, OrderRow } from './order-record.js';
import { requireOutOfWave } from './order-guards.js';
import { orderStore } from './order-store.js';
import type { MarkedException } from './schemas.js';
import { factsOf, loadBatchFacts } from './review-facts.js';
import { blocking, reviewFindings, type Finding } from './review-rules.js';

export const staleOrder = (orderNo: string) =>
  new ConflictError({ 'zh-CN': `订单 ${orderNo} 刚被别人修改过，请刷新后再操作`, en: `Order ${orderNo} was changed by someone else; reload and try again` });

/** Reads the order in the transaction and checks the version the caller read. */
export async function lockOrder(tx: Transaction, id: number, version: number | undefined): Promise<OrderRow> {
  const row = await orderStore(tx).requireRow(id);
  if (version !== undefined && row.version !== version) throw staleOrder(row.order_no);
  return row;
}

/** The findings that stop an approval as one 409, listing each rule in the clerk's words. */
export function refusedApproval(orderNo: string, failing: Finding[]): ConflictError {
  return new ConflictError(
    {
      'zh-CN': `订单 ${orderNo} 不能审核通过：${failing.map((f) => f.message['zh-CN']).join('；')}`,
      en: `Order ${orderNo} cannot be approved: ${failing.map((f) => f.message.en).join('; ')}`,
    },
    { errors: failing.map((f) => ({ path: `/rules/${f.rule}`, in: f.code ?? f.rule, message: f.message['zh-CN'] })) },
  );
}

/** Exceptions as the order keeps them while 异常 (in the shop's language, for the list and the print). */
export const asExceptions = (failing: Finding[]): OrderException[] => failing.map((f) => ({ code: f.code ?? 'manual', message: f.message['zh-CN'] }));

/** A move to the state the order is already in would only repeat the history. */
const already = (orderNo: string, status: OrderStatus) =>
  new ConflictError({ 'zh-CN': `订单 ${orderNo} 已经是「${ORDER_STATUS_NAMES[status]['zh-CN']}」了`, en: `Order ${orderNo} is already "${ORDER_STATUS_NAMES[status].en}"` });

/**
 * A Taobao order the buyer has paid for is closed by Taobao, once it refunds the buyer: closed here
 * first, the shop would give the coupon back while the money is still paid. The clerk marks it
 * 异常 awaiting-refund instead; the import closes it when Taobao does. An order entered by hand
 * has no trade on Taobao behind it, so its own platform state does not hold it.
 */
function refusePaidOnTaobao(row: OrderRow): void {
  if (row.source !== 'import' || (row.platform_status !== 'paid' && row.platform_status !== 'refunding')) return;
  throw new ConflictError({
    'zh-CN': `订单 ${row.order_no} 在淘宝上买家已付款，不能在这里关闭：退款要在淘宝上办。请把订单标为异常「待退款」，淘宝退款成功、交易关闭后再导入，订单会自动关闭`,
    en: `Order ${row.order_no} is paid on Taobao and cannot be closed here: the refund happens on Taobao. Mark it as exception "awaiting refund"; once Taobao has refunded and closed the trade, the next import closes it`,
  });
}

/** The order a clerk acts on, with the version they read. */
export interface OrderAt {
  id: number;
  version: number;
}

/** The review's moves of one order: each checks the version read, records who and when, and frees or reserves stock. */
export interface ReviewMoves {
  /**
   * Approves one order already read in the transaction: reviewed by whom and when, exceptions
   * cleared, the order's lines reserved. The caller has checked the rules.
   */
  approve(row: OrderRow, items: Pick<ItemRow, 'sku_id' | 'quantity'>[], step: { by: StepBy; at: string; detail?: Record<string, unknown> }): Promise<number>;
  /** `POST /orders/:id/approve` by a person: every rule but needs-person and possible-merge must pass. */
  approveByHand(order: OrderAt, by: StepBy): Promise<void>;
  /** 异常 by a person, with their reason; any reservation goes back to stock. */
  markException(order: OrderAt, why: { reason: string; code?: MarkedException }, by: StepBy): Promise<void>;
  markFraud(order: OrderAt, reason: string, by: StepBy): Promise<void>;
  /** Back to 待审核: the reservation is released and the review starts over. */
  reopen(order: OrderAt, by: StepBy): Promise<void>;
  /** 关闭: an order never shipped; listings gives the buyer's coupon back on the event. */
  close(order: OrderAt, reason: string, by: StepBy): Promise<void>;
  /**
   * An approved order that changes goes back to 待审核 with its reservation released, so the
   * review rules (stock, courier, address) see the change before anything is picked.
   */
  backToReview(row: OrderRow, step: { by: StepBy; at: string; why: string }): Promise<void>;
}

/** The review moves inside the caller's transaction; `ctx` gives the clock, settings and catalog, `stock` the reservations. */
export function reviewMoves(tx: Transaction, parts: StockParts): ReviewMoves {
  return new TxReviewMoves(tx, parts.ctx, parts.stock);
}

class TxReviewMoves implements ReviewMoves {
  constructor(
    private readonly tx: Transaction,
    private readonly ctx: PluginContext,
    private readonly stock: StockOps,
  ) {}

  async approve(row: OrderRow, items: Pick<ItemRow, 'sku_id' | 'quantity'>[], { by, at, detail = {} }: { by: StepBy; at: string; detail?: Record<string, unknown> }): Promise<number> {
    const version = await moveOrder(this.tx, row.id, 'approved', {
      action: 'approve',
      by,
      at,
      set: { reviewed_by: by.id, reviewed_by_name: by.name, reviewed_at: at, exceptions: '[]' },
      detail,
      current: row,
    });
    await this.stock.reserve(this.tx, row.id, items.flatMap((i) => (i.sku_id === null ? [] : [{ skuId: i.sku_id, qty: i.quantity }])));
    return version;
  }

  async approveByHand(order: OrderAt, by: StepBy): Promise<void> {
    const { ctx, tx, stock } = this;
    const row = await lockOrder(tx, order.id, order.version);
    if (row.status === 'approved') throw already(row.order_no, 'approved');
    const batch = await loadBatchFacts(tx, stock, ctx.services.get(CatalogToken), [row]);
    const facts = factsOf(batch, row);
    const findings = reviewFindings(fulfillmentSettings(ctx), facts);
    const failing = blocking(findings, 'person');
    if (failing.length) throw refusedApproval(row.order_no, failing);
    const overruled = findings.filter((f) => !f.ok).map((f) => f.code);
    await this.approve(row, facts.items, { by, at: ctx.now(), detail: overruled.length ? { overruled } : {} });
  }

  async markException(order: OrderAt, { reason, code = 'manual' }: { reason: string; code?: MarkedException }, by: StepBy): Promise<void> {
    const row = await lockOrder(this.tx, order.id, order.version);
    requireOutOfWave(row);
    const exceptions: OrderException[] = [{ code, message: reason.trim() }];
    await moveOrder(this.tx, row.id, 'exception', { action: 'exception', by, at: this.ctx.now(), set: { exceptions: JSON.stringify(exceptions) }, detail: { reason: reason.trim(), ...(code === 'manual' ? {} : { code }) } });
    await this.stock.release(this.tx, row.id);
  }

  async markFraud(order: OrderAt, reason: string, by: StepBy): Promise<void> {
    const row = await lockOrder(this.tx, order.id, order.version);
    requireOutOfWave(row);
    if (row.status === 'fraud') throw already(row.order_no, 'fraud');
    await moveOrder(this.tx, row.id, 'fraud', { action: 'fraud', by, at: this.ctx.now(), set: { exceptions: '[]' }, detail: { reason: reason.trim() } });
    await this.stock.release(this.tx, row.id);
  }

  async reopen(order: OrderAt, by: StepBy): Promise<void> {
    const row = await lockOrder(this.tx, order.id, order.version);
    requireOutOfWave(row);
    if (row.status === 'pending') throw already(row.order_no, 'pending');
    await moveOrder(this.tx, row.id, 'pending', {
      action: 'reopen',
      by,
      at: this.ctx.now(),
      set: { exceptions: '[]', reviewed_by: null, reviewed_by_name: null, reviewed_at: null },
    });
    await this.stock.release(this.tx, row.id);
  }

  async close(order: OrderAt, reason: string, by: StepBy): Promise<void> {
    const { ctx, tx } = this;
    const row = await lockOrder(tx, order.id, order.version);
    requireOutOfWave(row);
    if (row.status === 'closed') throw already(row.order_no, 'closed');
    refusePaidOnTaobao(row);
    const at = ctx.now();
    await moveOrder(tx, row.id, 'closed', { action: 'close', by, at, set: { closed_reason: reason.trim(), exceptions: '[]' }, detail: { reason: reason.trim() } });
    await this.stock.release(tx, row.id);
    const event: OrderClosed = { orderId: row.id, orderRef: row.order_no, reason: reason.trim() };
    await ctx.events.emit('fulfillment.order.closed', event);
  }

  async backToReview(row: OrderRow, { by, at, why }: { by: StepBy; at: string; why: string }): Promise<void> {
    if (row.status !== 'approved') return;
    await moveOrder(this.tx, row.id, 'pending', { action: 'reopen', by, at, set: { reviewed_by: null, reviewed_by_name: null, reviewed_at: null }, detail: { because: why } });
    await this.stock.release(this.tx, row.id);
  }
}
