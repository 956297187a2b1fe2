import { html, InputError, NotFoundError, type Locale, type PluginContext, type Queryable, type SafeHtml } from '@workbench/plugin-api';
import { mayReadCustomer, toOrder, type ItemRow, type OrderRow, type RemarkRow } from '../orders/order-record.js';
import { fulfillmentSettings } from '../settings.js';
import { courierByCode } from './courier-rules.js';
import { courierChoiceFor } from './ship-order.js';

const LABELS = {
  'zh-CN': { title: '发货单', order: '订单编号', placed: '下单时间', receiver: '收件人', phone: '电话', address: '地址', postCode: '邮编', courier: '快递', tracking: '运单号', sku: '商家编码', item: '商品', props: '属性', qty: '数量', total: '合计', message: '买家留言', remark: '卖家备注', remarks: '备注', none: '无', slot: '播种格' },
  en: { title: 'Packing slip', order: 'Order', placed: 'Placed', receiver: 'Receiver', phone: 'Phone', address: 'Address', postCode: 'Post code', courier: 'Courier', tracking: 'Tracking no.', sku: 'SKU code', item: 'Item', props: 'Options', qty: 'Qty', total: 'Total', message: 'Buyer message', remark: 'Seller remark', remarks: 'Remarks', none: 'none', slot: 'Slot' },
} as const;

interface SlipOrder {
  row: OrderRow;
  items: ItemRow[];
  remarks: RemarkRow[];
  slot?: number;
}

async function slipOrder(q: Queryable, row: OrderRow, slot?: number): Promise<SlipOrder> {
  const items = await q.all<ItemRow>("SELECT * FROM fulfillment_order_items WHERE order_id = ? AND refund_state <> 'succeeded' ORDER BY id", [row.id]);
  const remarks = await q.all<RemarkRow>('SELECT * FROM fulfillment_order_remarks WHERE order_id = ? ORDER BY id', [row.id]);
  return { row, items, remarks, ...(slot === undefined ? {} : { slot }) };
}

/** The orders to print: one by id or order number, or every order of a wave in seeding-slot order. */
async function ordersToPrint(q: Queryable, query: Record<string, string>): Promise<SlipOrder[]> {
  if (query.order) {
    const ref = query.order.trim();
    const row = /^\d{1,9}$/.test(ref)
      ? await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ? OR order_no = ? ORDER BY order_no = ? DESC LIMIT 1', [Number(ref), ref, ref])
      : await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE order_no = ?', [ref]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有订单 ${ref}`, en: `No order ${ref}` });
    return [await slipOrder(q, row)];
  }
  if (query.wave) {
    if (!/^\d{1,9}$/.test(query.wave.trim())) throw new InputError({ 'zh-CN': 'wave 要写波次的编号（数字）', en: 'wave takes the wave’s id (a number)' }, { errors: [{ path: '/wave', in: 'query', message: 'id' }] });
    const wave = await q.get<{ id: number }>('SELECT id FROM fulfillment_waves WHERE id = ?', [Number(query.wave)]);
    if (!wave) throw new NotFoundError({ 'zh-CN': `没有波次 ${query.wave}`, en: `No wave ${query.wave}` });
    const rows = await q.all<OrderRow & { slot: number }>(
      'SELECT o.*, w.slot FROM fulfillment_wave_orders w JOIN fulfillment_orders o ON o.id = w.order_id WHERE w.wave_id = ? ORDER BY w.slot, o.id',
      [wave.id],
    );
    const slips: SlipOrder[] = [];
    for (const row of rows) slips.push(await slipOrder(q, row, row.slot));
    return slips;
  }
  throw new InputError({ 'zh-CN': '请指定要打印的订单（?order=）或波次（?wave=）', en: 'Name the order (?order=) or the wave (?wave=) to print' }, { errors: [{ path: '/order', in: 'query', message: 'order or wave' }] });
}

function slipHtml(ctx: PluginContext, slip: SlipOrder, showCustomer: boolean, locale: Locale, last: boolean): SafeHtml {
  const t = LABELS[locale];
  const order = toOrder(slip.row, showCustomer);
  const settings = fulfillmentSettings(ctx);
  const courier = order.courier ? courierByCode(settings, order.courier) : courierChoiceFor(settings, slip.row).courier;
  const pieces = slip.items.reduce((n, i) => n + i.quantity, 0);
  const rows = slip.items.map((i) => html`<tr><td>${i.sku_code}</td><td>${i.gift === 1 ? '【赠品】' : ''}${i.title}</td><td>${i.properties}</td><td class="num">${i.quantity}</td></tr>`);
  const remarks = slip.remarks.map((r) => html`<li>${r.text}</li>`);
  return html`<section class="${last ? '' : 'page-break'}">
<h1>${t.title}${slip.slot === undefined ? '' : html` <small>${t.slot} ${slip.slot}</small>`}</h1>
<table>
<tr><th>${t.order}</th><td>${order.orderNo}</td><th>${t.placed}</th><td>${order.placedAt.slice(0, 16).replace('T', ' ')}</td></tr>
<tr><th>${t.receiver}</th><td>${order.receiverName}</td><th>${t.phone}</th><td>${order.receiverPhone}</td></tr>
<tr><th>${t.address}</th><td colspan="3">${order.receiverAddress}${order.postCode ? html`（${t.postCode} ${order.postCode}）` : ''}</td></tr>
<tr><th>${t.courier}</th><td>${courier?.name ?? order.courier ?? t.none}</td><th>${t.tracking}</th><td>${order.trackingNo ?? ''}</td></tr>
</table>
<table style="margin-top:8pt">
<tr><th>${t.sku}</th><th>${t.item}</th><th>${t.props}</th><th class="num">${t.qty}</th></tr>
${rows}
<tr><th colspan="3">${t.total}</th><td class="num">${pieces}</td></tr>
</table>
<p><strong>${t.message}：</strong>${order.buyerMessage || t.none}</p>
<p><strong>${t.remark}：</strong>${order.sellerRemark || t.none}</p>
${remarks.length ? html`<p><strong>${t.remarks}：</strong></p><ul>${remarks}</ul>` : ''}
</section>`;
}

/**
 * The `packing-slip` printable (发货单) for one order or a whole wave. Receiver details are masked
 * for anyone without fulfillment.customer.read, as everywhere else.
 */
export function registerPackingSlip(ctx: PluginContext): void {
  ctx.printables.register('packing-slip', async ({ query, actor, locale }) => {
    const slips = await ctx.db.read((q) => ordersToPrint(q, query));
    const showCustomer = mayReadCustomer(actor);
    const body = slips.map((slip, i) => slipHtml(ctx, slip, showCustomer, locale, i === slips.length - 1));
    const title = slips.length === 1 ? `${LABELS[locale].title} ${slips[0]!.row.order_no}` : LABELS[locale].title;
    return { title, body: html`${body}` };
  });
}
