import type { Transaction } from '@workbench/plugin-api';
import type { OrderStatus } from '../../shared/state-names.js';
import { EXCEPTION_TEXTS } from '../import/import-plan.js';
import { moveOrder, recordHistory } from '../orders/order-moves.js';
import { orderStore } from '../orders/order-store.js';
import type { StepBy } from '../shared/actor.js';
import type { CatalogSku, CatalogView, OrderException } from '../types.js';
import type { MappingRow } from './mapping-store.js';
import { itemName, lineExceptions } from './platform-item.js';
import { isResolved, waitingLines } from './waiting-lines.js';

/** An order a new mapping gave lines to, as it is afterwards. */
export interface ResolvedOrder {
  id: number;
  orderNo: string;
  status: OrderStatus;
}

// The two exceptions a line's goods cause; a mapping may clear them, never adds them.
const LINE_CODES = new Set(['unknown-sku', 'unmapped-item']);

/**
 * A new mapping at work, in the caller's transaction: every line of a waiting order that holds
 * the mapped item and has no complete SKU gets the mapping's SKU. Each such order drops the
 * `unmapped-item` / `unknown-sku` its lines no longer cause; a 异常 order left with no exception
 * goes back to 待审核, so the review rules look at it again. Each order gets a `map-item` history
 * row with who did it.
 */
export async function applyMapping(tx: Transaction, catalog: CatalogView, target: { mapping: MappingRow; sku: CatalogSku }, step: { by: StepBy; at: string }): Promise<ResolvedOrder[]> {
  const { mapping, sku } = target;
  const { by, at } = step;
  const lines = await waitingLines(tx, catalog, { key: mapping.match_key });
  const perOrder = new Map<number, number>();
  for (const line of lines) {
    await tx.run('UPDATE fulfillment_order_items SET sku_id = ?, sku_code = ? WHERE id = ?', [sku.id, sku.code, line.id]);
    perOrder.set(line.order_id, (perOrder.get(line.order_id) ?? 0) + 1);
  }
  const orders: ResolvedOrder[] = [];
  for (const [orderId, count] of perOrder) {
    const row = await orderStore(tx).requireRow(orderId);
    const items = await orderStore(tx).items(orderId);
    const found = await catalog.skusByCodes([...new Set(items.map((i) => i.sku_code).filter((c) => c !== ''))]);
    const now = lineExceptions(items.map((i) => ({ ...i, code: i.sku_code })), (i) => !isResolved(i, found), EXCEPTION_TEXTS.unknownSku);
    const kept = (JSON.parse(row.exceptions) as OrderException[]).flatMap((e) => (LINE_CODES.has(e.code) ? now.filter((n) => n.code === e.code) : [e]));
    const detail = { mappingId: mapping.id, item: itemName(mapping), skuCode: sku.code, lines: count };
    let status = row.status;
    if (row.status === 'exception' && kept.length === 0) {
      await moveOrder(tx, orderId, 'pending', { action: 'map-item', by, at, set: { exceptions: '[]' }, detail, current: row });
      status = 'pending';
    } else {
      await tx.updateVersioned('fulfillment_orders', { id: row.id, version: row.version }, { exceptions: JSON.stringify(kept), updated_at: at });
      await recordHistory(tx, orderId, { action: 'map-item', by, at, detail });
    }
    orders.push({ id: orderId, orderNo: row.order_no, status });
  }
  return orders;
}
