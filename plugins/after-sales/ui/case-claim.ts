import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, fenToYuan, panelStyles, WbElement, yuanToFen } from '@workbench/ui';

interface Step { step: string; done: boolean; note: string; byName: string | null; at: string | null }
interface Claim {
  kind: string; courier: string; waybillNo: string; amountClaimed: number; offer: string | null; state: 'claimed' | 'paid' | 'refused';
  amountPaid: number | null; paidOn: string | null; outcomeNote: string; steps: Step[];
}

const KINDS = ['lost', 'damaged', 'confiscated'] as const;
const OFFERS = ['refund', 'exchange', 'gift'] as const;
const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/**
 * The courier claim of a case whose responsibility is the courier's: opened with the amount, each
 * step of the procedure ticked off with a note, then the courier's payment (amount, day) or refusal.
 */
@customElement('wb-after-sales-case-claim')
export class AfterSalesCaseClaim extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: contents; }
    section { border: 1px solid var(--wb-border, #ddd); border-radius: 4px; padding: 8px; }
    h3 { margin: 0 0 6px; font-size: 1em; }
    ol { margin: 0; padding-left: 18px; }
    form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
    .done { color: var(--wb-success, #080); }
  `];
  @property({ type: Number }) caseId = 0;
  /** The party decided responsible: a claim is opened only on the courier's. */
  @property() party: string | null = null;
  @state() private claim: Claim | null = null;
  @state() private error = '';

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('caseId') || changed.has('party')) && this.caseId) void this.load();
  }

  private async load(): Promise<void> {
    this.claim = (await this.api.get<{ claim: Claim | null }>(`/after-sales/cases/${this.caseId}/claim`)).claim;
  }

  private send(path: string, body: Record<string, unknown>): void {
    void (async () => {
      try {
        this.claim = (await this.api.post<{ claim: Claim }>(`/after-sales/cases/${this.caseId}/claim${path}`, body)).claim;
        this.error = '';
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
      }
    })();
  }

  override render() {
    const k = this.claim;
    if (!k && this.party !== 'courier') return nothing;
    const t = (key: string) => this.i18n.t(`after-sales.claim.${key}`);
    const may = this.workbench.can('after-sales.cases.decide');
    return html`<section aria-label=${t('title')}>
      <h3>${t('title')}</h3>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${k ? html`
        <p data-claim>${t(`kind.${k.kind}`)} · ${t('claimed')} ${fenToYuan(k.amountClaimed)} 元${k.courier || k.waybillNo ? ` · ${`${k.courier} ${k.waybillNo}`.trim()}` : ''}${k.offer ? ` · ${t('offer')}：${t(`offer.${k.offer}`)}` : ''}</p>
        <p data-claim-state><strong>${t(`state.${k.state}`)}</strong>${k.state === 'paid' ? ` ${fenToYuan(k.amountPaid ?? 0)} 元 · ${k.paidOn}` : ''}${k.outcomeNote ? `（${k.outcomeNote}）` : ''}</p>
        <ol>${k.steps.map((s) => html`<li>${s.done
          ? html`<span class="done">✓ ${t(`step.${s.step}`)}</span> ${s.note} — ${s.byName} ${when(s.at!)}`
          : may && k.state === 'claimed' ? html`<button data-step=${s.step} @click=${() => this.send('/steps', { step: s.step })}>${t(`step.${s.step}`)}</button>` : t(`step.${s.step}`)}</li>`)}</ol>
        ${may && k.state === 'claimed' ? html`<form @submit=${(e: Event) => this.outcome(e as SubmitEvent)}>
          <input name="amountPaid" placeholder=${t('amountPaid')} aria-label=${t('amountPaid')} size="8" />
          <input name="paidOn" type="date" aria-label=${t('paidOn')} />
          <button type="submit" name="state" value="paid">${t('paid')}</button>
          <button type="submit" name="state" value="refused">${t('refused')}</button></form>` : nothing}`
      : may ? html`<form @submit=${(e: Event) => this.open(e)}>
          <select name="kind" aria-label=${t('kind')}>${KINDS.map((v) => html`<option value=${v}>${t(`kind.${v}`)}</option>`)}</select>
          <input name="amount" placeholder=${t('amount')} aria-label=${t('amount')} size="8" />
          <select name="offer" aria-label=${t('offer')}><option value="">—</option>${OFFERS.map((v) => html`<option value=${v}>${t(`offer.${v}`)}</option>`)}</select>
          <button type="submit">${t('open')}</button></form>` : nothing}
    </section>`;
  }

  private open(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const offer = String(form.get('offer') ?? '');
    this.send('', { kind: String(form.get('kind')), amountClaimed: yuanToFen(String(form.get('amount') ?? '')) ?? 0, ...(offer ? { offer } : {}) });
  }

  private outcome(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const outcome = (event.submitter as HTMLButtonElement | null)?.value === 'refused' ? 'refused' : 'paid';
    const paidOn = String(form.get('paidOn') ?? '');
    const amount = yuanToFen(String(form.get('amountPaid') ?? ''));
    this.send('/outcome', outcome === 'refused' ? { state: 'refused' } : { state: 'paid', ...(amount ? { amountPaid: amount } : {}), ...(paidOn ? { paidOn } : {}) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-case-claim': AfterSalesCaseClaim;
  }
}
