import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { changes, controlStyles, type LocalizedText, ReloadOnChange, WbElement } from '@workbench/ui';
import type { FlagColour } from '../shared/state-names.js';
import { flagChip, labelStyles, platformBadge, priorityBadge, priorityName, statusBadge } from './labels.js';
import { courierNames, courierText } from './courier-names.js';
import { fulfillmentStyles } from './styles.js';
import type { OrderDetail } from './wb-fulfillment-order-record.js';
import './wb-fulfillment-order-entry.js';
import './wb-fulfillment-order-flag-picker.js';
import './wb-fulfillment-order-history.js';
import './wb-fulfillment-order-items.js';
import './wb-fulfillment-order-prices.js';
import './wb-fulfillment-order-receiver.js';
import './wb-fulfillment-order-remarks.js';
import './wb-fulfillment-order-review.js';
import './wb-fulfillment-order-unmapped.js';

/** `new-N` (one per 手工录入) opens the entry form. */
const isNew = (id: string) => id === '' || id === 'new' || id.startsWith('new-');

/**
 * One order in a tab: the header (number, states, flag, priority), receiver and messages, items
 * and price changes, remarks; beside them the review with its actions, who did each step, and the
 * history. A write refused as stale (409) keeps what is shown and offers to reload.
 */
@customElement('wb-fulfillment-order-editor')
export class FulfillmentOrderEditor extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    labelStyles,
    css`
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 24px; align-items: start; }
      /* The editor's own width decides, not the window's: the side bar may take a third of a small screen. */
      :host { display: block; container-type: inline-size; }
      @container (max-width: 960px) { .layout { grid-template-columns: minmax(0, 1fr); } }
      aside { border-left: 1px solid var(--wb-border-soft, #ececec); padding-left: 16px; min-width: 0; }
      header { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin-bottom: 6px; }
      header h2 { margin: 0; font-variant-numeric: tabular-nums; }
      .facts { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; color: var(--wb-muted, #616161); margin-bottom: 8px; }
      .facts strong { color: var(--wb-fg, #1f1f1f); font-weight: 600; }
      .flagrow { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; }
      .flagrow > span { color: var(--wb-muted, #616161); font-size: 12px; }
      .conflict { display: flex; gap: 10px; align-items: center; padding: 8px 10px; border-radius: 6px; background: var(--wb-danger-bg, #fde7e5); margin-bottom: 10px; }
      .conflict p { margin: 0; flex: 1; }
      .task { font-size: 12px; font-weight: 600; color: var(--wb-accent, #0a64c8); }
    `,
  ];

  // A batch action in the list may move this order too: show it as it now is.
  private readonly reloadOnChange = new ReloadOnChange(this, ['fulfillment.orders'], { reload: () => this.order && this.load() });
  @property() recordId = '';
  @state() private order?: OrderDetail;
  @state() private couriers = new Map<string, LocalizedText>();
  @state() private loadError = '';
  @state() private conflict = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('recordId') && !isNew(this.recordId)) void this.load(Number(this.recordId));
  }

  private async load(id = this.order?.id ?? Number(this.recordId)): Promise<void> {
    try {
      this.order = await this.api.get<OrderDetail>(`/fulfillment/orders/${id}`);
      this.loadError = '';
      this.conflict = '';
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  /** After a write here: every order panel reloads, this one too (it listens like the rest). */
  private changed(): void {
    changes.announce('fulfillment.orders');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void courierNames(this.api, this.workbench).then((names) => (this.couriers = names));
  }

  private courierName(code: string): string {
    return courierText(this.couriers, this.i18n, code, code);
  }

  override render() {
    if (isNew(this.recordId)) return html`<wb-fulfillment-order-entry recordId=${this.recordId}></wb-fulfillment-order-entry>`;
    if (this.loadError) return html`<p class="error" role="alert">${this.loadError}</p>`;
    const o = this.order;
    if (!o) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const stamp = o.version;
    return html`<div @order-changed=${() => this.changed()} @order-conflict=${(e: CustomEvent<{ message: string }>) => (this.conflict = e.detail.message)}>
      ${this.renderHeader(o)}
      ${this.conflict
        ? html`<div class="conflict" role="alert"><p>${this.conflict} ${this.t('请重新加载，看到最新的订单后再操作。', 'Reload to see the order as it is now, then try again.')}</p>
            <button class="reload" @click=${() => void this.load()}>${this.t('重新加载', 'Reload')}</button></div>`
        : nothing}
      <div class="layout">
        <div>
          <h3>${this.t('收件人与留言', 'Receiver and messages')}</h3>
          <wb-fulfillment-order-receiver .order=${o}></wb-fulfillment-order-receiver>
          <h3>${this.t('宝贝', 'Items')}</h3>
          <wb-fulfillment-order-items .order=${o}></wb-fulfillment-order-items>
          <wb-fulfillment-order-unmapped .order=${o}></wb-fulfillment-order-unmapped>
          <h3>${this.t('改价', 'Price changes')}</h3>
          <wb-fulfillment-order-prices .order=${o} stamp=${stamp}></wb-fulfillment-order-prices>
          <h3>${this.t('备注', 'Remarks')}</h3>
          <wb-fulfillment-order-remarks .order=${o}></wb-fulfillment-order-remarks>
        </div>
        <aside>
          <h3>${this.t('审单', 'Review')}</h3>
          <wb-fulfillment-order-review .order=${o} stamp=${stamp}></wb-fulfillment-order-review>
          <wb-fulfillment-order-history .order=${o} stamp=${stamp}></wb-fulfillment-order-history>
        </aside>
      </div>
    </div>`;
  }

  private renderHeader(o: OrderDetail) {
    const pick = (n: { 'zh-CN': string; en: string }) => this.i18n.text(n);
    const mayFlag = this.workbench.can('fulfillment.orders.edit');
    return html`<header>
        <h2 class="order-no">${o.orderNo}</h2>
        ${statusBadge(o.status, pick)} ${platformBadge(o.platformStatus, pick)}
        <span>${priorityBadge(o.priority, pick)} <span class="hint">${this.i18n.text(priorityName(o.priority))}</span></span>
        ${o.task ? html`<span class="task">${this.t('任务单', 'Task order')}</span>` : nothing}
        ${o.followUp ? html`<span class="task" data-follow-up=${o.followUp.kind}>${o.followUp.kind === 'exchange'
          ? this.t(`换货单 · 原订单 ${o.followUp.originOrderNo} · 售后 ${o.followUp.caseRef}`, `Exchange · for order ${o.followUp.originOrderNo} · case ${o.followUp.caseRef}`)
          : this.t(`补发单 · 原订单 ${o.followUp.originOrderNo} · 售后 ${o.followUp.caseRef}`, `Reshipment · for order ${o.followUp.originOrderNo} · case ${o.followUp.caseRef}`)}</span>` : nothing}
      </header>
      <div class="facts">
        <span>${o.source === 'manual' ? this.t('手工录入', 'Entered by hand') : this.t('淘宝导入', 'Imported from Taobao')}${o.shopName ? ` · ${o.shopName}` : ''}</span>
        <span>${this.t('下单', 'Placed')} <strong>${this.i18n.dateTime(o.placedAt)}</strong></span>
        <span>${this.t('付款', 'Paid')} <strong>${o.paidAt ? this.i18n.dateTime(o.paidAt) : o.followUp ? this.t('售后发货，不收款', 'after-sales, no charge') : this.t('未付款', 'not paid')}</strong></span>
        <span>${this.t('应付', 'Total')} <strong>${this.i18n.money(o.total)}</strong></span>
        ${o.courier || o.courierRequested ? html`<span>${this.t('快递', 'Courier')} <strong>${this.courierName(o.courier ?? o.courierRequested ?? '')}</strong>${o.trackingNo ? ` ${o.trackingNo}` : ''}</span>` : nothing}
        ${o.shippingMethod ? html`<span>${this.t('运送方式', 'Shipping')} <strong>${o.shippingMethod}</strong></span>` : nothing}
      </div>
      <div class="flagrow"><span>${this.t('旗帜', 'Flag')}</span>
        ${mayFlag
          ? html`<wb-fulfillment-order-flag-picker .value=${o.flag} @flag-change=${(e: CustomEvent<{ flag: FlagColour }>) => void this.flag(e.detail.flag)}></wb-fulfillment-order-flag-picker>`
          : flagChip(o.flag, pick, { showNone: true })}
      </div>`;
  }

  private async flag(flag: FlagColour): Promise<void> {
    const o = this.order!;
    try {
      await this.api.post(`/fulfillment/orders/${o.id}/flag`, { version: o.version, flag });
      this.changed();
    } catch (error) {
      this.conflict = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-editor': FulfillmentOrderEditor;
  }
}
