import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, WbElement } from '@workbench/ui';
import { LISTING_STATUS } from './labels.js';
import type { ProductDetail } from './product-draft.js';
import { listingsStyles } from './styles.js';
import type { ChecklistResult } from './wb-listings-checklist.js';
import './wb-listings-product-schedule.js';

type Pending = 'submit' | 'delist' | null;

/**
 * The listing workflow of one product, by its state: 提交审核 (a written reason is asked for when
 * checklist rules fail), 下架, and for a reviewer who did not submit it, 通过 / 驳回 with a note.
 * Below them the scheduled 上架/下架 times (`wb-listings-product-schedule`).
 *
 * @fires product-changed - after a workflow step; the editor reloads the product
 */
@customElement('wb-listings-product-workflow')
export class ListingsProductWorkflow extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`.review { border: 1px solid var(--wb-border, #d4d4d4); border-radius: 6px; padding: 8px 10px; margin-top: 8px; } textarea { width: 100%; box-sizing: border-box; }`];

  @property({ attribute: false }) product?: ProductDetail;
  @property({ attribute: false }) checklist?: ChecklistResult;
  /** The editor has unsaved changes: workflow steps wait until they are saved. */
  @property({ type: Boolean }) dirty = false;
  @state() private pending: Pending = null;
  @state() private busy = false;

  override render() {
    const p = this.product;
    if (!p) return nothing;
    const edit = this.workbench.can('listings.products.edit');
    const failing = this.checklist ? this.checklist.rules.filter((r) => !r.passed) : [];
    return html`<p>${this.t('状态', 'Status')}：<span class="badge status">${this.i18n.text(LISTING_STATUS[p.status])}</span></p>
      ${p.status === 'submitted' ? this.renderSubmitted(p) : nothing}
      ${p.reviewNote && p.status !== 'submitted' ? html`<p class="hint">${this.t('审核意见', 'Review note')}：${p.reviewNote}</p>` : nothing}
      <div class="actions">
        ${edit && (p.status === 'draft' || p.status === 'delisted')
          ? html`<button class="primary submit" ?disabled=${this.busy || this.dirty} @click=${() => (failing.length ? (this.pending = 'submit') : void this.submit(''))}>${this.t('提交审核', 'Submit for review')}</button>`
          : nothing}
        ${edit && p.status === 'listed' ? html`<button class="danger delist" ?disabled=${this.busy || this.dirty} @click=${() => (this.pending = 'delist')}>${this.t('下架', 'Delist')}</button>` : nothing}
      </div>
      ${this.dirty ? html`<p class="hint">${this.t('请先保存修改，再提交或下架。', 'Save your changes before submitting or delisting.')}</p>` : nothing}
      <wb-listings-product-schedule .product=${p} ?dirty=${this.dirty}></wb-listings-product-schedule>
      ${this.pending ? this.renderDialog(this.pending, failing.map((r) => this.i18n.text(r.title))) : nothing}`;
  }

  private renderSubmitted(p: ProductDetail) {
    const mine = p.submittedBy === this.workbench.user.id;
    const reviewer = this.workbench.can('listings.products.review');
    const submitted = html`<p class="hint">${this.t('提交于', 'Submitted')} ${this.i18n.dateTime(p.submittedAt)}${p.submitReason ? html` · ${this.t('说明', 'Reason')}：${p.submitReason}` : nothing}</p>`;
    // Approved with a listing time ahead: it waits for that time and is not reviewed again.
    if (p.reviewedAt) {
      return html`${submitted}<p class="hint approved">${p.scheduledListAt
        ? this.t(`已通过审核，等定时上架（${this.i18n.dateTime(p.scheduledListAt)}）。`, `Approved; waiting for its listing time (${this.i18n.dateTime(p.scheduledListAt)}).`)
        : this.t('已通过审核，下一次定时任务运行时上架。', 'Approved; it is listed at the next run of the schedule.')}</p>`;
    }
    return html`${submitted}
      ${reviewer && !mine
        ? html`<div class="review" role="group" aria-label=${this.t('上架审核', 'Listing review')}>
            <label for="note">${this.t('审核意见（驳回时必填）', 'Note (needed to reject)')}</label>
            <textarea id="note" name="note"></textarea>
            <div class="actions">
              <button class="primary approve" ?disabled=${this.busy} @click=${() => void this.review('approve')}>${this.t('通过', 'Approve')}</button>
              <button class="danger reject" ?disabled=${this.busy} @click=${() => void this.review('reject')}>${this.t('驳回', 'Reject')}</button>
            </div>
          </div>`
        : html`<p class="hint">${mine ? this.t('等待其他人审核（自己提交的不能自己审）。', 'Waiting for someone else to review it (nobody reviews their own submission).') : this.t('等待审核。', 'Waiting for review.')}</p>`}`;
  }

  private renderDialog(kind: 'submit' | 'delist', failing: string[]) {
    const submit = kind === 'submit';
    return html`<wb-dialog heading=${submit ? this.t('提交审核', 'Submit for review') : this.t('下架商品', 'Delist the product')} open @close=${() => (this.pending = null)}>
      ${submit
        ? html`<p>${this.t('以下规则未通过，请写明为什么仍要提交：', 'These rules fail; write why it should go to review anyway:')}</p>
            <ul>${failing.map((f) => html`<li class="fail">${f}</li>`)}</ul>`
        : html`<p>${this.t('下架后，这个商品参加的促销会一起暂停。', 'Its promotions are suspended along with it.')}</p>`}
      <label for="reason">${submit ? this.t('说明（必填）', 'Reason (required)') : this.t('下架原因', 'Reason')}</label>
      <textarea id="reason" name="reason"></textarea>
      <button slot="actions" @click=${() => (this.pending = null)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class=${submit ? 'primary confirm' : 'danger confirm'} @click=${() => void this.confirm(kind)}>${submit ? this.t('提交', 'Submit') : this.t('下架', 'Delist')}</button>
    </wb-dialog>`;
  }

  private async confirm(kind: 'submit' | 'delist'): Promise<void> {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea#reason')!;
    const reason = area.value.trim();
    if (kind === 'submit' && !reason) {
      area.setAttribute('aria-invalid', 'true');
      area.focus();
      this.notifications.notify('warning', this.t('有规则未通过时，请写明提交的理由', 'Write why it goes to review with failing rules'));
      return;
    }
    this.pending = null;
    if (kind === 'submit') await this.submit(reason);
    else await this.step('delist', { reason: reason || undefined }, this.t('已下架', 'Delisted'));
  }

  private submit(reason: string): Promise<void> {
    return this.step('submit', reason ? { reason } : {}, this.t('已提交审核', 'Submitted for review'));
  }

  private async review(decision: 'approve' | 'reject'): Promise<void> {
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea#note')?.value.trim() ?? '';
    if (decision === 'reject' && !note) {
      this.notifications.notify('warning', this.t('驳回时请写下要改什么', 'Say what to change when rejecting'));
      return;
    }
    await this.step('review', { decision, ...(note ? { note } : {}) }, decision === 'approve' ? this.t('已通过审核', 'Approved') : this.t('已驳回', 'Rejected'));
  }

  private async step(action: 'submit' | 'delist' | 'review', body: Record<string, unknown>, done: string): Promise<void> {
    const p = this.product!;
    this.busy = true;
    try {
      await this.api.post(`/listings/products/${p.id}/${action}`, { version: p.version, ...body });
      this.notifications.notify('success', done);
      changes.announce('listings.products');
      changes.announce('listings.review');
    } catch (error) {
      this.notifications.error(error);
      if (!(error instanceof ApiError && error.status === 409)) return;
    } finally {
      this.busy = false;
    }
    this.dispatchEvent(new CustomEvent('product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-product-workflow': ListingsProductWorkflow;
  }
}
