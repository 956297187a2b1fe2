import type { Actor, PluginContext, Transaction } from '@workbench/plugin-api';
import { regionOf } from '../../shared/mask.js';
import { fulfillmentSettings } from '../settings.js';
import { giftsFor, takeGifts } from './gift-lines.js';
import { stepBy } from '../shared/actor.js';
import type { OrderDetail } from '../types.js';
import { mergeKeyOf } from './merge-key.js';
import { announce, readNews } from './order-news.js';
import { recordHistory } from './order-moves.js';
import { mayReadCustomer } from './order-record.js';
import { orderStore } from './order-store.js';
import { resolveLines, writeLines, type LineInput } from './order-lines.js';
import { priorityOf } from './priority.js';
import { shopDate } from './shop-day.js';

/** `POST /orders`: an order taken by hand (phone, WeChat, a buyer at the counter). */
export interface OrderInput {
  buyerNick: string;
  buyerAccount?: string;
  receiverName: string;
  receiverPhone: string;
  receiverAddress: string;
  postCode?: string;
  buyerMessage?: string;
  shippingMethod?: string;
  shippingFee: number;
  paid: boolean;
  task?: boolean;
  items: LineInput[];
}

/**
 * The next hand-entered number of the shop day: M + YYYYMMDD + a four-digit sequence (a fifth
 * digit only past 9,999 orders in one day). Read inside the writing transaction, so two clerks
 * never get the same number.
 */
async function nextOrderNo(tx: Transaction, date: string): Promise<string> {
  const prefix = `M${date.replaceAll('-', '')}`;
  const last = await tx.get<{ order_no: string }>(
    // An exchange or reshipment of a hand-entered order carries its number and a suffix: not in the sequence.
    "SELECT order_no FROM fulfillment_orders WHERE order_no >= ? AND order_no < ? AND follow_up IS NULL ORDER BY length(order_no) DESC, order_no DESC LIMIT 1",
    [prefix, `${prefix}:`],
  );
  const seq = last ? Number(last.order_no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(4, '0')}`;
}

export async function enterOrder(ctx: PluginContext, input: OrderInput, actor: Actor | undefined): Promise<OrderDetail> {
  // The catalog is read before the transaction: it only reads listings' committed SKUs.
  const goods = await resolveLines(ctx, input.items);
  const { gifts, lines: giftLines } = await giftsFor(ctx, goods, input.shippingFee);
  const lines = [...goods, ...giftLines];
  const settings = fulfillmentSettings(ctx);
  const by = stepBy(actor);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const orderNo = await nextOrderNo(tx, shopDate(ctx, now));
    const buyerMessage = input.buyerMessage?.trim() ?? '';
    const shippingMethod = input.shippingMethod?.trim() ?? '';
    const task = input.task ?? false;
    const receiver = { name: input.receiverName.trim(), phone: input.receiverPhone.trim(), address: input.receiverAddress.trim() };
    const priority = priorityOf(settings, { task, shippingMethod, buyerMessage, sellerRemark: '', courierRequested: null, hasRemarks: false });
    const { lastId } = await tx.run(
      `INSERT INTO fulfillment_orders (order_no, source, buyer_nick, buyer_account, platform_status, status, buyer_message,
         receiver_name, receiver_phone, receiver_address, receiver_region, post_code, shipping_method, shipping_fee,
         task, priority, merge_key, placed_at, paid_at, created_at, updated_at)
       VALUES (?, 'manual', ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        orderNo,
        input.buyerNick.trim(),
        input.buyerAccount?.trim() ?? '',
        input.paid ? 'paid' : 'unpaid',
        buyerMessage,
        receiver.name,
        receiver.phone,
        receiver.address,
        regionOf(receiver.address),
        input.postCode?.trim() ?? '',
        shippingMethod,
        input.shippingFee,
        task ? 1 : 0,
        priority,
        mergeKeyOf({ buyerNick: input.buyerNick, receiverName: receiver.name, receiverPhone: receiver.phone, receiverAddress: receiver.address }),
        now,
        input.paid ? now : null,
        now,
        now,
      ],
    );
    const { goodsTotal, itemCount } = await writeLines(tx, lastId, lines);
    await takeGifts(ctx, orderNo, gifts);
    const total = goodsTotal + input.shippingFee;
    await tx.run('UPDATE fulfillment_orders SET goods_total = ?, total = ?, paid_amount = ?, item_count = ? WHERE id = ?', [goodsTotal, total, input.paid ? total : 0, itemCount, lastId]);
    await recordHistory(tx, lastId, { action: 'create', by, at: now, to: 'pending', detail: { source: 'manual', orderNo } });
    const news = await readNews(tx, [lastId]);
    await announce(ctx, 'fulfillment.order.created', news);
    if (input.paid) await announce(ctx, 'fulfillment.order.paid', news);
    return orderStore(tx).detail(lastId, mayReadCustomer(actor));
  });
}
