import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';

interface Text2 {
  'zh-CN': string;
  en: string;
}

interface Figure {
  value: number | null;
  definition: Text2;
  inputs: Record<string, number | string>;
}

interface AgentKpis {
  agent: string;
  name: string | null;
  sales: Figure;
  conversion: Figure;
  averageOrder: Figure;
  followUps: Figure;
  replyRate: Figure;
  responseTime: Figure & { band: 'good' | 'normal' | 'slow' | 'poor' | null };
}

interface KpiReport {
  from: string;
  to: string;
  agents: AgentKpis[];
  ranking: string[];
  days: { date: string; agents: { agent: string; salesFen: number; replyRate: number | null; responseSeconds: number | null }[] }[];
  chatLines: number;
  paidOrders: number;
}

type Column = 'sales' | 'conversion' | 'averageOrder' | 'followUps' | 'replyRate' | 'responseTime';

const BANDS = { good: ['好', 'good'], normal: ['一般', 'normal'], slow: ['偏慢', 'slow'], poor: ['差', 'poor'] } as const;

/** How an input is named on hover. */
const INPUTS: Record<string, [string, string]> = {
  orders: ['订单数', 'orders'], paidFen: ['实付（分）', 'paid (分)'], payingBuyers: ['付款人数', 'paying buyers'], inquiringBuyers: ['询单人数', 'inquiring buyers'],
  salesFen: ['营业额（分）', 'sales (分)'], buyers: ['买家数', 'buyers'], followUpDays: ['跟进天数', 'follow-up days'], answeredBuyers: ['已回复买家', 'buyers answered'],
  askingBuyers: ['询问买家', 'buyers who asked'], answeredWaits: ['回复次数', 'answered waits'], totalSeconds: ['等待总秒数', 'seconds waited in all'],
};

/**
 * 客服考核: each agent's figures over the chosen shop days, the best CS first, with charts; every
 * figure's definition and inputs on hover (and to screen readers through the cell's title).
 */
