import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listPanelStyles, ReloadOnChange, WbElement, type LocalizedText } from '@workbench/ui';
import { suggestionSteps, type SuggestionFacts, type SuggestionStepSettings } from '../shared/suggestion-steps.js';

interface Suggestion extends SuggestionFacts {
  skuCode: string;
  name: string;
  daysLeft: number | null;
  price: number | null;
  amount: number | null;
  supplier: { id: number; name: string; standing: string } | null;
}

interface Run {
  items: Suggestion[];
  window: { days: number };
  settings: SuggestionStepSettings;
  fulfillment: boolean;
  delisted: number;
}

/**
 * 补货建议: every SKU short of what its sales need over lead time and safety days, soonest out
 * first. Each row opens to its arithmetic (and shows it on hover); the chosen rows become one
 * purchase plan.
 */
@customElement('wb-procurement-suggestions')
export class ProcurementSuggestions extends WbElement {
  static override styles = [listPanelStyles, css`
    :host { padding: 8px 12px; overflow: auto; }
    header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    header h2 { margin: 0; }
    header .grow { flex: 1; }
    .hint { color: var(--wb-muted, #666); font-size: 12px; margin: 0; }
    table { width: 100%; border-collapse: collapse; font-size: 13px; }
    th, td { padding: 4px 6px; border-bottom: 1px solid var(--wb-border, #ddd); text-align: left; vertical-align: top; }
    th { position: sticky; top: 0; background: var(--wb-bg, #fff); font-weight: 600; white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.code { font-family: var(--wb-font-mono, monospace); white-space: nowrap; }
    tr.line { cursor: pointer; }
    tr.line:hover { background: var(--wb-hover, rgba(0, 0, 0, 0.04)); }
    tr.steps td { background: var(--wb-subtle, rgba(0, 0, 0, 0.03)); }
    tr.steps ol { margin: 2px 0; padding-left: 20px; }
    .new { font-size: 11px; padding: 0 4px; border-radius: 3px; background: #e6f0ff; color: #0b4fb3; margin-left: 4px; }
    .urgent { color: var(--wb-danger, #b42318); font-weight: 600; }
    input.qty { width: 64px; text-align: right; }
    .toggle { border: none; background: none; cursor: pointer; padding: 0 4px; font: inherit; color: inherit; }
  `];

  private readonly reloadOnChange = new ReloadOnChange(this, ['procurement.suggestions'], { reload: () => this.load(), onConnect: true });
  @state() private run: Run | undefined;
  @state() private chosen = new Set<string>();
  @state() private open = new Set<string>();
  @state() private quantities = new Map<string, number>();
  @state() private busy = false;

