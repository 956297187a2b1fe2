import type { Queryable } from '@workbench/plugin-api';
import type { ExceptionCode, OrderStatus } from '../../shared/state-names.js';
import { shopCounts, type ShopCounts } from './order-list.js';

/** Orders still to work through, from review to the door (the peak-day queue). */
export const OPEN_STATUSES: readonly OrderStatus[] = ['pending', 'exception', 'approved', 'picked', 'verified'];

export interface QueueCounts {
  statuses: Record<OrderStatus, number>;
  /** Open orders per peak-day priority (1 task … 4 regular). */
  priorities: Record<string, number>;
  /** 异常 orders per reason; an order with two reasons counts under both. */
  exceptions: Partial<Record<ExceptionCode, number>>;
}

/** The work queue's figures, each read from the state index rather than the orders themselves. */
export async function queueCounts(q: Queryable, cache: ShopCounts): Promise<QueueCounts> {
  const open = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  const [statuses, priorityRows, exceptionRows] = await Promise.all([
    shopCounts(q, cache),
    q.all<{ priority: number; n: number }>(`SELECT priority, COUNT(*) AS n FROM fulfillment_orders WHERE status IN (${open}) GROUP BY priority`),
    q.all<{ code: ExceptionCode; n: number }>(
      `SELECT json_extract(e.value, '$.code') AS code, COUNT(DISTINCT o.id) AS n
       FROM fulfillment_orders o, json_each(o.exceptions) e WHERE o.status = 'exception' GROUP BY code`,
    ),
  ]);
  const priorities: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of priorityRows) priorities[r.priority] = r.n;
  return { statuses, priorities, exceptions: Object.fromEntries(exceptionRows.map((r) => [r.code, r.n])) };
}
