import type { RefundState } from '../shared/refund-state.js';
import type { PlatformStatus, WaveClass } from '../shared/state-names.js';

/** Records as the API sends them. Money is integer 分, times ISO 8601 with the shop's offset. */

// The order records live in shared/ since the browser reads them too.
export type { Order, OrderDetail, OrderException, OrderItem, OrderRemark, OrderSteps, StepActor } from '../shared/records.js';

/* ─── Services other plugins use: published in ../contracts.ts ──────────────────────────── */

export type { FollowUpOrder, FollowUpRequest, InventoryService, LedgerEntry, OrderQuery, OrdersPage, OrderTally, OrderTotals, OrdersService, ReadOptions, SkuSales } from '../contracts.js';

/** A line of stock moving for an order or a delivery. */
export interface StockLine {
  skuId: number;
  qty: number;
}

/* ─── listings' `catalog` and `pricing` (requires: [listings]), as its contract publishes them ── */

export type { CatalogService as CatalogView, PricingService as PricingView, Sku as CatalogSku } from '@workbench/contracts/listings';

/* ─── Events ─────────────────────────────────────────────────────────────────────────────── */

/** `fulfillment.order.shipped`, emitted in the shipping transaction. */
export interface OrderShipped {
  orderId: number;
  orderNo: string;
  courier: string;
  trackingNo: string;
  weightGrams: number | null;
  items: { skuId: number; skuCode: string; qty: number }[];
  shippedBy: { id: number | null; name: string };
  shippedAt: string;
}

/** One order as `fulfillment.order.created` and `fulfillment.order.paid` carry it (no receiver). */
export interface OrderNews {
  orderId: number;
  orderNo: string;
  source: 'import' | 'manual';
  buyerNick: string;
  platformStatus: PlatformStatus;
  total: number;
  paidAmount: number;
  placedAt: string;
  paidAt: string | null;
  /** Each line; `refundState` where its refund stands (`none` for most), so a listener reads back only orders with one. */
  items: { skuId: number | null; skuCode: string; quantity: number; price: number; refundState: RefundState }[];
}

/**
 * `fulfillment.order.created` and `fulfillment.order.paid`: orders new to the workbench, or newly
 * paid, at most ORDER_NEWS_BATCH (1,000) per event, emitted in the transaction that wrote them.
 */
export interface OrdersNews {
  orders: OrderNews[];
}

/** `fulfillment.order.closed`: listings returns the order's coupon on it. */
export interface OrderClosed {
  orderId: number;
  /** The order number, as listings' coupons record it. */
  orderRef: string;
  reason: string;
}

/** `fulfillment.stock.changed`: the SKUs whose stock moved in the transaction. */
export interface StockChanged {
  skuIds: number[];
}

/**
 * What fulfillment expects of `procurement.goods.received` (procurement is optional): goods that
 * passed procurement's own receiving inspection, to put away.
 */
export interface GoodsReceived {
  reference: string;
  supplier?: string;
  lines: { skuId: number; passed: number; failed?: number; locationCode?: string; failureReason?: string }[];
}

/** What fulfillment expects of `after-sales.return.received`: returned goods back in the warehouse. */
export interface ReturnReceived {
  orderNo?: string;
  reference: string;
  lines: { skuId: number; qty: number; defective?: boolean; locationCode?: string }[];
}

/** A wave as the API sends it. */
export interface WaveSummary {
  id: number;
  waveNo: string;
  status: 'picking' | 'picked' | 'done' | 'cancelled';
  orders: number;
  classes: Record<WaveClass, number>;
  createdAt: string;
  createdByName: string;
  pickedAt: string | null;
  version: number;
}
