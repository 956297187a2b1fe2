import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { regionOf } from '../../shared/mask.js';
import type { OrderStatus } from '../../shared/state-names.js';
import { mergeKeyOf } from '../orders/merge-key.js';
import { recordHistory } from '../orders/order-moves.js';
import { priorityOf } from '../orders/priority.js';
import { chooseCourier } from '../shipping/courier-rules.js';
import { readCourierRequest } from '../shipping/courier-request.js';
import { fulfillmentSettings } from '../settings.js';
import type { StepBy } from '../shared/actor.js';
import type { StockParts } from '../shared/stock-parts.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import type { DemoPlan } from './demo-plans.js';

/** The demo shop's staff; the demo has no accounts, so their steps carry names only. */
export const DEMO_STAFF: Record<'system' | 'review' | 'pick' | 'verify' | 'pack', StepBy> = {
  system: { id: null, name: '系统' },
  review: { id: null, name: '小陈（审单）' },
  pick: { id: null, name: '老周（拣货）' },
  verify: { id: null, name: '阿梅（复核）' },
  pack: { id: null, name: '小刘（打包）' },
};

// How far along the warehouse each state is, for which steps and stock moves it has had.
const REACHED: Record<OrderStatus, number> = { pending: 0, exception: 0, fraud: 0, closed: 0, approved: 1, picked: 2, verified: 3, shipped: 4 };

/** A tracking number in the courier's usual shape, unique per demo order. */
function trackingNo(courier: string, i: number): string {
  const n = String(100000000000 + i * 7919).slice(-12);
  switch (courier) {
    case 'SF': return `SF1${n}`;
    case 'EMS': return `9${n}`;
    case 'ZTO': return `73${n}`;
    case 'YTO': return `YT${n}0`;
    default: return `77${n}`;
  }
}

