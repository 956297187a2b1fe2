import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, fromLocalInput, toLocalInput, WbElement } from '@workbench/ui';
import type { ProductDetail } from './product-draft.js';
import { listingsStyles } from './styles.js';

type Field = 'listAt' | 'delistAt';

/**
 * 定时上架 / 定时下架 of one product (`PUT /products/:id/schedule`). The inputs are read in the
 * shop's time zone (the workbench's, as `i18n.dateTime` shows times), whatever zone the PC is set
 * to, and sent as ISO 8601 with the shop's offset; only a time that changed is sent, an emptied one
 * as null (cleared). A listing time never bypasses review: it holds an approved product back until
 * then, so a draft still has to be submitted and approved. A listed product takes only a 下架 time.
 *
 * @fires product-changed - after the schedule was saved; the editor reloads the product
 */
@customElement('wb-listings-product-schedule')
export class ListingsProductSchedule extends WbElement {
  static override styles = [
    controlStyles,
    listingsStyles,
    css`
      .box { border: 1px solid var(--wb-border, #d4d4d4); border-radius: 6px; padding: 8px 10px; margin-top: 8px; }
      .box h4 { margin: 0 0 6px; font-size: 13px; }
      .field { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 4px 6px; align-items: center; margin-bottom: 8px; }
      .field label { grid-column: 1 / -1; font-size: 12px; color: var(--wb-muted, #616161); }
      .field input { min-width: 0; width: 100%; }
      .current { grid-column: 1 / -1; font-size: 12px; }
      .current time { font-variant-numeric: tabular-nums; font-weight: 600; }
      .field-error { grid-column: 1 / -1; }
    `,
  ];

