import { InputError, type Actor, type PluginContext, type Queryable } from '@workbench/plugin-api';
import { ORDER_STATUSES, type OrderStatus } from '../../shared/state-names.js';
import { CatalogToken } from '../tokens.js';
import type { Order } from '../types.js';
import { commaList, orderWhere, sqlWhere, statusClause, type OrderFilter } from './order-filter.js';
import { mayReadCustomer, toOrder, type OrderRow } from './order-record.js';

export interface OrderListQuery extends OrderFilter {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface OrderPage {
  items: Order[];
  total: number;
  page: number;
  pageSize: number;
  /** Orders per shop state for the same search, whatever `status` asks for (the list's tabs). */
  counts: Record<OrderStatus, number>;
}

/** `queue` is the work order (priority, then first placed); the rest sort by one column. */
const SORTS: Record<string, string> = {
  queue: 'o.priority, o.placed_at',
  placedAt: 'o.placed_at',
  paidAt: 'o.paid_at',
  total: 'o.total',
  orderNo: 'o.order_no',
  flag: 'o.flag',
  priority: 'o.priority',
  updatedAt: 'o.updated_at',
};

export function orderBy(sort: string | undefined): string {
  const wanted = sort || 'queue';
  const desc = wanted.startsWith('-');
  const columns = SORTS[desc ? wanted.slice(1) : wanted];
  if (!columns) {
    const names = Object.keys(SORTS).join(', ');
    throw new InputError({ 'zh-CN': `不能按“${wanted}”排序，可以用：${names}（前面加 - 为倒序）`, en: `Cannot sort by “${wanted}”; use one of: ${names} (prefix - to reverse)` }, { errors: [{ path: '/sort', in: 'query', message: names }] });
  }
  const dir = desc ? ' DESC' : '';
  return `${columns.split(', ').map((c) => c + dir).join(', ')}, o.id${dir}`;
}

export const emptyCounts = (): Record<OrderStatus, number> => Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;

/** One page of the order search, masked for the reader, with the counts per state. */
export async function listOrders(ctx: PluginContext, q: Queryable, query: OrderListQuery, actor: Actor | undefined): Promise<OrderPage> {
  const skuId = query.sku !== undefined ? (await ctx.services.get(CatalogToken).skuByCode(query.sku))?.id : undefined;
  const rest = orderWhere(ctx, query, skuId);
  const statuses = commaList(query.status) as OrderStatus[];
  const order = orderBy(query.sort);
  const all = sqlWhere(rest, statusClause(statuses));
  const grouped = sqlWhere(rest);
  const [countRows, rows] = await Promise.all([
    q.all<{ status: OrderStatus; n: number }>(`SELECT o.status, COUNT(*) AS n FROM fulfillment_orders o ${grouped.sql} GROUP BY o.status`, grouped.params),
    q.all<OrderRow>(`SELECT o.* FROM fulfillment_orders o ${all.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [...all.params, query.pageSize, (query.page - 1) * query.pageSize]),
  ]);
  const counts = emptyCounts();
  for (const r of countRows) counts[r.status] = r.n;
  const total = (statuses.length ? statuses : ORDER_STATUSES).reduce((sum, s) => sum + counts[s], 0);
  const show = mayReadCustomer(actor);
  return { items: rows.map((r) => toOrder(r, show)), total, page: query.page, pageSize: query.pageSize, counts };
}
