import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement, type LocalizedText } from '@workbench/ui';
import type { NotBilled, StatementDetail, StatementLineRecord, StatementOutcome, StatementRecord } from '../shared/records.js';
import type { Bilingual } from '../shared/state-names.js';
import { fulfillmentStyles } from './styles.js';
import { courierNames, courierText } from './courier-names.js';

/** A statement as a list row, indexable so the data table can read any column. */
export interface StatementSummary extends StatementRecord, Record<string, unknown> {}

/** The groups a clerk works through, the ones needing a word with the courier first. */
const GROUPS: { outcome: StatementOutcome; name: Bilingual; what: Bilingual }[] = [
  { outcome: 'unknown', name: { 'zh-CN': '未知单号', en: 'Unknown numbers' }, what: { 'zh-CN': '账单上有、我们没有发过的运单号', en: 'Numbers on the bill that we never shipped' } },
  { outcome: 'weight', name: { 'zh-CN': '重量不符', en: 'Weight differs' }, what: { 'zh-CN': '账单重量和发货时称的重量相差超过允许值', en: 'The billed weight differs from ours beyond the tolerance' } },
  { outcome: 'fee', name: { 'zh-CN': '运费不符', en: 'Fee differs' }, what: { 'zh-CN': '账单运费和按约定价算出的不一样', en: 'The billed fee differs from our agreed price' } },
  { outcome: 'weight-and-fee', name: { 'zh-CN': '重量和运费都不符', en: 'Weight and fee differ' }, what: { 'zh-CN': '两样都对不上', en: 'Both differ' } },
  { outcome: 'ok', name: { 'zh-CN': '核对无误', en: 'Matched' }, what: { 'zh-CN': '重量、运费都对得上', en: 'Weight and fee agree' } },
];

const kg = (grams: number | null) => (grams === null ? '—' : `${(grams / 1000).toFixed(3).replace(/\.?0+$/, '')} kg`);

/**
 * One courier statement checked parcel by parcel: the lines grouped by outcome, each group with
 * its billed and expected fees in 元, and our parcels the bill leaves out (未出账).
 */
