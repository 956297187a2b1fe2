import { ConflictError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES, type OrderStatus } from '../../shared/state-names.js';
import { moveOrder, recordHistory } from '../orders/order-moves.js';
import { stepBy } from '../shared/actor.js';
import { cancelOpenReplenishments } from './replenishments.js';
import { readWave, waveSummary, type WaveStatus } from './wave-read.js';
import type { WaveDetail } from './wave-types.js';

const WAVE_STATUS_ZH: Record<WaveStatus, string> = { picking: '拣货中', picked: '已拣货', done: '已完成', cancelled: '已取消' };

/** Loads the wave for a write: it must still have the version read and be picking. */
async function pickingWave(tx: Transaction, id: number, version: number, doing: { 'zh-CN': string; en: string }) {
  const wave = await waveSummary(tx, id);
  if (wave.version !== version) {
    throw new ConflictError({ 'zh-CN': `波次 ${wave.waveNo} 刚被别人改过，请刷新后再操作`, en: `Wave ${wave.waveNo} was changed by someone else; reload and try again` });
  }
  if (wave.status !== 'picking') {
    throw new ConflictError({
      'zh-CN': `波次 ${wave.waveNo} 现在是「${WAVE_STATUS_ZH[wave.status]}」，不能${doing['zh-CN']}`,
      en: `Wave ${wave.waveNo} is ${wave.status}; it cannot be ${doing.en}`,
    });
  }
  const orders = await tx.all<{ id: number; order_no: string; status: OrderStatus }>(
    'SELECT o.id, o.order_no, o.status FROM fulfillment_wave_orders wo JOIN fulfillment_orders o ON o.id = wo.order_id WHERE wo.wave_id = ? ORDER BY wo.slot',
    [id],
  );
  return { wave, orders };
}

/**
 * The wave has been picked: each of its approved orders becomes 已拣货 with the picker (the
 * person confirming) recorded. Closed orders stay out; an order sent back to review stops the
 * whole wave, since its goods should not be on the seeding wall.
 */
export async function markPicked(ctx: PluginContext, actor: Actor, id: number, version: number): Promise<WaveDetail> {
  return ctx.db.transaction(async (tx) => {
    const { wave, orders } = await pickingWave(tx, id, version, { 'zh-CN': '再确认拣货', en: 'marked picked' });
    const blocked = orders.filter((o) => o.status !== 'approved' && o.status !== 'closed');
    if (blocked.length) {
      const list = blocked.map((o) => `${o.order_no}（${ORDER_STATUS_NAMES[o.status]['zh-CN']}）`).join('、');
      throw new ConflictError({
        'zh-CN': `波次 ${wave.waveNo} 里有订单已不是「已审核」：${list}；请取消这个波次，再用其余订单重新组波次`,
        en: `Wave ${wave.waveNo} holds orders that are no longer approved: ${blocked.map((o) => `${o.order_no} (${ORDER_STATUS_NAMES[o.status].en})`).join(', ')}; cancel the wave and make a new one from the others`,
      });
    }
    const now = ctx.now();
    const by = stepBy(actor);
    for (const o of orders) {
      if (o.status !== 'approved') continue;
      await moveOrder(tx, o.id, 'picked', {
        action: 'pick',
        by,
        at: now,
        set: { picked_by: by.id, picked_by_name: by.name, picked_at: now },
        detail: { waveId: id, waveNo: wave.waveNo },
      });
    }
    await tx.updateVersioned('fulfillment_waves', { id, version }, { status: 'picked', picked_by: by.id, picked_at: now });
    return readWave(tx, id);
  });
}

/** Calls the wave off before picking: its orders leave it, still 已审核, and its open replenishments are dropped. */
export async function cancelWave(ctx: PluginContext, actor: Actor, id: number, version: number): Promise<WaveDetail> {
  return ctx.db.transaction(async (tx) => {
    const { wave, orders } = await pickingWave(tx, id, version, { 'zh-CN': '取消', en: 'cancelled' });
    const now = ctx.now();
    const by = stepBy(actor);
    for (const o of orders) {
      const row = (await tx.get<{ version: number }>('SELECT version FROM fulfillment_orders WHERE id = ?', [o.id]))!;
      await tx.updateVersioned('fulfillment_orders', { id: o.id, version: row.version }, { wave_id: null, updated_at: now });
      await recordHistory(tx, o.id, { action: 'unwave', by, at: now, detail: { waveId: id, waveNo: wave.waveNo } });
    }
    // An order may be in one wave only (unique index), so leaving means the row goes; the history keeps it.
    await tx.run('DELETE FROM fulfillment_wave_orders WHERE wave_id = ?', [id]);
    await cancelOpenReplenishments(tx, id);
    await tx.updateVersioned('fulfillment_waves', { id, version }, { status: 'cancelled' });
    return readWave(tx, id);
  });
}
