import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';

interface Expected {
  id: number;
  caseNo: string;
  orderNo: string;
  skuCode: string;
  title: string;
  quantity: number;
  trackingNo: string | null;
}

/**
 * Return receiving at the warehouse, keyboard first: the scanner types the parcel's number and
 * Enter; the case it belongs to opens with the count of intact pieces filled in; Enter receives it
 * and the scan box takes the next parcel.
 */
@customElement('wb-after-sales-returns')
export class AfterSalesReturnsView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 12px; height: 100%; padding: 12px; box-sizing: border-box; overflow: auto; }
    form { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    input[name=code] { flex: 1; font-size: 1.2em; }
    input[type=number] { width: 5em; }
    .case { border: 1px solid var(--wb-border, #ddd); border-radius: 4px; padding: 8px 12px; display: flex; flex-direction: column; align-items: flex-start; gap: 8px; text-align: start; }
    .muted { color: var(--wb-muted, #595959); }
    .done { color: #1b5e20; font-weight: 600; }
  `];
  @state() private found: Expected[] = [];
  @state() private chosen: Expected | undefined;
  @state() private error = '';
  @state() private done = '';

  override firstUpdated(): void {
    this.focusScan();
  }

  private focusScan(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name=code]')?.focus();
  }

  override render() {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(`after-sales.returns.${key}`, params);
    return html`<form @submit=${(e: Event) => void this.scan(e)}>
        <input name="code" autocomplete="off" aria-label=${t('scan')} placeholder=${t('scan')} />
        <button type="submit">${t('find')}</button>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.found.length > 1 && !this.chosen
        ? html`<p>${t('which')}</p>${this.found.map((c) => html`<button @click=${() => this.choose(c)}>${c.caseNo} · ${c.skuCode} × ${c.quantity}</button>`)}`
        : nothing}
      ${this.chosen ? this.receipt(this.chosen, t) : nothing}`;
  }

  private receipt(c: Expected, t: (key: string, params?: Record<string, string | number>) => string) {
    return html`<form class="case" data-case=${c.id} @submit=${(e: Event) => void this.receive(e, c)}>
      <strong>${c.caseNo} · ${t('order')} ${c.orderNo}</strong>
      <span>${c.title} <span class="muted">${c.skuCode}</span> × ${c.quantity}</span>
      <label>${t('intact')} <input type="number" name="intact" min="0" max=${c.quantity} .value=${String(c.quantity)} /></label>
      <label>${t('damaged')} <input type="number" name="damaged" min="0" max=${c.quantity} value="0" /></label>
      <label>${t('location')} <input name="locationCode" autocomplete="off" placeholder=${t('ownBin')} /></label>
      <label>${t('note')} <input name="note" autocomplete="off" /></label>
      <button class="primary" type="submit">${t('receive')}</button>
    </form>`;
  }

  private async scan(event: Event): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=code]')!;
    const code = input.value.trim();
    if (!code) return;
    this.done = '';
    this.chosen = undefined;
    try {
      this.found = (await this.api.get<{ items: Expected[] }>('/after-sales/returns/expected', { code })).items;
      this.error = this.found.length === 0 ? this.i18n.t('after-sales.returns.nothing', { code }) : '';
      if (this.found.length === 1) this.choose(this.found[0]!);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private choose(c: Expected): void {
    this.chosen = c;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=intact]')?.select());
  }

  private async receive(event: Event, c: Expected): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => form.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value.trim();
    const body: Record<string, unknown> = { intact: Number(value('intact')), damaged: Number(value('damaged')) };
    if (value('locationCode')) body['locationCode'] = value('locationCode');
    if (value('note')) body['note'] = value('note');
    try {
      await this.api.post(`/after-sales/cases/${c.id}/return-receipt`, body);
      this.done = this.i18n.t('after-sales.returns.received', { caseNo: c.caseNo, intact: Number(body['intact']), damaged: Number(body['damaged']) });
      this.error = '';
      this.chosen = undefined;
      this.found = [];
      const scan = this.renderRoot.querySelector<HTMLInputElement>('input[name=code]')!;
      scan.value = '';
      this.focusScan();
    } catch (error) {
      // Fulfillment's refusal (no bin for the SKU) or ours, in the clerk's language.
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-returns': AfterSalesReturnsView;
  }
}
