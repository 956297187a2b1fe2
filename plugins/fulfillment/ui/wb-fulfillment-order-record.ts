// What the order panels read of the API beyond the records in shared/ (README "API").
import type { Order } from '../shared/records.js';
import type { ExceptionCode, OrderStatus } from '../shared/state-names.js';

export type { Order, OrderDetail, OrderException, OrderItem, OrderRemark, OrderSteps, PriceChange, StepActor } from '../shared/records.js';

/** A list row: the order, indexable so the data table can read any column. */
export type OrderRow = Order & Record<string, unknown>;

export interface ReviewFinding {
  rule: string;
  ok: boolean;
  code?: ExceptionCode;
  message: string;
}

export interface ReviewResult {
  passes: boolean;
  findings: ReviewFinding[];
}

export interface HistoryEntry {
  id?: number;
  action: string;
  from: OrderStatus | null;
  to: OrderStatus | null;
  actorName: string;
  at: string;
  detail?: Record<string, unknown>;
}

/** One order's outcome in 批量审核 and 自动审单. */
export interface BatchOutcome {
  orderId: number;
  orderNo: string;
  outcome: string;
  reasons: (string | { code?: string; message: string })[];
}

/** 自动审单 answers `exceptions`, 批量审核 `refused` (the orders left as they were). */
export interface BatchAnswer {
  approved: number;
  exceptions?: number;
  refused?: number;
  skipped?: number;
  results: BatchOutcome[];
}

/** Counts per status, per priority and exceptions per code (GET /queue). */
export interface QueueCounts {
  statuses: Partial<Record<OrderStatus, number>>;
  /** Open orders (review to the door) per peak-day priority. */
  priorities: Record<string, number>;
  exceptions: Partial<Record<ExceptionCode, number>>;
}

/** The states still to work through, from review to the door; the queue `open` lists them. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['pending', 'exception', 'approved', 'picked', 'verified'];
export const OPEN_QUEUE = OPEN_STATUSES.join(',');

/** What the orders view filters by; the queue widget's links set it. */
export interface OrdersFilter {
  /** One state, `OPEN_QUEUE` (every open state) or '' (every order). */
  status?: OrderStatus | typeof OPEN_QUEUE | '';
  flag?: string;
  from?: string;
  to?: string;
  courier?: string;
  sku?: string;
  exception?: ExceptionCode | '';
  /** Only the exchange (换货) or reshipment (补发) orders after-sales sent, or both. */
  followUp?: 'exchange' | 'reship' | 'any' | '';
}

/** A reason from a batch answer or a refusal as text. */
export function reasonText(reason: string | { message: string }): string {
  return typeof reason === 'string' ? reason : reason.message;
}
