import { ConflictError, html, type Locale, type PluginContext, type Queryable, type SafeHtml } from '@workbench/plugin-api';
import type { ItemRow, OrderRow } from '../orders/order-record.js';
import { fulfillmentSettings, type FulfillmentSettings } from '../settings.js';
import { catalogNames } from '../shared/catalog-names.js';
import { CatalogToken } from '../tokens.js';
import { courierByCode } from '../shipping/courier-rules.js';
import { courierChoiceFor } from '../shipping/ship-order.js';
import { waveIdOf } from '../waves/wave-read.js';
import { code128Svg, CODE128_TEXT } from './code128.js';
import type { PoolNumber } from './tracking-pool.js';
import { orderOfRef } from './label-orders.js';

const LABELS = {
  'zh-CN': { title: '快递面单', receiver: '收', sender: '寄', order: '订单', items: '内件', scan: '无单号：在发货台扫描快递面单', slot: '播种格', more: (n: number) => `另有 ${n} 种` },
  en: { title: 'Shipping label', receiver: 'To', sender: 'From', order: 'Order', items: 'Contents', scan: 'No number yet: scan the courier’s waybill at the shipping station', slot: 'Slot', more: (n: number) => `${n} more` },
} as const;

// The label is a 100 × 180 mm thermal sheet (电子面单); the page's A4 rule is overridden here.
const LABEL_CSS = html`<style>
@page { size: 100mm 180mm; margin: 0; }
body { font-size: 9pt; line-height: 1.35; max-width: none; margin: 0; padding: 0; }
.label { width: 100mm; height: 180mm; box-sizing: border-box; padding: 3mm 4mm; display: flex; flex-direction: column; gap: 2mm; overflow: hidden; break-after: page; }
.label:last-child { break-after: auto; }
.label > div { border-bottom: 0.3mm solid #000; padding-bottom: 2mm; }
.head { display: flex; justify-content: space-between; align-items: baseline; }
.courier { font-size: 20pt; font-weight: 700; }
.code { text-align: center; }
.code .no { font: 700 13pt/1.2 monospace; letter-spacing: 1pt; }
.code .none { border: 0.4mm dashed #000; padding: 6mm 2mm; font-size: 10pt; }
.who { display: grid; grid-template-columns: 8mm 1fr; gap: 1mm; }
.who .tag { font-size: 14pt; font-weight: 700; border: 0.4mm solid #000; text-align: center; height: 8mm; line-height: 8mm; }
.to .name { font-size: 13pt; font-weight: 700; }
.to .address { font-size: 12pt; font-weight: 700; }
.items { border-bottom: none; font-size: 8.5pt; flex: 1; }
.items ol { margin: 1mm 0 0; padding-left: 5mm; }
.items .platform { color: #333; font-size: 7.5pt; }
@media screen { body { margin: 16px auto; } .label { border: 1px dashed #888; margin: 0 auto 12px; } }
</style>`;

interface LabelOrder {
  row: OrderRow;
  items: ItemRow[];
  slot?: number;
}

/** The orders to label: one by id or order number, or every order of a wave in seeding-slot order. */
async function orderRows(q: Queryable, query: Record<string, string>): Promise<(OrderRow & { slot?: number })[]> {
  if (!query.wave) return [await orderOfRef(q, query.order)];
  const waveId = await waveIdOf(q, query.wave);
  return q.all<OrderRow & { slot: number }>(
    "SELECT o.*, w.slot FROM fulfillment_wave_orders w JOIN fulfillment_orders o ON o.id = w.order_id WHERE w.wave_id = ? AND o.status <> 'closed' ORDER BY w.slot, o.id",
    [waveId],
  );
}

/** The orders with the lines they still ship and the pool number each holds: three reads for a whole wave. */
async function ordersToLabel(q: Queryable, query: Record<string, string>): Promise<{ orders: LabelOrder[]; numbers: Map<number, PoolNumber> }> {
  const rows = await orderRows(q, query);
  const ids = JSON.stringify(rows.map((r) => r.id));
  const [items, held] = await Promise.all([
    q.all<ItemRow>("SELECT * FROM fulfillment_order_items WHERE order_id IN (SELECT value FROM json_each(?)) AND refund_state <> 'succeeded' ORDER BY id", [ids]),
    q.all<PoolNumber & { orderId: number }>('SELECT order_id AS orderId, courier, tracking_no AS trackingNo FROM fulfillment_tracking_numbers WHERE order_id IN (SELECT value FROM json_each(?))', [ids]),
  ]);
  const linesOf = new Map<number, ItemRow[]>();
  for (const item of items) linesOf.set(item.order_id, [...(linesOf.get(item.order_id) ?? []), item]);
  const orders = rows.map(({ slot, ...row }): LabelOrder => ({ row, items: linesOf.get(row.id) ?? [], ...(slot === undefined ? {} : { slot }) }));
  return { orders, numbers: new Map(held.map(({ orderId, ...n }) => [orderId, n])) };
}

