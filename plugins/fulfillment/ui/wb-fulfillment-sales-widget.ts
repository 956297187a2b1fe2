import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import { ReloadWhenShown } from './reload-when-shown.js';
import { fulfillmentStyles } from './styles.js';
import { openOrdersView } from './wb-fulfillment-orders-link.js';

interface DayFigures {
  day: string;
  paidOrders: number;
  paidAmount: number;
  shipped: number;
}

interface Overview {
  day: string;
  today: DayFigures;
  pendingReview: number;
  overdue: { hours: number; count: number; before: string };
  days: DayFigures[];
}

/**
 * 今日经营 on the owner's home page: today's paid orders and sales, shipped today, orders awaiting
 * review and paid orders late to ship, and the last 7 or 30 days as charts. The figures are
 * defined in the plugin README (GET /overview).
 */
@customElement('wb-fulfillment-sales-widget')
export class FulfillmentSalesWidget extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      :host { display: block; }
      dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px 12px; margin: 0 0 12px; }
      dl > div { display: flex; flex-direction: column-reverse; }
      dt { font-size: 12px; color: var(--wb-muted, #616161); }
      dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; color: var(--wb-fg, #1f1f1f); }
      dd button.link { font: inherit; color: inherit; padding: 0; }
      .late dd { color: var(--wb-danger, #b3261e); }
      .late.none dd { color: var(--wb-fg, #1f1f1f); }
      .range { display: flex; gap: 4px; margin-bottom: 8px; }
      .range button[aria-pressed='true'] { background: var(--wb-accent, #0a64c8); color: var(--wb-accent-fg, #fff); border-color: var(--wb-accent, #0a64c8); }
      h3 { margin: 8px 0 4px; font-size: 12px; color: var(--wb-muted, #616161); font-weight: 600; }
    `,
  ];

  @state() private figures?: Overview;
  @state() private error = '';
  @state() private span: 7 | 30 = 7;
  private readonly loader = new ReloadOnChange(this, ['fulfillment.orders'], { reload: () => this.load(), onConnect: true });
  private readonly shown = new ReloadWhenShown(this, () => this.load());

  private async load(): Promise<void> {
    try {
      this.figures = await this.api.get<Overview>('/fulfillment/overview');
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private dayLabel(day: string): string {
    return this.i18n.date(`${day}T12:00:00+08:00`, { year: false });
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const f = this.figures;
    if (!f) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const days = f.days.slice(-this.span);
    const labels = days.map((d) => this.dayLabel(d.day));
    const late = f.overdue.count;
    return html`<dl>
        <div class="sales"><dt>${this.t('今日销售额', 'Sales today')}</dt><dd>${this.i18n.money(f.today.paidAmount)}</dd></div>
        <div class="paid"><dt>${this.t('今日付款订单', 'Orders paid today')}</dt><dd>${this.i18n.number(f.today.paidOrders)}</dd></div>
        <div class="shipped"><dt>${this.t('今日发货', 'Shipped today')}</dt><dd>${this.i18n.number(f.today.shipped)}</dd></div>
        <div class="review"><dt>${this.t('待审核', 'Awaiting review')}</dt>
          <dd><button class="link" @click=${() => openOrdersView({ status: 'pending' }, this.workbench)}>${this.i18n.number(f.pendingReview)}</button></dd></div>
        <div class="late ${late ? '' : 'none'}" title=${this.t(`付款超过 ${f.overdue.hours} 小时仍未发货（${this.i18n.dateTime(f.overdue.before)} 之前付款）`, `Paid more than ${f.overdue.hours} h ago and not shipped (paid before ${this.i18n.dateTime(f.overdue.before)})`)}>
          <dt>${this.t(`超过 ${f.overdue.hours} 小时未发货`, `Not shipped after ${f.overdue.hours} h`)}</dt><dd>${this.i18n.number(late)}</dd></div>
      </dl>
      <div class="range" role="group" aria-label=${this.t('图表天数', 'Days in the charts')}>
        ${([7, 30] as const).map((n) => html`<button data-days=${n} aria-pressed=${this.span === n ? 'true' : 'false'} @click=${() => (this.span = n)}>${this.t(`近 ${n} 天`, `Last ${n} days`)}</button>`)}
      </div>
      <h3>${this.t('每日销售额', 'Sales per day')}</h3>
      <wb-chart class="sales-chart" type="line" xLabel=${this.t('日期', 'Day')} format="money" heading=${this.t(`近 ${this.span} 天销售额`, `Sales, last ${this.span} days`)} .labels=${labels}
        .series=${[{ name: { 'zh-CN': '销售额', en: 'Sales' }, values: days.map((d) => d.paidAmount) }]}></wb-chart>
      <h3>${this.t('每日付款与发货（单）', 'Orders paid and shipped per day')}</h3>
      <wb-chart class="orders-chart" type="bar" xLabel=${this.t('日期', 'Day')} heading=${this.t(`近 ${this.span} 天付款与发货`, `Paid and shipped, last ${this.span} days`)} .labels=${labels}
        .series=${[
          { name: { 'zh-CN': '付款订单', en: 'Orders paid' }, values: days.map((d) => d.paidOrders) },
          { name: { 'zh-CN': '发货', en: 'Shipped' }, values: days.map((d) => d.shipped) },
        ]}></wb-chart>
`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-sales-widget': FulfillmentSalesWidget;
  }
}
