// The records the API sends that both the server and the browser panels read, declared once so
// the two cannot drift apart. Types only: the browser bundle carries no server code.
// Money is integer 分, times ISO 8601 with the shop's offset.
import type { RefundState } from './refund-state.js';
import type { ExceptionCode, FlagColour, OrderStatus, PlatformStatus } from './state-names.js';

/* ─── Orders ─────────────────────────────────────────────────────────────────────────────── */

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
  /** 退款状态 as Taobao wrote it. */
  refundStatus: string | null;
  /** Where the line's refund stands; a `succeeded` line is no longer picked, reserved or shipped. */
  refundState: RefundState;
  /** 退款金额 of the line, in 分. */
  refundAmount: number;
  /** A 满就送 gift (赠品) added by the shop's promotion: price 0, picked like any line. */
  gift: boolean;
  /** The catalogue's product title with the SKU's options (colour, size), on the order screen; null when listings has none. */
  catalogName?: string | null;
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

/** What marks an order sent again for an after-sales case. */
export interface FollowUp {
  kind: 'exchange' | 'reship';
  originOrderNo: string;
  caseRef: string;
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
  /** 1 (first) … 5, the peak-day priority (README, *Order states*). */
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
  /** An exchange (换货) or reshipment (补发) sent for an after-sales case; null for an ordinary order. */
  followUp: FollowUp | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderDetail extends Order {
  items: OrderItem[];
  remarks: OrderRemark[];
}

/** One agreed price change (改价) of an order: GET /orders/:id/price-changes. */
export interface PriceChange {
  id: number;
  itemId: number | null;
  field: 'item-price' | 'shipping-fee';
  oldAmount: number;
  newAmount: number;
  reason: string;
  actorId: number | null;
  actorName: string;
  at: string;
}

/* ─── Courier statements ─────────────────────────────────────────────────────────────────── */

/** How a statement line compares with our shipment of its tracking number. */
export type StatementOutcome = 'ok' | 'unknown' | 'weight' | 'fee' | 'weight-and-fee';

/** A courier statement as the API sends it. */
export interface StatementRecord {
  id: number;
  courier: { code: string; name: string };
  period: string;
  from: string;
  to: string;
  fileName: string;
  lines: number;
  matched: number;
  unknown: number;
  differences: number;
  /** What the statement bills, and what our agreed prices give for the parcels it matched (分). */
  billedFee: number;
  expectedFee: number;
  importedBy: string;
  importedAt: string;
}

export interface StatementLineRecord {
  id: number;
  row: number;
  trackingNo: string;
  weightGrams: number;
  fee: number;
  orderId: number | null;
  orderNo: string | null;
  outcome: StatementOutcome;
  expectedWeightGrams: number | null;
  expectedFee: number | null;
  weightDifferenceGrams: number | null;
  feeDifference: number | null;
  billedBeforeRow: number | null;
}

export interface NotBilled {
  orderId: number;
  orderNo: string;
  trackingNo: string;
  weightGrams: number | null;
  shippedAt: string;
}

/** One statement with its lines, the count per outcome and our shipments it does not bill. */
export interface StatementDetail extends StatementRecord {
  counts: Record<StatementOutcome, number>;
  items: StatementLineRecord[];
  notBilled: NotBilled[];
}

/** What the `courier-statement` importer answers: the statement stored, or the rows refused. */
export interface StatementReport {
  statementId: number | null;
  courier: string | null;
  period: string | null;
  lines: number;
  matched: number;
  unknown: number;
  differences: number;
  notBilled: number;
  rejected: RefusedRow[];
}

/** What the `batch-shipping` importer answers: every row shipped, or none and the rows refused. */
export interface BatchShippingReport {
  shipped: number;
  rejected: RefusedRow[];
}

/** A row an importer refused, the reason in the language of whoever uploaded the file. */
export interface RefusedRow {
  row: number;
  column: string;
  reason: string;
}

/* ─── Warehouse ──────────────────────────────────────────────────────────────────────────── */

export type LocationKind = 'pick' | 'storage';

/** A location (库位) as the API sends it, with the SKU on its card and the pieces it holds. */
export interface Location {
  id: number;
  code: string;
  zone: string;
  shelf: string;
  level: string;
  bin: string;
  kind: LocationKind;
  pathOrder: number;
  capacity: number | null;
  active: boolean;
  skuId: number | null;
  skuCode: string | null;
  qty: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One SKU's stock as GET /stock sends it. */
export interface StockItem {
  skuId: number;
  skuCode: string;
  title: string;
  onHand: number;
  reserved: number;
  available: number;
  defective: number;
  bins: { locationId: number; locationCode: string; kind: string; qty: number }[];
}

/* ─── Stocktakes ─────────────────────────────────────────────────────────────────────────── */

export type StocktakeStatus = 'counting' | 'posted' | 'cancelled';

/** One bin of a count: the book quantity frozen when the sheet was made, and what was counted. */
export interface StocktakeLine {
  locationId: number;
  locationCode: string;
  pathOrder: number;
  skuId: number;
  skuCode: string;
  title: string;
  book: number;
  counted: number | null;
  /** counted − book, null until counted. */
  difference: number | null;
  /** The bin's stock now; differs from `book` when goods moved during the count. */
  current: number;
  reason: string | null;
}

export interface StocktakeSummary {
  id: number;
  zone: string;
  status: StocktakeStatus;
  createdByName: string;
  createdAt: string;
  postedByName: string | null;
  postedAt: string | null;
  version: number;
  totals: { bins: number; counted: number; uncounted: number; book: number; countedQty: number; difference: number; binsWithDifference: number };
}

/** A count sheet with its variance report. */
export interface Stocktake extends StocktakeSummary {
  lines: StocktakeLine[];
}

/** One courier's pool as the label screen shows it. */
export interface PoolCount {
  courier: string;
  name: string;
  imported: number;
  used: number;
  remaining: number;
  /** Fewer left than `labels.poolLowThreshold` (and a pool was ever imported). */
  low: boolean;
}
