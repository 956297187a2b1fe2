import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, changes, type Column, listPanelStyles, PanelWidth, ReloadOnChange, WbElement } from '@workbench/ui';
import { fulfillmentMarks } from './styles.js';
import { tone } from './wb-fulfillment-inventory-cells.js';
import { STOCKTAKE_STATUS_NAMES, optionsOf, type Stocktake, type StocktakeRow } from './wb-fulfillment-inventory-records.js';

/** The tab title of a stocktake, the same wherever one is opened. */
export function stocktakeTitle(s: { id: number; zone: string }, en: boolean): string {
  return en ? `Stocktake ${s.zone} #${s.id}` : `盘点 ${s.zone} 区 #${s.id}`;
}

/**
 * 盘点: the count sheets, open ones first to mind, and 开始盘点 for a zone — its book quantities
 * are frozen and the count sheet opens in a tab of its own.
 */
@customElement('wb-fulfillment-stocktake-list')
export class FulfillmentStocktakeList extends WbElement {
  static override styles = [
    listPanelStyles,
    fulfillmentMarks,
    css`
      form.new { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; padding: 6px 0; }
      #zone { width: 64px; text-transform: uppercase; }
    `,
  ];

  @state() private zone = '';
  @state() private problem = '';
  @state() private busy = false;
  private readonly width = new PanelWidth(this);
  // Refreshes the list when another panel changes what it shows.
  private readonly reload = new ReloadOnChange(this, ['fulfillment.stocktakes']);

  override render() {
    const manage = this.workbench.can('fulfillment.stock.manage');
    const narrow = this.width.narrow;
    const columns: Column<StocktakeRow>[] = [
      { key: 'id', title: { 'zh-CN': '盘点', en: 'Stocktake' }, width: 'minmax(90px, 1fr)', render: (r) => stocktakeTitle(r, this.en) },
      { key: 'status', title: { 'zh-CN': '状态', en: 'Status' }, width: '80px', filter: { options: optionsOf(STOCKTAKE_STATUS_NAMES) }, render: (r) => html`<span style=${tone(r.status === 'posted' ? 'success' : r.status === 'counting' ? 'warning' : 'muted')}>${this.i18n.text(STOCKTAKE_STATUS_NAMES[r.status])}</span>` },
      { key: 'createdAt', title: { 'zh-CN': '开始', en: 'Started' }, type: 'datetime', width: '136px', hidden: narrow },
      { key: 'createdByName', title: { 'zh-CN': '开单人', en: 'By' }, width: '64px', hidden: narrow },
      { key: 'postedAt', title: { 'zh-CN': '过账', en: 'Posted' }, type: 'datetime', width: '136px', hidden: true },
    ];
    return html`${manage
        ? html`<form class="new" @submit=${(e: Event) => (e.preventDefault(), void this.start())}>
            <label for="zone">${this.t('盘点区', 'Zone')}</label>
            <input id="zone" name="zone" maxlength="2" placeholder="A" .value=${this.zone} aria-invalid=${this.problem ? 'true' : 'false'} @input=${(e: Event) => ((this.zone = (e.target as HTMLInputElement).value), (this.problem = ''))} />
            <button class="primary start" ?disabled=${this.busy}>${this.t('开始盘点', 'Start a stocktake')}</button>
            <span class="hint">${this.t('开始后账面数冻结，盘点表在新标签页里打开', 'Book figures freeze; the count sheet opens in a tab')}</span>
          </form>`
        : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${html`<wb-data-table source="/fulfillment/stocktakes" storageKey=${this.width.storageKey('fulfillment-stocktakes')} .columns=${columns}
        @row-open=${(e: CustomEvent<{ row: StocktakeRow }>) => manage && this.open(e.detail.row)}>
        <span slot="empty">${this.t('还没有盘点', 'No stocktakes yet')}</span>
      </wb-data-table>`}`;
  }

  private open(s: { id: number; zone: string }): void {
    this.workbench.openEditor({ opens: 'stocktake', id: String(s.id), title: stocktakeTitle(s, this.en) });
  }

  private async start(): Promise<void> {
    const zone = this.zone.trim().toUpperCase();
    if (!/^[A-Z]{1,2}$/.test(zone)) {
      this.problem = this.t('请填要盘点的区，1～2 个字母，如 A', 'Write the zone to count: one or two letters, e.g. A');
      return;
    }
    this.busy = true;
    try {
      const made = await this.api.post<Stocktake>('/fulfillment/stocktakes', { zone });
      changes.announce('fulfillment.stocktakes');
      this.zone = '';
      this.open(made);
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-stocktake-list': FulfillmentStocktakeList;
  }
}