@customElement('wb-cs-scripts-kpis')
export class CsKpiDashboard extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; padding: 12px 16px; overflow: auto; height: 100%; box-sizing: border-box; }
      .bar { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; margin-bottom: 8px; }
      .bar label { display: flex; flex-direction: column; font-size: 12px; color: var(--wb-muted, #616161); }
      .hint { color: var(--wb-muted, #616161); font-size: 12px; margin: 4px 0 12px; }
      table { border-collapse: collapse; width: 100%; margin-bottom: 16px; font-variant-numeric: tabular-nums; }
      th, td { padding: 6px 8px; border-bottom: 1px solid var(--wb-border, #e0e0e0); text-align: right; white-space: nowrap; }
      th:first-child, td:first-child { text-align: left; }
      th { font-size: 12px; color: var(--wb-muted, #616161); font-weight: 600; }
      td[title] { cursor: help; text-decoration: underline dotted var(--wb-muted, #9e9e9e); text-underline-offset: 3px; }
      .rank { display: inline-block; min-width: 4em; margin-right: 6px; font-size: 12px; color: var(--wb-accent, #0a64c8); }
      .band-good { color: var(--wb-success, #1b7f3b); }
      .band-normal { color: var(--wb-fg, #1f1f1f); }
      .band-slow { color: var(--wb-warning, #8a5a00); }
      .band-poor { color: var(--wb-danger, #b3261e); }
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
      h3 { margin: 8px 0 4px; font-size: 12px; color: var(--wb-muted, #616161); font-weight: 600; }
    `,
  ];

  @state() private report?: KpiReport;
  @state() private error = '';
  @state() private from = '';
  @state() private to = '';
  @state() private closedNote = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      // The first time without dates: the server's this month so far (its clock, its time zone).
      const query = this.from && this.to ? `?from=${this.from}&to=${this.to}` : '';
      const report = await this.api.get<KpiReport>(`/cs-scripts/kpis${query}`);
      this.report = report;
      this.from = report.from.slice(0, 10);
      this.to = new Date(Date.parse(report.to) - 1 + 8 * 3_600_000).toISOString().slice(0, 10);
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** The month before the one shown: the one the owner can close. */
  private lastMonth(): string {
    const [y, m] = this.from.slice(0, 7).split('-').map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }

  private async closeMonth(): Promise<void> {
    const month = this.lastMonth();
    try {
      const r = await this.api.post<{ first: { code: string } | null; second: { code: string } | null }>(`/cs-scripts/kpis/months/${month}/close`, {});
      this.closedNote = this.t(`${month} 已结算：第一名 ${r.first?.code ?? '—'}，第二名 ${r.second?.code ?? '—'}`, `${month} closed: first ${r.first?.code ?? '—'}, second ${r.second?.code ?? '—'}`);
    } catch (error) {
      this.closedNote = error instanceof Error ? error.message : String(error);
    }
  }

  /** The definition and the inputs, for the cell's hover. */
  private explain(f: Figure): string {
    const en = this.i18n.locale === 'en';
    const inputs = Object.entries(f.inputs).map(([k, v]) => `${INPUTS[k]?.[en ? 1 : 0] ?? k} ${typeof v === 'number' ? this.i18n.number(v) : v}`);
    return `${en ? f.definition.en : f.definition['zh-CN']}\n${en ? 'Inputs' : '依据'}: ${inputs.join(en ? ', ' : '，')}`;
  }

  private cell(k: AgentKpis, column: Column) {
    const f = k[column];
    let shown: string;
    if (f.value === null) shown = '—';
    else if (column === 'sales' || column === 'averageOrder') shown = this.i18n.money(f.value);
    else if (column === 'conversion' || column === 'replyRate') shown = `${f.value}%`;
    else if (column === 'responseTime') shown = this.t(`${f.value} 秒`, `${f.value} s`);
    else shown = this.i18n.number(f.value);
    const band = column === 'responseTime' ? k.responseTime.band : null;
    return html`<td class="${column} ${band ? `band-${band}` : ''}" title=${this.explain(f)}>${shown}${band ? html` <small>(${this.t(BANDS[band][0], BANDS[band][1])})</small>` : nothing}</td>`;
  }

  override render() {
    const r = this.report;
    const heads: [Column, string, string][] = [
      ['sales', '营业额', 'Sales'], ['conversion', '询单转化率', 'Conversion'], ['averageOrder', '客单价', 'Avg. order'],
      ['followUps', '协助跟进', 'Follow-ups'], ['replyRate', '回复率', 'Reply rate'], ['responseTime', '平均响应', 'Avg. response'],
    ];
    const agents = r ? [...r.agents].sort((a, b) => rankOf(r, a.agent) - rankOf(r, b.agent)) : [];
    const who = (a: AgentKpis) => (a.name ? `${a.agent} ${a.name}` : this.t(`${a.agent}号`, `No. ${a.agent}`));
    const labels = r ? r.days.map((d) => this.i18n.date(`${d.date}T12:00:00+08:00`, { year: false })) : [];
    const charted = agents.slice(0, 6);
    // A day nobody was asked has no response time: left out rather than drawn as 0 s.
    const answeredDays = r ? r.days.filter((d) => d.agents.some((a) => a.responseSeconds !== null)) : [];
    return html`
      <div class="bar">
        <label>${this.t('从', 'From')}<input type="date" class="from" .value=${this.from} @change=${(e: Event) => { this.from = (e.target as HTMLInputElement).value; void this.load(); }}></label>
        <label>${this.t('到', 'To')}<input type="date" class="to" .value=${this.to} @change=${(e: Event) => { this.to = (e.target as HTMLInputElement).value; void this.load(); }}></label>
        <button class="refresh" @click=${() => this.load()}>${this.t('刷新', 'Refresh')}</button>
        ${this.workbench.can('cs-scripts.kpis.close') ? html`<button class="close-month" @click=${() => this.closeMonth()}>${this.t(`结算 ${this.lastMonth()} 月，定最佳客服`, `Close ${this.lastMonth()} and name the best CS`)}</button>` : nothing}
      </div>
      ${this.closedNote ? html`<p class="closed" role="status">${this.closedNote}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${r ? html`
        <p class="hint">${this.t(`${r.chatLines} 条聊天记录，${r.paidOrders} 个付款订单。鼠标停在数字上可看定义与依据。`, `${r.chatLines} chat lines, ${r.paidOrders} paid orders. Hover a figure for its definition and inputs.`)}</p>
        ${agents.length === 0 ? html`<p class="hint">${this.t('这段时间没有聊天记录，也没有带工号的订单。先导入聊天记录。', 'No chat lines and no remarked orders in these days. Import the chat log first.')}</p>` : html`
        <table class="kpis">
          <thead><tr><th>${this.t('客服', 'Agent')}</th>${heads.map(([, zh, en]) => html`<th>${this.t(zh, en)}</th>`)}</tr></thead>
          <tbody>${agents.map((a) => html`<tr data-agent=${a.agent}>
            <td><span class="rank">${rankOf(r, a.agent) < 99 ? this.t(`第 ${rankOf(r, a.agent) + 1} 名`, `#${rankOf(r, a.agent) + 1}`) : ''}</span>${who(a)}</td>
            ${heads.map(([c]) => this.cell(a, c))}
          </tr>`)}</tbody>
        </table>
        <div class="charts">
          <div><h3>${this.t('营业额（按客服）', 'Sales by agent')}</h3>
            <wb-chart class="sales-chart" type="bar" format="money" xLabel=${this.t('客服', 'Agent')} heading=${this.t('营业额（按客服）', 'Sales by agent')} .labels=${agents.map(who)}
              .series=${[{ name: { 'zh-CN': '营业额', en: 'Sales' }, values: agents.map((a) => a.sales.value ?? 0) }]}></wb-chart></div>
          <div><h3>${this.t('每日营业额', 'Sales per day')}</h3>
            <wb-chart class="daily-chart" type="line" format="money" xLabel=${this.t('日期', 'Day')} heading=${this.t('每日营业额', 'Sales per day')} .labels=${labels}
              .series=${charted.map((a) => ({ name: who(a), values: r.days.map((d) => d.agents.find((x) => x.agent === a.agent)?.salesFen ?? 0) }))}></wb-chart></div>
          <div><h3>${this.t('每日平均响应（秒）', 'Average response per day (s)')}</h3>
            <wb-chart class="response-chart" type="line" xLabel=${this.t('日期', 'Day')} heading=${this.t('每日平均响应（秒）', 'Average response per day (s)')}
              .labels=${answeredDays.map((d) => this.i18n.date(`${d.date}T12:00:00+08:00`, { year: false }))}
              .series=${charted.map((a) => ({ name: who(a), values: answeredDays.map((d) => d.agents.find((x) => x.agent === a.agent)?.responseSeconds ?? 0) }))}></wb-chart></div>
        </div>`}` : this.error ? nothing : html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`}
    `;
  }
}

/** Place in the best-CS ranking from 0; agents without a sale sort after. */
function rankOf(r: KpiReport, agent: string): number {
  const i = r.ranking.indexOf(agent);
  return i < 0 ? 99 : i;
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-kpis': CsKpiDashboard;
  }
}
