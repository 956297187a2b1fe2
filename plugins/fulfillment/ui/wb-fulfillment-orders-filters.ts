import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { FlagColour } from '../shared/state-names.js';
import { exceptionOptions, flagChip, labelStyles } from './labels.js';
import type { OrdersFilter } from './wb-fulfillment-order-record.js';

const FLAGS: FlagColour[] = [1, 2, 3, 4, 5, 0];

/** How many of the filters below are set, for the 筛选 summary. */
export function filterCount(f: OrdersFilter): number {
  return (['flag', 'from', 'to', 'courier', 'sku', 'exception', 'followUp'] as const).filter((k) => f[k]).length;
}

/**
 * The orders view's filters beyond the state: flags (several at once), placed between two shop
 * days, courier, 商家编码 and exception code. Text fields apply on Enter or when left.
 *
 * @fires filter-change - detail: `{ filter }`, the whole filter (state left as it was)
 */
@customElement('wb-fulfillment-orders-filters')
export class FulfillmentOrdersFilters extends WbElement {
  static override styles = [
    controlStyles,
    labelStyles,
    css`
      :host { display: block; }
      .flags { display: flex; gap: 4px; flex-wrap: wrap; margin-bottom: 6px; }
      .flags button { padding: 1px 6px; min-height: 24px; }
      .flags button[aria-pressed='true'] { border-color: var(--wb-accent, #0a64c8); background: var(--wb-selected, #dbeafe); }
      .fields { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 8px; align-items: center; }
      .fields label { color: var(--wb-muted, #616161); font-size: 12px; }
      .fields input, .fields select { width: 100%; min-width: 0; }
      .dates { display: flex; gap: 4px; align-items: center; min-width: 0; }
      .dates input { flex: 1; }
      .clear { margin-top: 6px; }
    `,
  ];

  @property({ attribute: false }) filter: OrdersFilter = {};

  override render() {
    const f = this.filter;
    const flags = new Set((f.flag ?? '').split(',').filter(Boolean));
    const pick = (n: { 'zh-CN': string; en: string }) => this.i18n.text(n);
    // Courier codes are upper case (STO, SF); a clerk typing "sto" means the same.
    const text = (key: 'courier' | 'sku') => (e: Event) => {
      const value = (e.target as HTMLInputElement).value.trim();
      this.set({ [key]: key === 'courier' ? value.toUpperCase() : value });
    };
    return html`<div class="flags" role="group" aria-label=${this.t('按旗帜筛选', 'Filter by flag')}>
        ${FLAGS.map((flag) => html`<button aria-pressed=${flags.has(String(flag)) ? 'true' : 'false'} data-flag=${flag} @click=${() => this.toggleFlag(flags, flag)}>${flagChip(flag, pick, { showNone: true })}</button>`)}
      </div>
      <div class="fields">
        <label for="from">${this.t('下单日期', 'Placed')}</label>
        <span class="dates">
          <input id="from" type="date" aria-label=${this.t('从', 'From')} .value=${f.from ?? ''} @change=${(e: Event) => this.set({ from: (e.target as HTMLInputElement).value })} />
          <span>–</span>
          <input id="to" type="date" aria-label=${this.t('到', 'To')} .value=${f.to ?? ''} @change=${(e: Event) => this.set({ to: (e.target as HTMLInputElement).value })} />
        </span>
        <label for="courier">${this.t('快递', 'Courier')}</label>
        <input id="courier" placeholder=${this.t('如 STO、SF', 'e.g. STO, SF')} .value=${f.courier ?? ''} @change=${text('courier')} />
        <label for="sku">${this.t('商家编码', 'SKU code')}</label>
        <input id="sku" .value=${f.sku ?? ''} @change=${text('sku')} />
        <label for="exception">${this.t('异常原因', 'Exception')}</label>
        <select id="exception" @change=${(e: Event) => this.set({ exception: (e.target as HTMLSelectElement).value as OrdersFilter['exception'] })}>
          <option value="" ?selected=${!f.exception}>${this.t('全部', 'All')}</option>
          ${exceptionOptions().map((o) => html`<option value=${o.value} ?selected=${f.exception === o.value}>${this.i18n.text(o.label)}</option>`)}
        </select>
        <label for="followUp">${this.t('售后发货', 'After-sales')}</label>
        <select id="followUp" @change=${(e: Event) => this.set({ followUp: (e.target as HTMLSelectElement).value as OrdersFilter['followUp'] })}>
          <option value="" ?selected=${!f.followUp}>${this.t('全部', 'All')}</option>
          <option value="any" ?selected=${f.followUp === 'any'}>${this.t('换货与补发', 'Exchanges and reshipments')}</option>
          <option value="exchange" ?selected=${f.followUp === 'exchange'}>${this.t('换货', 'Exchanges')}</option>
          <option value="reship" ?selected=${f.followUp === 'reship'}>${this.t('补发', 'Reshipments')}</option>
        </select>
      </div>
      ${filterCount(f) ? html`<button class="clear" @click=${() => this.emit({ status: f.status })}>${this.t('清除筛选', 'Clear filters')}</button>` : nothing}`;
  }

  private toggleFlag(flags: Set<string>, flag: FlagColour): void {
    const next = new Set(flags);
    if (next.has(String(flag))) next.delete(String(flag));
    else next.add(String(flag));
    this.set({ flag: [...next].sort().join(',') });
  }

  private set(patch: Partial<OrdersFilter>): void {
    this.emit({ ...this.filter, ...patch });
  }

  private emit(filter: OrdersFilter): void {
    this.dispatchEvent(new CustomEvent('filter-change', { detail: { filter }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-orders-filters': FulfillmentOrdersFilters;
  }
}