  private async load(): Promise<void> {
    try {
      this.run = await this.api.get<Run>('/procurement/suggestions');
      const codes = new Set(this.run.items.map((s) => s.skuCode));
      this.chosen = new Set([...this.chosen].filter((c) => codes.has(c)));
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private toggle(set: 'chosen' | 'open', code: string): void {
    const next = new Set(this[set]);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    this[set] = next;
  }

  private chooseAll(on: boolean): void {
    this.chosen = on ? new Set(this.run?.items.map((s) => s.skuCode)) : new Set();
  }

  private async makePlan(): Promise<void> {
    const skuCodes = [...this.chosen];
    if (skuCodes.length === 0) return;
    const quantities = Object.fromEntries(skuCodes.filter((c) => this.quantities.has(c)).map((c) => [c, this.quantities.get(c)!]));
    this.busy = true;
    try {
      const plan = await this.api.post<{ id: number; title: string; lines: unknown[] }>('/procurement/plans', { skuCodes, quantities });
      this.notifications.notify('success', this.t(`已生成采购计划 #${plan.id}（${plan.lines.length} 行）`, `Purchase plan #${plan.id} made (${plan.lines.length} lines)`));
      this.chosen = new Set();
      this.quantities = new Map();
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.busy = false;
    }
  }

  /** Written once a suggestion: every render lists each row's steps in its tooltip. */
  private readonly written = new WeakMap<Suggestion, LocalizedText[]>();

  /** The suggestion's arithmetic, written out from its figures (the answer carries only those). */
  private steps(s: Suggestion): LocalizedText[] {
    let steps = this.written.get(s);
    if (!steps) this.written.set(s, (steps = suggestionSteps(s, this.run!.settings)));
    return steps;
  }

  override render() {
    const run = this.run;
    if (!run) return html`<p class="hint">${this.t('正在计算……', 'Working it out…')}</p>`;
    const all = run.items.length > 0 && this.chosen.size === run.items.length;
    return html`
      <header>
        <h2>${this.t('补货建议', 'Reorder suggestions')}</h2>
        <p class="hint grow">${this.t(`按近 ${run.window.days} 天发货算日均销量；已下架的 ${run.delisted} 个 SKU 不计。点一行看算式。`, `Sales per day over the last ${run.window.days} days of shipments; ${run.delisted} delisted SKUs left out. Click a row for its arithmetic.`)}</p>
        <button class="primary" data-action="plan" ?disabled=${this.busy || this.chosen.size === 0} @click=${() => void this.makePlan()}>
          ${this.t(`选中的 ${this.chosen.size} 条生成采购计划`, `Make a purchase plan of ${this.chosen.size} chosen`)}</button>
        <button @click=${() => void this.load()}>${this.t('重新计算', 'Recalculate')}</button>
      </header>
      ${run.fulfillment ? nothing : html`<p class="hint">${this.t('订单与仓储插件没有运行：没有库存和销量可依据。', 'Fulfillment is not running: there is no stock or sales to go by.')}</p>`}
      ${run.items.length === 0 ? html`<p class="hint">${this.t('库存都够用，现在没有要补的货。', 'Stock covers every SKU: nothing to buy now.')}</p>` : html`
      <table>
        <thead><tr>
          <th><input type="checkbox" aria-label=${this.t('全选', 'Choose all')} .checked=${all} @change=${(e: Event) => this.chooseAll((e.target as HTMLInputElement).checked)}></th>
          <th>${this.t('商家编码', 'SKU code')}</th><th>${this.t('商品', 'Item')}</th><th>${this.t('供应商', 'Supplier')}</th>
          <th class="num">${this.t('日均销量', 'Per day')}</th><th class="num">${this.t('可用', 'Available')}</th><th class="num">${this.t('在途', 'On order')}</th>
          <th class="num">${this.t('可卖天数', 'Days left')}</th><th class="num">${this.t('建议数量', 'Suggested')}</th><th class="num">${this.t('金额', 'Amount')}</th>
        </tr></thead>
        <tbody>${run.items.map((s) => this.row(s))}</tbody>
      </table>`}`;
  }

  private row(s: Suggestion) {
    const opened = this.open.has(s.skuCode);
    const qty = this.quantities.get(s.skuCode) ?? s.quantity;
    return html`
      <tr class="line" data-sku=${s.skuCode} title=${this.steps(s).map((step) => this.i18n.text(step)).join('\n')} @click=${() => this.toggle('open', s.skuCode)}>
        <td @click=${(e: Event) => e.stopPropagation()}><input type="checkbox" aria-label=${this.t(`选中 ${s.skuCode}`, `Choose ${s.skuCode}`)} .checked=${this.chosen.has(s.skuCode)} @change=${() => this.toggle('chosen', s.skuCode)}></td>
        <td class="code"><button class="toggle" aria-expanded=${opened ? 'true' : 'false'} aria-label=${this.t('算式', 'Arithmetic')}>${opened ? '▾' : '▸'}</button>${s.skuCode}</td>
        <td>${s.name}${s.isNew ? html`<span class="new">${this.t('新品', 'New')}</span>` : nothing}</td>
        <td>${s.supplier?.name ?? html`<span class="hint">${this.t('无报价', 'No offer')}</span>`}</td>
        <td class="num">${s.perDay}</td>
        <td class="num">${s.onHand - s.reserved}</td>
        <td class="num">${s.onOrder}</td>
        <td class="num ${s.daysLeft !== null && s.daysLeft <= 3 ? 'urgent' : ''}">${s.daysLeft ?? '—'}</td>
        <td class="num" @click=${(e: Event) => e.stopPropagation()}><input class="qty" type="number" min="1" aria-label=${this.t(`${s.skuCode} 数量`, `${s.skuCode} quantity`)} .value=${String(qty)}
          @change=${(e: Event) => { const n = Number((e.target as HTMLInputElement).value); const next = new Map(this.quantities); if (Number.isInteger(n) && n >= 1 && n !== s.quantity) next.set(s.skuCode, n); else next.delete(s.skuCode); this.quantities = next; }}></td>
        <td class="num">${s.price === null ? '—' : this.i18n.money(s.price * qty)}</td>
      </tr>
      ${opened ? html`<tr class="steps"><td></td><td colspan="9"><ol>${this.steps(s).map((step) => html`<li>${this.i18n.text(step)}</li>`)}</ol></td></tr>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-suggestions': ProcurementSuggestions;
  }
}
