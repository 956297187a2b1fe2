import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { changes, controlStyles, WbElement } from '@workbench/ui';
import type { ProductDetail } from './product-draft.js';
import { changeText } from './revision-text.js';
import { listingsStyles } from './styles.js';

/**
 * 待审核的修改 of a listed product: what changed (before → after), who changed it, the checklist of
 * the version it would make, and the decision — 通过 / 驳回 for a reviewer whose edit is not in it,
 * 撤回 for an editor. Buyers keep seeing the listed version until it is approved.
 *
 * @fires product-changed - after a decision or a withdrawal; the editor reloads the product
 */
@customElement('wb-listings-product-revision')
export class ListingsProductRevision extends WbElement {
  static override styles = [
    controlStyles,
    listingsStyles,
    css`
      :host { display: block; border: 1px solid var(--wb-warning, #b26a00); border-radius: 6px; padding: 8px 10px; margin-bottom: 12px; }
      table { width: 100%; border-collapse: collapse; font-size: 12px; }
      th, td { text-align: left; padding: 2px 4px; vertical-align: top; border-bottom: 1px solid var(--wb-border-soft, #ececec); }
      td.before { color: var(--wb-muted, #666); text-decoration: line-through; }
      td.after { font-weight: 600; }
      textarea { width: 100%; box-sizing: border-box; }
    `,
  ];

  @property({ attribute: false }) product?: ProductDetail;
  @state() private busy = false;

  override render() {
    const r = this.product?.revision;
    if (!r) return nothing;
    const me = this.workbench.user.id;
    const mine = r.editors.some((e) => e.id === me);
    const reviewer = this.workbench.can('listings.products.review') && !mine;
    const failing = r.checklist.rules.filter((rule) => !rule.passed);
    return html`<h3>${this.t('待审核的修改', 'Changes awaiting review')}</h3>
      <p class="hint">${this.t('修改人', 'Edited by')}：${r.editors.map((e) => e.name).join(this.t('、', ', '))} · ${this.i18n.dateTime(r.updatedAt)}<br />
        ${this.t('审核通过前，顾客和其他模块看到的仍是上架中的内容。', 'Until approved, buyers and other areas see the listed version.')}</p>
      <table class="diff">
        <thead><tr><th>${this.t('修改', 'Change')}</th><th>${this.t('原来', 'Before')}</th><th>${this.t('改为', 'After')}</th></tr></thead>
        <tbody>${r.diff.map((d) => {
          const line = changeText(d, this.i18n, (zh, en) => this.t(zh, en));
          return html`<tr><td>${line.what}</td><td class="before">${line.before}</td><td class="after">${line.after}</td></tr>`;
        })}</tbody>
      </table>
      ${failing.length
        ? html`<p class="hint fail">${this.t('修改后未通过的检查', 'Checklist rules the changed version fails')}：${failing.map((f) => this.i18n.text(f.title)).join(this.t('、', ', '))}</p>`
        : html`<p class="hint">${this.t('修改后的版本通过全部上架检查。', 'The changed version passes every checklist rule.')}</p>`}
      ${reviewer
        ? html`<label for="revision-note">${this.t('审核意见（驳回时必填）', 'Note (needed to reject)')}</label>
            <textarea id="revision-note" name="revision-note"></textarea>
            <div class="actions">
              <button class="primary approve-revision" ?disabled=${this.busy} @click=${() => void this.review('approve')}>${this.t('通过修改', 'Approve changes')}</button>
              <button class="danger reject-revision" ?disabled=${this.busy} @click=${() => void this.review('reject')}>${this.t('驳回修改', 'Reject changes')}</button>
            </div>`
        : html`<p class="hint">${mine ? this.t('等待其他人审核（自己改的不能自己审）。', 'Waiting for someone else (nobody reviews their own changes).') : this.t('等待审核。', 'Waiting for review.')}</p>`}
      ${this.workbench.can('listings.products.edit')
        ? html`<div class="actions"><button class="withdraw-revision" ?disabled=${this.busy} @click=${() => void this.withdraw()}>${this.t('撤回修改', 'Withdraw changes')}</button></div>`
        : nothing}`;
  }

  private async review(decision: 'approve' | 'reject'): Promise<void> {
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea#revision-note')?.value.trim() ?? '';
    if (decision === 'reject' && !note) {
      this.notifications.notify('warning', this.t('驳回时请写下原因', 'Say why when rejecting'));
      return;
    }
    await this.step(`review`, { decision, ...(note ? { note } : {}) }, decision === 'approve' ? this.t('修改已通过，已生效', 'Changes approved and applied') : this.t('修改已驳回', 'Changes rejected'));
  }

  private withdraw(): Promise<void> {
    return this.step('withdraw', {}, this.t('修改已撤回', 'Changes withdrawn'));
  }

  private async step(action: 'review' | 'withdraw', body: Record<string, unknown>, done: string): Promise<void> {
    const r = this.product!.revision!;
    this.busy = true;
    try {
      await this.api.post(`/listings/revisions/${r.id}/${action}`, { version: r.version, ...body });
      this.notifications.notify('success', done);
      changes.announce('listings.products');
      changes.announce('listings.review');
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.busy = false;
    }
    // Reloaded after a refusal too: a 409 means the revision changed or was decided meanwhile.
    this.dispatchEvent(new CustomEvent('product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-product-revision': ListingsProductRevision;
  }
}
