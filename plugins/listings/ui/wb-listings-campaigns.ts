import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { type Column, listPanelStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import type { Campaign } from '../server/campaigns/campaign-types.js';
import { CAMPAIGN_STATUS, filterOptions } from './labels.js';

type CampaignRow = Campaign & Record<string, unknown>;

/** 活动: campaigns by state, soonest first; opening one shows its board. */
@customElement('wb-listings-campaigns')
export class ListingsCampaigns extends WbElement {
  static override styles = listPanelStyles;

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['listings.campaigns']);
  override render() {
    const columns: Column<CampaignRow>[] = [
      { key: 'name', title: { 'zh-CN': '活动', en: 'Campaign' }, sortable: true },
      { key: 'status', title: { 'zh-CN': '状态', en: 'Status' }, width: '72px', filter: { options: filterOptions(CAMPAIGN_STATUS) }, render: (r) => this.i18n.text(CAMPAIGN_STATUS[r.status]) },
      { key: 'startsAt', title: { 'zh-CN': '开始', en: 'Starts' }, type: 'date', width: '92px', sortable: true },
      { key: 'kind', title: { 'zh-CN': '类型', en: 'Kind' }, hidden: true },
    ];
    return html`<wb-toolbar label=${this.t('活动', 'Campaigns')}>
        ${this.workbench.can('listings.campaigns.run')
          ? html`<button class="new" @click=${() => this.workbench.openEditor({ opens: 'campaign', id: 'new', title: this.t('新建活动', 'New campaign') })}>${this.t('新建活动', 'New campaign')}</button>`
          : nothing}
      </wb-toolbar>
      <wb-data-table source="/listings/campaigns" storageKey="listings-campaigns" .columns=${columns}
        @row-open=${(e: CustomEvent<{ row: CampaignRow }>) => this.workbench.openEditor({ opens: 'campaign', id: String(e.detail.row.id), title: e.detail.row.name })}>
        <span slot="empty">${this.t('还没有活动', 'No campaigns yet')}</span>
      </wb-data-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-campaigns': ListingsCampaigns;
  }
}
