import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import { WAVE_CLASS_NAMES } from '../shared/state-names.js';
import { labelStyles, platformBadge, statusBadge } from './labels.js';
import { fulfillmentStyles } from './styles.js';
import { WAVE_CLASSES, type WaveOrder } from './wb-fulfillment-wave-records.js';

/**
 * A wave's orders grouped by how they are picked — 单品, 多品单区, 多品跨区 — each with its slot on
 * the seeding wall. An order number opens the order. An order Taobao closed or is refunding shows
 * it, with 放回库位.
 *
 * @fires put-back - `detail` is the WaveOrder whose goods go back on the shelf
 */
@customElement('wb-fulfillment-wave-orders')
export class FulfillmentWaveOrders extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, labelStyles, css`
    .group { margin-bottom: 12px; }
    h4 { margin: 0 0 4px; font-size: 13px; display: flex; gap: 8px; align-items: baseline; }
    td.slot { font-weight: 700; font-variant-numeric: tabular-nums; width: 56px; }
    button.link { font-family: var(--wb-font-mono, monospace); }
    tr.held { background: var(--wb-warning-bg, #fff4e5); }
  `];

  @property({ type: Boolean }) busy = false;

  @property({ attribute: false }) orders: WaveOrder[] = [];

  override render() {
    return WAVE_CLASSES.map((c) => {
      const list = this.orders.filter((o) => o.class === c).sort((a, b) => a.slot - b.slot);
      return html`<div class="group" data-class=${c}>
        <h4>${this.i18n.text(WAVE_CLASS_NAMES[c])} <span class="counter">${this.t(`${list.length} 单`, `${list.length} orders`)}</span></h4>
        ${list.length
          ? html`<table class="list">
              <thead><tr><th>${this.t('播种位', 'Slot')}</th><th>${this.t('订单号', 'Order')}</th><th class="num">${this.t('件数', 'Pieces')}</th><th>${this.t('状态', 'State')}</th></tr></thead>
              <tbody>${list.map((o) => html`<tr data-order=${o.orderNo} class=${o.mustPutBack ? 'held' : ''}>
                <td class="slot">${o.slot}</td>
                <td><button class="link" @click=${() => this.workbench.openEditor({ opens: 'order', id: String(o.orderId), title: o.orderNo })}>${o.orderNo}</button>
                  ${o.bulkPick ? html`<span class="wb-ful-badge">${this.t('提总', 'In total')}</span>` : nothing}</td>
                <td class="num">${o.itemCount ?? ''}</td>
                <td>${statusBadge(o.status, (n) => this.i18n.text(n))}
                  ${o.mustPutBack
                    ? html`${platformBadge(o.platformStatus, (n) => this.i18n.text(n))}
                        <button class="put-back" ?disabled=${this.busy} title=${this.t('淘宝上已关闭或退款中，不发货：把货放回库位', 'Closed or refunding on Taobao, so it does not ship: put its goods back')}
                          @click=${() => this.dispatchEvent(new CustomEvent('put-back', { detail: o, bubbles: true, composed: true }))}>${this.t('放回库位', 'Put back')}</button>`
                    : nothing}</td>
              </tr>`)}</tbody>
            </table>`
          : html`<p class="hint">${this.t('没有', 'None')}</p>`}
      </div>`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-wave-orders': FulfillmentWaveOrders;
  }
}
