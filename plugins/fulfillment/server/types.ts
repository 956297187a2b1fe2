import type { Actor, Transaction } from '@workbench/plugin-api';
import type { OrderDetail } from '../shared/records.js';
import type { OrderStatus, PlatformStatus, WaveClass } from '../shared/state-names.js';

/** Records as the API sends them. Money is integer 分, times ISO 8601 with the shop's offset. */

// The order records live in shared/ since the browser reads them too.
export type { Order, OrderDetail, OrderException, OrderItem, OrderRemark, OrderSteps, StepActor } from '../shared/records.js';

/* ─── Services other plugins use ─────────────────────────────────────────────────────────── */

/** A line of stock moving for an order or a delivery. */
export interface StockLine {
  skuId: number;
  qty: number;
}

/**
 * Who is reading through a service. Receivers (and the payment account) come masked unless
 * `actor` holds `fulfillment.customer.read`: a plugin passes the person it answers for, and a
 * call without one (a job, an event handler) sees what a clerk without the permission sees.
 */
export interface ReadOptions {
  actor?: Actor;
}

/** Which orders `find` answers; every filter given must hold. */
export interface OrderQuery {
  /** A shop day `YYYY-MM-DD` (Asia/Shanghai), taken whole. */
  day?: string;
  /** From this instant (or the start of this shop day) … */
  from?: string;
  /** … up to this instant (or the end of this shop day). */
  to?: string;
  /** Which time `day`/`from`/`to` apply to: when the order was placed (default) or paid. */
  by?: 'placedAt' | 'paidAt';
  /** 买家会员名, exactly. */
  buyerNick?: string;
  /** Orders with a line of this listings SKU. */
  skuId?: number;
  status?: OrderStatus[];
  platformStatus?: PlatformStatus[];
  /** From 1 (default 1). */
  page?: number;
  /** 1–500 (default 50). */
  pageSize?: number;
}

/** Orders and their paid amount (分), for one state or all. */
export interface OrderTally {
  count: number;
  paidAmount: number;
}

/** Totals of every order the query matches, not only the page's. */
export interface OrderTotals extends OrderTally {
  byStatus: Record<OrderStatus, OrderTally>;
  byPlatformStatus: Record<PlatformStatus, OrderTally>;
}

/** A page of orders, newest placed (or paid) first, each with its lines and remarks. */
export interface OrdersPage {
  items: OrderDetail[];
  total: number;
  page: number;
  pageSize: number;
  totals: OrderTotals;
}

/** What sold of one SKU: pieces, and what they brought at their line prices (分), in how many orders. */
export interface SkuSales {
  qty: number;
  amount: number;
  orders: number;
}

/** `orders` (provides: [orders]): orders read-only, for after-sales, CS, dashboards and listings. */
export interface OrdersService {
  byId(id: number, options?: ReadOptions): Promise<OrderDetail | undefined>;
  byOrderNo(orderNo: string, options?: ReadOptions): Promise<OrderDetail | undefined>;
  /** Orders matching `query`, a page at a time, with totals of all of them. */
  find(query: OrderQuery, options?: ReadOptions): Promise<OrdersPage>;
  /** `find` for one shop day. */
  byShopDay(day: string, query?: OrderQuery, options?: ReadOptions): Promise<OrdersPage>;
  /** `find` for one buyer (买家会员名). */
  byBuyer(buyerNick: string, query?: OrderQuery, options?: ReadOptions): Promise<OrdersPage>;
  /** `find` for the orders with a line of one SKU. */
  bySku(skuId: number, query?: OrderQuery, options?: ReadOptions): Promise<OrdersPage>;
  /**
   * Per SKU id, what sold between two instants: lines of orders paid at or after `from` and
   * before `to`, not closed. SKUs that sold nothing are absent.
   */
  salesBySku(skuIds: number[], from: string, to: string): Promise<Map<number, SkuSales>>;
  /** Pieces shipped per SKU id between two instants (shipped_at). */
  shippedQuantities(skuIds: number[], from: string, to: string): Promise<Map<number, number>>;
}

export interface LedgerEntry {
  id: number;
  at: string;
  kind: 'inbound' | 'outbound' | 'transfer' | 'adjustment' | 'defective' | 'return' | 'putback';
  skuId: number;
  locationCode: string | null;
  qty: number;
  balance: number;
  orderId: number | null;
  reference: string | null;
  reason: string;
  override: boolean;
  actorName: string;
}

/** `inventory` (provides: [inventory]): stock by SKU for listings' warnings and other plugins. */
export interface InventoryService {
  /** Sellable stock per SKU id: on hand in bins minus reservations; SKUs never stocked are absent. */
  available(skuIds: number[]): Promise<Map<number, number>>;
  /** Pieces in bins per SKU id (reservations not deducted). */
  onHand(skuIds: number[]): Promise<Map<number, number>>;
  /** Pieces reserved for approved orders not yet shipped, per SKU id. */
  reserved(skuIds: number[]): Promise<Map<number, number>>;
  /** The ledger of one SKU, newest first. */
  movements(skuId: number, options?: { limit?: number }): Promise<LedgerEntry[]>;
}

/* ─── What fulfillment needs of listings' `catalog` (requires: [listings]) ───────────────── */

export interface CatalogSku {
  id: number;
  productId: number | null;
  code: string;
  attributes: Record<string, string>;
  price: number;
  barcode: string | null;
  weightGrams: number | null;
  needsCompleting: boolean;
}

export interface CatalogView {
  skuById(id: number): Promise<CatalogSku | undefined>;
  skuByCode(code: string): Promise<CatalogSku | undefined>;
  skuByBarcode(barcode: string): Promise<CatalogSku | undefined>;
  skusByCodes(codes: string[]): Promise<Map<string, CatalogSku>>;
  product(id: number): Promise<{ id: number; title: string } | undefined>;
  /** SKUs in id order, a page at a time. */
  skuPage(options?: { afterId?: number; limit?: number }): Promise<CatalogSku[]>;
  ensureSku(code: string, options?: { title?: string; tx?: Transaction }): Promise<{ sku: CatalogSku; created: boolean }>;
}

/** listings' `pricing`, as far as fulfillment uses it: the gifts a cart earns, and taking them for an order. */
export interface PricingView {
  price(cart: { lines: { skuId: number; qty: number }[]; shipping?: number }): Promise<{ gifts: { skuId: number; qty: number; promotionId: number }[] }>;
  /** Inside fulfillment's transaction; 409 when a gift ran out since the cart was priced. */
  grantGifts(orderRef: string, gifts: { skuId: number; qty: number; promotionId: number }[]): Promise<void>;
}

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
  items: { skuId: number | null; skuCode: string; quantity: number; price: number }[];
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
