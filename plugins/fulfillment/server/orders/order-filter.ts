import type { SqlValue } from '@workbench/plugin-api';
import type { OrderStatus } from '../../shared/state-names.js';

/** A `from`/`to` value as a comparison with stored shop times (see shop-day.ts). */
export type TimeBound = (value: string, side: 'from' | 'to') => { op: '>=' | '<' | '<='; at: string };

/** The filters of `GET /orders`, as the query arrives after validation. */
export interface OrderFilter {
  q?: string;
  status?: string;
  platformStatus?: string;
  flag?: string;
  from?: string;
  to?: string;
  courier?: string;
  sku?: string;
  exception?: string;
  wave?: number;
  followUp?: 'exchange' | 'reship' | 'any';
}

export interface Where {
  clauses: string[];
  params: SqlValue[];
}

export const commaList = (value: string | undefined): string[] =>
  value === undefined ? [] : [...new Set(value.split(',').map((v) => v.trim()).filter((v) => v !== ''))];

/** The first text after every text starting with `prefix`, so `col >= prefix AND col < upper` is a prefix range an index serves. */
export function prefixUpper(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/**
 * The WHERE of an order search over `fulfillment_orders o`, without the shop-state filter (the
 * counts per state use the rest). Every term is one an index serves — equality or a prefix range —
 * never a LIKE with a leading wildcard, so a search stays fast at a hundred thousand orders.
 * `skuId` is the catalog's id for the `sku` filter's 商家编码 (resolved by the caller). Imports
 * only types, so the search benchmark runs exactly this SQL against raw sqlite3.
 *
 * `customer` says whether the reader may see receivers whole: without it `q` matches only order
 * and tracking numbers, since an order found by an exact receiver name or payment account would
 * confirm the guess even though the answer shows it masked.
 */
export function orderWhere(filter: OrderFilter, skuId: number | undefined, timeBound: TimeBound, customer: boolean): Where {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const text = filter.q?.trim();
  if (text) {
    // Order number exact or by prefix; receiver, payment account and tracking number exactly.
    // Order and tracking numbers are kept in capitals, and a scanner with Caps Lock on sends
    // small letters: those two are matched in capitals too.
    const upper = text.toUpperCase();
    const numbers = upper === text ? '(o.order_no >= ? AND o.order_no < ?)' : '(o.order_no >= ? AND o.order_no < ?) OR (o.order_no >= ? AND o.order_no < ?)';
    const people = customer ? ' OR o.receiver_name = ? OR o.buyer_account = ?' : '';
    clauses.push(`(${numbers}${people} OR o.tracking_no = ?)`);
    params.push(text, prefixUpper(text), ...(upper === text ? [] : [upper, prefixUpper(upper)]), ...(customer ? [text, text] : []), upper.replace(/\s+/g, ''));
  }
  const platform = commaList(filter.platformStatus);
  if (platform.length) {
    clauses.push(`o.platform_status IN (${platform.map(() => '?').join(', ')})`);
    params.push(...platform);
  }
  const flags = commaList(filter.flag).map(Number);
  if (flags.length) {
    clauses.push(`o.flag IN (${flags.map(() => '?').join(', ')})`);
    params.push(...flags);
  }
  for (const side of ['from', 'to'] as const) {
    const value = filter[side];
    if (value === undefined) continue;
    const bound = timeBound(value, side);
    clauses.push(`o.placed_at ${bound.op} ?`);
    params.push(bound.at);
  }
  if (filter.courier) {
    clauses.push('o.courier = ?');
    params.push(filter.courier);
  }
  if (filter.sku !== undefined) {
    // Through the items index (sku_id, order_id); lines the catalog never matched keep only their code.
    clauses.push('o.id IN (SELECT order_id FROM fulfillment_order_items WHERE sku_id = ? UNION SELECT order_id FROM fulfillment_order_items WHERE sku_id IS NULL AND sku_code = ?)');
    params.push(skuId ?? -1, filter.sku.trim());
  }
  if (filter.exception) {
    // Exceptions are kept only while the order is 异常, so the state index narrows the search first.
    clauses.push("o.status = 'exception' AND EXISTS (SELECT 1 FROM json_each(o.exceptions) e WHERE json_extract(e.value, '$.code') = ?)");
    params.push(filter.exception);
  }
  if (filter.wave !== undefined) {
    clauses.push('o.wave_id = ?');
    params.push(filter.wave);
  }
  if (filter.followUp === 'any') clauses.push('o.follow_up IS NOT NULL');
  else if (filter.followUp) {
    clauses.push('o.follow_up = ?');
    params.push(filter.followUp);
  }
  return { clauses, params };
}

export function statusClause(statuses: OrderStatus[]): Where {
  return statuses.length ? { clauses: [`o.status IN (${statuses.map(() => '?').join(', ')})`], params: statuses } : { clauses: [], params: [] };
}

export const sqlWhere = (...parts: Where[]): { sql: string; params: SqlValue[] } => {
  const clauses = parts.flatMap((p) => p.clauses);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params: parts.flatMap((p) => p.params) };
};
