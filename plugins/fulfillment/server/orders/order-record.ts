import type { Actor } from '@workbench/plugin-api';
import { maskAddress, maskName, maskPhone } from '../../shared/mask.js';
import type { RefundState } from '../../shared/refund-state.js';
import type { FlagColour, OrderStatus, PlatformStatus } from '../../shared/state-names.js';
import type { Order, OrderException, OrderItem, OrderRemark, StepActor } from '../types.js';

/** A row of fulfillment_orders as SQLite answers it. */
export interface OrderRow {
  id: number;
  order_no: string;
  source: 'import' | 'manual';
  shop_name: string | null;
  buyer_nick: string;
  buyer_account: string;
  platform_status: PlatformStatus;
  status: OrderStatus;
  exceptions: string;
  goods_total: number;
  shipping_fee: number;
  total: number;
  paid_amount: number;
  refund_amount: number;
  buyer_message: string;
  seller_remark: string;
  receiver_name: string;
  receiver_phone: string;
  receiver_address: string;
  receiver_region: string;
  post_code: string;
  shipping_method: string;
  item_count: number;
  flag: number;
  task: number;
  priority: number;
  courier: string | null;
  courier_requested: string | null;
  tracking_no: string | null;
  weight_grams: number | null;
  merge_key: string;
  wave_id: number | null;
  closed_reason: string | null;
  placed_at: string;
  paid_at: string | null;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  picked_by: number | null;
  picked_by_name: string | null;
  picked_at: string | null;
  verified_by: number | null;
  verified_by_name: string | null;
  verified_at: string | null;
  packed_by: number | null;
  packed_by_name: string | null;
  packed_at: string | null;
  shipped_by: number | null;
  shipped_by_name: string | null;
  shipped_at: string | null;
  follow_up: 'exchange' | 'reship' | null;
  origin_order_no: string | null;
  case_ref: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Customer details are whole only for holders of this permission (个人信息, 按需可见). */
export const CUSTOMER_PERMISSION = 'fulfillment.customer.read';

export function mayReadCustomer(actor: Actor | undefined): boolean {
  return actor?.can(CUSTOMER_PERMISSION) ?? false;
}

const step = (id: number | null, name: string | null, at: string | null): StepActor | null => (at ? { id, name: name ?? '', at } : null);

/** The API's view of an order row; receiver details masked unless `showCustomer`. */
export function toOrder(row: OrderRow, showCustomer: boolean): Order {
  return {
    id: row.id,
    orderNo: row.order_no,
    source: row.source,
    shopName: row.shop_name,
    buyerNick: row.buyer_nick,
    buyerAccount: showCustomer ? row.buyer_account : maskName(row.buyer_account),
    platformStatus: row.platform_status,
    status: row.status,
    exceptions: JSON.parse(row.exceptions) as OrderException[],
    goodsTotal: row.goods_total,
    shippingFee: row.shipping_fee,
    total: row.total,
    paidAmount: row.paid_amount,
    refundAmount: row.refund_amount,
    buyerMessage: row.buyer_message,
    sellerRemark: row.seller_remark,
    receiverName: showCustomer ? row.receiver_name : maskName(row.receiver_name),
    receiverPhone: showCustomer ? row.receiver_phone : maskPhone(row.receiver_phone),
    receiverAddress: showCustomer ? row.receiver_address : maskAddress(row.receiver_address),
    receiverMasked: !showCustomer,
    receiverRegion: row.receiver_region,
    postCode: row.post_code,
    shippingMethod: row.shipping_method,
    itemCount: row.item_count,
    flag: row.flag as FlagColour,
    task: row.task === 1,
    priority: row.priority,
    courier: row.courier,
    courierRequested: row.courier_requested,
    trackingNo: row.tracking_no,
    weightGrams: row.weight_grams,
    waveId: row.wave_id,
    closedReason: row.closed_reason,
    placedAt: row.placed_at,
    paidAt: row.paid_at,
    steps: {
      reviewedBy: step(row.reviewed_by, row.reviewed_by_name, row.reviewed_at),
      pickedBy: step(row.picked_by, row.picked_by_name, row.picked_at),
      verifiedBy: step(row.verified_by, row.verified_by_name, row.verified_at),
      packedBy: step(row.packed_by, row.packed_by_name, row.packed_at),
      shippedBy: step(row.shipped_by, row.shipped_by_name, row.shipped_at),
    },
    followUp: row.follow_up ? { kind: row.follow_up, originOrderNo: row.origin_order_no ?? '', caseRef: row.case_ref ?? '' } : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ItemRow {
  id: number;
  order_id: number;
  line_key: string;
  sku_id: number | null;
  sku_code: string;
  title: string;
  properties: string;
  quantity: number;
  price: number;
  refund_status: string | null;
  refund_state: RefundState;
  refund_amount: number;
  /** 1 for a 满就送 gift line; absent in rows stored before gift lines existed (read as 0). */
  gift?: number;
}

export function toItem(row: ItemRow): OrderItem {
  return {
    id: row.id,
    lineKey: row.line_key,
    skuId: row.sku_id,
    skuCode: row.sku_code,
    title: row.title,
    properties: row.properties,
    quantity: row.quantity,
    price: row.price,
    refundStatus: row.refund_status,
    refundState: row.refund_state,
    refundAmount: row.refund_amount,
    gift: row.gift === 1,
  };
}

export interface RemarkRow {
  id: number;
  agent_no: string;
  courier: string;
  note: string;
  text: string;
  author_name: string;
  created_at: string;
}

export function toRemark(row: RemarkRow): OrderRemark {
  return { id: row.id, agentNo: row.agent_no, courier: row.courier, note: row.note, text: row.text, authorName: row.author_name, createdAt: row.created_at };
}
