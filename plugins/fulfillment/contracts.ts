/**
 * fulfillment's service contracts: what it publishes under `provides: [orders, inventory]`, types
 * only. Another plugin imports them with
 * `import type { OrdersService } from '@workbench/contracts/fulfillment'` and names the service in
 * its manifest's `requires` or `optional`; the service itself comes from `ctx.services`.
 * fulfillment's own implementations are typed by these interfaces (server/orders/orders-service.ts,
 * server/warehouse/inventory-service.ts), so `npm run typecheck` fails when one no longer keeps
 * what is published here.
 */
import type { Actor } from '@workbench/plugin-api';
import type { OrderDetail } from './shared/records.js';
import type { OrderStatus, PlatformStatus } from './shared/state-names.js';
import type { OrderClosed, OrderShipped, OrdersNews, StockChanged } from './server/types.js';

export type { Order, OrderDetail, OrderException, OrderItem, OrderRemark, OrderSteps, StepActor } from './shared/records.js';
export type { OrderStatus, PlatformStatus } from './shared/state-names.js';

/** The services by the names `ctx.services` knows them: `serviceToken<FulfillmentServices['orders']>('orders')`. */
export interface FulfillmentServices {
  orders: OrdersService;
  inventory: InventoryService;
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

/**
 * `orders` (provides: [orders]): orders read-only, for after-sales, CS, dashboards and listings.
 *
 * Receivers' names, phones and addresses (and the payment account) come masked (林**,
 * 138****1234, 浙江省杭州市****, with `receiverMasked: true`) unless `options.actor` holds
 * `fulfillment.customer.read`. Pass the person your route answers for (`RouteRequest.actor`); a
 * call without an actor (a job, an event handler) gets the masked form, so a plugin never shows
 * its user more than fulfillment's own screens would.
 */
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
  /**
   * `shippedQuantities` of every SKU that shipped any between the two instants, without a list of
   * ids: a caller reading the whole catalogue can ask while it reads the catalogue. SKUs that
   * shipped nothing are absent.
   */
  shippedQuantitiesOfAll(from: string, to: string): Promise<Map<number, number>>;
  /**
   * An exchange (换货) or reshipment (补发) order for an after-sales case: receiver and address
   * copied from `originOrderNo`, numbered after it (`<orig>-HH1`, `-BF1`, …), at 待审核 so it
   * goes through review, waves and the stations like any order, marked with its kind, origin and
   * case. The goods are sent at no charge (lines at 0, paid 0); `listPrice` per line says what the
   * SKUs sell for, for the caller to settle the price difference. Runs in the caller's transaction
   * when there is one. Refused (404) for an unknown origin, (400) for an unknown SKU.
   */
  createFollowUp(request: FollowUpRequest, options?: ReadOptions): Promise<FollowUpOrder>;
  /**
   * The courier the rules choose for an order and why, in both languages (the buyer asked for it,
   * the default, or the one that reaches where the default does not), as `GET /orders/:id/courier`
   * answers; undefined for an unknown order. For the CS desk's phrases.
   */
  courierChoice(id: number): Promise<CourierChoiceInfo | undefined>;
  /**
   * Adds a remark in the shop's format, 工号+快递+备注 (`12+申通+送袜子一双`), and sets `flag` (1 red,
   * 2 yellow … 5 purple) when given, as `POST /orders/:id/remarks` does, with the same refusals (a
   * wrong format is 400 saying how; a shipped or closed order 409). `options.actor` is the author.
   * For the CS desk's remark helper.
   */
  addRemark(id: number, input: { text: string; flag?: number }, options?: ReadOptions): Promise<OrderDetail>;
}

/** What `createFollowUp` sends, and for whom. */
export interface FollowUpRequest {
  kind: 'exchange' | 'reship';
  originOrderNo: string;
  /** The case that asks for it, e.g. `AS-12`; kept on the order. */
  caseRef: string;
  /** A listings SKU by id or 商家编码, and how many pieces. */
  items: { skuId?: number; skuCode?: string; quantity: number }[];
  /** Goes into the order's history with the request. */
  note?: string;
}

/** The order made, as `byId` reads it for `options.actor`, and each line's SKU price in listings (分). */
export interface FollowUpOrder {
  order: OrderDetail;
  lines: { skuId: number; skuCode: string; quantity: number; listPrice: number }[];
}

/** What `courierChoice` answers. */
export interface CourierChoiceInfo {
  courier: { code: string; name: string } | null;
  rule: 'requested' | 'default' | 'fallback' | 'none';
  reason: { 'zh-CN': string; en: string };
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

export type { OrderClosed, OrderNews, OrderShipped, OrdersNews, StockChanged } from './server/types.js';

/** The events fulfillment emits, by name, with their payloads: `ctx.events.on<FulfillmentEvents['fulfillment.order.closed']>(…)`. */
export interface FulfillmentEvents {
  'fulfillment.order.created': OrdersNews;
  'fulfillment.order.paid': OrdersNews;
  'fulfillment.order.shipped': OrderShipped;
  'fulfillment.order.closed': OrderClosed;
  'fulfillment.stock.changed': StockChanged;
}
