import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';

type Standing = 'better' | 'worse' | 'same' | null;
interface Figures {
  month: string;
  refundRate: { refundedOrders: number; paidOrders: number; percent: number | null; industryPercent: number; standing: Standing };
  refundSpeed: { refunds: number; medianHours: number | null; p90Hours: number | null; industryHours: number; standing: Standing };
  reasons: { reason: string; count: number; share: number; cumulative: number }[];
  costByParty: { party: string; fen: number }[];
}

const PARTY: Record<string, [string, string]> = { customer: ['顾客', 'Customer'], shop: ['店铺失误', "Shop's mistake"], courier: ['快递', 'Courier'], supplier: ['供应商', 'Supplier'], undecided: ['尚未判定', 'Not decided'] };

/** The month's after-sales figures against the industry, and the reasons as a Pareto. */
@customElement('wb-after-sales-figures')
export class AfterSalesFiguresView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 12px; height: 100%; padding: 12px; box-sizing: border-box; overflow: auto; }
    .cards { display: flex; gap: 12px; flex-wrap: wrap; }
    .card { border: 1px solid var(--wb-border, #ddd); border-radius: 4px; padding: 8px 12px; min-width: 220px; }
    .big { font-size: 1.6em; font-weight: 600; font-variant-numeric: tabular-nums; }
    .better { color: #1b5e20; } .worse { color: #8e0000; }
    table { border-collapse: collapse; } td, th { padding: 2px 8px; text-align: start; }
    .bar { background: var(--wb-accent, #1565c0); height: 10px; }
  `];
  @state() private figures?: Figures;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(month?: string): Promise<void> {
    try {
      this.figures = await this.api.get<Figures>('/after-sales/figures', month ? { month } : {});
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private standing(s: Standing) {
    if (!s) return html`<span>${this.t('未填行业数', 'No industry figure')}</span>`;
    return html`<span class=${s}>${s === 'better' ? this.t('优于行业', 'Better than the industry') : s === 'worse' ? this.t('差于行业', 'Worse than the industry') : this.t('与行业持平', 'Same as the industry')}</span>`;
  }

  override render() {
    if (this.error) return html`<p class="field-error" role="alert">${this.error}</p>`;
    const f = this.figures;
    if (!f) return html`<p>${this.t('加载中…', 'Loading…')}</p>`;
    const dash = (n: number | null, unit: string) => (n === null ? '—' : `${n}${unit}`);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    return html`<label>${this.t('月份', 'Month')} <input type="month" .value=${f.month} @change=${(e: Event) => void this.load((e.target as HTMLInputElement).value)} /></label>
      <div class="cards">
        <div class="card rate"><div>${this.t('退款率', 'Refund rate')}</div><div class="big">${dash(f.refundRate.percent, '%')}</div>
          <div>${f.refundRate.refundedOrders} / ${f.refundRate.paidOrders} ${this.t('单', 'orders')} · ${this.t('行业', 'industry')} ${f.refundRate.industryPercent || '—'}%</div>${this.standing(f.refundRate.standing)}</div>
        <div class="card speed"><div>${this.t('退款速度（中位数）', 'Refund speed (median)')}</div><div class="big">${dash(f.refundSpeed.medianHours, ' h')}</div>
          <div>P90 ${dash(f.refundSpeed.p90Hours, ' h')} · ${this.t('行业', 'industry')} ${f.refundSpeed.industryHours || '—'} h</div>${this.standing(f.refundSpeed.standing)}</div>
      </div>
      <h3>${this.t('售后原因（从多到少）', 'Reasons, most first')}</h3>
      ${f.reasons.length === 0 ? html`<p>${this.t('本月没有售后单', 'No cases this month')}</p>` : html`<table class="pareto">
        ${f.reasons.map((r) => html`<tr><td>${r.reason}</td><td>${r.count}</td><td><div class="bar" style="width:${r.share * 2}px"></div></td><td>${r.share}%</td><td>${this.t('累计', 'cum.')} ${r.cumulative}%</td></tr>`)}
      </table>`}
      <h3>${this.t('按责任方的退款（元）', 'Refunded by responsibility (元)')}</h3>
      ${f.costByParty.length === 0 ? nothing : html`<table class="cost">${f.costByParty.map((c) => html`<tr><td>${this.t(...(PARTY[c.party] ?? [c.party, c.party]))}</td><td>${yuan(c.fen)}</td></tr>`)}</table>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-figures': AfterSalesFiguresView;
  }
}
