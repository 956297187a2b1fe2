import { InputError, type Actor, type PluginContext, type SqlValue, type Transaction } from '@workbench/plugin-api';
import { regionOf } from '../../shared/mask.js';
import { fulfillmentSettings } from '../settings.js';
import { courierByCode } from '../shipping/courier-rules.js';
import { stepBy } from '../shared/actor.js';
import type { OrderDetail } from '../types.js';
import type { StockParts } from '../shared/stock-parts.js';
import { mergeKeyOf } from './merge-key.js';
import { recordHistory } from './order-moves.js';
import { requireEditable } from './order-guards.js';
import { storedGiftLines } from './gift-lines.js';
import { resolveLines, writeLines, type LineInput, type ResolvedLine } from './order-lines.js';
import { mayReadCustomer, type OrderRow } from './order-record.js';
import { orderStore } from './order-store.js';
import { priorityOf } from './priority.js';
import { lockOrder, reviewMoves } from './review-moves.js';

export interface OrderPatch {
  version: number;
  receiverName?: string;
  receiverPhone?: string;
  receiverAddress?: string;
  postCode?: string;
  buyerMessage?: string;
  sellerRemark?: string;
  task?: boolean;
  courierRequested?: string | null;
  items?: LineInput[];
}

const FIELDS = {
  receiverName: 'receiver_name',
  receiverPhone: 'receiver_phone',
  receiverAddress: 'receiver_address',
  postCode: 'post_code',
  buyerMessage: 'buyer_message',
  sellerRemark: 'seller_remark',
} as const;

/** Keeps priority (and merge key, region) in step with the columns they come from. */
export async function derivedColumns(ctx: PluginContext, tx: Transaction, row: OrderRow): Promise<{ receiver_region: string; merge_key: string; priority: number }> {
  const hasRemarks = (await orderStore(tx).remarkCount(row.id)) > 0;
  return {
    receiver_region: regionOf(row.receiver_address),
    merge_key: mergeKeyOf({ buyerNick: row.buyer_nick, receiverName: row.receiver_name, receiverPhone: row.receiver_phone, receiverAddress: row.receiver_address }),
    priority: priorityOf(fulfillmentSettings(ctx), {
      task: row.task === 1,
      shippingMethod: row.shipping_method,
      buyerMessage: row.buyer_message,
      sellerRemark: row.seller_remark,
      courierRequested: row.courier_requested,
      hasRemarks,
    }),
  };
}

/** `PATCH /orders/:id` until the order is picked. */
export async function editOrder(parts: StockParts, id: number, patch: OrderPatch, actor: Actor | undefined): Promise<OrderDetail> {
  const { ctx } = parts;
  if (patch.courierRequested && !courierByCode(fulfillmentSettings(ctx), patch.courierRequested)) {
    const codes = fulfillmentSettings(ctx).couriers.map((c) => `${c.code} ${c.name}`).join('、');
    throw new InputError(
      { 'zh-CN': `没有代码为 ${patch.courierRequested} 的快递，可选：${codes}`, en: `No courier has the code ${patch.courierRequested}; choose one of: ${codes}` },
      { errors: [{ path: '/courierRequested', in: 'body', message: codes }] },
    );
  }
  const lines: ResolvedLine[] | undefined = patch.items ? await resolveLines(ctx, patch.items) : undefined;
  const by = stepBy(actor);
  return ctx.db.transaction(async (tx) => {
    const row = await lockOrder(tx, id, patch.version);
    requireEditable(row);
    const now = ctx.now();
    const changes: Record<string, SqlValue> = {};
    for (const [key, column] of Object.entries(FIELDS) as [keyof typeof FIELDS, (typeof FIELDS)[keyof typeof FIELDS]][]) {
      const value = patch[key]?.trim();
      if (value !== undefined && value !== row[column]) changes[column] = value;
    }
    if (patch.task !== undefined && Number(patch.task) !== row.task) changes.task = patch.task ? 1 : 0;
    if (patch.courierRequested !== undefined && patch.courierRequested !== row.courier_requested) changes.courier_requested = patch.courierRequested;
    if (lines) {
      const { goodsTotal, itemCount } = await writeLines(tx, row.id, [...lines, ...(await storedGiftLines(tx, row.id))]);
      Object.assign(changes, { goods_total: goodsTotal, item_count: itemCount, total: goodsTotal + row.shipping_fee });
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return orderStore(tx).detail(row.id, mayReadCustomer(actor));
    await reviewMoves(tx, parts).backToReview(row, { by, at: now, why: 'edit' });
    const current = await lockOrder(tx, id, undefined);
    const next = { ...current, ...changes } as OrderRow;
    await tx.updateVersioned('fulfillment_orders', { id: row.id, version: current.version }, { ...changes, ...(await derivedColumns(ctx, tx, next)), updated_at: now });
    // Receiver details stay out of the history: it records which fields changed, not their values.
    await recordHistory(tx, row.id, { action: 'edit', by, at: now, detail: { fields: changed } });
    return orderStore(tx).detail(row.id, mayReadCustomer(actor));
  });
}
