import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import type { StaffMember, SwapRequest } from '../server/model.js';

/**
 * 换班: ask to swap a day's shift with a colleague, or to stay on the same kind of shift for a
 * week; those who approve see the open requests with 批准 and 拒绝 (a refusal says why).
 */
@customElement('wb-staff-rules-swaps')
export class StaffRulesSwaps extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 6px; }
    form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    ul { margin: 0; padding-left: 18px; }
    li { margin: 2px 0; }
    li button, li input.note { margin-left: 6px; }
  `];

  /** The people the roster shows, to name them and pick them. */
  @property({ attribute: false }) people: StaffMember[] = [];
  @state() private open: SwapRequest[] = [];
  @state() private draft = { kind: 'exchange' as SwapRequest['kind'], staffId: 0, otherStaffId: 0, date: '', reason: '' };
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.open = (await this.api.get<{ items: SwapRequest[] }>('/staff-rules/swaps', { state: 'requested' })).items;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const name = (id: number | null) => this.people.find((p) => p.id === id)?.name ?? `#${id}`;
    const canApprove = this.workbench.can('staff-rules.swaps.approve');
    const person = (key: 'staffId' | 'otherStaffId', label: string) => html`<select name=${key} aria-label=${label}
      @change=${(e: Event) => (this.draft = { ...this.draft, [key]: Number((e.target as HTMLSelectElement).value) })}>
      <option value="0">${label}</option>${this.people.map((p) => html`<option value=${p.id}>${p.code} ${p.name}</option>`)}</select>`;
    return html`
      ${this.workbench.can('staff-rules.swaps.request') ? html`<form @submit=${(e: Event) => void this.ask(e)}>
        <select name="kind" aria-label=${this.t('申请什么', 'Request')} @change=${(e: Event) => (this.draft = { ...this.draft, kind: (e.target as HTMLSelectElement).value as SwapRequest['kind'] })}>
          <option value="exchange">${this.t('和同事换班', 'Swap with a colleague')}</option>
          <option value="keep">${this.t('这周继续同一种班', 'Stay on the same kind of shift this week')}</option>
        </select>
        ${person('staffId', this.t('谁', 'Who'))}
        ${this.draft.kind === 'exchange' ? person('otherStaffId', this.t('和谁换', 'With whom')) : nothing}
        <input type="date" name="date" aria-label=${this.t('日期', 'Date')} @change=${(e: Event) => (this.draft = { ...this.draft, date: (e.target as HTMLInputElement).value })} />
        <input name="reason" placeholder=${this.t('理由', 'Reason')} aria-label=${this.t('理由', 'Reason')} @input=${(e: Event) => (this.draft = { ...this.draft, reason: (e.target as HTMLInputElement).value })} />
        <button type="submit">${this.t('提交申请', 'Ask')}</button>
      </form>` : nothing}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${this.open.length ? html`<ul class="open">${this.open.map((s) => html`<li data-swap=${s.id}>
        ${s.kind === 'exchange'
          ? this.t(`${s.date} ${name(s.staffId)} 和 ${name(s.otherStaffId)} 换班：${s.reason}`, `${s.date} ${name(s.staffId)} swaps with ${name(s.otherStaffId)}: ${s.reason}`)
          : this.t(`${s.date} 这周 ${name(s.staffId)} 继续同一种班：${s.reason}`, `Week of ${s.date}: ${name(s.staffId)} stays on the same kind of shift: ${s.reason}`)}
        ${canApprove ? html`<input class="note" aria-label=${this.t('批注（拒绝时必填）', 'Note (needed to refuse)')} placeholder=${this.t('批注（拒绝时必填）', 'Note (needed to refuse)')} />
          <button class="approve" @click=${() => void this.decide(s, 'approve')}>${this.t('批准', 'Approve')}</button>
          <button class="refuse" @click=${() => void this.decide(s, 'refuse')}>${this.t('拒绝', 'Refuse')}</button>` : nothing}
      </li>`)}</ul>` : html`<p class="hint">${this.t('没有待处理的换班申请', 'No open swap requests')}</p>`}`;
  }

  private async ask(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    try {
      await this.api.post('/staff-rules/swaps', { kind: d.kind, staffId: d.staffId, ...(d.kind === 'exchange' ? { otherStaffId: d.otherStaffId } : {}), date: d.date, reason: d.reason });
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async decide(swap: SwapRequest, verdict: 'approve' | 'refuse'): Promise<void> {
    // The server refuses a refusal without a reason, in the reader's language.
    const note = this.renderRoot.querySelector<HTMLInputElement>(`li[data-swap="${swap.id}"] input.note`)?.value ?? '';
    try {
      await this.api.post(`/staff-rules/swaps/${swap.id}/${verdict}`, note.trim() || verdict === 'refuse' ? { note } : {});
      await this.load();
      this.dispatchEvent(new CustomEvent('roster-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-swaps': StaffRulesSwaps;
  }
}
