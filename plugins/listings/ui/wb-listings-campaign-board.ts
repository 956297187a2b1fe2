import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, fenToYuan, fromLocalInput, localInputIn, toLocalInput, WbElement, yuanToFen } from '@workbench/ui';
import type { Campaign, CampaignChecks } from '../server/campaigns/campaign-types.js';
import { CAMPAIGN_STATUS } from './labels.js';
import { listingsStyles } from './styles.js';
import './wb-listings-campaign-checks.js';
import './wb-listings-campaign-close-out.js';
import './wb-listings-campaign-prices.js';
import './wb-listings-product-picker.js';

const PREPARING = ['draft', 'prices-set', 'checked'];

/**
 * One campaign's board: its plan (window, products, figures), campaign prices with their second
 * check, the four pre-launch checks, scheduling, and the close-out report. `new` starts one.
 */
@customElement('wb-listings-campaign-board')
export class ListingsCampaignBoard extends WbElement {
  static override styles = [controlStyles, listingsStyles, css`.steps { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 24px; align-items: start; } @media (max-width: 960px) { .steps { grid-template-columns: minmax(0, 1fr); } }`];

  @property() recordId = '';
  @state() private campaign?: Campaign;
  @state() private checks?: CampaignChecks;
  @state() private name = '';
  @state() private kind = '';
  @state() private startsAt = '';
  @state() private endsAt = '';
  @state() private productIds: number[] = [];
  @state() private forecast = '';
  @state() private cost = '';
  @state() private error = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('recordId')) return;
    if (/^\d+$/.test(this.recordId)) void this.load(Number(this.recordId));
    else this.fill(undefined);
  }

  private async load(id = this.campaign?.id ?? 0): Promise<void> {
    try {
      this.fill(await this.api.get<Campaign>(`/listings/campaigns/${id}`));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private fill(c: Campaign | undefined): void {
    const zone = this.i18n.timeZone;
    this.campaign = c;
    this.name = c?.name ?? '';
    this.kind = c?.kind ?? '';
    this.startsAt = c ? toLocalInput(c.startsAt, zone) : localInputIn(7, zone);
    this.endsAt = c ? toLocalInput(c.endsAt, zone) : localInputIn(10, zone);
    this.productIds = c?.productIds ?? [];
    this.forecast = fenToYuan(c?.forecastSales);
    this.cost = fenToYuan(c?.cost);
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const c = this.campaign;
    const planLocked = c !== undefined && !PREPARING.includes(c.status);
    const text = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
    return html`<h2>${c ? c.name : this.t('新建活动', 'New campaign')} ${c ? html`<span class="badge status">${this.i18n.text(CAMPAIGN_STATUS[c.status])}</span>` : nothing}</h2>
      <div class="steps"><div>
        <section class="grid">
          <label for="cname">${this.t('名称', 'Name')}</label><input id="cname" .value=${this.name} @input=${text((v) => (this.name = v))} />
          <label for="ckind">${this.t('活动类型', 'Kind')}</label><input id="ckind" list="kinds" .value=${this.kind} placeholder=${this.t('如 聚划算、店庆', 'e.g. flash sale')} @input=${text((v) => (this.kind = v))} />
          <datalist id="kinds">${['聚划算', '店庆', '双十一', '双十二', '年货节', '新品首发'].map((k) => html`<option value=${k}></option>`)}</datalist>
          <label for="cstart">${this.t('开始', 'Starts')}</label><input id="cstart" type="datetime-local" .value=${this.startsAt} ?readonly=${planLocked} @input=${text((v) => (this.startsAt = v))} />
          <label for="cend">${this.t('结束', 'Ends')}</label><input id="cend" type="datetime-local" .value=${this.endsAt} ?readonly=${planLocked} @input=${text((v) => (this.endsAt = v))} />
          <label>${this.t('活动商品', 'Products')}</label>
          <wb-listings-product-picker .ids=${this.productIds} ?readonly=${planLocked} @products-change=${(e: CustomEvent<{ ids: number[] }>) => (this.productIds = e.detail.ids)}></wb-listings-product-picker>
          <label for="forecast">${this.t('预估销售额（元）', 'Forecast sales (¥)')}</label><input id="forecast" inputmode="decimal" .value=${this.forecast} @input=${text((v) => (this.forecast = v))} />
          <label for="ccost">${this.t('活动费用（元）', 'Campaign cost (¥)')}</label><input id="ccost" inputmode="decimal" .value=${this.cost} @input=${text((v) => (this.cost = v))} />
        </section>
        <div class="actions"><button class="primary save" @click=${() => void this.save()}>${this.t('保存', 'Save')}</button></div>
        ${c ? html`<h3>${this.t('活动价与二次核对', 'Campaign prices and second check')}</h3>
          <wb-listings-campaign-prices .campaign=${c} @campaign-change=${(e: CustomEvent<{ campaign?: Campaign }>) => (e.detail.campaign ? this.fill(e.detail.campaign) : void this.load())}></wb-listings-campaign-prices>
          <h3>${this.t('复盘', 'Close-out')}</h3>
          <wb-listings-campaign-close-out .campaign=${c} @campaign-change=${() => void this.load()}></wb-listings-campaign-close-out>` : nothing}
      </div>
      ${c ? html`<aside><h3>${this.t('上线前检查', 'Pre-launch checks')}</h3>
          <wb-listings-campaign-checks campaignId=${c.id} stamp=${c.version} @checks-change=${(e: CustomEvent<{ checks: CampaignChecks }>) => (this.checks = e.detail.checks)}></wb-listings-campaign-checks>
          <div class="actions">
            ${c.status === 'checked' ? html`<button class="primary schedule" ?disabled=${!this.checks?.passed} @click=${() => void this.step('schedule', this.t('已排期', 'Scheduled'))}>${this.t('排期', 'Schedule')}</button>` : nothing}
            ${c.status === 'scheduled' ? html`<button class="unschedule" @click=${() => void this.step('unschedule', this.t('已取消排期', 'Unscheduled'))}>${this.t('取消排期', 'Unschedule')}</button>` : nothing}
            ${c.status === 'running' ? html`<button class="danger end" @click=${() => void this.step('end', this.t('活动已结束', 'Campaign ended'))}>${this.t('提前结束', 'End now')}</button>` : nothing}
          </div>
          ${c.status === 'draft' || c.status === 'prices-set' ? html`<p class="hint">${this.t('活动价全部核对后才能排期。', 'Schedule once every price has its second check.')}</p>` : nothing}
        </aside>` : nothing}
      </div>`;
  }

  private async save(): Promise<void> {
    const zone = this.i18n.timeZone;
    const startsAt = fromLocalInput(this.startsAt, zone);
    const endsAt = fromLocalInput(this.endsAt, zone);
    const forecast = this.forecast.trim() ? yuanToFen(this.forecast) : null;
    const cost = this.cost.trim() ? yuanToFen(this.cost) : null;
    if (!this.name.trim()) return void this.notifications.notify('warning', this.t('请填写活动名称', 'Enter a name'));
    if (!startsAt || !endsAt) return void this.notifications.notify('warning', this.t('请填写开始和结束时间', 'Enter when it starts and ends'));
    if (forecast === undefined || cost === undefined) return void this.notifications.notify('warning', this.t('金额请写成元，例如 5000', 'Enter amounts in yuan, e.g. 5000'));
    const c = this.campaign;
    const plan = c && !PREPARING.includes(c.status) ? {} : { startsAt, endsAt, productIds: this.productIds };
    const body = { name: this.name.trim(), kind: this.kind.trim(), forecastSales: forecast, cost, ...plan };
    try {
      this.fill(c ? await this.api.patch<Campaign>(`/listings/campaigns/${c.id}`, { ...body, version: c.version }) : await this.api.post<Campaign>('/listings/campaigns', body));
      this.notifications.notify('success', this.t('活动已保存', 'Campaign saved'));
      changes.announce('listings.campaigns');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && c) {
        await this.load();
        this.notifications.notify('warning', this.t('别人刚改过这个活动，已载入最新内容。', 'Someone else changed this campaign; the latest is loaded.'));
      } else this.notifications.error(error);
    }
  }

  private async step(action: 'schedule' | 'unschedule' | 'end', done: string): Promise<void> {
    const c = this.campaign!;
    try {
      this.fill(await this.api.post<Campaign>(`/listings/campaigns/${c.id}/${action}`, { version: c.version }));
      this.notifications.notify('success', done);
      changes.announce('listings.campaigns');
    } catch (error) {
      this.notifications.error(error);
      await this.load();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-campaign-board': ListingsCampaignBoard;
  }
}