  @property({ attribute: false }) product?: ProductDetail;
  /** The editor has unsaved changes: saving a schedule waits until they are saved (it moves the version). */
  @property({ type: Boolean }) dirty = false;
  @state() private listAt = '';
  @state() private delistAt = '';
  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('product') && this.product) {
      const previous = changed.get('product') as ProductDetail | undefined;
      // A fresh read of the product (another version) shows what is stored; a re-render keeps what is typed.
      if (!previous || previous.id !== this.product.id || previous.version !== this.product.version) {
        this.listAt = this.stored('listAt');
        this.delistAt = this.stored('delistAt');
        this.errors = {};
      }
    }
  }

  private get zone(): string {
    return this.i18n.timeZone;
  }

  /** The stored time of `field` as the input shows it, in shop time. */
  private stored(field: Field): string {
    const p = this.product!;
    return toLocalInput(field === 'listAt' ? p.scheduledListAt : p.scheduledDelistAt, this.zone);
  }

  override render() {
    const p = this.product;
    if (!p) return nothing;
    const edit = this.workbench.can('listings.products.edit');
    const listed = p.status === 'listed';
    const changed = this.listAt !== this.stored('listAt') || this.delistAt !== this.stored('delistAt');
    return html`<div class="box schedule" role="group" aria-label=${this.t('定时上下架', 'Scheduled listing')}>
      <h4>${this.t('定时上下架', 'Scheduled listing')}</h4>
      ${listed && !p.scheduledListAt
        ? html`<p class="hint list-none">${this.t('已上架，不需要定时上架。', 'Listed already: no listing time needed.')}</p>`
        : this.renderField('listAt', this.t('定时上架', 'List at'), p.scheduledListAt, edit && !listed)}
      ${this.renderField('delistAt', this.t('定时下架', 'Delist at'), p.scheduledDelistAt, edit)}
      <p class="hint">${this.hint(p)}</p>
      <p class="hint zone">${this.t(`时间按店铺时区（${this.zone}）填写和显示。`, `Times are in the shop's time zone (${this.zone}).`)}</p>
      ${edit
        ? html`<div class="actions">
            <button class="primary save-schedule" ?disabled=${this.busy || this.dirty || !changed} @click=${() => void this.save()}>${this.t('保存定时', 'Save schedule')}</button>
            ${changed ? html`<button class="reset-schedule" ?disabled=${this.busy} @click=${() => ((this.listAt = this.stored('listAt')), (this.delistAt = this.stored('delistAt')), (this.errors = {}))}>${this.t('还原', 'Undo')}</button>` : nothing}
          </div>
          ${this.dirty ? html`<p class="hint">${this.t('请先保存商品的修改，再设置定时。', 'Save your changes to the product before setting a schedule.')}</p>` : nothing}`
        : nothing}
    </div>`;
  }

  private renderField(field: Field, label: string, stored: string | null, edit: boolean) {
    const id = field === 'listAt' ? 'list-at' : 'delist-at';
    const value = field === 'listAt' ? this.listAt : this.delistAt;
    const current = html`<span class="current ${field === 'listAt' ? 'current-list' : 'current-delist'}">${this.t('当前', 'Now')}：${stored
        ? html`<time datetime=${stored}>${this.i18n.dateTime(stored)}</time>`
        : html`<span class="muted">${this.t('未设置', 'Not set')}</span>`}</span>`;
    if (!edit) return html`<div class="field"><label>${label}</label>${current}</div>`;
    const set = (v: string) => {
      if (field === 'listAt') this.listAt = v;
      else this.delistAt = v;
      this.errors = { ...this.errors, [field]: undefined };
    };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${field} type="datetime-local" .value=${value} ?disabled=${this.busy} aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby="${id}-error" @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />
      <button class="link clear-${id}" ?disabled=${this.busy || value === ''} title=${this.t(`清除${label}时间`, `Clear the ${field === 'listAt' ? 'listing' : 'delisting'} time`)}
        aria-label=${this.t(`清除${label}时间`, `Clear the ${field === 'listAt' ? 'listing' : 'delisting'} time`)} @click=${() => set('')}>${this.t('清除', 'Clear')}</button>
      ${current}
      ${this.errors[field] ? html`<span id="${id}-error" class="field-error">${this.errors[field]}</span>` : nothing}
    </div>`;
  }

  /** What the listing time will do in the product's state: a schedule never skips review. */
  private hint(p: ProductDetail): string {
    const at = this.i18n.dateTime(p.scheduledListAt);
    switch (p.status) {
      case 'draft':
      case 'delisted':
        return p.scheduledListAt
          ? this.t(`提交审核并通过后，到 ${at} 才上架（时间已过则通过后立即上架）。`, `Once submitted and approved it is listed at ${at} (at once if that has passed).`)
          : this.t('定时上架也要先提交审核：审核通过后，到时间才上架。', 'A listing time still needs review: once approved, it is listed at that time.');
      case 'submitted':
        if (p.reviewedAt) {
          return p.scheduledListAt
            ? this.t(`已通过审核，将于 ${at} 上架。`, `Approved; it is listed at ${at}.`)
            : this.t('已通过审核，清除了上架时间，下一次定时任务运行时上架。', 'Approved with the listing time cleared: it is listed at the next run of the schedule.');
        }
        return p.scheduledListAt
          ? this.t(`等待审核；通过后到 ${at} 上架。`, `Waiting for review; once approved it is listed at ${at}.`)
          : this.t('等待审核；通过后立即上架。', 'Waiting for review; it is listed once approved.');
      case 'listed':
        return p.scheduledDelistAt
          ? this.t(`将于 ${this.i18n.dateTime(p.scheduledDelistAt)} 自动下架（原因：定时下架）。`, `It is delisted at ${this.i18n.dateTime(p.scheduledDelistAt)} (reason: scheduled delisting).`)
          : this.t('可以设置定时下架。', 'A delisting time can be set.');
    }
  }

  private async save(): Promise<void> {
    const p = this.product!;
    const body: { version: number; listAt?: string | null; delistAt?: string | null } = { version: p.version };
    const errors: Partial<Record<Field, string>> = {};
    for (const field of ['listAt', 'delistAt'] as const) {
      const value = field === 'listAt' ? this.listAt : this.delistAt;
      if (value === this.stored(field)) continue;
      if (value === '') {
        body[field] = null;
        continue;
      }
      const iso = fromLocalInput(value, this.zone);
      if (iso === undefined) errors[field] = this.t('请填写完整的日期和时间', 'Enter a full date and time');
      else body[field] = iso;
    }
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.busy = true;
    try {
      await this.api.put<ProductDetail>(`/listings/products/${p.id}/schedule`, body);
      this.notifications.notify('success', this.t('定时已保存', 'Schedule saved'));
      changes.announce('listings.products');
      changes.announce('listings.review');
    } catch (error) {
      this.notifications.error(error);
      if (error instanceof ApiError) {
        const fields: Partial<Record<Field, string>> = {};
        for (const f of error.fields) {
          const field = f.path.replace(/^\//, '');
          if (field === 'listAt' || field === 'delistAt') fields[field] = f.message;
        }
        this.errors = fields;
      }
      // A stale version (409) reloads the product; any other refusal keeps what was typed.
      if (!(error instanceof ApiError && error.status === 409)) return;
    } finally {
      this.busy = false;
    }
    this.dispatchEvent(new CustomEvent('product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-product-schedule': ListingsProductSchedule;
  }
}
