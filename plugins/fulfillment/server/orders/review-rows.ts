import type { ItemRow, OrderRow } from './order-record.js';

/**
 * The columns of an order the review reads: what the rules look at (review-rules.ts), what the
 * batch review writes and answers (review-writes.ts, batch-review.ts). A batch review reads only
 * these for its thousands of orders (a whole row is sixty columns); a full `OrderRow` is one too.
 */
export const REVIEW_ORDER_COLUMNS = [
  'id',
  'order_no',
  'source',
  'status',
  'platform_status',
  'exceptions',
  'total',
  'paid_amount',
  'refund_amount',
  'buyer_message',
  'seller_remark',
  'receiver_name',
  'receiver_phone',
  'receiver_address',
  'receiver_region',
  'shipping_method',
  'courier_requested',
  'merge_key',
] as const satisfies readonly (keyof OrderRow)[];

export type ReviewRow = Pick<OrderRow, (typeof REVIEW_ORDER_COLUMNS)[number]>;

/** The columns of an order's line the rules and the reservation read. */
export const REVIEW_ITEM_COLUMNS = ['id', 'order_id', 'line_key', 'sku_id', 'sku_code', 'title', 'properties', 'quantity', 'refund_state'] as const satisfies readonly (keyof ItemRow)[];

export type ReviewItem = Pick<ItemRow, (typeof REVIEW_ITEM_COLUMNS)[number]>;
