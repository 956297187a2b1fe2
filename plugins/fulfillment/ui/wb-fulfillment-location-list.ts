import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listPanelStyles, PanelWidth, ReloadOnChange, WbElement, type Column } from '@workbench/ui';
import { fulfillmentMarks } from './styles.js';
import { tone } from './wb-fulfillment-inventory-cells.js';
import { LOCATION_KIND_NAMES, optionsOf, type LocationRow } from './wb-fulfillment-inventory-records.js';
import './wb-fulfillment-location-dialog.js';
import './wb-fulfillment-location-edit-dialog.js';

/**
 * 库位: every location in the order a picker walks them, with the SKU on its card, the pieces
 * it holds and its capacity. New ones one at a time or a whole block; Enter on a row edits it.
 */
@customElement('wb-fulfillment-location-list')
export class FulfillmentLocationList extends WbElement {
  static override styles = [
    listPanelStyles,
    fulfillmentMarks,
    css`
      #zone { width: 72px; text-transform: uppercase; }
    `,
  ];

  @state() private query: Record<string, string> = {};
  private readonly width = new PanelWidth(this);
  // Refreshes the list when another panel changes what it shows.
  private readonly reload = new ReloadOnChange(this, ['fulfillment.locations', 'fulfillment.stock']);

  override render() {
    const manage = this.workbench.can('fulfillment.stock.manage');
    const narrow = this.width.narrow;
    const columns: Column<LocationRow>[] = [
      { key: 'code', title: { 'zh-CN': '库位', en: 'Location' }, width: 'minmax(96px, 1.4fr)', render: (r) => html`<span style=${tone(r.active ? undefined : 'struck')} title=${r.active ? '' : this.t('已停用', 'Out of use')}>${r.code}</span>` },
      { key: 'kind', title: { 'zh-CN': '类型', en: 'Kind' }, width: '72px', hidden: narrow, filter: { options: optionsOf(LOCATION_KIND_NAMES) }, render: (r) => this.i18n.text(LOCATION_KIND_NAMES[r.kind]) },
      { key: 'skuCode', title: 'SKU', width: 'minmax(96px, 1.6fr)', render: (r) => r.skuCode ?? '' },
      { key: 'qty', title: { 'zh-CN': '数量', en: 'Qty' }, type: 'number', width: '52px' },
      { key: 'capacity', title: { 'zh-CN': '容量', en: 'Capacity' }, type: 'number', width: '52px', hidden: narrow, render: (r) => html`<span style=${tone(r.capacity !== null && r.qty >= r.capacity ? 'warning' : undefined)}>${r.capacity ?? '—'}</span>` },
      { key: 'pathOrder', title: { 'zh-CN': '路径顺序', en: 'Path order' }, type: 'number', width: '88px', hidden: true },
    ];
    return html`<wb-toolbar label=${this.t('库位', 'Locations')}>
        ${manage ? html`<button class="new-range" @click=${() => this.renderRoot.querySelector('wb-fulfillment-location-dialog')?.show('range')}>${this.t('新建库位', 'New locations')}</button>` : nothing}
        <span slot="end" class="row"><label for="zone" class="hint">${this.t('区', 'Zone')}</label>
          <input id="zone" name="zone" maxlength="2" placeholder=${this.t('全部', 'All')} @change=${(e: Event) => this.setZone((e.target as HTMLInputElement).value)} /></span>
      </wb-toolbar>
      ${html`<wb-data-table source="/fulfillment/locations" storageKey=${this.width.storageKey('fulfillment-locations')} .columns=${columns} .query=${this.query}
        @row-open=${(e: CustomEvent<{ row: LocationRow }>) => manage && this.renderRoot.querySelector('wb-fulfillment-location-edit-dialog')?.show(e.detail.row)}>
        <span slot="empty">${this.t('还没有库位：点“新建库位”一次建好一整片货架', 'No locations yet: “New locations” makes a whole block at once')}</span>
      </wb-data-table>`}
      ${manage ? html`<p class="hint">${this.t('按拣货路径顺序排列；选中一行按 Enter 修改', 'In the order of the pick path; Enter on a row edits it')}</p>` : nothing}
      <wb-fulfillment-location-dialog></wb-fulfillment-location-dialog>
      <wb-fulfillment-location-edit-dialog></wb-fulfillment-location-edit-dialog>`;
  }

  private setZone(value: string): void {
    const zone = value.trim().toUpperCase();
    this.query = zone ? { zone } : {};
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-location-list': FulfillmentLocationList;
  }
}