@customElement('wb-fulfillment-reconciliation-statement')
export class FulfillmentReconciliationStatement extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      :host { display: block; }
      .summary { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 10px; font-size: 13px; margin-bottom: 8px; }
      .summary dt { color: var(--wb-muted, #616161); }
      .summary dd { margin: 0; font-variant-numeric: tabular-nums; }
      details { border: 1px solid var(--wb-border-soft, #ececec); border-radius: 4px; margin: 6px 0; }
      summary { cursor: pointer; padding: 6px 8px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
      summary::before { content: '▸'; color: var(--wb-muted, #616161); }
      details[open] > summary::before { content: '▾'; }
      summary .n { font-weight: 600; }
      summary .sum { margin-left: auto; font-size: 12px; font-variant-numeric: tabular-nums; }
      details .what { margin: 0 8px 4px; }
      details table { margin: 0 0 6px; }
      table.list th.num { text-align: right; }
      td small { display: block; color: var(--wb-muted, #616161); }
      .over { color: var(--wb-danger, #b3261e); }
      .under { color: var(--wb-success, #2e7d32); }
      .dup { font-size: 11px; color: var(--wb-warning, #9a5b00); }
    `,
  ];

  @property({ type: Number }) statementId = 0;
  @state() private detail?: StatementDetail;
  @state() private error = '';
  @state() private couriers = new Map<string, LocalizedText>();

  override connectedCallback(): void {
    super.connectedCallback();
    void courierNames(this.api, this.workbench).then((names) => (this.couriers = names));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('statementId') && this.statementId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.detail = await this.api.get<StatementDetail>(`/fulfillment/statements/${this.statementId}`);
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const d = this.detail;
    if (!d) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const unknownFee = d.items.filter((l) => l.outcome === 'unknown').reduce((sum, l) => sum + l.fee, 0);
    // Only parcels we shipped have an agreed price to compare with.
    const matchedFee = d.billedFee - unknownFee;
    const diff = matchedFee - d.expectedFee;
    return html`<h2>${courierText(this.couriers, this.i18n, d.courier.code, d.courier.name)} · ${d.from === d.to ? d.from : `${d.from} ~ ${d.to}`}</h2>
      <dl class="summary">
        <dt>${this.t('文件', 'File')}</dt><dd>${d.fileName}</dd>
        <dt>${this.t('导入', 'Imported')}</dt><dd>${d.importedBy} · ${this.i18n.dateTime(d.importedAt)}</dd>
        <dt>${this.t('账单合计', 'Billed in all')}</dt><dd>${this.t(`${this.i18n.money(d.billedFee)}（${d.lines} 行）`, `${this.i18n.money(d.billedFee)} (${d.lines} lines)`)}</dd>
        <dt>${this.t('其中未知单号', 'Unknown numbers')}</dt><dd class=${unknownFee ? 'over' : ''}>${this.i18n.money(unknownFee)}</dd>
        <dt>${this.t('我们发的包裹', 'Our parcels')}</dt><dd>${this.t(`账单 ${this.i18n.money(matchedFee)}，按约定 ${this.i18n.money(d.expectedFee)}，`, `billed ${this.i18n.money(matchedFee)}, agreed ${this.i18n.money(d.expectedFee)}, `)}<span class=${diff > 0 ? 'over' : diff < 0 ? 'under' : ''}>${this.t(diff >= 0 ? `多收 ${this.i18n.money(diff)}` : `少收 ${this.i18n.money(-diff)}`, diff >= 0 ? `overcharged ${this.i18n.money(diff)}` : `undercharged ${this.i18n.money(-diff)}`)}</span></dd>
      </dl>
      ${GROUPS.filter((g) => g.outcome !== 'ok').map((g) => this.renderGroup(g, d))}
      ${this.renderNotBilled(d.notBilled)}
      ${this.renderGroup(GROUPS.find((g) => g.outcome === 'ok')!, d)}`;
  }

  private renderGroup(group: (typeof GROUPS)[number], d: StatementDetail): TemplateResult {
    const lines = d.items.filter((l) => l.outcome === group.outcome);
    const billed = lines.reduce((s, l) => s + l.fee, 0);
    const expected = lines.reduce((s, l) => s + (l.expectedFee ?? 0), 0);
    const known = group.outcome !== 'unknown';
    return html`<details class="group" data-outcome=${group.outcome} ?open=${lines.length > 0 && group.outcome !== 'ok'}>
      <summary><span>${this.i18n.text(group.name)}</span><span class="n">${lines.length}</span>
        <span class="sum">${this.t('账单', 'Billed')} ${this.i18n.money(billed)}${known ? html` · ${this.t('应为', 'Agreed')} ${this.i18n.money(expected)} · ${this.t('差', 'Diff')} <span class=${billed - expected > 0 ? 'over' : ''}>${this.i18n.money(billed - expected)}</span>` : nothing}</span></summary>
      <p class="what hint">${this.i18n.text(group.what)}</p>
      ${lines.length
        ? html`<table class="list">
            <thead><tr><th>${this.t('运单号', 'Tracking no.')}</th>${known ? html`<th>${this.t('订单', 'Order')}</th>` : nothing}
              <th class="num">${this.t('重量', 'Weight')}</th><th class="num">${this.t('运费', 'Fee')}</th></tr></thead>
            <tbody>${lines.map((l) => this.renderLine(l, known))}</tbody>
          </table>`
        : nothing}
    </details>`;
  }

  private renderLine(l: StatementLineRecord, known: boolean): TemplateResult {
    const wd = l.weightDifferenceGrams;
    const fd = l.feeDifference;
    return html`<tr data-tracking=${l.trackingNo}>
      <td>${l.trackingNo}<small>${this.t(`第 ${l.row} 行`, `row ${l.row}`)}${l.billedBeforeRow ? html` <span class="dup">${this.t(`重复计费（第 ${l.billedBeforeRow} 行已有）`, `billed twice (also row ${l.billedBeforeRow})`)}</span>` : nothing}</small></td>
      ${known ? html`<td>${l.orderNo ?? ''}</td>` : nothing}
      <td class="num">${kg(l.weightGrams)}${known && l.expectedWeightGrams !== null ? html`<small>${this.t('我方', 'ours')} ${kg(l.expectedWeightGrams)}${wd ? html` <span class=${wd > 0 ? 'over' : 'under'}>${wd > 0 ? '+' : ''}${wd} g</span>` : nothing}</small>` : nothing}</td>
      <td class="num">${this.i18n.money(l.fee)}${known && l.expectedFee !== null ? html`<small>${this.t('应为', 'agreed')} ${this.i18n.money(l.expectedFee)}${fd ? html` <span class=${fd > 0 ? 'over' : 'under'}>${fd > 0 ? '+' : ''}${this.i18n.money(fd)}</span>` : nothing}</small>` : nothing}</td>
    </tr>`;
  }

  private renderNotBilled(rows: NotBilled[]): TemplateResult {
    return html`<details class="group" data-outcome="not-billed" ?open=${rows.length > 0}>
      <summary><span>${this.t('未出账', 'Not billed')}</span><span class="n">${rows.length}</span></summary>
      <p class="what hint">${this.t('这段时间我们用这家快递发了、账单上却没有的包裹', 'Our parcels with this courier in the period that the bill leaves out')}</p>
      ${rows.length
        ? html`<table class="list">
            <thead><tr><th>${this.t('运单号', 'Tracking no.')}</th><th>${this.t('订单', 'Order')}</th><th class="num">${this.t('重量', 'Weight')}</th><th>${this.t('发货', 'Shipped')}</th></tr></thead>
            <tbody>${rows.map((r) => html`<tr><td>${r.trackingNo}</td><td>${r.orderNo}</td><td class="num">${kg(r.weightGrams)}</td><td>${this.i18n.dateTime(r.shippedAt)}</td></tr>`)}</tbody>
          </table>`
        : nothing}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-reconciliation-statement': FulfillmentReconciliationStatement;
  }
}
