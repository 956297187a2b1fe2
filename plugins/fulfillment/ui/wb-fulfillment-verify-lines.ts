import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, repeat, WbElement } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import { sameLine, type VerifyLine } from './wb-fulfillment-verify-records.js';

/**
 * The order's lines at the verification station in large type: what must be in the parcel, how
 * many were scanned, and which line the last scan counted.
 */
@customElement('wb-fulfillment-verify-lines')
export class FulfillmentVerifyLines extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, css`
    table { border-collapse: collapse; width: 100%; font-size: 20px; }
    th { text-align: left; font-size: 14px; font-weight: 600; color: var(--wb-muted, #616161); padding: 6px 10px; border-bottom: 2px solid var(--wb-border, #d4d4d4); }
    td { padding: 10px; border-bottom: 1px solid var(--wb-border, #d4d4d4); vertical-align: middle; }
    td.code { font-family: var(--wb-font-mono, monospace); font-weight: 600; white-space: nowrap; }
    td.title .props { display: block; font-size: 14px; color: var(--wb-muted, #616161); }
    td.count, th.count { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.count { font-size: 28px; font-weight: 700; }
    tr.done td { color: var(--wb-success, #2e7d32); }
    tr.done td.title, tr.done td.code { color: var(--wb-fg, #1f1f1f); }
    tr.last { box-shadow: inset 6px 0 0 var(--wb-accent, #0a64c8); background: var(--wb-selected, #dbeafe); }
    .mark { font-size: 24px; font-weight: 700; }
    .barcode { display: block; font-size: 13px; font-weight: 400; color: var(--wb-muted, #616161); }
  `];

  @property({ attribute: false }) lines: VerifyLine[] = [];
  /** The line the last accepted scan counted, highlighted. */
  @property({ attribute: false }) last?: Pick<VerifyLine, 'skuId' | 'skuCode'>;

  override render() {
    return html`<table aria-label=${this.t('本单商品', 'Items of this order')}>
      <thead><tr>
        <th>${this.t('商家编码 / 条码', 'SKU code / barcode')}</th><th>${this.t('商品', 'Item')}</th>
        <th class="count">${this.t('应有', 'Expected')}</th><th class="count">${this.t('已扫', 'Scanned')}</th><th class="count">${this.t('还差', 'To go')}</th>
      </tr></thead>
      <tbody>${repeat(this.lines, (l) => `${l.skuId ?? ''}:${l.skuCode}`, (l) => {
        const done = l.scanned >= l.expected;
        const last = this.last !== undefined && sameLine(l, this.last);
        return html`<tr class="${done ? 'done' : ''} ${last ? 'last' : ''}" data-sku=${l.skuCode}>
          <td class="code">${l.skuCode}${l.barcode ? html`<span class="barcode">${l.barcode}</span>` : nothing}</td>
          <td class="title">${l.catalogName || l.title}${l.catalogName && l.title !== l.catalogName ? html`<span class="props">${l.title}</span>` : nothing}${l.properties ? html`<span class="props">${l.properties}</span>` : nothing}</td>
          <td class="count">${l.expected}</td>
          <td class="count scanned">${l.scanned}</td>
          <td class="count"><span class="mark" aria-label=${done ? this.t('已齐', 'Complete') : this.t('未齐', 'Not yet')}>${done ? '✓' : `${l.expected - l.scanned}`}</span></td>
        </tr>`;
      })}</tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-verify-lines': FulfillmentVerifyLines;
  }
}
