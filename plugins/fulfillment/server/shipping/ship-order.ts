import { ConflictError, InputError, NotFoundError, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { regionOf } from '../../shared/mask.js';
import { ORDER_STATUS_NAMES } from '../../shared/state-names.js';
import { couriersFitting, trackingMatches } from '../../shared/tracking.js';
import { moveOrder } from '../orders/order-moves.js';
import type { OrderRow } from '../orders/order-record.js';
import { courierNameOf, fulfillmentSettings, type CourierSetting, type FulfillmentSettings } from '../settings.js';
import type { StepBy } from '../shared/actor.js';
import type { StockParts } from '../shared/stock-parts.js';
import type { OrderShipped, StockLine } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { refuseOthersNumber } from '../labels/tracking-pool.js';
import { bulkBinsOf } from '../waves/wave-plan.js';
import { chooseCourier, courierByCode, courierNames, normaliseTracking, reaches, type CourierChoice } from './courier-rules.js';

/** What the packer enters at the station, or a row of the batch-shipping file. */
export interface ShipInput {
  /** The version read; batch rows leave it out, having just read the order. */
  version?: number;
  /** A courier code; left out, the courier rules choose. */
  courier?: string;
  trackingNo: string;
  weightGrams?: number;
}

const field = (path: string, message: string) => ({ errors: [{ path, in: 'body', message }] });

/** The courier rules applied to an order row. */
export function courierChoiceFor(settings: FulfillmentSettings, row: OrderRow): CourierChoice {
  return chooseCourier(settings, {
    receiverRegion: row.receiver_region || regionOf(row.receiver_address),
    buyerMessage: row.buyer_message,
    sellerRemark: row.seller_remark,
    shippingMethod: row.shipping_method,
    courierRequested: row.courier_requested,
  });
}

/**
 * The buyer's money is no longer the shop's to earn once Taobao closed the trade or a refund is
 * open: the parcel stays, whatever the warehouse has done with it. The wave board puts its goods
 * back on the shelf.
 */
function refuseHeldOnPlatform(row: OrderRow): void {
  if (row.status === 'shipped' || row.status === 'closed') return;
  if (row.platform_status === 'closed') {
    throw new ConflictError({
      'zh-CN': `订单 ${row.order_no} 在淘宝上交易已关闭（${row.closed_reason ?? '买家已退款或取消'}），不能发货：请在波次里把货放回库位`,
      en: `Order ${row.order_no} is closed on Taobao (${row.closed_reason ?? 'refunded or cancelled'}); it does not ship — put its goods back on the shelf from the wave`,
    });
  }
  if (row.platform_status === 'refunding') {
    throw new ConflictError({
      'zh-CN': `订单 ${row.order_no} 的买家在淘宝上申请了退款，退款没处理完不能发货：请在波次里把货放回库位，处理完退款再说`,
      en: `Order ${row.order_no} has a refund open on Taobao; it does not ship until the refund is settled — put its goods back on the shelf from the wave`,
    });
  }
}

/** Refuses an order that is not ready to leave: 已复核, or 已拣货 for an order of one SKU. */
async function checkReady(tx: Transaction, row: OrderRow): Promise<StockLine[]> {
  const items = await tx.all<{ sku_id: number | null; sku_code: string; quantity: number }>("SELECT sku_id, sku_code, quantity FROM fulfillment_order_items WHERE order_id = ? AND refund_state <> 'succeeded' ORDER BY id", [row.id]);
  const skus = new Set(items.map((i) => i.sku_code));
  const name = ORDER_STATUS_NAMES[row.status];
  if (row.status === 'shipped') {
    throw new ConflictError({ 'zh-CN': `订单 ${row.order_no} 已经发货了（${row.courier ?? ''} ${row.tracking_no ?? ''}），不能再发一次`, en: `Order ${row.order_no} has already shipped (${row.courier ?? ''} ${row.tracking_no ?? ''})` });
  }
  refuseHeldOnPlatform(row);
  if (row.status === 'picked' && skus.size > 1) {
    throw new ConflictError({
      'zh-CN': `订单 ${row.order_no} 有 ${skus.size} 种商品，要先在复核台逐件扫码复核，复核完才能发货`,
      en: `Order ${row.order_no} holds ${skus.size} different SKUs; verify it item by item at the verification station before shipping`,
    });
  }
  if (row.status !== 'verified' && row.status !== 'picked') {
    const missing =
      row.status === 'approved'
        ? { zh: '还没有拣货：请先建波次拣货（多品订单还要复核）', en: 'it has not been picked: pick it in a wave first (and verify it if it holds several SKUs)' }
        : row.status === 'closed'
          ? { zh: '已经关闭，不发货', en: 'it is closed and does not ship' }
          : { zh: '还没有审核通过：请先审单、拣货', en: 'it has not been approved: review and pick it first' };
    throw new ConflictError({ 'zh-CN': `订单 ${row.order_no} 现在是「${name['zh-CN']}」，${missing.zh}`, en: `Order ${row.order_no} is "${name.en}"; ${missing.en}` });
  }
  const unmatched = items.find((i) => i.sku_id === null);
  if (unmatched) {
    throw new ConflictError({ 'zh-CN': `订单 ${row.order_no} 的商家编码 ${unmatched.sku_code} 没有对应的商品，不能出库`, en: `Order ${row.order_no}: the SKU code ${unmatched.sku_code} matches no product; it cannot leave the warehouse` });
  }
  return items.map((i) => ({ skuId: i.sku_id!, qty: i.quantity }));
}

/** The courier given, checked against the settings and the region, or the rules' choice. */
function courierFor(settings: FulfillmentSettings, row: OrderRow, code: string | undefined): CourierSetting {
  const region = row.receiver_region || regionOf(row.receiver_address);
  if (code === undefined || code === '') {
    const choice = courierChoiceFor(settings, row);
    if (!choice.courier) {
      throw new ConflictError(
        { 'zh-CN': `${choice.reason['zh-CN']}：请在设置里给这个地区配一家快递，或手动选择快递`, en: `${choice.reason.en}: add a courier for the region in the settings, or choose one by hand` },
        field('/courier', 'none'),
      );
    }
    return choice.courier;
  }
  const courier = courierByCode(settings, code);
  if (!courier) {
    throw new InputError({ 'zh-CN': `没有快递公司“${code}”，可选：${courierNames(settings)}`, en: `There is no courier "${code}"; choose one of ${courierNames(settings)}` }, field('/courier', 'unknown'));
  }
  if (!reaches(courier, region)) {
    const others = settings.couriers.filter((c) => reaches(c, region)).map(courierNameOf);
    const zh = others.map((n) => n['zh-CN']).join('、');
    const en = others.map((n) => n.en).join(', ');
    throw new ConflictError(
      { 'zh-CN': `${courier.name}不送${region}，请改用${zh || '别的快递'}`, en: `${courierNameOf(courier).en} does not deliver to ${region}; use ${en || 'another courier'}` },
      field('/courier', 'unreachable'),
    );
  }
  return courier;
}

/** A tracking number of the courier's shape that no other order carries. */
async function checkTracking(tx: Transaction, settings: FulfillmentSettings, row: OrderRow, courier: CourierSetting, trackingNo: string): Promise<void> {
  if (!trackingMatches(courier, trackingNo)) {
    const fitting = couriersFitting(settings.couriers, trackingNo).map(courierNameOf);
    const hint = fitting.length
      ? { zh: `它像是${fitting.map((n) => n['zh-CN']).join('或')}的单号，是不是选错了快递？`, en: `it looks like a ${fitting.map((n) => n.en).join(' or ')} number; was the wrong courier chosen?` }
      : { zh: '请核对后重新扫描', en: 'check it and scan it again' };
    throw new InputError(
      { 'zh-CN': `运单号 ${trackingNo} 不是${courier.name}的单号格式，${hint.zh}`, en: `${trackingNo} is not shaped like a ${courierNameOf(courier).en} tracking number; ${hint.en}` },
      field('/trackingNo', 'shape'),
    );
  }
  const other = await tx.get<{ order_no: string }>('SELECT order_no FROM fulfillment_orders WHERE tracking_no = ? AND id <> ?', [trackingNo, row.id]);
  if (other) {
    throw new ConflictError(
      { 'zh-CN': `运单号 ${trackingNo} 已经用在订单 ${other.order_no} 上了，一个包裹只能对应一张运单，请换一张面单`, en: `Tracking number ${trackingNo} is already on order ${other.order_no}; use another waybill` },
      field('/trackingNo', 'used'),
    );
  }
  await refuseOthersNumber(tx, row.id, trackingNo);
}

function checkWeight(settings: FulfillmentSettings, weightGrams: number | undefined): number | null {
  if (weightGrams === undefined) {
    if (settings.shipping.requireWeight) {
      throw new InputError({ 'zh-CN': '请先称重，填上包裹重量（克）再发货', en: 'Weigh the parcel and enter its weight in grams before shipping' }, field('/weightGrams', 'required'));
    }
    return null;
  }
  if (!Number.isInteger(weightGrams) || weightGrams <= 0) {
    throw new InputError({ 'zh-CN': `包裹重量要填大于 0 的整数克数（${weightGrams}）`, en: `The weight must be whole grams above 0 (${weightGrams})` }, field('/weightGrams', 'whole grams'));
  }
  return weightGrams;
}

/**
 * Ships one order in the caller's transaction: the goods leave the bins (ledger rows, reservation
 * released), the order becomes 已发货 with courier, tracking number, weight and the person who
 * packed and shipped it, and `fulfillment.order.shipped` is emitted. Anything refused or failing
 * throws, and the caller's transaction takes every part back with it.
 */
export async function shipOrder(tx: Transaction, step: StockParts & { by: StepBy }, orderId: number, input: ShipInput): Promise<OrderRow> {
  const { ctx, stock, by } = step;
  const settings = fulfillmentSettings(ctx);
  const row = await tx.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [orderId]);
  if (!row) throw new NotFoundError({ 'zh-CN': '订单不存在', en: 'No such order' });
  if (input.version !== undefined && input.version !== row.version) {
    throw new ConflictError({ 'zh-CN': `订单 ${row.order_no} 刚被别人修改过，请刷新后再发货`, en: `Order ${row.order_no} was changed by someone else; reload it and ship again` });
  }
  const lines = await checkReady(tx, row);
  const courier = courierFor(settings, row, input.courier);
  const trackingNo = normaliseTracking(input.trackingNo);
  if (!trackingNo) throw new InputError({ 'zh-CN': '请扫描或填写运单号', en: 'Scan or enter the tracking number' }, field('/trackingNo', 'required'));
  await checkTracking(tx, settings, row, courier, trackingNo);
  const weightGrams = checkWeight(settings, input.weightGrams);

  const now = ctx.now();
  await stock.shipOut(tx, { id: row.id, orderNo: row.order_no }, lines, { by, from: await bulkBinsOf(tx, row.id) });
  await moveOrder(tx, row.id, 'shipped', {
    version: row.version,
    action: 'ship',
    by,
    at: now,
    // The packer weighs and seals the parcel at the station and hands it over: one person, both steps.
    set: {
      courier: courier.code,
      tracking_no: trackingNo,
      weight_grams: weightGrams,
      packed_by: by.id,
      packed_by_name: by.name,
      packed_at: now,
      shipped_by: by.id,
      shipped_by_name: by.name,
      shipped_at: now,
    },
    detail: { courier: courier.code, trackingNo, weightGrams },
  });
  const items = await tx.all<{ skuId: number; skuCode: string; qty: number }>(
    "SELECT sku_id AS skuId, sku_code AS skuCode, SUM(quantity) AS qty FROM fulfillment_order_items WHERE order_id = ? AND refund_state <> 'succeeded' GROUP BY sku_id, sku_code ORDER BY MIN(id)",
    [row.id],
  );
  const payload: OrderShipped = { orderId: row.id, orderNo: row.order_no, courier: courier.code, trackingNo, weightGrams, items, shippedBy: by, shippedAt: now };
  await ctx.events.emit('fulfillment.order.shipped', payload);
  return (await tx.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [row.id]))!;
}
