import type { Transaction } from '@workbench/plugin-api';
import type { ExceptionCode, FlagColour, OrderStatus, PlatformStatus, WaveClass } from '../shared/state-names.js';

/** Records as the API sends them. Money is integer 分, times ISO 8601 with the shop's offset. */

export interface OrderException {
  code: ExceptionCode;
  message: string;
}

export interface OrderItem {
  id: number;
  lineKey: string;
  skuId: number | null;
  skuCode: string;
  title: string;
  properties: string;
  quantity: number;
  /** Unit price in 分 after any agreed price change. */
  price: number;
  refundStatus: string | null;
}

export interface OrderRemark {
  id: number;
  agentNo: string;
  courier: string;
  note: string;
  text: string;
  authorName: string;
  createdAt: string;
}

/** Who did each step (责任到人), so after-sales can trace a mistake to a person. */
export interface OrderSteps {
  reviewedBy: StepActor | null;
  pickedBy: StepActor | null;
  verifiedBy: StepActor | null;
  packedBy: StepActor | null;
  shippedBy: StepActor | null;
}
export interface StepActor {
  id: number | null;
  name: string;
  at: string;
}

export interface Order {
  id: number;
  orderNo: string;
  source: 'import' | 'manual';
  shopName: string | null;
  buyerNick: string;
  buyerAccount: string;
  platformStatus: PlatformStatus;
  status: OrderStatus;
  exceptions: OrderException[];
  goodsTotal: number;
  shippingFee: number;
  total: number;
  paidAmount: number;
  refundAmount: number;
  buyerMessage: string;
  sellerRemark: string;
  /** Masked (张**, 138****1234, 浙江省杭州市****) unless the reader may see customer details. */
  receiverName: string;
  receiverPhone: string;
  receiverAddress: string;
  /** True when the three receiver fields above are masked. */
  receiverMasked: boolean;
  receiverRegion: string;
  postCode: string;
  shippingMethod: string;
  itemCount: number;
  flag: FlagColour;
  task: boolean;
  /** 1 (first) … 5, the peak-day priority in DOMAIN.md. */
  priority: number;
  courier: string | null;
  courierRequested: string | null;
  trackingNo: string | null;
  weightGrams: number | null;
  waveId: number | null;
  closedReason: string | null;
  placedAt: string;
  paidAt: string | null;
  steps: OrderSteps;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderDetail extends Order {
  items: OrderItem[];
  remarks: OrderRemark[];
}

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
  kind: 'inbound' | 'outbound' | 'transfer' | 'adjustment' | 'defective' | 'return';
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
