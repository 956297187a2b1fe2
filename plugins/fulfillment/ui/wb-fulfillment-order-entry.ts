import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, WbElement, yuanToFen } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import type { OrderDetail } from './wb-fulfillment-order-record.js';
import type { SkuChoice } from './wb-fulfillment-sku-choice.js';
import './wb-fulfillment-sku-choice.js';

interface Line {
  skuCode: string;
  quantity: string;
  price: string;
  /** The catalogue's name of the SKU found by the finder; empty for a code typed by hand. */
  name: string;
}

type Text = 'buyerNick' | 'buyerAccount' | 'receiverName' | 'receiverPhone' | 'receiverAddress' | 'postCode' | 'buyerMessage' | 'shippingMethod' | 'shippingFee';

const emptyLine = (): Line => ({ skuCode: '', quantity: '1', price: '', name: '' });

/**
 * 手工录入订单: an order taken by phone or chat — buyer, receiver, lines by 商家编码 with quantity
 * (the price is the SKU's unless typed), shipping fee, paid or not, task order. The finder above
 * the lines finds a SKU by name, pinyin or code, as the buyer names it. Saved, the tab becomes the
 * saved order's.
 */
@customElement('wb-fulfillment-order-entry')
export class FulfillmentOrderEntry extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      table.lines { max-width: 720px; }
      table.edit td.qty { width: 72px; }
      table.edit td.price { width: 120px; }
      table.edit td.remove { width: 40px; }
      table.edit td.name { color: var(--wb-muted, #616161); }
      wb-fulfillment-sku-choice { max-width: 720px; margin-bottom: 8px; }
      .lines + .actions { margin-bottom: 12px; }
      .checks { display: flex; gap: 16px; flex-wrap: wrap; }
      .checks label { display: inline-flex; gap: 4px; align-items: center; color: inherit; white-space: nowrap; }
      .grid .checks input { width: auto; }
      .problems { margin: 8px 0; padding-left: 18px; }
    `,
  ];

  /** The tab's id (`new-N`), which the saved order's id replaces. */
  @property() recordId = '';
  @state() private form: Record<Text, string> = { buyerNick: '', buyerAccount: '', receiverName: '', receiverPhone: '', receiverAddress: '', postCode: '', buyerMessage: '', shippingMethod: '', shippingFee: '0' };
  @state() private lines: Line[] = [emptyLine()];
  @state() private paid = true;
  @state() private task = false;
  @state() private problems = new Map<string, string>();
  @state() private general: string[] = [];
  @state() private busy = false;

  override render() {
    const field = (key: Text, zh: string, en: string, options: { long?: boolean; required?: boolean; placeholder?: string; mode?: string } = {}) => {
      const problem = this.problems.get(`/${key}`);
      const set = (e: Event) => (this.form = { ...this.form, [key]: (e.target as HTMLInputElement).value });
      return html`<label for=${key}>${this.t(zh, en)}${options.required ? ' *' : ''}</label>
        ${options.long
          ? html`<textarea id=${key} name=${key} .value=${this.form[key]} aria-invalid=${problem ? 'true' : 'false'} @input=${set}></textarea>`
          : html`<input id=${key} name=${key} .value=${this.form[key]} inputmode=${options.mode ?? 'text'} placeholder=${options.placeholder ?? ''} aria-invalid=${problem ? 'true' : 'false'} @input=${set} />`}
        ${problem ? html`<span class="field-error">${problem}</span>` : nothing}`;
    };
    return html`<h2>${this.t('手工录入订单', 'Enter an order')}</h2>
      <div @keydown=${this.onKeyDown}>
        <h3>${this.t('买家与收件人', 'Buyer and receiver')}</h3>
        <section class="grid">
          ${field('buyerNick', '买家会员名', 'Buyer nick', { required: true })}
          ${field('buyerAccount', '支付宝账号', 'Payment account')}
          ${field('receiverName', '收件人', 'Receiver', { required: true })}
          ${field('receiverPhone', '手机', 'Phone', { required: true, mode: 'tel' })}
          ${field('receiverAddress', '地址', 'Address', { required: true, long: true, placeholder: this.t('省市区 + 街道门牌', 'Province, city, district, street and number') })}
          ${field('postCode', '邮编', 'Post code', { mode: 'numeric' })}
          ${field('buyerMessage', '买家留言', 'Buyer message', { long: true })}
          ${field('shippingMethod', '运送方式', 'Shipping method', { placeholder: this.t('如 快递、顺丰', 'e.g. 快递, 顺丰') })}
        </section>
        <h3>${this.t('宝贝', 'Items')}</h3>
        <wb-fulfillment-sku-choice @sku-choice=${(e: CustomEvent<SkuChoice>) => this.addChosen(e.detail)}></wb-fulfillment-sku-choice>
        ${this.renderLines()}
        <section class="grid">
          ${field('shippingFee', '运费（元）', 'Shipping fee (¥)', { mode: 'decimal' })}
          <span></span>
          <span class="checks">
            <label><input type="checkbox" name="paid" .checked=${this.paid} @change=${(e: Event) => (this.paid = (e.target as HTMLInputElement).checked)} />${this.t('已付款', 'Paid')}</label>
            <label><input type="checkbox" name="task" .checked=${this.task} @change=${(e: Event) => (this.task = (e.target as HTMLInputElement).checked)} />${this.t('任务单（最先处理）', 'Task order (handled first)')}</label>
          </span>
        </section>
      </div>
      ${this.general.length ? html`<ul class="problems error" role="alert">${this.general.map((g) => html`<li>${g}</li>`)}</ul>` : nothing}
      <div class="actions"><button class="primary save-order" ?disabled=${this.busy} @click=${() => void this.save()}>${this.t('保存订单', 'Save order')}</button></div>
      <p class="hint">${this.t('* 为必填。单价不填就按商品库里 SKU 的售价。Ctrl+Enter 保存。', '* required. Leave the price empty for the SKU’s own price. Ctrl+Enter saves.')}</p>`;
  }

  private renderLines() {
    const set = (i: number, patch: Partial<Line>) => (this.lines = this.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
    const problem = (i: number, key: string) => this.problems.get(`/items/${i}/${key}`) ?? (key === 'skuCode' ? this.problems.get(`/items/${i}`) : undefined);
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<table class="edit lines">
        <thead><tr><th>${this.t('商家编码', 'SKU code')} *</th><th>${this.t('品名', 'Name')}</th><th>${this.t('数量', 'Qty')}</th><th>${this.t('单价（元）', 'Price (¥)')}</th><th></th></tr></thead>
        <tbody>${this.lines.map((l, i) => {
          const bad = { code: problem(i, 'skuCode'), qty: problem(i, 'quantity'), price: problem(i, 'price') };
          const message = bad.code ?? bad.qty ?? bad.price;
          return html`<tr data-row=${i}>
              <td><input name="skuCode" aria-label=${this.t(`第 ${i + 1} 行商家编码`, `Row ${i + 1} SKU code`)} .value=${l.skuCode} aria-invalid=${bad.code ? 'true' : 'false'} @input=${(e: Event) => set(i, { skuCode: value(e), name: '' })} /></td>
              <td class="name">${l.name}</td>
              <td class="qty"><input name="quantity" inputmode="numeric" aria-label=${this.t(`第 ${i + 1} 行数量`, `Row ${i + 1} quantity`)} .value=${l.quantity} aria-invalid=${bad.qty ? 'true' : 'false'} @input=${(e: Event) => set(i, { quantity: value(e) })} /></td>
              <td class="price"><input name="price" inputmode="decimal" aria-label=${this.t(`第 ${i + 1} 行单价`, `Row ${i + 1} price`)} placeholder=${this.t('按 SKU 售价', 'SKU price')} .value=${l.price} aria-invalid=${bad.price ? 'true' : 'false'} @input=${(e: Event) => set(i, { price: value(e) })} /></td>
              <td class="remove">${this.lines.length > 1 ? html`<button class="link" aria-label=${this.t(`删去第 ${i + 1} 行`, `Remove row ${i + 1}`)} @click=${() => (this.lines = this.lines.filter((_, j) => j !== i))}>✕</button>` : nothing}</td>
            </tr>
            ${message ? html`<tr><td colspan="5" class="field-error line-error">${message}</td></tr>` : nothing}`;
        })}</tbody>
      </table>
      <div class="actions"><button class="add-line" @click=${() => this.addLine()}>${this.t('加一行', 'Add a line')}</button></div>`;
  }

  /** A SKU from the finder fills the first empty line, or a new one; the same SKU again adds a piece. */
  private addChosen(choice: SkuChoice): void {
    const same = this.lines.findIndex((l) => l.skuCode.trim().toUpperCase() === choice.code.toUpperCase());
    if (same >= 0) {
      this.lines = this.lines.map((l, j) => (j === same ? { ...l, quantity: String((Number(l.quantity) || 0) + 1) } : l));
      return;
    }
    const line = { ...emptyLine(), skuCode: choice.code, name: choice.name };
    const empty = this.lines.findIndex((l) => !l.skuCode.trim() && !l.price.trim());
    this.lines = empty >= 0 ? this.lines.map((l, j) => (j === empty ? line : l)) : [...this.lines, line];
  }

  private addLine(): void {
    this.lines = [...this.lines, emptyLine()];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`tr[data-row="${this.lines.length - 1}"] input[name=skuCode]`)?.focus());
  }

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.save();
    }
  };

  /** Checks what the browser can (amounts, quantities), then one POST; the server's refusals land beside their fields. */
  private async save(): Promise<void> {
    const problems = new Map<string, string>();
    const f = this.form;
    const fee = yuanToFen(f.shippingFee.trim() || '0');
    if (fee === undefined) problems.set('/shippingFee', this.t('运费请写成元，最多两位小数，例如 8 或 8.50。', 'Write the fee in 元 with at most two decimals, e.g. 8 or 8.50.'));
    const lines = this.lines.filter((l) => l.skuCode.trim() || l.price.trim());
    if (!lines.length) problems.set('/items/0/skuCode', this.t('至少填一行商家编码。', 'Fill in at least one SKU code.'));
    const items = lines.map((l, i) => {
      const quantity = Number(l.quantity);
      if (!Number.isInteger(quantity) || quantity < 1) problems.set(`/items/${i}/quantity`, this.t(`第 ${i + 1} 行数量要是 1 以上的整数。`, `Row ${i + 1}: the quantity is a whole number from 1.`));
      const price = l.price.trim() ? yuanToFen(l.price) : undefined;
      if (l.price.trim() && price === undefined) problems.set(`/items/${i}/price`, this.t(`第 ${i + 1} 行单价请写成元，例如 99 或 99.50。`, `Row ${i + 1}: write the price in 元, e.g. 99 or 99.50.`));
      return { skuCode: l.skuCode.trim(), quantity, ...(price !== undefined ? { price } : {}) };
    });
    this.lines = lines.length ? lines : [emptyLine()];
    this.problems = problems;
    this.general = [];
    if (problems.size) return;
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    const body = {
      buyerNick: f.buyerNick.trim(),
      buyerAccount: optional(f.buyerAccount),
      receiverName: f.receiverName.trim(),
      receiverPhone: f.receiverPhone.trim(),
      receiverAddress: f.receiverAddress.trim(),
      postCode: optional(f.postCode),
      buyerMessage: optional(f.buyerMessage),
      shippingMethod: optional(f.shippingMethod),
      shippingFee: fee,
      paid: this.paid,
      task: this.task,
      items,
    };
    this.busy = true;
    try {
      const saved = await this.api.post<OrderDetail>('/fulfillment/orders', body);
      this.notifications.notify('success', this.t(`已录入订单 ${saved.orderNo}`, `Order ${saved.orderNo} entered`));
      changes.announce('fulfillment.orders');
      this.workbench.replaceEditor({ opens: 'order', id: this.recordId }, { opens: 'order', id: String(saved.id), title: saved.orderNo });
    } catch (error) {
      // Nothing was saved: the form stays as typed, each refused field marked.
      const fields = error instanceof ApiError ? error.fields : [];
      const next = new Map<string, string>();
      for (const p of fields) next.set(p.path, p.message);
      this.problems = next;
      this.general = [error instanceof Error ? error.message : String(error)];
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-entry': FulfillmentOrderEntry;
  }
}
