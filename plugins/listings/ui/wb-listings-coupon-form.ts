import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { changes, controlStyles, fenToYuan, fromLocalInput, localInputIn, toLocalInput, WbElement, yuanToFen } from '@workbench/ui';
import type { Coupon, CouponCode } from '../server/types.js';
import { COUPON_CODE_STATUS } from './labels.js';
import { listingsStyles } from './styles.js';
import './wb-listings-product-picker.js';

/**
 * A coupon (抵价券) design: face value, 满 X 可用 threshold, designated products and validity;
 * once saved, issue codes in batches. A coupon is not edited after it is made — issued codes
 * carry its terms — so a saved one is shown read-only.
 *
 * @fires coupon-saved - detail: `{ coupon }`
 */
@customElement('wb-listings-coupon-form')
export class ListingsCouponForm extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`.codes { font-family: var(--wb-font-mono, monospace); columns: 3 160px; }`];

  @property({ attribute: false }) coupon?: Coupon;
  @state() private name = '';
  @state() private face = '';
  @state() private threshold = '';
  @state() private productIds: number[] = [];
  @state() private from = '';
  @state() private until = '';
  @state() private count = '10';
  @state() private issued: CouponCode[] = [];
  @state() private error = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('coupon')) return;
    const c = this.coupon;
    const zone = this.i18n.timeZone;
    this.name = c?.name ?? '';
    this.face = fenToYuan(c?.faceValue);
    this.threshold = c ? fenToYuan(c.threshold) : '';
    this.productIds = c?.productIds ?? [];
    this.from = c ? toLocalInput(c.validFrom, zone) : localInputIn(0, zone);
    this.until = c ? toLocalInput(c.validUntil, zone) : localInputIn(15, zone);
  }

  override render() {
    const saved = this.coupon !== undefined;
    const text = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
    return html`<section class="grid">
        <label for="cname">${this.t('名称', 'Name')}</label>
        <input id="cname" name="name" .value=${this.name} ?readonly=${saved} @input=${text((v) => (this.name = v))} />
        <label for="face">${this.t('面额（元）', 'Face value (¥)')}</label>
        <input id="face" name="faceValue" inputmode="decimal" .value=${this.face} ?readonly=${saved} @input=${text((v) => (this.face = v))} />
        <label for="cthreshold">${this.t('满多少可用（元）', 'Usable from (¥)')}</label>
        <input id="cthreshold" name="threshold" inputmode="decimal" placeholder=${this.t('无门槛留空', 'Empty for none')} .value=${this.threshold} ?readonly=${saved} @input=${text((v) => (this.threshold = v))} />
        <label>${this.t('指定商品', 'Products')}</label>
        <div><wb-listings-product-picker .ids=${this.productIds} ?readonly=${saved} @products-change=${(e: CustomEvent<{ ids: number[] }>) => (this.productIds = e.detail.ids)}></wb-listings-product-picker>
          ${this.productIds.length ? nothing : html`<span class="hint">${this.t('不选就是全店通用', 'None chosen: every product')}</span>`}</div>
        <label for="from">${this.t('生效时间', 'Valid from')}</label>
        <input id="from" type="datetime-local" .value=${this.from} ?readonly=${saved} @input=${text((v) => (this.from = v))} />
        <label for="until">${this.t('失效时间', 'Valid until')}</label>
        <input id="until" type="datetime-local" .value=${this.until} ?readonly=${saved} @input=${text((v) => (this.until = v))} />
      </section>
      <p class="hint">${this.t('一单只能用一张，不找零、不拆分、不与其他优惠同用，也不抵运费。', 'One per order; no change, no splitting, no other discounts, never against shipping.')}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${saved ? this.renderIssue() : html`<div class="actions"><button class="primary save" @click=${() => void this.save()}>${this.t('保存优惠券', 'Save coupon')}</button></div>`}`;
  }

  private renderIssue() {
    return html`<h3>${this.t('发放券码', 'Issue codes')}</h3>
      <div class="row">
        <label for="count">${this.t('张数', 'How many')}</label>
        <input id="count" type="number" min="1" max="1000" .value=${this.count} @input=${(e: Event) => (this.count = (e.target as HTMLInputElement).value)} />
        <button class="primary issue" @click=${() => void this.issue()}>${this.t('发放', 'Issue')}</button>
      </div>
      ${this.issued.length
        ? html`<p role="status">${this.t(`已发放 ${this.issued.length} 张，${this.i18n.dateTime(this.issued[0]!.expiresAt)} 前有效：`, `${this.issued.length} issued, valid until ${this.i18n.dateTime(this.issued[0]!.expiresAt)}:`)}</p>
            <ul class="plain codes">${this.issued.map((c) => html`<li title=${this.i18n.text(COUPON_CODE_STATUS[c.status])}>${c.code}</li>`)}</ul>`
        : nothing}`;
  }

  private async save(): Promise<void> {
    const faceValue = yuanToFen(this.face);
    const threshold = this.threshold.trim() ? yuanToFen(this.threshold) : 0;
    const validFrom = fromLocalInput(this.from, this.i18n.timeZone);
    const validUntil = fromLocalInput(this.until, this.i18n.timeZone);
    if (!this.name.trim()) return void (this.error = this.t('请填写优惠券名称', 'Enter a name'));
    if (!faceValue) return void (this.error = this.t('面额请写成元，例如 10', 'Enter the face value in yuan, e.g. 10'));
    if (threshold === undefined) return void (this.error = this.t('门槛请写成元，例如 99', 'Enter the threshold in yuan, e.g. 99'));
    this.error = '';
    try {
      const coupon = await this.api.post<Coupon>('/listings/coupons', { name: this.name.trim(), faceValue, threshold, productIds: this.productIds, ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}) });
      this.notifications.notify('success', this.t('优惠券已保存', 'Coupon saved'));
      changes.announce('listings.coupons');
      this.dispatchEvent(new CustomEvent('coupon-saved', { detail: { coupon }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async issue(): Promise<void> {
    const count = Number(this.count);
    if (!Number.isInteger(count) || count < 1) return void (this.error = this.t('张数请写正整数', 'Enter a whole number'));
    this.error = '';
    try {
      this.issued = (await this.api.post<{ codes: CouponCode[] }>(`/listings/coupons/${this.coupon!.id}/issue`, { count })).codes;
      changes.announce('listings.coupons');
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-coupon-form': ListingsCouponForm;
  }
}
