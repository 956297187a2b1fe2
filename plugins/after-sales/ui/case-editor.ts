import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, fenToYuan, panelStyles, WbElement, yuanToFen } from '@workbench/ui';
import './case-dispute.js';
import './case-photos.js';
import { KIND_NAMES, STATE_NAMES, type Bilingual, type CaseKind, type CaseState } from '../shared/case-states.js';
import './case-claim.js';
import './case-follow-up.js';

interface Person { id: number | null; name: string }
interface CaseDetail {
  id: number; caseNo: string; orderNo: string; title: string; skuCode: string; quantity: number; linePaid: number; shippingPaid: number;
  kind: CaseKind; state: CaseState; reason: string; reasonText: string; dueAt: string | null; overdue: boolean; version: number;
  refunded: { goods: number; shipping: number; compensation: number; total: number };
  moves: { from: CaseState | null; to: CaseState; note: string; by: Person; at: string }[];
  notes: { id: number; kind: 'note' | 'customer'; text: string; by: Person; at: string }[];
  refunds: { id: number; goods: number; shipping: number; compensation: number; note: string; by: Person; at: string }[];
  responsibility: null | { party: string; mistake: string | null; returnShippingFen: number; shopFen: number; customerFen: number; otherFen: number; responsible: { step: string; name: string }[]; explanation: Bilingual };
  next: CaseState[];
}

const PARTIES = ['customer', 'shop', 'courier', 'supplier'] as const;
const MISTAKES = ['cs-remark', 'label', 'wrong-pack', 'defect-missed'] as const;
const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/**
 * One case: its timeline, the customer's words and notes, the money refunded, the decision (the
 * moves it may make) and the responsibility with its explanation.
 * @fires case-back - back to the queue
 */
