import { InputError, type Actor, type PluginContext, type Queryable } from '@workbench/plugin-api';
import { ORDER_STATUSES, type OrderStatus } from '../../shared/state-names.js';
import { CatalogToken } from '../tokens.js';
import type { CountsCache } from './counts-cache.js';
import type { Order } from '../types.js';
import { mayReadCustomer, toOrder, type OrderRow } from './order-record.js';
import { ORDER_SORTS, orderByClause, orderSearchSql, readCounts, shopCountSql, type SearchQuery } from './order-search-sql.js';
import { timeBound } from './shop-day.js';

export interface OrderListQuery extends SearchQuery {
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

export type ShopCounts = CountsCache<Record<OrderStatus, number>>;

/** The whole shop's counts per state, as the list counts them (kept until the next commit). */
export function shopCounts(q: Queryable, cache: ShopCounts): Promise<Record<OrderStatus, number>> {
  const sql = shopCountSql();
  return cache.get(q, sql.sql, async () => readCounts(await q.all<{ status: OrderStatus | '*'; n: number }>(sql.sql, sql.params)));
}

function orderBy(sort: string | undefined): string {
  const clause = orderByClause(sort);
  if (clause) return clause;
  const names = Object.keys(ORDER_SORTS).join(', ');
  throw new InputError(
    { 'zh-CN': `不能按“${sort}”排序，可以用：${names}（前面加 - 为倒序）`, en: `Cannot sort by “${sort}”; use one of: ${names} (prefix - to reverse)` },
    { errors: [{ path: '/sort', in: 'query', message: names }] },
  );
}

/** One page of the order search, masked for the reader, with the counts per state. */
export async function listOrders(q: Queryable, parts: { ctx: PluginContext; counts: ShopCounts }, query: OrderListQuery, actor: Actor | undefined): Promise<OrderPage> {
  const { ctx, counts: cache } = parts;
  const order = orderBy(query.sort);
  const skuId = query.sku !== undefined ? (await ctx.services.get(CatalogToken).skuByCode(query.sku))?.id : undefined;
  const show = mayReadCustomer(actor);
  const sql = orderSearchSql(query, order, skuId, (value, side) => timeBound(ctx, value, side), show);
  const count = async () => readCounts(await q.all<{ status: OrderStatus | '*'; n: number }>(sql.countSql, sql.countParams));
  let counts: Record<OrderStatus, number>;
  let rows: OrderRow[];
  if (query.q?.trim() && sql.statuses.length === 0 && query.page === 1) {
    // A search by a key finds a handful of orders. With no state filter the page and the counts
    // ask the same question, so when the first page holds every match the counts are the page's
    // own and the count query, which would read the same index entries again, is not run.
    rows = await q.all<OrderRow>(sql.pageSql, sql.pageParams);
    counts = rows.length < query.pageSize ? countRows(rows) : await count();
  } else {
    [counts, rows] = await Promise.all([sql.countsWholeShop ? cache.get(q, sql.countSql, count) : count(), q.all<OrderRow>(sql.pageSql, sql.pageParams)]);
  }
  const total = (sql.statuses.length ? sql.statuses : ORDER_STATUSES).reduce((sum, s) => sum + counts[s], 0);
  return { items: rows.map((r) => toOrder(r, show)), total, page: query.page, pageSize: query.pageSize, counts };
}

/** The counts per state of rows that are every match of a search. */
function countRows(rows: readonly OrderRow[]): Record<OrderStatus, number> {
  const by = new Map<OrderStatus, number>();
  for (const r of rows) by.set(r.status, (by.get(r.status) ?? 0) + 1);
  return readCounts([...by].map(([status, n]) => ({ status, n })));
}
