import { html, InputError, type Locale, type PluginContext, type PrintRequest, type SafeHtml } from '@workbench/plugin-api';
import { WAVE_CLASS_NAMES, type WaveClass } from '../../shared/state-names.js';
import { mayReadCustomer, toOrder, type OrderRow } from '../orders/order-record.js';
import { stepBy } from '../shared/actor.js';
import { CatalogToken } from '../tokens.js';
import { namedWave } from './wave-names.js';
import { readWave, waveIdOf } from './wave-read.js';
import type { SlotShare, WaveDetail } from './wave-types.js';

const CLASSES: WaveClass[] = ['single', 'multi-one-zone', 'multi-cross-zone'];
const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);
const slotsText = (slots: SlotShare[]) => slots.map((s) => `${s.slot}×${s.qty}`).join('  ');
/** The catalogue name (with colour and size) first, the platform title small beside it when it says something else. */
const nameCell = (l: { title: string; catalogName?: string | null }) =>
  l.catalogName ? html`${l.catalogName}${l.title && l.title !== l.catalogName ? html`<br><small>${l.title}</small>` : ''}` : html`${l.title}`;

async function waveFor(ctx: PluginContext, request: PrintRequest): Promise<WaveDetail> {
  const ref = request.query.wave;
  if (!ref) {
    throw new InputError({ 'zh-CN': '请指定波次：?wave=波次编号或 id', en: 'Say which wave: ?wave=<wave number or id>' }, { errors: [{ path: '/wave', in: 'query', message: 'required' }] });
  }
  return namedWave(ctx.services.get(CatalogToken), await ctx.db.read(async (q) => readWave(q, await waveIdOf(q, ref))));
}

/** Wave number, counts per class, and who printed it when: the top of every wave printout. */
function header(ctx: PluginContext, request: PrintRequest, wave: WaveDetail, title: string): SafeHtml {
  const { locale } = request;
  const counts = CLASSES.map((c) => `${WAVE_CLASS_NAMES[c][locale]} ${wave.classes[c]}`).join(' · ');
  const printed = ctx.now().slice(0, 16).replace('T', ' ');
  return html`<h1>${title} ${wave.waveNo}</h1>
    <p>${say(locale, '订单', 'Orders')} ${wave.orders} · ${counts}</p>
    <p>${say(locale, '打印人', 'Printed by')} ${stepBy(request.actor).name} · ${say(locale, '打印时间', 'Printed at')} ${printed}</p>`;
}

/** 拣货单: the bins in walking order, with the slots each piece is seeded into. */
export function registerPickListPrintable(ctx: PluginContext): void {
  ctx.printables.register('pick-list', async (request) => {
    const { locale } = request;
    const wave = await waveFor(ctx, request);
    const title = say(locale, '拣货单', 'Pick list');
    const rows = wave.pickList.map(
      (l, i) => html`<tr>
        <td class="tick">☐</td><td class="num">${i + 1}</td><td>${l.locationCode ?? say(locale, '（无库位）', '(no bin)')}</td><td>${l.zone ?? ''}</td>
        <td class="num">${l.qty}</td><td>${l.skuCode}</td><td>${nameCell(l)}</td>
        <td>${l.bulk ? say(locale, '提总', 'Bulk') : ''}</td><td>${slotsText(l.slots)}</td></tr>`,
    );
    const open = wave.replenishments.filter((r) => r.status === 'open');
    const tasks = open.length
      ? html`<h2>${say(locale, '先补货', 'Replenish first')}</h2><table><thead><tr>
          <th>${say(locale, '从储位', 'From')}</th><th>${say(locale, '到拣货位', 'To')}</th><th>SKU</th><th class="num">${say(locale, '数量', 'Qty')}</th>
        </tr></thead><tbody>${open.map((r) => html`<tr><td>${r.fromLocationCode}</td><td>${r.toLocationCode}</td><td>${r.skuCode}</td><td class="num">${r.qty}</td></tr>`)}</tbody></table>`
      : '';
    return {
      title: `${title} ${wave.waveNo}`,
      body: html`${header(ctx, request, wave, title)}${tasks}
        <table><thead><tr>
          <th>${say(locale, '已拣', 'Picked')}</th><th>#</th><th>${say(locale, '库位', 'Bin')}</th><th>${say(locale, '区', 'Zone')}</th><th class="num">${say(locale, '数量', 'Qty')}</th>
          <th>${say(locale, '商家编码', 'SKU')}</th><th>${say(locale, '品名', 'Title')}</th><th>${say(locale, '提总', 'Bulk')}</th>
          <th>${say(locale, '播种格×件数', 'Slot×qty')}</th>
        </tr></thead><tbody>${rows}</tbody></table>`,
    };
  });
}

