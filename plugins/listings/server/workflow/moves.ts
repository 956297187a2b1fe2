import { ConflictError, type Actor, type PluginContext, type SqlValue, type Transaction } from '@workbench/plugin-api';
import type { Product } from '../types.js';
import { writeHistory, type HistoryAction } from './history.js';

/** The columns a listing move may write on `listings_products`. */
export type WorkflowColumns = Partial<
  Record<
    | 'status'
    | 'submitted_by'
    | 'submitted_at'
    | 'submit_reason'
    | 'reviewed_by'
    | 'reviewed_at'
    | 'review_note'
    | 'listed_at'
    | 'delisted_at'
    | 'scheduled_list_at'
    | 'scheduled_delist_at'
    | 'showcase_slot',
    SqlValue
  >
>;

/** Refuses a change made from an outdated copy of the product, before any state is judged on it. */
export function requireVersion(product: Product, version: number): void {
  if (product.version === version) return;
  throw new ConflictError({
    'zh-CN': `商品 #${product.id} 刚被别人改过，请刷新后再操作`,
    en: `Product #${product.id} was changed by someone else in the meantime; reload it and try again`,
  });
}

/** Writes the workflow columns (bumping the row version) and the history entry of one move. */
export async function moveProduct(
  ctx: PluginContext,
  tx: Transaction,
  product: Product,
  move: { action: HistoryAction; columns: WorkflowColumns; actor: Actor | undefined; note?: string | null; failedRules?: string[] },
): Promise<void> {
  const now = ctx.now();
  await tx.updateVersioned('listings_products', { id: product.id, version: product.version }, { ...move.columns, updated_at: now });
  const to = (move.columns.status as Product['status'] | undefined) ?? product.status;
  await writeHistory(tx, { productId: product.id, action: move.action, from: product.status, to, actor: move.actor, at: now, note: move.note, failedRules: move.failedRules });
}

/** 已上架: the product goes on sale now, and other areas hear of it in the same transaction. */
export async function listProduct(ctx: PluginContext, tx: Transaction, product: Product, move: { action: HistoryAction; actor: Actor | undefined; note?: string | null; columns?: WorkflowColumns }): Promise<void> {
  await moveProduct(ctx, tx, product, {
    action: move.action,
    actor: move.actor,
    note: move.note,
    columns: { ...move.columns, status: 'listed', listed_at: ctx.now(), scheduled_list_at: null },
  });
  await ctx.events.emit('listings.product.listed', { productId: product.id });
}

/**
 * 已下架: off sale now. The event lets the promotions area suspend the product's promotions inside
 * this transaction, so a product is never off sale with a promotion still running.
 */
export async function delistProduct(ctx: PluginContext, tx: Transaction, product: Product, move: { actor: Actor | undefined; reason: string }): Promise<void> {
  // The shop has only a few showcase slots; one held by a product off sale shows buyers nothing.
  const freed = product.showcaseSlot === null ? '' : `；橱窗推荐位 ${product.showcaseSlot} 已空出`;
  await moveProduct(ctx, tx, product, {
    action: 'delist',
    actor: move.actor,
    note: `${move.reason}${freed}`,
    columns: { status: 'delisted', delisted_at: ctx.now(), scheduled_delist_at: null, showcase_slot: null },
  });
  await ctx.events.emit('listings.product.delisted', { productId: product.id, reason: move.reason });
}
