import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { announce, isPaid, readNews } from '../orders/order-news.js';
import type { OrderNews } from '../types.js';
import type { ImportPlan } from './import-plan.js';

/** The largest order id now; read in the import's transaction before it writes. */
export async function lastOrderId(tx: Transaction): Promise<number> {
  return (await tx.get<{ id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM fulfillment_orders'))?.id ?? 0;
}

/**
 * `fulfillment.order.created` for the import's new orders and `fulfillment.order.paid` for those
 * paid — new ones paid already, and stored ones a re-import shows paid for the first time — in the
 * import's transaction, after everything is written. New orders' news comes from the plan in
 * memory, their ids too: the writer gave them the ids after `lastIdBefore` in the plan's order
 * (import-write.ts), while the transaction held the writer. Reading 100,000 ids back cost more
 * than a second.
 */
export async function announceImport(ctx: PluginContext, tx: Transaction, plan: ImportPlan, skuIds: ReadonlyMap<string, number>, lastIdBefore: number): Promise<void> {
  const created: OrderNews[] = plan.creates.map(({ order: o }, i) => ({
    orderId: lastIdBefore + 1 + i,
    orderNo: o.orderNo,
    source: 'import',
    buyerNick: o.buyerNick,
    platformStatus: o.platformStatus,
    total: o.total,
    paidAmount: o.paidAmount,
    placedAt: o.placedAt,
    paidAt: o.paidAt,
    items: o.items.map((i) => ({ skuId: skuIds.get(i.code) ?? null, skuCode: i.code, quantity: i.quantity, price: i.price, refundState: i.refundState })),
  }));
  const newlyPaid = plan.changes.filter(({ stored, set }) => {
    const platformStatus = (set.platform_status ?? stored.platform_status) as OrderNews['platformStatus'];
    const paidAt = (set.paid_at ?? stored.paid_at) as string | null;
    return !isPaid(stored.platform_status, stored.paid_at) && isPaid(platformStatus, paidAt);
  });
  await announce(ctx, 'fulfillment.order.created', created);
  await announce(ctx, 'fulfillment.order.paid', [
    ...created.filter((o) => isPaid(o.platformStatus, o.paidAt)),
    ...(await readNews(tx, newlyPaid.map((c) => c.stored.id))),
  ]);
}
