import type { PluginContext, Queryable } from '@workbench/plugin-api';
import { shopDate, shopDayStart } from '../orders/shop-day.js';
import { OPEN_STATUSES } from '../orders/queue-counts.js';

/** How many shop days the figures go back, today included (the home page's longer chart). */
export const OVERVIEW_DAYS = 30;

export interface DayFigures {
  /** The shop's calendar day, `YYYY-MM-DD`. */
  day: string;
  /** Orders paid that day, except those closed since. */
  paidOrders: number;
  /** What those orders' buyers paid (买家实际支付金额), in 分. */
  paidAmount: number;
  /** Orders shipped from the workbench that day. */
  shipped: number;
}

export interface Overview {
  day: string;
  today: DayFigures;
  /** 待审核 orders now. */
  pendingReview: number;
  /** Paid orders still in the shop's hands `hours` after payment: paid before `before`, not shipped, not closed, not refunding. */
  overdue: { hours: number; count: number; before: string };
  /** The last `OVERVIEW_DAYS` shop days, oldest first, ending today. */
  days: DayFigures[];
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The owner's figures. Times are stored in shop time, so a stored time's first ten characters
 * are its shop day and a shop day's bounds compare as text; each query reads one index
 * (migration 014) rather than the orders.
 */
export async function overviewFigures(q: Queryable, ctx: PluginContext, overdueHours: number): Promise<Overview> {
  const today = shopDate(ctx);
  const first = addDays(today, 1 - OVERVIEW_DAYS);
  const from = shopDayStart(ctx, first);
  const to = shopDayStart(ctx, addDays(today, 1));
  const before = ctx.shopTime(Date.parse(ctx.now()) - overdueHours * 3_600_000);
  const [paid, shipped, pending, overdue] = await Promise.all([
    q.all<{ day: string; n: number; amount: number }>(
      `SELECT substr(paid_at, 1, 10) AS day, COUNT(*) AS n, SUM(paid_amount) AS amount FROM fulfillment_orders
       WHERE paid_at >= ? AND paid_at < ? AND status <> 'closed' GROUP BY day`,
      [from, to],
    ),
    q.all<{ day: string; n: number }>(
      `SELECT substr(shipped_at, 1, 10) AS day, COUNT(*) AS n FROM fulfillment_orders WHERE status = 'shipped' AND shipped_at >= ? AND shipped_at < ? GROUP BY day`,
      [from, to],
    ),
    q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_orders WHERE status = 'pending'`),
    q.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM fulfillment_orders WHERE status IN (${OPEN}) AND paid_at < ? AND platform_status = 'paid'`,
      [before],
    ),
  ]);
  const paidBy = new Map(paid.map((r) => [r.day, r]));
  const shippedBy = new Map(shipped.map((r) => [r.day, r.n]));
  const days = Array.from({ length: OVERVIEW_DAYS }, (_, i): DayFigures => {
    const day = addDays(first, i);
    return { day, paidOrders: paidBy.get(day)?.n ?? 0, paidAmount: paidBy.get(day)?.amount ?? 0, shipped: shippedBy.get(day) ?? 0 };
  });
  return {
    day: today,
    today: days.at(-1)!,
    pendingReview: pending?.n ?? 0,
    overdue: { hours: overdueHours, count: overdue?.n ?? 0, before },
    days,
  };
}
