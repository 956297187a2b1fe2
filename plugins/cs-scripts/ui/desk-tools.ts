import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement, yuanToFen } from '@workbench/ui';

/**
 * Under the phrase panel: the remark helper (工号+快递+备注 and the flag, written to the order of
 * the panel's order box) and the quote check against the agent's discount authority.
 */
@customElement('wb-cs-scripts-desk-tools')
export class CsScriptsDeskTools extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: block; font-size: 12px; }
    form { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 4px 0; }
    input { width: 6em; }
    input.wide { flex: 1; min-width: 8em; }
    .ok { color: #188038; }
    .no { color: #b3261e; }
  `];
  @property() orderNo = '';
  @state() private note = '';
  @state() private courier = '';
  @state() private agentNo = '';
  @state() private flag = 'checked';
  @state() private sku = '';
  @state() private price = '';
  @state() private remarkAnswer: { ok: boolean; text: string } | undefined;
  @state() private quoteAnswer: { ok: boolean; text: string } | undefined;

  override render() {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(`cs-scripts.${key}`, params);
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`
      ${this.workbench.can('cs-scripts.remarks.write') ? html`<details>
        <summary>${t('remarks.title')}</summary>
        <form @submit=${(e: Event) => void this.writeRemark(e)}>
          <input id="note" class="wide" .value=${this.note} placeholder=${t('remarks.note')} aria-label=${t('remarks.note')} @input=${(e: Event) => (this.note = value(e))} />
          <input id="agent-no" .value=${this.agentNo} placeholder=${t('remarks.agentNo')} aria-label=${t('remarks.agentNo')} @input=${(e: Event) => (this.agentNo = value(e))} />
          <input .value=${this.courier} placeholder=${t('remarks.courier')} aria-label=${t('remarks.courier')} @input=${(e: Event) => (this.courier = value(e))} />
          <select .value=${this.flag} aria-label=${t('remarks.flag')} @change=${(e: Event) => (this.flag = value(e))}>
            ${['checked', 'special', 'warehouse', 'none'].map((f) => html`<option value=${f} ?selected=${f === this.flag}>${t(`remarks.flag.${f}`)}</option>`)}
          </select>
          <button type="submit">${t('remarks.write')}</button>
        </form>
        ${this.remarkAnswer ? html`<div class=${this.remarkAnswer.ok ? 'ok' : 'no'} role="status">${this.remarkAnswer.text}</div>` : nothing}
      </details>` : nothing}
      ${this.workbench.can('cs-scripts.quotes.check') ? html`<details>
        <summary>${t('quotes.title')}</summary>
        <form @submit=${(e: Event) => void this.checkQuote(e)}>
          <input class="wide" .value=${this.sku} placeholder=${t('quotes.sku')} aria-label=${t('quotes.sku')} @input=${(e: Event) => (this.sku = value(e))} />
          <input .value=${this.price} placeholder=${t('quotes.price')} aria-label=${t('quotes.price')} inputmode="decimal" @input=${(e: Event) => (this.price = value(e))} />
          <button type="submit">${t('quotes.check')}</button>
        </form>
        ${this.quoteAnswer ? html`<div class=${this.quoteAnswer.ok ? 'ok' : 'no'} role="status">${this.quoteAnswer.text}</div>` : nothing}
      </details>` : nothing}`;
  }

  private async writeRemark(e: Event): Promise<void> {
    e.preventDefault();
    try {
      const order = await this.api.post<{ remarks: { text: string }[] }>('/cs-scripts/remarks', {
        orderNo: this.orderNo, note: this.note, ...(this.agentNo.trim() ? { agentNo: this.agentNo.trim() } : {}), ...(this.courier.trim() ? { courier: this.courier.trim() } : {}), ...(this.flag !== 'none' ? { flag: this.flag } : {}),
      });
      this.remarkAnswer = { ok: true, text: this.i18n.t('cs-scripts.remarks.written', { text: order.remarks.at(-1)?.text ?? '' }) };
      this.note = '';
    } catch (error) {
      this.remarkAnswer = { ok: false, text: error instanceof Error ? error.message : String(error) };
    }
  }

  private async checkQuote(e: Event): Promise<void> {
    e.preventDefault();
    try {
      const price = yuanToFen(this.price);
      const answer = await this.api.post<{ percent: number; lowest: number }>('/cs-scripts/quotes/check', { skuCode: this.sku.trim(), price });
      this.quoteAnswer = { ok: true, text: this.i18n.t('cs-scripts.quotes.ok', { percent: answer.percent, lowest: (answer.lowest / 100).toFixed(2) }) };
    } catch (error) {
      this.quoteAnswer = { ok: false, text: error instanceof Error ? error.message : String(error) };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-desk-tools': CsScriptsDeskTools;
  }
}