/** Writes one planned order with its items, remark, history and stock moves. Answers its id. */
export async function writeDemoOrder(tx: Transaction, parts: StockParts, plan: DemoPlan, now: string): Promise<number> {
  const { ctx, stock } = parts;
  const settings = fulfillmentSettings(ctx);
  const at = (hours: number) => ctx.shopTime(Date.parse(now) - hours * 3_600_000);
  const placedAt = at(plan.hoursAgo);
  const paidAt = plan.platformStatus === 'unpaid' ? null : at(plan.hoursAgo - 0.1);
  const goods = plan.lines.reduce((sum, l) => sum + l.sku.price * l.qty, 0);
  const r = plan.receiver;
  const remarkText = plan.remark ? `${plan.remark.agentNo}+${plan.remark.courier}+${plan.remark.note}` : '';
  const region = regionOf(r.address);
  const courierRequested = plan.remark?.courier === '顺丰' || readCourierRequest(settings, { sellerRemark: '', buyerMessage: plan.buyerMessage, shippingMethod: '快递' }).wanted?.code === 'SF' ? 'SF' : null;
  const priority = priorityOf(settings, { task: plan.task, shippingMethod: '快递', buyerMessage: plan.buyerMessage, sellerRemark: '', courierRequested, hasRemarks: Boolean(plan.remark) });
  const orderNo = `4${String(2600000 + plan.index * 37).padStart(8, '0')}${String(plan.index).padStart(4, '0')}8812`;
  const { lastId: id } = await tx.run(
    `INSERT INTO fulfillment_orders (order_no, source, shop_name, buyer_nick, buyer_account, platform_status, status, exceptions, goods_total, shipping_fee, total, paid_amount,
       buyer_message, receiver_name, receiver_phone, receiver_address, receiver_region, post_code, shipping_method, item_count, flag, task, priority,
       courier_requested, merge_key, closed_reason, placed_at, paid_at, created_at, updated_at)
     VALUES (?, 'import', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, '快递', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      orderNo, '云裳小铺', r.nick, r.account, plan.platformStatus, plan.status, JSON.stringify(plan.exceptions), goods, goods, paidAt ? goods : 0,
      plan.buyerMessage, r.name, r.phone, r.address, region, r.postCode, plan.lines.reduce((n, l) => n + l.qty, 0), plan.flag, plan.task ? 1 : 0, priority,
      courierRequested, mergeKeyOf({ buyerNick: r.nick, receiverName: r.name, receiverPhone: r.phone, receiverAddress: r.address }), plan.closedReason ?? null, placedAt, paidAt, placedAt, placedAt,
    ],
  );
  for (const [n, line] of plan.lines.entries()) {
    await tx.run('INSERT INTO fulfillment_order_items (order_id, line_key, sku_id, sku_code, title, properties, quantity, price) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      id, String(n + 1), line.sku.id, line.sku.code, line.sku.code, Object.entries(line.sku.attributes).map(([k, v]) => `${k}：${v}`).join(';'), line.qty, line.sku.price,
    ]);
  }
  await recordHistory(tx, id, { action: 'import', by: DEMO_STAFF.system, at: placedAt, to: 'pending', detail: { file: 'ExportOrderList-demo.csv' } });
  if (plan.remark) {
    await tx.run('INSERT INTO fulfillment_order_remarks (order_id, agent_no, courier, note, text, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      id, plan.remark.agentNo, plan.remark.courier, plan.remark.note, remarkText, `${plan.remark.agentNo}号客服`, at(plan.hoursAgo - 0.2),
    ]);
  }
  await writeSteps(ctx, tx, stock, { id, orderNo, plan, at, region, courierRequested });
  return id;
}

async function writeSteps(
  ctx: PluginContext,
  tx: Transaction,
  stock: StockOps,
  o: { id: number; orderNo: string; plan: DemoPlan; at: (hours: number) => string; region: string; courierRequested: string | null },
): Promise<void> {
  const { plan, at } = o;
  const reached = REACHED[plan.status];
  const lines = plan.lines.map((l) => ({ skuId: l.sku.id, qty: l.qty }));
  const step = async (column: string, by: StepBy, hours: number, action: string, from: OrderStatus, to: OrderStatus) => {
    await tx.run(`UPDATE fulfillment_orders SET ${column}_by = ?, ${column}_by_name = ?, ${column}_at = ? WHERE id = ?`, [by.id, by.name, at(hours), o.id]);
    await recordHistory(tx, o.id, { action, by, at: at(hours), from, to });
  };
  if (plan.status === 'exception' || plan.status === 'fraud' || plan.status === 'closed') {
    const action = plan.status === 'closed' ? 'close' : plan.status;
    await recordHistory(tx, o.id, {
      action,
      by: plan.status === 'exception' ? DEMO_STAFF.system : DEMO_STAFF.review,
      at: at(plan.hoursAgo - 0.5),
      from: 'pending',
      to: plan.status,
      detail: plan.status === 'fraud' ? { reason: '同一收货地址短时间内多个新账号下单，疑似刷单' } : { reasons: plan.exceptions, reason: plan.closedReason },
    });
    return;
  }
  if (reached >= 1) {
    await step('reviewed', DEMO_STAFF.review, plan.hoursAgo - 0.5, 'approve', 'pending', 'approved');
    await stock.reserve(tx, o.id, lines);
  }
  // Shipped orders went through the warehouse soon after payment; the rest were picked this morning.
  const shipped = plan.status === 'shipped';
  const pickedH = shipped ? plan.hoursAgo - 1 : 3;
  const verifiedH = shipped ? plan.hoursAgo - 1.5 : 2;
  const shippedH = plan.hoursAgo - 2;
  if (reached >= 2) await step('picked', DEMO_STAFF.pick, pickedH, 'pick', 'approved', 'picked');
  if (reached >= 3) {
    await step('verified', DEMO_STAFF.verify, verifiedH, 'verify', 'picked', 'verified');
    for (const l of plan.lines) {
      for (let n = 0; n < l.qty; n++) {
        await tx.run("INSERT INTO fulfillment_verification_scans (order_id, code, sku_id, outcome, actor_name, at) VALUES (?, ?, ?, 'ok', ?, ?)", [o.id, l.sku.barcode ?? l.sku.code, l.sku.id, DEMO_STAFF.verify.name, at(verifiedH)]);
      }
    }
  }
  if (reached >= 4) {
    const choice = chooseCourier(fulfillmentSettings(ctx), { receiverRegion: o.region, buyerMessage: plan.buyerMessage, sellerRemark: '', shippingMethod: '快递', courierRequested: o.courierRequested });
    const courier = choice.courier?.code ?? 'STO';
    const weight = 300 + plan.lines.reduce((g, l) => g + (l.sku.weightGrams ?? 350) * l.qty, 0);
    await stock.shipOut(tx, { id: o.id, orderNo: o.orderNo }, lines, { by: DEMO_STAFF.pack });
    await tx.run('UPDATE fulfillment_orders SET courier = ?, tracking_no = ?, weight_grams = ?, packed_by_name = ?, packed_at = ?, shipped_by_name = ?, shipped_at = ? WHERE id = ?', [
      courier, trackingNo(courier, plan.index), weight, DEMO_STAFF.pack.name, at(shippedH), DEMO_STAFF.pack.name, at(shippedH), o.id,
    ]);
    await recordHistory(tx, o.id, { action: 'ship', by: DEMO_STAFF.pack, at: at(shippedH), from: 'verified', to: 'shipped', detail: { courier, reason: choice.reason['zh-CN'] } });
  }
}
