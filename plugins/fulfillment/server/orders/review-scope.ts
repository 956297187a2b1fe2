import { ConflictError, InputError, type PluginContext, type Queryable } from '@workbench/plugin-api';
import type { OrderStatus } from '../../shared/state-names.js';
import { CatalogToken } from '../tokens.js';
import { commaList, orderWhere, sqlWhere, statusClause, type OrderFilter } from './order-filter.js';
import { timeBound } from './shop-day.js';

/**
 * What 自动审单 runs on: the orders a clerk chose, or the orders the list shows under a filter —
 * the same filter `GET /orders` takes. With a filter only its 待审核 orders are reviewed, and
 * `expectedCount` (what the clerk confirmed) must still be their number.
 */
export interface ReviewScope {
  orderIds?: number[];
  filter?: OrderFilter;
  expectedCount?: number;
}

/** Refuses a scope that names neither the orders nor a filter, or both. */
export function requireOneScope(scope: ReviewScope): void {
  if ((scope.orderIds === undefined) === (scope.filter === undefined)) {
    throw new InputError(
      {
        'zh-CN': '自动审单要给出选中的订单（orderIds）或列表的筛选条件（filter），两者选一：不会默认审核全店订单',
        en: 'Auto-review needs either the chosen orders (orderIds) or the list filter (filter), one of the two; it never defaults to the whole shop',
      },
      { errors: [{ path: '/orderIds', in: 'body', message: 'orderIds or filter' }] },
    );
  }
}

/**
 * The 待审核 orders the filter shows, in queue order. A `status` filter that leaves out 待审核
 * shows none to review. `customer`: whether the clerk may see receivers (see orderWhere), so the
 * count a filter confirms cannot tell a masked clerk more than the list does.
 */
export async function pendingIdsOf(ctx: PluginContext, q: Queryable, scope: ReviewScope & { filter: OrderFilter }, customer: boolean): Promise<number[]> {
  const statuses = commaList(scope.filter.status) as OrderStatus[];
  if (statuses.length && !statuses.includes('pending')) return checkCount(scope, []);
  const skuId = scope.filter.sku !== undefined ? (await ctx.services.get(CatalogToken).skuByCode(scope.filter.sku))?.id : undefined;
  const where = sqlWhere(orderWhere(scope.filter, skuId, (value, side) => timeBound(ctx, value, side), customer), statusClause(['pending']));
  const rows = await q.all<{ id: number }>(`SELECT o.id FROM fulfillment_orders o ${where.sql} ORDER BY o.priority, o.placed_at, o.id`, where.params);
  return checkCount(scope, rows.map((r) => r.id));
}

function checkCount(scope: ReviewScope, ids: number[]): number[] {
  if (scope.expectedCount !== undefined && scope.expectedCount !== ids.length) {
    throw new ConflictError({
      'zh-CN': `筛选出的待审核订单刚刚变了：确认时是 ${scope.expectedCount} 单，现在是 ${ids.length} 单。没有审核任何订单，请刷新列表后重新确认`,
      en: `The orders to review under this filter just changed: ${scope.expectedCount} when you confirmed, ${ids.length} now. Nothing was reviewed; reload the list and confirm again`,
    });
  }
  return ids;
}
