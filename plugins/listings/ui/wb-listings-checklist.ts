import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, type LocalizedText, WbElement } from '@workbench/ui';
import { listingsStyles } from './styles.js';

/** GET /products/:id/checklist. */
export interface ChecklistResult {
  rules: { id: string; title: LocalizedText; passed: boolean; detail?: LocalizedText | null }[];
  passed: boolean;
}

/**
 * The listing checklist of a saved product: each rule with ✓ or ✗ and what to fix. It reloads
 * whenever `stamp` changes (the editor passes the product's version).
 *
 * @fires checklist-change - detail: `{ result: ChecklistResult }`
 */
@customElement('wb-listings-checklist')
export class ListingsChecklist extends WbElement {
  static override styles = [controlStyles, listingsStyles];

  @property({ type: Number }) productId = 0;
  @property({ type: Number }) stamp = 0;
  @state() private result?: ChecklistResult;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('productId') || changed.has('stamp')) && this.productId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.result = await this.api.get<ChecklistResult>(`/listings/products/${this.productId}/checklist`);
      this.dispatchEvent(new CustomEvent('checklist-change', { detail: { result: this.result }, bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.productId) return html`<p class="hint">${this.t('保存后检查上架规则。', 'Save the product to check the listing rules.')}</p>`;
    if (!this.result) return html`<p class="hint">${this.t('检查中…', 'Checking…')}</p>`;
    const failed = this.result.rules.filter((r) => !r.passed).length;
    return html`<p class=${this.result.passed ? 'pass' : 'fail'} role="status">
        ${this.result.passed ? this.t('全部规则通过', 'Every rule passes') : this.t(`${failed} 条规则未通过`, `${failed} rule(s) fail`)}
      </p>
      <ul class="plain checklist">
        ${this.result.rules.map(
          (r) => html`<li data-rule=${r.id} class=${r.passed ? 'pass' : 'fail'}>
            <span aria-hidden="true">${r.passed ? '✓' : '✗'}</span>
            <span class="visually-hidden">${r.passed ? this.t('通过', 'passes') : this.t('未通过', 'fails')}</span>
            ${this.i18n.text(r.title)}${r.detail ? html`<div class="hint">${this.i18n.text(r.detail)}</div>` : nothing}
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-checklist': ListingsChecklist;
  }
}
