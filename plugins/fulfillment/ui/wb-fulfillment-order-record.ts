// What the order panels read of the API beyond the records in shared/ (README "API"), and the one
// document event the order panels refresh on.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
}

const CHANGED = 'fulfillment-orders-changed';

/** Tells every order panel that orders changed (an approval in a tab refreshes the list). */
export function announceOrders(): void {
  document.dispatchEvent(new CustomEvent(CHANGED));
}

/** Calls `handler` when orders changed; answers the function that stops listening. */
export function onOrdersChanged(handler: () => void): () => void {
  document.addEventListener(CHANGED, handler);
  return () => document.removeEventListener(CHANGED, handler);
}

/** Loads once when its host connects and again whenever orders change, until it disconnects. */
export class LoadOnOrdersChanged implements ReactiveController {
  private stop?: () => void;

  constructor(host: ReactiveControllerHost, private readonly load: () => Promise<void>) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = onOrdersChanged(() => void this.load());
    void this.load();
  }

  hostDisconnected(): void {
    this.stop?.();
  }
}

/** A reason from a batch answer or a refusal as text. */
export function reasonText(reason: string | { message: string }): string {
  return typeof reason === 'string' ? reason : reason.message;
}
