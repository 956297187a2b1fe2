import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import { labelStyles } from './labels.js';
import { fulfillmentStyles } from './styles.js';
import type { PickLine } from './wb-fulfillment-wave-records.js';

/**
 * The pick list in the order the picker walks (path order, zone by zone): bin, SKU, how many, and
 * which seeding slot each piece goes to. 单品提总 lines take the total for all single-item orders.
 */
@customElement('wb-fulfillment-wave-pick-list')
export class FulfillmentWavePickList extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, labelStyles, css`
    td.bin { font-family: var(--wb-font-mono, monospace); font-weight: 600; white-space: nowrap; }
    td.qty { font-weight: 700; font-size: 14px; }
    tr.zone td { background: var(--wb-tabs-bg, #ececec); font-size: 12px; font-weight: 600; color: var(--wb-muted, #616161); }
    .slots { display: flex; flex-wrap: wrap; gap: 2px 8px; font-size: 12px; font-variant-numeric: tabular-nums; }
    .bulk { background: var(--wb-selected, #dbeafe); }
    .title { color: var(--wb-muted, #616161); font-size: 12px; display: block; }
    .name { display: block; font-weight: 600; }
    td.tick { width: 28px; text-align: center; }
    td.tick input { width: 18px; height: 18px; margin: 0; }
    tr.done td:not(.tick) { opacity: 0.55; text-decoration: line-through; }
  `];

  @property({ attribute: false }) lines: PickLine[] = [];
  // Ticks are the picker's own marks while walking: kept on this screen only, never sent.
  @state() private ticked = new Set<string>();

  private tick(key: string, on: boolean): void {
    const next = new Set(this.ticked);
    if (on) next.add(key);
    else next.delete(key);
    this.ticked = next;
  }

  override render() {
    if (!this.lines.length) return html`<p class="hint">${this.t('没有要拣的商品', 'Nothing to pick')}</p>`;
    let zone: string | null | undefined;
    const rows = [];
    for (const l of this.lines) {
      if (l.zone !== zone) {
        zone = l.zone;
        rows.push(html`<tr class="zone"><td colspan="5">${zone ? this.t(`${zone} 区`, `Zone ${zone}`) : this.t('没有库位', 'No bin')}</td></tr>`);
      }
      const key = `${l.locationCode ?? ''}/${l.skuId}/${l.bulk ? 'bulk' : ''}`;
      const done = this.ticked.has(key);
      const name = l.catalogName || l.title;
      rows.push(html`<tr class="${l.bulk ? 'bulk' : ''} ${done ? 'done' : ''}" data-bin=${l.locationCode ?? ''}>
        <td class="tick"><input type="checkbox" .checked=${done} aria-label=${this.t(`已拣 ${l.skuCode}`, `Picked ${l.skuCode}`)} @change=${(e: Event) => this.tick(key, (e.target as HTMLInputElement).checked)}></td>
        <td class="bin">${l.locationCode ?? html`<span class="fail">${this.t('未定库位', 'No bin')}</span>`}</td>
        <td><span class="name">${name}</span> ${l.bulk ? html`<span class="wb-ful-badge bulk">${this.t('单品提总', 'Picked in total')}</span>` : nothing}<span class="title">${l.skuCode}${l.catalogName && l.title && l.title !== l.catalogName ? ` · ${l.title}` : ''}</span></td>
        <td class="num qty">${l.qty}</td>
        <td><span class="slots">${l.bulk
          ? this.t(`${l.slots.length} 张单品订单合拣`, `${l.slots.length} single-item orders together`)
          : l.slots.map((s) => html`<span title=${s.orderNo}>${this.t(`${s.slot} 号位`, `slot ${s.slot}`)} × ${s.qty}</span>`)}</span></td>
      </tr>`);
    }
    return html`<table class="list">
      <thead><tr><th>${this.t('已拣', 'Done')}</th><th>${this.t('库位', 'Bin')}</th><th>${this.t('商品', 'Item')}</th><th class="num">${this.t('数量', 'Qty')}</th><th>${this.t('播种位', 'Slots')}</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-wave-pick-list': FulfillmentWavePickList;
  }
}
