import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, fenToYuan, yuanToFen } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import { FulfillmentOrderPart } from './wb-fulfillment-order-part.js';
import type { PriceChange } from './wb-fulfillment-order-record.js';

/** '' is the shipping fee; otherwise an item id. */
type Target = string;

/**
 * 改价: a price the buyer agreed to (an item's unit price or the shipping fee), written down with
 * the reason, and the list of the changes made so far — both sides of the agreement on record.
 */
@customElement('wb-fulfillment-order-prices')
export class FulfillmentOrderPrices extends FulfillmentOrderPart {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .grid { max-width: 420px; }
      td.reason { white-space: normal; }
    `,
  ];

  /** Changes whenever the order does, so the list is fetched again after a change. */
  @property({ type: Number }) stamp = 0;
  @state() private changes: PriceChange[] = [];
  @state() private opened = false;
  @state() private target: Target = '';
  @state() private amount = '';
  @state() private reason = '';
  @state() private problem = '';
  @state() private busy = false;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('stamp') || changed.has('order')) && this.order) void this.load(this.order.id);
  }

  private async load(id: number): Promise<void> {
    try {
      const answer = await this.api.get<{ items: PriceChange[] } | PriceChange[]>(`/fulfillment/orders/${id}/price-changes`);
      this.changes = Array.isArray(answer) ? answer : answer.items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const o = this.order;
    if (!o) return nothing;
    return html`${this.changes.length
        ? html`<table class="list changes" aria-label=${this.t('改价记录', 'Price changes')}>
            <thead><tr><th>${this.t('改的是', 'What')}</th><th class="num">${this.t('原价', 'Was')}</th><th class="num">${this.t('新价', 'Now')}</th><th>${this.t('原因', 'Reason')}</th><th>${this.t('经手人', 'By')}</th></tr></thead>
            <tbody>${this.changes.map((c) => html`<tr>
              <td>${this.targetName(c.field === 'shipping-fee' ? '' : String(c.itemId))}</td>
              <td class="num">${this.i18n.money(c.oldAmount)}</td><td class="num">${this.i18n.money(c.newAmount)}</td>
              <td class="reason">${c.reason}</td><td>${c.actorName} <span class="hint">${this.i18n.dateTime(c.at)}</span></td>
            </tr>`)}</tbody>
          </table>`
        : html`<p class="hint">${this.t('没有改过价。', 'No price changes.')}</p>`}
      ${this.editable ? html`<div class="actions"><button class="price-change" @click=${() => this.open()}>${this.t('改价…', 'Change a price…')}</button></div>` : nothing}
      ${this.opened ? this.renderDialog() : nothing}`;
  }

  private renderDialog() {
    const o = this.order!;
    return html`<wb-dialog heading=${this.t(`改价：${o.orderNo}`, `Change a price: ${o.orderNo}`)} open @close=${() => (this.opened = false)}>
      <div class="grid" @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && e.target instanceof HTMLInputElement && (e.preventDefault(), void this.save())}>
        <label for="target">${this.t('改哪一项', 'What')}</label>
        <select id="target" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
          ${o.items.map((i) => html`<option value=${String(i.id)} ?selected=${this.target === String(i.id)}>${this.targetName(String(i.id))}（${this.i18n.money(i.price)}）</option>`)}
          <option value="" ?selected=${this.target === ''}>${this.t('运费', 'Shipping fee')}（${this.i18n.money(o.shippingFee)}）</option>
        </select>
        <label for="amount">${this.t('新金额（元）', 'New amount (¥)')}</label>
        <input id="amount" inputmode="decimal" .value=${this.amount} @input=${(e: Event) => (this.amount = (e.target as HTMLInputElement).value)} />
        <label for="reason">${this.t('原因', 'Reason')}</label>
        <input id="reason" .value=${this.reason} placeholder=${this.t('如：买家议价，旺旺已确认', 'e.g. agreed with the buyer on chat')} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} />
        ${this.problem ? html`<span class="field-error" role="alert">${this.problem}</span>` : nothing}
      </div>
      <p class="hint">${this.t('单价按一件算；改价要先和买家谈妥。Enter 保存，Esc 取消。', 'Unit price per piece; agree it with the buyer first. Enter saves, Esc cancels.')}</p>
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary save-price" ?disabled=${this.busy} @click=${() => void this.save()}>${this.t('保存改价', 'Save')}</button>
    </wb-dialog>`;
  }

  private targetName(target: Target): string {
    if (target === '') return this.t('运费', 'Shipping fee');
    const item = this.order?.items.find((i) => String(i.id) === target);
    return item ? `${item.skuCode} ${item.title}`.trim() : this.t('宝贝', 'Item');
  }

  private open(): void {
    const first = this.order!.items[0];
    this.choose(first ? String(first.id) : '');
    this.reason = '';
    this.problem = '';
    this.opened = true;
  }

  private choose(target: Target): void {
    this.target = target;
    const o = this.order!;
    this.amount = fenToYuan(target === '' ? o.shippingFee : o.items.find((i) => String(i.id) === target)?.price);
  }

  private async save(): Promise<void> {
    const o = this.order!;
    const fen = yuanToFen(this.amount);
    if (fen === undefined) {
      this.problem = this.t('金额请写成元，最多两位小数，例如 89 或 89.50。', 'Write the amount in 元 with at most two decimals, e.g. 89 or 89.50.');
      return;
    }
    if (!this.reason.trim()) {
      this.problem = this.t('请写明改价原因（和买家怎么谈的）。', 'Write why the price changes (what the buyer agreed).');
      return;
    }
    this.busy = true;
    this.problem = '';
    const body = this.target === ''
      ? { version: o.version, field: 'shipping-fee', newAmount: fen, reason: this.reason.trim() }
      : { version: o.version, itemId: Number(this.target), field: 'item-price', newAmount: fen, reason: this.reason.trim() };
    try {
      await this.api.post(`/fulfillment/orders/${o.id}/price-change`, body);
      this.opened = false;
      this.notifications.notify('success', this.t('已改价', 'Price changed'));
      this.changed();
    } catch (error) {
      this.problem = this.refused(error);
      if (!this.problem) this.opened = false;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-prices': FulfillmentOrderPrices;
  }
}
