import { InputError, NotFoundError, type Actor, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import { yuan } from '@workbench/plugin-api';
import type { PriceChange } from '../../shared/records.js';
import { stepBy, type StepBy } from '../shared/actor.js';
import { fulfillmentSettings } from '../settings.js';
import type { OrderDetail, OrderException } from '../types.js';
import type { StockParts } from '../shared/stock-parts.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { moveOrder, recordHistory } from './order-moves.js';
import { checkPaidAmount } from './paid-amount.js';
import { requireEditable } from './order-guards.js';
import { mayReadCustomer } from './order-record.js';
import { orderStore } from './order-store.js';
import { lockOrder } from './review-moves.js';

export interface PriceChangeInput {
  version: number;
  itemId?: number;
  field: 'item-price' | 'shipping-fee';
  newAmount: number;
  reason: string;
}

export type { PriceChange } from '../../shared/records.js';

/**
 * 改价: a price the buyer and the shop agreed on. The old and new amounts, the reason and who made
 * the change are kept beside the order; the item's unit price (or the shipping fee) and the
 * totals take the new amount. What the buyer already paid stays as paid, so a change after
 * payment that leaves the total different from it makes the order 异常 (`payment-mismatch`)
 * while `review.checkPaidAmount` is on — a refund or an extra payment is due before it ships.
 */
export async function changePrice(parts: StockParts, id: number, input: PriceChangeInput, actor: Actor | undefined): Promise<OrderDetail> {
  const { ctx, stock } = parts;
  if (input.field === 'item-price' && input.itemId === undefined) {
    throw new InputError({ 'zh-CN': '改商品价格要指明是哪一件商品（itemId）', en: 'An item price change needs the item (itemId)' }, { errors: [{ path: '/itemId', in: 'body', message: 'required' }] });
  }
  if (input.field === 'shipping-fee' && input.itemId !== undefined) {
    throw new InputError({ 'zh-CN': '改运费时不要带商品（itemId）', en: 'A shipping fee change takes no item (itemId)' }, { errors: [{ path: '/itemId', in: 'body', message: 'not allowed' }] });
  }
  const by = stepBy(actor);
  const itemId = input.itemId ?? null;
  return ctx.db.transaction(async (tx) => {
    const row = await lockOrder(tx, id, input.version);
    requireEditable(row);
    const now = ctx.now();
    let oldAmount = row.shipping_fee;
    if (input.field === 'item-price') {
      const item = await tx.get<{ price: number; quantity: number }>('SELECT price, quantity FROM fulfillment_order_items WHERE id = ? AND order_id = ?', [itemId, row.id]);
      if (!item) throw new NotFoundError({ 'zh-CN': `订单 ${row.order_no} 里没有这件商品（${input.itemId}）：请刷新订单后再选`, en: `Order ${row.order_no} has no item ${input.itemId}; reload the order and choose again` });
      oldAmount = item.price;
    }
    if (oldAmount === input.newAmount) {
      throw new InputError(
        { 'zh-CN': `新金额和原来一样（${yuan(oldAmount)} 元），不用改价`, en: `The new amount equals the old one (${yuan(oldAmount)} yuan); nothing to change` },
        { errors: [{ path: '/newAmount', in: 'body', message: String(oldAmount) }] },
      );
    }
    await tx.run(
      'INSERT INTO fulfillment_price_changes (order_id, item_id, field, old_amount, new_amount, reason, actor_id, actor_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [row.id, input.itemId ?? null, input.field, oldAmount, input.newAmount, input.reason.trim(), by.id, by.name, now],
    );
    if (input.field === 'item-price') await tx.run('UPDATE fulfillment_order_items SET price = ? WHERE id = ?', [input.newAmount, itemId]);
    const shippingFee = input.field === 'shipping-fee' ? input.newAmount : row.shipping_fee;
    const goods = (await tx.get<{ n: number | null }>('SELECT SUM(price * quantity) AS n FROM fulfillment_order_items WHERE order_id = ?', [row.id]))?.n ?? 0;
    await tx.updateVersioned('fulfillment_orders', { id: row.id, version: row.version }, { goods_total: goods, shipping_fee: shippingFee, total: goods + shippingFee, updated_at: now });
    await recordHistory(tx, row.id, { action: 'price-change', by, at: now, detail: { field: input.field, itemId: input.itemId ?? null, oldAmount, newAmount: input.newAmount, reason: input.reason.trim() } });
    if (fulfillmentSettings(ctx).review.checkPaidAmount) await flagPaidDifference(tx, stock, row.id, by, now);
    return orderStore(tx).detail(row.id, mayReadCustomer(actor));
  });
}

export async function readPriceChanges(q: Queryable, orderId: number): Promise<PriceChange[]> {
  await orderStore(q).requireRow(orderId);
  const rows = await q.all<{ id: number; item_id: number | null; field: PriceChange['field']; old_amount: number; new_amount: number; reason: string; actor_id: number | null; actor_name: string; at: string }>(
    'SELECT * FROM fulfillment_price_changes WHERE order_id = ? ORDER BY id',
    [orderId],
  );
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, field: r.field, oldAmount: r.old_amount, newAmount: r.new_amount, reason: r.reason, actorId: r.actor_id, actorName: r.actor_name, at: r.at }));
}

/** After a price change on a paid order: a total the payment no longer covers exactly is 异常. */
async function flagPaidDifference(tx: Transaction, stock: StockOps, orderId: number, by: StepBy, at: string): Promise<void> {
  const row = await orderStore(tx).requireRow(orderId);
  const check = checkPaidAmount(row);
  if (!check || check.ok || !FLAGGABLE.has(row.status)) return;
  const kept = row.status === 'exception' ? (JSON.parse(row.exceptions) as OrderException[]).filter((e) => e.code !== 'payment-mismatch') : [];
  const exceptions: OrderException[] = [...kept, { code: 'payment-mismatch', message: check.message['zh-CN'] }];
  await moveOrder(tx, row.id, 'exception', {
    action: 'exception',
    by,
    at,
    set: { exceptions: JSON.stringify(exceptions), reviewed_by: null, reviewed_by_name: null, reviewed_at: null },
    detail: { codes: ['payment-mismatch'], difference: check.difference },
    current: row,
  });
  await stock.release(tx, row.id);
}

// Orders still in review or approved; a price change is refused from 已拣货 on (requireEditable).
const FLAGGABLE = new Set(['pending', 'approved', 'exception']);
