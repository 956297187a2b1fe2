import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import { CASE_KINDS, KIND_NAMES, STATE_NAMES, type CaseKind, type CaseState } from '../shared/case-states.js';
import './case-editor.js';

type CaseRow = { id: number; caseNo: string; orderNo: string; title: string; kind: CaseKind; state: CaseState; reason: string; dueAt: string | null; overdue: boolean; warnings: number[] };

/** The case queue, full width, due first (overdue on top), with a form to open a case from an order; a row opens its editor. */
@customElement('wb-after-sales-cases')
export class AfterSalesCasesView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 8px; height: 100%; padding: 8px; box-sizing: border-box; overflow: auto; }
    form { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    table { width: 100%; border-collapse: collapse; }
    th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--wb-border, #ddd); }
    tbody tr { cursor: pointer; }
    tbody tr:hover { background: var(--wb-hover, #f3f3f3); }
    .overdue { color: var(--wb-danger, #c00); font-weight: 600; }
    .warned { color: var(--wb-warning, #b60); }
  `];
  @state() private rows: CaseRow[] = [];
  @state() private reasons: string[] = [];
  @state() private openId: number | null = null;
  @state() private error = '';
  @state() private onlyOpen = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const page = await this.api.get<{ items: CaseRow[] }>('/after-sales/cases', { pageSize: 200, ...(this.onlyOpen ? { open: 'true' } : {}) });
    this.rows = page.items;
    if (!this.reasons.length) this.reasons = (await this.api.get<{ reasons: string[] }>('/after-sales/case-options')).reasons;
  }

  override render() {
    const t = (key: string) => this.i18n.t(`after-sales.${key}`);
    const lang = this.i18n.locale === 'en' ? 'en' : 'zh-CN';
    if (this.openId !== null) {
      return html`<wb-after-sales-case-editor .caseId=${this.openId} @case-back=${() => { this.openId = null; void this.load(); }}></wb-after-sales-case-editor>`;
    }
    return html`
      ${this.workbench.can('after-sales.cases.open') ? html`<form @submit=${(e: Event) => void this.open(e)} aria-label=${t('open')}>
        <input name="orderNo" required placeholder=${t('orderNo')} aria-label=${t('orderNo')} />
        <input name="itemId" inputmode="numeric" placeholder=${t('itemId')} aria-label=${t('itemId')} size="8" />
        <select name="kind" aria-label=${t('kind')}>${CASE_KINDS.map((k) => html`<option value=${k}>${KIND_NAMES[k][lang]}</option>`)}</select>
        <select name="reason" aria-label=${t('reason')}>${this.reasons.map((r) => html`<option>${r}</option>`)}</select>
        <input name="reasonText" placeholder=${t('reasonText')} aria-label=${t('reasonText')} />
        <button class="primary" type="submit">${t('open')}</button>
      </form>` : nothing}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      <label><input type="checkbox" .checked=${this.onlyOpen} @change=${(e: Event) => { this.onlyOpen = (e.target as HTMLInputElement).checked; void this.load(); }} /> ${t('onlyOpen')}</label>
      <table aria-label=${t('queue')}>
        <thead><tr><th>${t('caseNo')}</th><th>${t('orderNo')}</th><th>${t('item')}</th><th>${t('kind')}</th><th>${t('state')}</th><th>${t('reason')}</th><th>${t('dueAt')}</th></tr></thead>
        <tbody>${this.rows.map((r) => html`<tr data-case=${r.caseNo} @click=${() => (this.openId = r.id)}>
          <td>${r.caseNo}</td><td>${r.orderNo}</td><td>${r.title}</td><td>${KIND_NAMES[r.kind][lang]}</td><td>${STATE_NAMES[r.state][lang]}</td><td>${r.reason}</td>
          <td class=${r.overdue ? 'overdue' : r.warnings.length ? 'warned' : ''}>${r.dueAt ? r.dueAt.slice(0, 16).replace('T', ' ') : '—'}${r.overdue ? ` ${t('overdue')}` : ''}</td>
        </tr>`)}</tbody>
      </table>
      ${this.rows.length ? nothing : html`<p>${t('empty')}</p>`}`;
  }

  private async open(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const itemId = String(form.get('itemId') ?? '').trim();
    try {
      const made = await this.api.post<{ id: number }>('/after-sales/cases', {
        orderNo: String(form.get('orderNo')), kind: String(form.get('kind')), reason: String(form.get('reason')),
        ...(itemId ? { itemId: Number(itemId) } : {}), ...(String(form.get('reasonText') ?? '').trim() ? { reasonText: String(form.get('reasonText')) } : {}),
      });
      this.error = '';
      this.openId = made.id;
    } catch (error) {
      // The server's message says what to change (which line, the 24 h wait, an open case) in the user's language.
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-cases': AfterSalesCasesView;
  }
}
