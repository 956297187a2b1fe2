import { ConflictError, InputError, type Actor, type PluginContext } from '@workbench/plugin-api';
import { FLAG_NAMES, type FlagColour } from '../../shared/state-names.js';
import { fulfillmentSettings } from '../settings.js';
import { stepBy } from '../shared/actor.js';
import type { OrderDetail } from '../types.js';
import { derivedColumns } from './order-edit.js';
import { recordHistory } from './order-moves.js';
import { mayReadCustomer, type OrderRow } from './order-record.js';
import { orderStore } from './order-store.js';
import { parseRemark, REMARK_FORMAT } from './remark-format.js';
import { lockOrder, type OrderAt } from './review-moves.js';

const flagName = (flag: number) => (flag === 0 ? '无旗' : FLAG_NAMES[flag as Exclude<FlagColour, 0>]['zh-CN']);

/** 插旗: the seller's flag colour, 0 to take it off. */
export async function setFlag(ctx: PluginContext, order: OrderAt, flag: number, actor: Actor | undefined): Promise<OrderDetail> {
  const by = stepBy(actor);
  return ctx.db.transaction(async (tx) => {
    const row = await lockOrder(tx, order.id, order.version);
    if (row.flag !== flag) {
      const now = ctx.now();
      await tx.updateVersioned('fulfillment_orders', { id: row.id, version: row.version }, { flag, updated_at: now });
      await recordHistory(tx, row.id, { action: 'flag', by, at: now, detail: { from: row.flag, to: flag, name: flagName(flag) } });
    }
    return orderStore(tx).detail(row.id, mayReadCustomer(actor));
  });
}

/**
 * 备注 in the shop's format 工号+快递+备注: the courier it names becomes the courier the order
 * asks for, the order ranks by its remarks from now on, and `flag` (when sent) is set with it.
 * Shipped or closed orders take no remark: the parcel has gone (after-sales takes over).
 */
export async function addRemark(ctx: PluginContext, id: number, input: { text: string; flag?: number }, actor: Actor | undefined): Promise<OrderDetail> {
  const parsed = parseRemark(fulfillmentSettings(ctx), input.text);
  if ('problem' in parsed) {
    throw new InputError(parsed.problem, parsed.badSetting ? {} : { errors: [{ path: '/text', in: 'body', message: REMARK_FORMAT['zh-CN'] }] });
  }
  const by = stepBy(actor);
  return ctx.db.transaction(async (tx) => {
    const row = await lockOrder(tx, id, undefined);
    if (row.status === 'shipped' || row.status === 'closed') {
      throw new ConflictError({
        'zh-CN': `订单 ${row.order_no} 已${row.status === 'shipped' ? '发货' : '关闭'}，不能再加备注；后续请在售后里记录`,
        en: `Order ${row.order_no} is ${row.status}; it takes no more remarks — record anything further in after-sales`,
      });
    }
    const now = ctx.now();
    const { lastId } = await tx.run(
      'INSERT INTO fulfillment_order_remarks (order_id, agent_no, courier, note, text, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [row.id, parsed.agentNo, parsed.courier.code, parsed.note, input.text.trim(), by.id, by.name, now],
    );
    const next: OrderRow = { ...row, courier_requested: parsed.courier.code, flag: input.flag ?? row.flag };
    const { priority } = await derivedColumns(ctx, tx, next);
    await tx.updateVersioned('fulfillment_orders', { id: row.id, version: row.version }, { courier_requested: parsed.courier.code, flag: next.flag, priority, updated_at: now });
    await recordHistory(tx, row.id, { action: 'remark', by, at: now, detail: { remarkId: lastId, agentNo: parsed.agentNo, courier: parsed.courier.code, ...(input.flag !== undefined ? { flag: input.flag } : {}) } });
    return orderStore(tx).detail(row.id, mayReadCustomer(actor));
  });
}
