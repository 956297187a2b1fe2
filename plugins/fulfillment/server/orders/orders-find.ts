import { InputError, type PluginContext, type Queryable, type SqlValue } from '@workbench/plugin-api';
import { ORDER_STATUSES, PLATFORM_STATUSES, type OrderStatus, type PlatformStatus } from '../../shared/state-names.js';
import type { OrderDetail, OrderQuery, OrdersPage, OrderTally, OrderTotals } from '../types.js';
import { sqlWhere, type Where } from './order-filter.js';
import { toItem, toOrder, toRemark, type ItemRow, type OrderRow, type RemarkRow } from './order-record.js';
import { timeBound } from './shop-day.js';

const MAX_PAGE_SIZE = 500;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A caller's mistake, told to the clerk whose screen asked (the calling plugin passes it on). */
const wrong = (field: string, zh: string, en: string) => new InputError({ 'zh-CN': `订单查询的 ${field} 有误：${zh}`, en: `The order query's ${field} is wrong: ${en}` });

function checkQuery(query: OrderQuery): void {
  if (query.day !== undefined && !DAY.test(query.day)) throw wrong('day', '应为 YYYY-MM-DD 的日期', 'expected a date YYYY-MM-DD');
  for (const side of ['from', 'to'] as const) {
    const value = query[side];
    if (value !== undefined && (!DAY_OR_TIME.test(value) || Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)))) {
      throw wrong(side, '应为带时区的时间或 YYYY-MM-DD 日期', 'expected a time with its offset, or a date YYYY-MM-DD');
    }
  }
  if (query.by !== undefined && query.by !== 'placedAt' && query.by !== 'paidAt') throw wrong('by', '应为 placedAt（下单时间）或 paidAt（付款时间）', 'expected placedAt or paidAt');
  if (query.page !== undefined && (!Number.isInteger(query.page) || query.page < 1)) throw wrong('page', '应为从 1 开始的整数', 'expected a whole number from 1');
  if (query.pageSize !== undefined && (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > MAX_PAGE_SIZE)) {
    throw wrong('pageSize', `应为 1–${MAX_PAGE_SIZE} 的整数`, `expected a whole number 1–${MAX_PAGE_SIZE}`);
  }
  if (query.skuId !== undefined && !Number.isInteger(query.skuId)) throw wrong('skuId', '应为 SKU 的编号', 'expected a SKU id');
  const unknown = [...(query.status ?? []).filter((s) => !ORDER_STATUSES.includes(s)), ...(query.platformStatus ?? []).filter((s) => !PLATFORM_STATUSES.includes(s))];
  if (unknown.length) throw wrong('status', `没有这些状态：${unknown.join('、')}`, `no such states: ${unknown.join(', ')}`);
}

const inList = (column: string, values: readonly SqlValue[]): Where => ({ clauses: [`${column} IN (${values.map(() => '?').join(', ')})`], params: [...values] });

/** The WHERE of a service query over `fulfillment_orders o`; every term is one an index serves or a range. */
function queryWhere(ctx: PluginContext, query: OrderQuery): Where {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const column = query.by === 'paidAt' ? 'o.paid_at' : 'o.placed_at';
  const bounds: [string, 'from' | 'to'][] = [];
  if (query.day !== undefined) bounds.push([query.day, 'from'], [query.day, 'to']);
  if (query.from !== undefined) bounds.push([query.from, 'from']);
  if (query.to !== undefined) bounds.push([query.to, 'to']);
  for (const [value, side] of bounds) {
    const bound = timeBound(ctx, value, side);
    clauses.push(`${column} ${bound.op} ?`);
    params.push(bound.at);
  }
  if (query.buyerNick !== undefined) {
    clauses.push('o.buyer_nick = ?');
    params.push(query.buyerNick.trim());
  }
  if (query.skuId !== undefined) {
    clauses.push('o.id IN (SELECT order_id FROM fulfillment_order_items WHERE sku_id = ?)');
    params.push(query.skuId);
  }
  const parts: Where[] = [{ clauses, params }];
  if (query.status?.length) parts.push(inList('o.status', query.status));
  if (query.platformStatus?.length) parts.push(inList('o.platform_status', query.platformStatus));
  return { clauses: parts.flatMap((p) => p.clauses), params: parts.flatMap((p) => p.params) };
}

const zero = (): OrderTally => ({ count: 0, paidAmount: 0 });

async function totalsOf(q: Queryable, where: { sql: string; params: SqlValue[] }): Promise<OrderTotals> {
  const rows = await q.all<{ status: OrderStatus; platform_status: PlatformStatus; n: number; paid: number }>(
    `SELECT o.status, o.platform_status, COUNT(*) AS n, SUM(o.paid_amount) AS paid FROM fulfillment_orders o ${where.sql} GROUP BY o.status, o.platform_status`,
    where.params,
  );
  const totals: OrderTotals = {
    ...zero(),
    byStatus: Object.fromEntries(ORDER_STATUSES.map((s) => [s, zero()])) as Record<OrderStatus, OrderTally>,
    byPlatformStatus: Object.fromEntries(PLATFORM_STATUSES.map((s) => [s, zero()])) as Record<PlatformStatus, OrderTally>,
  };
  for (const r of rows) {
    for (const tally of [totals, totals.byStatus[r.status], totals.byPlatformStatus[r.platform_status]]) {
      tally.count += r.n;
      tally.paidAmount += r.paid;
    }
  }
  return totals;
}

/** The lines and remarks of a page of orders, two queries for the whole page. */
async function details(q: Queryable, rows: OrderRow[], showCustomer: boolean): Promise<OrderDetail[]> {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const [items, remarks] = await Promise.all([
    q.all<ItemRow>('SELECT * FROM fulfillment_order_items WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY id', [ids]),
    q.all<RemarkRow & { order_id: number }>('SELECT * FROM fulfillment_order_remarks WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY id', [ids]),
  ]);
  return rows.map((row) => ({
    ...toOrder(row, showCustomer),
    items: items.filter((i) => i.order_id === row.id).map(toItem),
    remarks: remarks.filter((r) => r.order_id === row.id).map(toRemark),
  }));
}

/**
 * The `orders` service's `find`: a page of the matching orders, newest first by the time the
 * query is about (placed, or paid), and the totals of every match per shop and platform state.
 */
export async function findOrders(ctx: PluginContext, q: Queryable, query: OrderQuery, showCustomer: boolean): Promise<OrdersPage> {
  checkQuery(query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const where = sqlWhere(queryWhere(ctx, query));
  const column = query.by === 'paidAt' ? 'o.paid_at' : 'o.placed_at';
  const [totals, rows] = await Promise.all([
    totalsOf(q, where),
    q.all<OrderRow>(`SELECT o.* FROM fulfillment_orders o ${where.sql} ORDER BY ${column} DESC, o.id DESC LIMIT ? OFFSET ?`, [...where.params, pageSize, (page - 1) * pageSize]),
  ]);
  return { items: await details(q, rows, showCustomer), total: totals.count, page, pageSize, totals };
}
