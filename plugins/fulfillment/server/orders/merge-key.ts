/**
 * The key that groups orders of one buyer to one address (合并订单): buyer nick, receiver name,
 * phone and address, lower-cased with all whitespace removed, so `浙江省 杭州市` and `浙江省杭州市`
 * meet. The importer and manual entry both use it; an order with none of the parts gets no key
 * and never matches another.
 */
export function mergeKeyOf(order: { buyerNick: string; receiverName: string; receiverPhone: string; receiverAddress: string }): string {
  const parts = [order.buyerNick, order.receiverName, order.receiverPhone, order.receiverAddress].map((p) => p.replace(/\s+/gu, '').toLowerCase());
  return parts.every((p) => p === '') ? '' : parts.join('|');
}
