import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';

type Kind = 'talk' | 'appeal' | 'outcome';
interface Entry { id: number; kind: Kind; text: string; byName: string; at: string }

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/**
 * A case's dispute (纠纷): the log of talks with the buyer, the appeal and the outcome, each with
 * who and when; the next entry's kind is offered in the order the server accepts them, and the
 * appeal's evidence bundle downloads as one file.
 */
@customElement('wb-after-sales-case-dispute')
export class AfterSalesCaseDispute extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: block; }
    ol { margin: 0 0 6px; padding-left: 18px; }
    .kind { font-weight: 600; }
    form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    textarea { flex: 1 1 240px; min-height: 3em; }
    .hint { color: var(--wb-muted, #666); font-size: 12px; }
  `];
  @property({ type: Number }) caseId = 0;
  @property() caseNo = '';
  @state() private entries: Entry[] = [];
  @state() private error = '';

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('caseId') && this.caseId) void this.load();
  }

  private async load(): Promise<void> {
    this.entries = (await this.api.get<{ items: Entry[] }>(`/after-sales/cases/${this.caseId}/dispute`)).items;
  }

  override render() {
    const t = (key: string) => this.i18n.t(`after-sales.dispute.${key}`);
    const closed = this.entries.some((e) => e.kind === 'outcome');
    const talked = this.entries.some((e) => e.kind === 'talk');
    const appealed = this.entries.some((e) => e.kind === 'appeal');
    const kinds: Kind[] = talked ? (appealed ? ['talk', 'outcome'] : ['talk', 'appeal', 'outcome']) : ['talk', 'outcome'];
    return html`
      ${this.entries.length
        ? html`<ol data-dispute>${this.entries.map((e) => html`<li data-kind=${e.kind}><span class="kind">${t(e.kind)}</span> ${when(e.at)} ${e.byName}：${e.text}</li>`)}</ol>`
        : html`<p class="hint">${t('none')}</p>`}
      ${closed ? html`<p class="hint">${t('closed')}</p>`
        : this.workbench.can('after-sales.cases.decide') ? html`<form aria-label=${t('log')} @submit=${(e: Event) => this.log(e)}>
          <select name="kind" aria-label=${t('kind')}>${kinds.map((k) => html`<option value=${k}>${t(k)}</option>`)}</select>
          <textarea name="text" required maxlength="2000" aria-label=${t('text')} placeholder=${t('placeholder')}></textarea>
          <button type="submit">${t('add')}</button></form>` : nothing}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      <p><a data-bundle href=${this.api.url(`/after-sales/cases/${this.caseId}/evidence-bundle`)} download=${`${this.caseNo}-evidence.json`}>${t('bundle')}</a>
        <span class="hint">${t('bundleHint')}</span></p>`;
  }

  private async log(event: Event): Promise<void> {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const form = new FormData(formEl);
    try {
      await this.api.post(`/after-sales/cases/${this.caseId}/dispute`, { kind: String(form.get('kind')), text: String(form.get('text') ?? '') });
      this.error = '';
      formEl.reset();
      await this.load();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-case-dispute': AfterSalesCaseDispute;
  }
}
