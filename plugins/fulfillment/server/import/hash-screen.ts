import type { Queryable, Turns } from '@workbench/plugin-api';
import type { CatalogView } from '../types.js';
import { orderHash } from './order-hash.js';
import type { ParsedOrder } from './order-rows.js';

export interface HashScreen {
  /** Orders to plan as before: new ones, ones whose report differs from the last, and ones the screen cannot vouch for. */
  compare: ParsedOrder[];
  /** Stored orders whose report is the one last written and left alone since: nothing to do. */
  unchanged: number;
  /** The numbers of those orders. */
  settled: string[];
  /** The fingerprint of each order whose lines' 商家编码 are final already (see below), by order number. */
  hashes: Map<string, string>;
}

/**
 * Sorts the report's orders before anything stored is read: one query compares every order's
 * fingerprint (order-hash.ts) with the one stored by the import that last wrote it, in SQLite,
 * and answers only the numbers that differ or are new. Only orders whose every line names a SKU
 * listings knows complete take part: the import never replaces those codes, so the fingerprint
 * of the report is that of what gets written. Lines the import may still give a code to (none,
 * a stub, a platform item mapping) depend on what is stored, so their orders are compared as
 * before.
 */
export async function screenByHash(q: Queryable, catalog: CatalogView, orders: Iterable<ParsedOrder>, turns: Turns): Promise<HashScreen> {
  const all = [...orders];
  const codes = new Set<string>();
  for (const o of all) for (const i of o.items) codes.add(i.code);
  codes.delete('');
  const skus = await catalog.skusByCodes([...codes]);
  const final = (code: string) => skus.get(code)?.needsCompleting === false;
  const unsure = new Set<ParsedOrder>();
  const screened: ParsedOrder[] = [];
  const pairs: [string, string][] = [];
  const hashes = new Map<string, string>();
  for (const o of all) {
    if (turns.due) await turns.next();
    if (!o.items.every((i) => final(i.code))) {
      unsure.add(o);
      continue;
    }
    const hash = orderHash(o);
    hashes.set(o.orderNo, hash);
    screened.push(o);
    pairs.push([o.orderNo, hash]);
  }
  if (pairs.length === 0) return { compare: all, unchanged: 0, settled: [], hashes };
  const row = await q.get<{ keys: string }>(
    `SELECT json_group_array(j.key) AS keys FROM jsonb_each(?) AS j LEFT JOIN fulfillment_orders AS o ON o.order_no = j.value ->> 0
      WHERE o.import_hash IS NOT j.value ->> 1`,
    [JSON.stringify(pairs)],
  );
  const differ = JSON.parse(row?.keys ?? '[]') as number[];
  for (const k of differ) unsure.add(screened[k]!);
  const settled = screened.filter((o) => !unsure.has(o)).map((o) => o.orderNo);
  // In the report's order, as before: new orders take their ids in that order.
  return { compare: all.filter((o) => unsure.has(o)), unchanged: settled.length, settled, hashes };
}
