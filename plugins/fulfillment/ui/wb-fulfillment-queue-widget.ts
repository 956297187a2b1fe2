import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import type { ExceptionCode } from '../shared/state-names.js';
import { exceptionName, labelStyles, priorityBadge, priorityName, statusName } from './labels.js';
import { ReloadWhenShown } from './reload-when-shown.js';
import { fulfillmentStyles } from './styles.js';
import { OPEN_QUEUE, OPEN_STATUSES, type OrdersFilter, type QueueCounts } from './wb-fulfillment-order-record.js';
import { openOrdersView } from './wb-fulfillment-orders-link.js';

/**
 * 待处理订单 on the home page: orders per state still to handle, the open ones per peak-day
 * priority, and exceptions per reason. Each figure opens the orders view filtered to those orders
 * (a priority opens every open order, which the list shows first priority first).
 */
@customElement('wb-fulfillment-queue-widget')
export class FulfillmentQueueWidget extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    labelStyles,
    css`
      :host { display: block; }
      h3 { margin: 8px 0 4px; font-size: 12px; color: var(--wb-muted, #616161); font-weight: 600; }
      h3:first-child { margin-top: 0; }
      ul.plain li { display: flex; align-items: center; gap: 6px; padding: 1px 0; }
      ul.plain li button.link { flex: 1; text-align: left; display: flex; gap: 6px; align-items: center; min-width: 0; }
      .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .n { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; color: var(--wb-fg, #1f1f1f); }
      .zero .n { font-weight: 400; color: var(--wb-muted, #616161); }
    `,
  ];

  @state() private counts?: QueueCounts;
  @state() private error = '';
  private readonly loader = new ReloadOnChange(this, ['fulfillment.orders'], { reload: () => this.load(), onConnect: true });
  private readonly shown = new ReloadWhenShown(this, () => this.load());

  private async load(): Promise<void> {
    try {
      this.counts = await this.api.get<QueueCounts>('/fulfillment/queue');
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const c = this.counts;
    if (!c) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const pick = (n: { 'zh-CN': string; en: string }) => this.i18n.text(n);
    const exceptions = (Object.entries(c.exceptions) as [ExceptionCode, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const priorities = Object.entries(c.priorities).filter(([, n]) => n > 0).sort((a, b) => Number(a[0]) - Number(b[0]));
    return html`<h3>${this.t('按状态', 'By state')}</h3>
      <ul class="plain states">${OPEN_STATUSES.map((s) => this.line({ status: s }, html`<span class="label">${this.i18n.text(statusName(s))}</span>`, c.statuses[s] ?? 0, s))}</ul>
      ${priorities.length
        ? html`<h3>${this.t('未完成订单按优先级', 'Open orders by priority')}</h3>
            <ul class="plain priorities">${priorities.map(([p, n]) => this.line({ status: OPEN_QUEUE }, html`${priorityBadge(Number(p), pick)}<span class="label">${this.i18n.text(priorityName(Number(p)))}</span>`, n, `p${p}`))}</ul>`
        : nothing}
      ${exceptions.length
        ? html`<h3>${this.t('异常原因', 'Exceptions by reason')}</h3>
            <ul class="plain exceptions">${exceptions.map(([code, n]) => this.line({ status: 'exception', exception: code }, html`<span class="label">${this.i18n.text(exceptionName(code))}</span>`, n, code))}</ul>`
        : nothing}`;
  }

  private line(filter: OrdersFilter, label: unknown, n: number, key: string) {
    return html`<li class=${n ? '' : 'zero'} data-key=${key}>
      <button class="link" @click=${() => openOrdersView(filter, this.workbench)}>${label}<span class="n">${n}</span></button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-queue-widget': FulfillmentQueueWidget;
  }
}
