import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { panelStyles, WbElement } from '@workbench/ui';
import { FACT_LABELS, KIND_NAMES, type AmountRecord } from './money-records.js';

/**
 * One fine, penalty or reward with its explanation: the sentence in the reader's language, and
 * under 依据 the facts, the figures and the sum it rests on.
 *
 * @fires waive - `{ amount }` when the waive button is pressed (shown with `canWaive`)
 */
@customElement('wb-staff-rules-amount')
export class StaffRulesAmount extends WbElement {
  static override styles = [
    panelStyles,
    css`
      :host { display: block; border-bottom: 1px solid var(--wb-border, #ddd); padding: 8px 0; }
      .head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
      .amount { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
      .amount.reward { color: var(--wb-success, #1a7f37); }
      .amount.waived { text-decoration: line-through; opacity: 0.7; }
      .text { margin: 4px 0; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 0; }
      dt { color: var(--wb-muted, #666); }
      dd { margin: 0; }
      code { font-family: inherit; }
    `,
  ];

  @property({ attribute: false }) amount!: AmountRecord;
  /** Shows the person's name (in lists of everyone). */
  @property({ type: Boolean }) showName = false;
  @property({ type: Boolean }) canWaive = false;

  override render() {
    const a = this.amount;
    const e = a.explanation;
    const sign = a.kind === 'reward' ? '+' : '−';
    return html`<div class="head">
        <span>${a.date}</span>
        ${this.showName && a.staff ? html`<strong>${a.staff.name}</strong><span class="hint">${this.t('工号', 'No.')} ${a.staff.code}</span>` : nothing}
        <span class="badge">${this.i18n.text(KIND_NAMES[a.kind])}</span>
        <span>${this.i18n.text(a.ruleTitle)}</span>
        ${e.flag ? html`<span class="badge fail" title=${this.t('由店长决定，不会自动辞退', 'For the owner to decide; nobody is dismissed automatically')}>${this.t('自动离职提醒', 'Flagged for the owner')}</span>` : nothing}
        ${a.waived ? html`<span class="badge">${this.t('已免除', 'Waived')}</span>` : nothing}
        <span class="amount ${a.kind} ${a.waived ? 'waived' : ''}">${a.amountFen ? sign : ''}${this.i18n.money(a.amountFen)}</span>
      </div>
      <p class="text">${this.en ? e.text.en : e.text['zh-CN']}</p>
      ${a.waived ? html`<p class="hint">${this.t('免除理由', 'Waived because')}：${a.waived.reason}（${this.i18n.dateTime(a.waived.at)}）</p>` : nothing}
      <details>
        <summary>${this.t('依据', 'How it was worked out')}</summary>
        <dl>
          <dt>${this.t('计算', 'Sum')}</dt><dd><code>${e.arithmetic}</code></dd>
          ${[...Object.entries(e.facts), ...Object.entries(e.thresholds)].map(([k, v]) => html`<dt>${this.label(k)}</dt><dd>${this.value(k, v)}</dd>`)}
        </dl>
      </details>
      ${this.canWaive && !a.waived ? html`<button class="link" @click=${() => this.dispatchEvent(new CustomEvent('waive', { detail: { amount: a }, bubbles: true, composed: true }))}>${this.t('免除…', 'Waive…')}</button>` : nothing}`;
  }

  private label(key: string): string {
    const known = FACT_LABELS[key];
    return known ? this.i18n.text(known) : key;
  }

  private value(key: string, v: string | number | boolean): string {
    if (typeof v === 'boolean' || key === 'doubling') return v === true || v === 1 ? this.t('是', 'yes') : this.t('否', 'no');
    return key.endsWith('Fen') && typeof v === 'number' ? this.i18n.money(v) : String(v);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-amount': StaffRulesAmount;
  }
}