/** The sender the settings give, or a 409 saying where to fill it in. */
function senderOf(settings: FulfillmentSettings): { name: string; phone: string; address: string } {
  const { senderName, senderPhone, senderAddress } = settings.labels;
  if (!senderName.trim() || !senderPhone.trim() || !senderAddress.trim()) {
    throw new ConflictError({
      'zh-CN': '面单上的寄件人还没填：请店长在“设置 → 订单与仓储 → 快递面单”里填好寄件人、电话和寄件地址，再打印面单',
      en: 'The sender for labels is not set: the owner fills in the sender name, phone and address under Settings → Fulfillment → Shipping labels, then print again',
    });
  }
  return { name: senderName.trim(), phone: senderPhone.trim(), address: senderAddress.trim() };
}

function labelHtml(order: LabelOrder, courierName: string, trackingNo: string | null, names: Map<number, string>, sender: ReturnType<typeof senderOf>, locale: Locale): SafeHtml {
  const t = LABELS[locale];
  const r = order.row;
  const shown = order.items.slice(0, 8);
  const lines = shown.map((i) => {
    const name = i.sku_id === null ? undefined : names.get(i.sku_id);
    // The platform's title second, unless it is the catalogue's own (an order entered by hand).
    return html`<li>${name ?? i.title} ×${i.quantity} <span class="platform">${i.sku_code}${name && !name.startsWith(i.title) ? html` · ${i.title}` : ''}</span></li>`;
  });
  const barcode = trackingNo && CODE128_TEXT.test(trackingNo)
    ? html`${code128Svg(trackingNo, { heightMm: 16, maxWidthMm: 88 })}<div class="no">${trackingNo}</div>`
    : html`<div class="none">${t.scan}</div>`;
  return html`<section class="label" data-order="${r.order_no}">
<div class="head"><span class="courier">${courierName}</span><span>${t.order} ${r.order_no}${order.slot === undefined ? '' : html` · ${t.slot} ${order.slot}`}</span></div>
<div class="code">${barcode}</div>
<div class="who to"><span class="tag">${t.receiver}</span><div><div class="name">${r.receiver_name} ${r.receiver_phone}</div><div class="address">${r.receiver_address}${r.post_code ? ` ${r.post_code}` : ''}</div></div></div>
<div class="who from"><span class="tag">${t.sender}</span><div>${sender.name} ${sender.phone}<br>${sender.address}</div></div>
<div class="items"><strong>${t.items}</strong><ol>${lines}</ol>${order.items.length > shown.length ? html`<p>${t.more(order.items.length - shown.length)}</p>` : ''}</div>
</section>`;
}

/**
 * The `shipping-label` printable (电子面单, 100 × 180 mm) for one order or a whole wave: courier,
 * the tracking number as a Code 128 barcode (the pool number the order holds, or the one it
 * shipped with), receiver in full, sender from the settings, and the items by their catalogue
 * names. The full receiver is the point of a label, so holding the label permission is enough;
 * every screen still masks it for those without fulfillment.customer.read.
 */
export function registerShippingLabel(ctx: PluginContext): void {
  ctx.printables.register('shipping-label', async ({ query, locale }) => {
    const settings = fulfillmentSettings(ctx);
    const sender = senderOf(settings);
    const { orders, numbers } = await ctx.db.read((q) => ordersToLabel(q, query));
    const names = await catalogNames(ctx.services.get(CatalogToken), orders.flatMap((o) => o.items.map((i) => i.sku_id)));
    const body = orders.map((o) => {
      const held = numbers.get(o.row.id);
      const code = held?.courier ?? o.row.courier ?? courierChoiceFor(settings, o.row).courier?.code;
      const courierName = courierByCode(settings, code)?.name ?? code ?? '';
      return labelHtml(o, courierName, held?.trackingNo ?? o.row.tracking_no, names, sender, locale);
    });
    const title = orders.length === 1 ? `${LABELS[locale].title} ${orders[0]!.row.order_no}` : LABELS[locale].title;
    return { title, body: html`${LABEL_CSS}${body}` };
  });
}
