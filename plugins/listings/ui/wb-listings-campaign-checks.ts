import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { CampaignChecks } from '../server/campaigns/campaign-types.js';
import { CAMPAIGN_CHECK } from './labels.js';
import { listingsStyles } from './styles.js';

/**
 * The four pre-launch checks of a campaign (时限、页面、优惠券、优惠叠加), each passed or failed
 * with its details. Reloads when `stamp` (the campaign's version) changes.
 *
 * @fires checks-change - detail: `{ checks: CampaignChecks }`
 */
@customElement('wb-listings-campaign-checks')
export class ListingsCampaignChecks extends WbElement {
  static override styles = [controlStyles, listingsStyles];

  @property({ type: Number }) campaignId = 0;
  @property({ type: Number }) stamp = 0;
  @state() private result?: CampaignChecks;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('campaignId') || changed.has('stamp')) && this.campaignId) void this.load();
  }

  /** Runs the checks again now. */
  async load(): Promise<void> {
    try {
      this.result = await this.api.get<CampaignChecks>(`/listings/campaigns/${this.campaignId}/checks`);
      this.dispatchEvent(new CustomEvent('checks-change', { detail: { checks: this.result }, bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const r = this.result;
    if (!r) return html`<p class="hint">${this.t('检查中…', 'Checking…')}</p>`;
    return html`<p class=${r.passed ? 'pass' : 'fail'} role="status">${r.passed ? this.t('四项检查全部通过', 'All four checks pass') : this.t('有检查没通过，处理后才能排期', 'Some checks fail; fix them before scheduling')}
        <span class="hint">· ${this.i18n.dateTime(r.checkedAt)}</span> <button class="link" @click=${() => void this.load()}>${this.t('重新检查', 'Check again')}</button></p>
      <ul class="plain checks">${r.checks.map(
        (c) => html`<li data-check=${c.id} class=${c.passed ? 'pass' : 'fail'}>
          <strong>${c.passed ? '✓' : '✗'} ${this.i18n.text(c.title ?? CAMPAIGN_CHECK[c.id])}</strong>
          <span class="visually-hidden">${c.passed ? this.t('通过', 'passes') : this.t('未通过', 'fails')}</span>
          ${c.details.length ? (c.passed ? this.renderPassedDetails(c.details) : this.renderDetails(c.details)) : nothing}
        </li>`,
      )}</ul>`;
  }

  private renderDetails(details: CampaignChecks['checks'][number]['details']) {
    return html`<ul>${details.map((d) => html`<li class="hint">${this.i18n.text(d.message)}</li>`)}</ul>`;
  }

  /** A passed check's notes (one per SKU for 优惠叠加) stay folded, so the failing ones stand out. */
  private renderPassedDetails(details: CampaignChecks['checks'][number]['details']) {
    return html`<details><summary class="hint">${this.t(`查看明细（${details.length} 条）`, `Details (${details.length})`)}</summary>${this.renderDetails(details)}</details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-campaign-checks': ListingsCampaignChecks;
  }
}