@customElement('wb-after-sales-case-editor')
export class AfterSalesCaseEditor extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; align-content: start; }
    header { grid-column: 1 / -1; display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    section { border: 1px solid var(--wb-border, #ddd); border-radius: 4px; padding: 8px; }
    h3 { margin: 0 0 6px; font-size: 1em; }
    ol, ul { margin: 0; padding-left: 18px; }
    form { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
    .overdue { color: var(--wb-danger, #c00); font-weight: 600; }
    .explain { background: var(--wb-subtle, #f6f6f6); padding: 6px; }
  `];
  @property({ type: Number }) caseId = 0;
  @state() private c: CaseDetail | null = null;
  @state() private error = '';

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('caseId') && this.caseId) void this.load();
  }

  private async load(): Promise<void> {
    this.c = await this.api.get<CaseDetail>(`/after-sales/cases/${this.caseId}`);
  }

  private async act(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const c = this.c;
    if (!c) return nothing;
    const t = (key: string) => this.i18n.t(`after-sales.${key}`);
    const lang = this.i18n.locale === 'en' ? 'en' : 'zh-CN';
    const r = c.responsibility;
    return html`
      <header>
        <button @click=${() => this.dispatchEvent(new CustomEvent('case-back'))}>← ${t('queue')}</button>
        <strong>${c.caseNo}</strong><span>${t('orderNo')} ${c.orderNo}</span><span>${c.title} × ${c.quantity}</span>
        <span>${KIND_NAMES[c.kind][lang]}</span><strong data-state=${c.state}>${STATE_NAMES[c.state][lang]}</strong>
        ${c.dueAt ? html`<span class=${c.overdue ? 'overdue' : ''}>${t('dueAt')} ${when(c.dueAt)}</span>` : nothing}
      </header>
      ${this.error ? html`<p class="field-error" role="alert" style="grid-column: 1 / -1">${this.error}</p>` : nothing}
      <section aria-label=${t('decision')}>
        <h3>${t('decision')}</h3>
        ${c.next.length ? c.next.map((s) => html`<button data-to=${s} @click=${() => this.act(() => this.api.post(`/after-sales/cases/${c.id}/move`, { version: c.version, to: s }))}>${STATE_NAMES[s][lang]}</button> `) : html`<p>${t('finished')}</p>`}
        <h3 style="margin-top: 8px">${t('timeline')}</h3>
        <ol>${c.moves.map((m) => html`<li>${when(m.at)} ${m.by.name}：${m.from ? `${STATE_NAMES[m.from][lang]} → ` : ''}${STATE_NAMES[m.to][lang]}${m.note ? `（${m.note}）` : ''}</li>`)}</ol>
      </section>
      <section aria-label=${t('money')}>
        <h3>${t('money')}</h3>
        <p>${t('linePaid')} ${fenToYuan(c.linePaid)} 元 · ${t('shippingPaid')} ${fenToYuan(c.shippingPaid)} 元</p>
        <p data-refunded>${t('refunded')}：${t('goods')} ${fenToYuan(c.refunded.goods)} · ${t('shipping')} ${fenToYuan(c.refunded.shipping)} · ${t('compensation')} ${fenToYuan(c.refunded.compensation)} · ${t('total')} ${fenToYuan(c.refunded.total)} 元</p>
        <ul>${c.refunds.map((f) => html`<li>${when(f.at)} ${f.by.name}：${fenToYuan(f.goods)} / ${fenToYuan(f.shipping)} / ${fenToYuan(f.compensation)}${f.note ? ` ${f.note}` : ''}</li>`)}</ul>
        ${this.workbench.can('after-sales.refunds.record') ? html`<form aria-label=${t('refund')} @submit=${(e: Event) => this.refund(e)}>
          <input name="goods" placeholder=${t('goods')} aria-label=${t('goods')} size="7" />
          <input name="shipping" placeholder=${t('shipping')} aria-label=${t('shipping')} size="7" />
          <input name="compensation" placeholder=${t('compensation')} aria-label=${t('compensation')} size="7" />
          <button type="submit">${t('refund')}</button></form>` : nothing}
      </section>
      <section aria-label=${t('evidence')}>
        <h3>${t('evidence')}</h3>
        <p>${t('reason')}：${c.reason}${c.reasonText ? ` — ${c.reasonText}` : ''}</p>
        <ul>${c.notes.map((n) => html`<li>${when(n.at)} ${n.by.name} ${n.kind === 'customer' ? `【${t('customerWords')}】` : ''}${n.text}</li>`)}</ul>
        ${this.workbench.can('after-sales.cases.note') ? html`<form @submit=${(e: Event) => this.note(e)}>
          <select name="kind" aria-label=${t('noteKind')}><option value="note">${t('note')}</option><option value="customer">${t('customerWords')}</option></select>
          <input name="text" required aria-label=${t('note')} /><button type="submit">${t('add')}</button></form>` : nothing}
        <h3 style="margin-top: 8px">${t('photos.title')}</h3>
        <wb-after-sales-case-photos .caseId=${c.id}></wb-after-sales-case-photos>
      </section>
      <section aria-label=${t('responsibility')}>
        <h3>${t('responsibility')}</h3>
        ${r ? html`<p class="explain" data-explanation>${r.explanation[lang]}</p>` : html`<p>${t('undecided')}</p>`}
        ${this.workbench.can('after-sales.responsibility.assign') && c.next.length ? html`<form aria-label=${t('responsibility')} @submit=${(e: Event) => this.decide(e)}>
          <select name="party" aria-label=${t('party')}>${PARTIES.map((p) => html`<option value=${p} ?selected=${r?.party === p}>${t(`party.${p}`)}</option>`)}</select>
          <select name="mistake" aria-label=${t('mistake')}><option value="">—</option>${MISTAKES.map((m) => html`<option value=${m} ?selected=${r?.mistake === m}>${t(`mistake.${m}`)}</option>`)}</select>
          <input name="returnShipping" placeholder=${t('returnShipping')} aria-label=${t('returnShipping')} size="8" .value=${r ? fenToYuan(r.returnShippingFen) : ''} />
          <input name="responsible" placeholder=${t('responsibleCodes')} aria-label=${t('responsibleCodes')} title=${t('responsibleHint')} size="10" />
          <button type="submit">${t('decide')}</button></form>` : nothing}
      </section>
      <section aria-label=${t('dispute.title')} style="grid-column: 1 / -1">
        <h3>${t('dispute.title')}</h3>
        <wb-after-sales-case-dispute .caseId=${c.id} caseNo=${c.caseNo}></wb-after-sales-case-dispute>
      </section>
      <wb-after-sales-case-follow-up .c=${c} @case-changed=${() => this.load()}></wb-after-sales-case-follow-up>
      <wb-after-sales-case-claim .caseId=${c.id} .party=${r?.party ?? null}></wb-after-sales-case-claim>`;
  }

  private fen(form: FormData, name: string): number {
    const text = String(form.get(name) ?? '').trim();
    return text ? yuanToFen(text) ?? Number.NaN : 0;
  }

  private refund(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const body = { goods: this.fen(form, 'goods'), shipping: this.fen(form, 'shipping'), compensation: this.fen(form, 'compensation') };
    void this.act(() => this.api.post(`/after-sales/cases/${this.caseId}/refunds`, body));
  }

  private note(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    void this.act(() => this.api.post(`/after-sales/cases/${this.caseId}/notes`, { kind: String(form.get('kind')), text: String(form.get('text')) }));
  }

  private decide(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const mistake = String(form.get('mistake') ?? '');
    // 工号 named by the clerk, when what fulfillment recorded does not say who it was.
    const codes = String(form.get('responsible') ?? '').split(/[\s,，、]+/).filter((code) => code !== '');
    void this.act(() => this.api.put(`/after-sales/cases/${this.caseId}/responsibility`, {
      version: this.c!.version, party: String(form.get('party')), returnShippingFen: this.fen(form, 'returnShipping'), ...(mistake ? { mistake } : {}),
      ...(codes.length ? { responsible: codes.map((code) => ({ code })) } : {}),
    }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-case-editor': AfterSalesCaseEditor;
  }
}
