import { hash } from 'node:crypto';
import type { ParsedItem } from './item-rows.js';
import type { ParsedOrder } from './order-rows.js';

const itemCells = (i: ParsedItem) => [i.lineKey, i.code, i.title, i.properties, i.quantity, i.price, i.refundStatus, i.refundState, i.refundAmount];

/**
 * What a report says of one order and its lines, as a short fingerprint: every field read from
 * the two reports except the row numbers, which move between exports. An import stores it with
 * the order once it is written as the report says (`fulfillment_orders.import_hash`); a later
 * report with the same fingerprint says nothing new about the order.
 */
export function orderHash(o: ParsedOrder): string {
  const cells = [
    o.orderNo, o.shopName, o.buyerNick, o.buyerAccount, o.platformStatus, o.goodsTotal, o.shippingFee, o.total, o.paidAmount, o.refundAmount,
    o.buyerMessage, o.sellerRemark, o.receiverName, o.receiverPhone, o.receiverAddress, o.receiverRegion, o.postCode, o.shippingMethod, o.placedAt,
    o.paidAt, o.trackingNo, o.courier, o.closeReason, o.items.map(itemCells),
  ];
  return hash('sha1', JSON.stringify(cells), 'base64');
}