/** 播种单: per SKU which slot gets how many, and per slot the order's items and receiver (masked per reader). */
export function registerSeedingSheetPrintable(ctx: PluginContext): void {
  ctx.printables.register('seeding-sheet', async (request) => {
    const { locale } = request;
    const wave = await waveFor(ctx, request);
    const title = say(locale, '播种单', 'Seeding sheet');
    const { orders, items } = await ctx.db.read(async (q) => ({
      orders: await q.all<OrderRow>('SELECT o.* FROM fulfillment_orders o JOIN fulfillment_wave_orders wo ON wo.order_id = o.id WHERE wo.wave_id = ?', [wave.id]),
      items: await q.all<{ order_id: number; sku_code: string; title: string; quantity: number }>(
        "SELECT i.order_id, i.sku_code, i.title, i.quantity FROM fulfillment_order_items i JOIN fulfillment_wave_orders wo ON wo.order_id = i.order_id WHERE wo.wave_id = ? AND i.refund_state <> 'succeeded' ORDER BY i.id",
        [wave.id],
      ),
    }));
    const showCustomer = mayReadCustomer(request.actor);
    const byId = new Map(orders.map((o) => [o.id, toOrder(o, showCustomer)]));
    const skuRows = wave.seeding.skus.map(
      (s) => html`<tr><td>${s.skuCode}</td><td>${nameCell(s)}</td><td class="num">${s.total}</td><td>${s.bulk ? say(locale, '提总', 'Bulk') : ''}</td><td>${slotsText(s.slots)}</td></tr>`,
    );
    const slotRows = wave.orderList.map((w) => {
      const order = byId.get(w.orderId);
      const lines = items.filter((i) => i.order_id === w.orderId).map((i) => html`<div>${i.sku_code} ${i.title} ×${i.quantity}</div>`);
      return html`<tr><td class="num">${w.slot}</td><td>${w.orderNo}</td><td>${WAVE_CLASS_NAMES[w.class][locale]}</td>
        <td>${order?.receiverName ?? ''} ${order?.receiverPhone ?? ''}</td><td>${lines}</td></tr>`;
    });
    return {
      title: `${title} ${wave.waveNo}`,
      body: html`${header(ctx, request, wave, title)}
        <h2>${say(locale, '按商品分播', 'Per SKU')}</h2>
        <table><thead><tr><th>${say(locale, '商家编码', 'SKU')}</th><th>${say(locale, '品名', 'Title')}</th><th class="num">${say(locale, '合计', 'Total')}</th>
          <th>${say(locale, '提总', 'Bulk')}</th><th>${say(locale, '播种格×件数', 'Slot×qty')}</th></tr></thead><tbody>${skuRows}</tbody></table>
        <h2>${say(locale, '按格核对', 'Per slot')}</h2>
        <table><thead><tr><th>${say(locale, '格', 'Slot')}</th><th>${say(locale, '订单编号', 'Order')}</th><th>${say(locale, '类型', 'Class')}</th>
          <th>${say(locale, '收件人', 'Receiver')}</th><th>${say(locale, '商品', 'Items')}</th></tr></thead><tbody>${slotRows}</tbody></table>`,
    };
  });
}
