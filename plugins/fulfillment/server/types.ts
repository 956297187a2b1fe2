import type { Transaction } from '@workbench/plugin-api';
import type { OrderDetail } from '../shared/records.js';
import type { WaveClass } from '../shared/state-names.js';

/** Records as the API sends them. Money is integer 分, times ISO 8601 with the shop's offset. */

// The order records live in shared/ since the browser reads them too.
export type { Order, OrderDetail, OrderException, OrderItem, OrderRemark, OrderSteps, StepActor } from '../shared/records.js';

/* ─── Services other plugins use ─────────────────────────────────────────────────────────── */

/** A line of stock moving for an order or a delivery. */
export interface StockLine {
  skuId: number;
  qty: number;
}

/** `orders` (provides: [orders]): orders read-only, for after-sales and KPIs. */
export interface OrdersService {
  byId(id: number): Promise<OrderDetail | undefined>;
  byOrderNo(orderNo: string): Promise<OrderDetail | undefined>;
  /** Pieces shipped per SKU id between two instants (shipped_at), e.g. for a campaign's close-out. */
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
