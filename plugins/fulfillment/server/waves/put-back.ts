import { ConflictError, def, NotFoundError, ref, type Actor, type PluginContext } from '@workbench/plugin-api';
import { ORDER_STATUS_NAMES } from '../../shared/state-names.js';
import { moveOrder } from '../orders/order-moves.js';
import type { OrderRow } from '../orders/order-record.js';
import { stepBy } from '../shared/actor.js';
import type { OrderClosed, OrderException, StockLine } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import type { StockParts } from '../shared/stock-parts.js';
import { mustPutBack } from './wave-plan.js';
import { CatalogToken } from '../tokens.js';
import { namedWave } from './wave-names.js';
import { readWave, waveSummary } from './wave-read.js';
import { WAVE_SCHEMAS } from './wave-schemas.js';
import type { WaveDetail } from './wave-types.js';

const CLOSED_REASON = '淘宝上交易已关闭';
const REFUNDING: OrderException = { code: 'refunding', message: '买家在淘宝上申请了退款：货已放回库位，处理完退款再决定是否发货' };

/**
 * 放回货架: the goods of a wave's order that Taobao closed or is refunding go back to their bins
 * (a `putback` ledger row per SKU). A closed trade closes the order here too (reservation released,
 * `fulfillment.order.closed` emitted, so its coupon comes back). A refunding one waits in 异常
 * outside the wave, to be waved again if the refund is refused; the closed one stays in the wave,
 * which then counts as done without it.
 */
export async function putBackOrder(parts: StockParts, actor: Actor, target: { waveId: number; orderId: number }): Promise<WaveDetail> {
  const { ctx, stock } = parts;
  const { waveId, orderId } = target;
  return ctx.db.transaction(async (tx) => {
    const wave = await waveSummary(tx, waveId);
    const row = await tx.get<OrderRow>('SELECT o.* FROM fulfillment_orders o JOIN fulfillment_wave_orders wo ON wo.order_id = o.id WHERE wo.wave_id = ? AND o.id = ?', [waveId, orderId]);
    if (!row) throw new NotFoundError({ 'zh-CN': `波次 ${wave.waveNo} 里没有这个订单`, en: `Wave ${wave.waveNo} holds no such order` });
    if (!mustPutBack(row) && row.status !== 'approved' && row.status !== 'picked' && row.status !== 'verified') {
      const state = ORDER_STATUS_NAMES[row.status];
      throw new ConflictError({
        'zh-CN': `订单 ${row.order_no} 已是「${state['zh-CN']}」，不在拣货发货的路上，没有要放回的货`,
        en: `Order ${row.order_no} is "${state.en}" and no longer on its way out; there is nothing to put back`,
      });
    }
    if (!mustPutBack(row)) {
      throw new ConflictError({
        'zh-CN': `订单 ${row.order_no} 在淘宝上没有关闭也没有退款，照常发货，不用放回库位`,
        en: `Order ${row.order_no} is neither closed nor refunding on Taobao; it ships as usual and its goods stay`,
      });
    }
    const closed = row.platform_status === 'closed';
    const lines = await tx.all<StockLine>(
      "SELECT sku_id AS skuId, SUM(quantity) AS qty FROM fulfillment_order_items WHERE order_id = ? AND sku_id IS NOT NULL AND refund_state <> 'succeeded' GROUP BY sku_id ORDER BY MIN(id)",
      [row.id],
    );
    const by = stepBy(actor);
    const at = ctx.now();
    const reason = closed ? '放回库位：淘宝上交易已关闭' : '放回库位：买家在淘宝上申请了退款';
    await stock.putBack(tx, { id: row.id, orderNo: row.order_no }, lines, { by, reason });
    const detail = { waveId, waveNo: wave.waveNo, platform: row.platform_status };
    if (closed) {
      const closedReason = row.closed_reason ?? CLOSED_REASON;
      await moveOrder(tx, row.id, 'closed', { action: 'putback', by, at, goodsBack: true, set: { closed_reason: closedReason, exceptions: '[]' }, detail, current: row });
      await stock.release(tx, row.id);
      const event: OrderClosed = { orderId: row.id, orderRef: row.order_no, reason: closedReason };
      await ctx.events.emit('fulfillment.order.closed', event);
    } else {
      await moveOrder(tx, row.id, 'exception', { action: 'putback', by, at, goodsBack: true, set: { exceptions: JSON.stringify([REFUNDING]), wave_id: null }, detail, current: row });
      await stock.release(tx, row.id);
      await tx.run('DELETE FROM fulfillment_wave_orders WHERE wave_id = ? AND order_id = ?', [waveId, row.id]);
    }
    return readWave(tx, waveId);
  });
}

/** `POST /waves/:id/orders/:orderId/put-back`, on the wave board. */
export function addPutBackRoute(ctx: PluginContext, stock: StockOps): void {
  ctx.routes.add<{ id: number; orderId: number }>({
    method: 'post',
    path: '/waves/:id/orders/:orderId/put-back',
    permission: 'fulfillment.waves.run',
    summary: { 'zh-CN': '放回库位：淘宝上已关闭或退款中的订单不发货', en: 'Put back on the shelf: an order closed or refunding on Taobao does not ship' },
    description: {
      'zh-CN': '每个 SKU 记一条“放回”流水（数量 0，拣货不扣账面库存）；淘宝已关闭的订单随之关闭（退回优惠券），退款中的订单移出波次、转为异常（退款中）',
      en: 'One putback ledger row per SKU (qty 0: picking does not move book stock); a closed trade closes the order (coupon returned), a refunding one leaves the wave as exception (refunding)',
    },
    params: { type: 'object', properties: { id: def('id'), orderId: def('id') }, required: ['id', 'orderId'] },
    response: ref(WAVE_SCHEMAS.detail),
    action: 'put back order',
    handler: async ({ params, actor }) => namedWave(ctx.services.get(CatalogToken), await putBackOrder({ ctx, stock }, actor!, { waveId: params.id, orderId: params.orderId })),
  });
}
