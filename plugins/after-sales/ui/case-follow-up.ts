import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import type { Bilingual, CaseKind, CaseState } from '../shared/case-states.js';

/** The case as the editor holds it: what this section needs of it. */
export interface CaseFacts { id: number; kind: CaseKind; state: CaseState; skuCode: string; quantity: number; version: number }
interface FollowUp {
  orderNo: string; skuCode: string; quantity: number; priceDifference: number; explanation: Bilingual;
  courier: string | null; trackingNo: string | null; shippedAt: string | null;
}

/**
 * An exchange's or reshipment's outgoing order: the button that makes it in fulfillment (the SKU
 * to send, the case's own by default), then its number, the price difference and, once shipped,
 * the tracking number.
 * @fires case-changed - the case changed (its notes or refunds); the editor reloads it
 */
@customElement('wb-after-sales-case-follow-up')
export class AfterSalesCaseFollowUp extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: contents; }
    section { border: 1px solid var(--wb-border, #ddd); border-radius: 4px; padding: 8px; }
    h3 { margin: 0 0 6px; font-size: 1em; }
    form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    .mark { font-weight: 600; }
  `];
  @property({ attribute: false }) c: CaseFacts | null = null;
  @state() private followUp: FollowUp | null = null;
  @state() private error = '';

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('c') && this.c && this.sends()) void this.load();
  }

  private sends(): boolean {
    return this.c?.kind === 'exchange' || this.c?.kind === 'reship';
  }

  private async load(): Promise<void> {
    this.followUp = (await this.api.get<{ followUp: FollowUp | null }>(`/after-sales/cases/${this.c!.id}/follow-up-order`)).followUp;
  }

  override render() {
    const c = this.c;
    if (!c || !this.sends()) return nothing;
    const t = (key: string) => this.i18n.t(`after-sales.followUp.${key}`);
    const lang = this.i18n.locale === 'en' ? 'en' : 'zh-CN';
    const f = this.followUp;
    return html`<section aria-label=${t(c.kind)}>
      <h3>${t(c.kind)}</h3>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${f ? html`
        <p data-follow-up-order>${t('order')} <strong class="mark">${f.orderNo}</strong> · ${f.skuCode} × ${f.quantity}</p>
        <p data-difference>${f.explanation[lang]}</p>
        <p data-tracking>${f.trackingNo ? html`${t('tracking')} <strong>${f.courier} ${f.trackingNo}</strong>` : t('notShipped')}</p>`
      : c.state === 'exchange-pending' && this.workbench.can('after-sales.cases.decide') ? html`
        <form @submit=${(e: Event) => this.make(e)}>
          <label>${t('sku')} <input name="skuCode" .value=${c.skuCode} ?readonly=${c.kind === 'reship'} size="16" /></label>
          <label>${t('quantity')} <input name="quantity" type="number" min="1" max=${c.quantity} .value=${String(c.quantity)} style="width: 5em" /></label>
          <button type="submit">${t(`make.${c.kind}`)}</button>
        </form>`
      : html`<p>${t('whenReady')}</p>`}
    </section>`;
  }

  private make(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const skuCode = String(form.get('skuCode') ?? '').trim();
    const body = { version: this.c!.version, quantity: Number(form.get('quantity')), ...(skuCode ? { skuCode } : {}) };
    void (async () => {
      try {
        this.followUp = (await this.api.post<{ followUp: FollowUp | null }>(`/after-sales/cases/${this.c!.id}/follow-up-order`, body)).followUp;
        this.error = '';
        this.dispatchEvent(new CustomEvent('case-changed'));
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
      }
    })();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-case-follow-up': AfterSalesCaseFollowUp;
  }
}
