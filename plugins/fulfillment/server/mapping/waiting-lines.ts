import type { Queryable } from '@workbench/plugin-api';
import type { OrderStatus } from '../../shared/state-names.js';
import type { CatalogSku, CatalogView } from '../types.js';
import { platformItemKey } from './platform-item.js';

/** Orders whose goods may still change: a mapping resolves their lines (review starts after). */
export const WAITING_STATUSES: readonly OrderStatus[] = ['pending', 'exception', 'fraud'];

/** A line of a waiting order that no SKU of the catalog is known for yet. */
export interface WaitingLine {
  id: number;
  order_id: number;
  order_no: string;
  sku_id: number | null;
  sku_code: string;
  title: string;
  properties: string;
}

/** Whether a stored line names a complete SKU of the catalog (the one it holds the id of). */
export function isResolved(line: { sku_id: number | null; sku_code: string }, catalog: ReadonlyMap<string, CatalogSku>): boolean {
  const sku = catalog.get(line.sku_code);
  return line.sku_code !== '' && line.sku_id !== null && sku !== undefined && sku.id === line.sku_id && !sku.needsCompleting;
}

/**
 * The lines of waiting orders without a complete SKU — no code at all, or a code listings does not
 * know or holds only as a stub — optionally of one order or one platform item (its key), in the
 * order the queue works them.
 */
export async function waitingLines(q: Queryable, catalog: CatalogView, filter: { orderId?: number; key?: string } = {}): Promise<WaitingLine[]> {
  const statuses = WAITING_STATUSES.map((s) => `'${s}'`).join(', ');
  const rows = await q.all<WaitingLine>(
    `SELECT i.id, i.order_id, o.order_no, i.sku_id, i.sku_code, i.title, i.properties
     FROM fulfillment_order_items i JOIN fulfillment_orders o ON o.id = i.order_id
     WHERE o.status IN (${statuses}) ${filter.orderId !== undefined ? 'AND o.id = ?' : ''}
     ORDER BY o.priority, o.placed_at, i.id`,
    filter.orderId !== undefined ? [filter.orderId] : [],
  );
  const keyed = filter.key === undefined ? rows : rows.filter((r) => platformItemKey(r.title, r.properties) === filter.key);
  const found = await catalog.skusByCodes([...new Set(keyed.map((r) => r.sku_code).filter((c) => c !== ''))]);
  return keyed.filter((r) => !isResolved(r, found));
}
