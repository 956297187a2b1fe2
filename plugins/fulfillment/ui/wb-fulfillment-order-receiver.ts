import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, controlStyles } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import { FulfillmentOrderPart } from './wb-fulfillment-order-part.js';
import type { OrderDetail } from './wb-fulfillment-order-record.js';

type Field = 'receiverName' | 'receiverPhone' | 'receiverAddress' | 'postCode' | 'buyerMessage' | 'sellerRemark';
const RECEIVER: Field[] = ['receiverName', 'receiverPhone', 'receiverAddress', 'postCode'];

/**
 * The receiver (who, phone, address) and the two texts beside them: the buyer's message and the
 * seller's remark. Editable until the order is picked; a clerk who may not see the receiver in
 * full sees the masked values greyed and may change only the texts.
 */
@customElement('wb-fulfillment-order-receiver')
export class FulfillmentOrderReceiver extends FulfillmentOrderPart {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .grid { max-width: none; }
      .value { white-space: pre-wrap; overflow-wrap: anywhere; }
      .empty { color: var(--wb-muted, #616161); }
    `,
  ];

  @state() private editing = false;
  @state() private draft: Partial<Record<Field, string>> = {};
  @state() private problems: Partial<Record<Field | 'form', string>> = {};
  @state() private busy = false;

  protected override willUpdate(changed: Map<string, unknown>): void {
    // Only a new version ends the edit: a reload of the same order (another panel's change) keeps the typing.
    const before = changed.get('order') as OrderDetail | undefined;
    if (changed.has('order') && before?.version !== this.order?.version) this.editing = false;
  }

  override render() {
    const o = this.order;
    if (!o) return nothing;
    const masked = o.receiverMasked;
    const labels: Record<Field, string> = {
      receiverName: this.t('收件人', 'Receiver'),
      receiverPhone: this.t('手机', 'Phone'),
      receiverAddress: this.t('地址', 'Address'),
      postCode: this.t('邮编', 'Post code'),
      buyerMessage: this.t('买家留言', 'Buyer message'),
      sellerRemark: this.t('卖家备注', 'Seller remark'),
    };
    const fields: Field[] = this.editing && masked ? ['buyerMessage', 'sellerRemark'] : [...RECEIVER, 'buyerMessage', 'sellerRemark'];
    return html`<section class="grid" aria-label=${this.t('收件人与留言', 'Receiver and messages')}>
        <label>${this.t('买家', 'Buyer')}</label><span class="value buyer">${o.buyerNick}${o.buyerAccount ? html` · <span class=${masked ? 'masked' : ''}>${o.buyerAccount}</span>` : nothing}</span>
        ${fields.map((f) => (this.editing ? this.renderInput(f, labels[f]) : this.renderValue(f, labels[f], masked && RECEIVER.slice(0, 3).includes(f))))}
      </section>
      ${this.editing && o.status === 'approved' ? html`<p class="hint warn">${this.t('这个订单已审核：改了以后会回到待审核，占用的库存也会放开。', 'This order is approved: a change sends it back to review and releases its stock.')}</p>` : nothing}
      ${masked ? html`<p class="hint mask-hint">${this.t('收件人姓名、手机和地址已隐去部分：查看完整信息需要“查看收件人完整信息”权限。', 'The receiver’s name, phone and address are partly hidden: seeing them in full needs the “See receivers’ full details” permission.')}</p>` : nothing}
      ${this.problems.form ? html`<p class="error" role="alert">${this.problems.form}</p>` : nothing}
      ${this.editable
        ? html`<div class="actions">${this.editing
            ? html`<button class="primary save-receiver" ?disabled=${this.busy} @click=${() => void this.save()}>${this.t('保存', 'Save')}</button>
                <button @click=${() => ((this.editing = false), (this.problems = {}))}>${this.t('取消', 'Cancel')}</button>`
            : html`<button class="edit-receiver" @click=${() => this.edit()}>${masked ? this.t('修改留言和备注', 'Edit message and remark') : this.t('修改收件人和留言', 'Edit receiver and messages')}</button>`}</div>`
        : nothing}`;
  }

  private renderValue(f: Field, label: string, masked: boolean) {
    const value = this.order![f];
    return html`<label>${label}</label><span class="value ${f} ${masked ? 'masked' : ''} ${value ? '' : 'empty'}">${value || this.t('（无）', '(none)')}</span>`;
  }

  private renderInput(f: Field, label: string) {
    const long = f === 'buyerMessage' || f === 'sellerRemark' || f === 'receiverAddress';
    const set = (e: Event) => (this.draft = { ...this.draft, [f]: (e.target as HTMLInputElement).value });
    const problem = this.problems[f];
    return html`<label for=${f}>${label}</label>
      ${long
        ? html`<textarea id=${f} name=${f} .value=${this.draft[f] ?? ''} aria-invalid=${problem ? 'true' : 'false'} @input=${set}></textarea>`
        : html`<input id=${f} name=${f} .value=${this.draft[f] ?? ''} aria-invalid=${problem ? 'true' : 'false'} @input=${set} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void this.save()} />`}
      ${problem ? html`<span class="field-error">${problem}</span>` : nothing}`;
  }

  private edit(): void {
    const o = this.order!;
    this.draft = { receiverName: o.receiverName, receiverPhone: o.receiverPhone, receiverAddress: o.receiverAddress, postCode: o.postCode, buyerMessage: o.buyerMessage, sellerRemark: o.sellerRemark };
    this.problems = {};
    this.editing = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input, textarea')?.focus());
  }

  /** Sends only what changed, with the version read; masked values are never sent back. */
  private async save(): Promise<void> {
    const o = this.order!;
    const body: Record<string, unknown> = { version: o.version };
    for (const f of Object.keys(this.draft) as Field[]) {
      if (o.receiverMasked && RECEIVER.includes(f)) continue;
      if ((this.draft[f] ?? '') !== o[f]) body[f] = this.draft[f] ?? '';
    }
    if (Object.keys(body).length === 1) {
      this.editing = false;
      return;
    }
    this.busy = true;
    this.problems = {};
    try {
      await this.api.patch(`/fulfillment/orders/${o.id}`, body);
      this.notifications.notify('success', this.t('已保存', 'Saved'));
      this.busy = false;
      this.changed();
    } catch (error) {
      this.busy = false;
      const message = this.refused(error);
      if (!message) return;
      const problems: typeof this.problems = {};
      for (const p of error instanceof ApiError ? error.fields : []) {
        const f = p.path.replace(/^\//, '') as Field;
        if (f in body) problems[f] = p.message;
      }
      if (!Object.keys(problems).length) problems.form = message;
      this.problems = problems;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-receiver': FulfillmentOrderReceiver;
  }
}
