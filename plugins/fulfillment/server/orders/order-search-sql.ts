import type { SqlValue } from '@workbench/plugin-api';
import type { OrderStatus } from '../../shared/state-names.js';
import { commaList, orderWhere, sqlWhere, statusClause, type OrderFilter, type TimeBound, type Where } from './order-filter.js';

/** `queue` is the work order (priority, then first placed); the rest sort by one column. */
export const ORDER_SORTS: Record<string, string> = {
  queue: 'o.priority, o.placed_at',
  placedAt: 'o.placed_at',
  paidAt: 'o.paid_at',
  total: 'o.total',
  orderNo: 'o.order_no',
  flag: 'o.flag',
  priority: 'o.priority',
  updatedAt: 'o.updated_at',
};

/** ORDER BY for a `sort` value (`field` or `-field`, default `queue`); undefined for an unknown field. */
export function orderByClause(sort: string | undefined): string | undefined {
  const wanted = sort || 'queue';
  const desc = wanted.startsWith('-');
  const columns = ORDER_SORTS[desc ? wanted.slice(1) : wanted];
  if (!columns) return undefined;
  const dir = desc ? ' DESC' : '';
  return `${columns.split(', ').map((c) => c + dir).join(', ')}, o.id${dir}`;
}

export interface SearchQuery extends OrderFilter {
  page: number;
  pageSize: number;
}

/** The statements of one search: counts per state (every filter but the state) and the page. */
export interface SearchSql {
  statuses: OrderStatus[];
  /** Rows of `{ status, n }`; a row with status `*` is the count of every order (see below). */
  countSql: string;
  countParams: SqlValue[];
  /** The counts are of the whole shop (no filter but the state): the same for every such search. */
  countsWholeShop: boolean;
  pageSql: string;
  pageParams: SqlValue[];
}

// Most of a shop's orders are shipped, so without filters that state is counted as the rest of
// COUNT(*) (which SQLite answers from the b-tree's page counts) instead of entry by entry.
const LARGEST: OrderStatus = 'shipped';
const ALL_STATUSES: OrderStatus[] = ['pending', 'approved', 'exception', 'fraud', 'picked', 'verified', 'shipped', 'closed'];

/** The counts per state from the rows of `countSql`. */
export function readCounts(rows: { status: OrderStatus | '*'; n: number }[]): Record<OrderStatus, number> {
  const counts = Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  let everything: number | undefined;
  for (const r of rows) {
    if (r.status === '*') everything = r.n;
    else counts[r.status] = r.n;
  }
  if (everything !== undefined) counts[LARGEST] = everything - ALL_STATUSES.reduce((sum, s) => (s === LARGEST ? sum : sum + counts[s]), 0);
  return counts;
}

/** Filters an index serves (order number, receiver, account, tracking, SKU, wave, dates, exception). */
const narrows = (f: OrderFilter) => Boolean(f.q?.trim() || f.sku !== undefined || f.wave !== undefined || f.from || f.to || f.exception);

function counts(rest: Where): { sql: string; params: SqlValue[] } {
  if (rest.clauses.length === 0) {
    const others = ALL_STATUSES.filter((s) => s !== LARGEST);
    return {
      sql: `SELECT '*' AS status, COUNT(*) AS n FROM fulfillment_orders
            UNION ALL SELECT status, COUNT(*) AS n FROM fulfillment_orders WHERE status IN (${others.map(() => '?').join(', ')}) GROUP BY status`,
      params: others,
    };
  }
  const where = sqlWhere(rest);
  // `+o.status` keeps SQLite from walking the state index for the grouping and then looking every
  // order up: with a filter the state index cannot serve, one pass over the table is far cheaper.
  return { sql: `SELECT o.status AS status, COUNT(*) AS n FROM fulfillment_orders o ${where.sql} GROUP BY +o.status`, params: where.params };
}

/** The counts per state of every order in the shop (the work queue's tabs). */
export const shopCountSql = () => counts({ clauses: [], params: [] });

/**
 * The queue order across several states, read from the state index (status, priority,
 * placed_at): each state gives its first rows in queue order, and only those are merged, instead
 * of sorting every order of the shop to show fifty.
 */
function queuePage(rest: Where, statuses: OrderStatus[], desc: boolean, limit: number, offset: number): { sql: string; params: SqlValue[] } {
  const dir = desc ? ' DESC' : '';
  const order = `priority${dir}, placed_at${dir}, id${dir}`;
  const branches: string[] = [];
  const params: SqlValue[] = [];
  for (const status of statuses) {
    const where = sqlWhere({ clauses: ['o.status = ?'], params: [status] }, rest);
    branches.push(`SELECT * FROM (SELECT o.id, o.priority, o.placed_at FROM fulfillment_orders o ${where.sql} ORDER BY o.${order.replaceAll(', ', ', o.')} LIMIT ?)`);
    params.push(...where.params, offset + limit);
  }
  return {
    sql: `SELECT o.* FROM (SELECT * FROM (${branches.join(' UNION ALL ')}) ORDER BY ${order} LIMIT ? OFFSET ?) p
          JOIN fulfillment_orders o ON o.id = p.id ORDER BY p.${order.replaceAll(', ', ', p.')}`,
    params: [...params, limit, offset],
  };
}

/**
 * The SQL of `GET /orders`. Pure and importing only types, so bench/orders-search.mjs runs these
 * very statements against raw sqlite3 as its baseline. `customer`: see orderWhere.
 */
export function orderSearchSql(query: SearchQuery & { sort?: string }, orderBy: string, skuId: number | undefined, timeBound: TimeBound, customer: boolean): SearchSql {
  const rest = orderWhere(query, skuId, timeBound, customer);
  const statuses = commaList(query.status) as OrderStatus[];
  const c = counts(rest);
  const sort = query.sort || 'queue';
  const offset = (query.page - 1) * query.pageSize;
  let page: { sql: string; params: SqlValue[] };
  if ((sort === 'queue' || sort === '-queue') && !narrows(query)) {
    page = queuePage(rest, statuses.length ? statuses : ALL_STATUSES, sort === '-queue', query.pageSize, offset);
  } else {
    const all = sqlWhere(rest, statusClause(statuses));
    page = { sql: `SELECT o.* FROM fulfillment_orders o ${all.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, params: [...all.params, query.pageSize, offset] };
  }
  return { statuses, countSql: c.sql, countParams: c.params, countsWholeShop: rest.clauses.length === 0, pageSql: page.sql, pageParams: page.params };
}
