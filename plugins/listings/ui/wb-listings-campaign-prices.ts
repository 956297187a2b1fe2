import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, fenToYuan, WbElement, yuanToFen } from '@workbench/ui';
import type { Campaign } from '../server/campaigns/campaign-types.js';
import { listingsStyles } from './styles.js';
import type { SkuHit } from './wb-listings-sku-picker.js';

/**
 * Campaign prices per SKU of the campaign's products, typed in 元, beside the everyday price and
 * the cost; then the second check (二次核对) by someone other than who set each price — one by
 * one or all at once.
 *
 * @fires campaign-change - detail: `{ campaign }` after a save or a confirmation
 */
@customElement('wb-listings-campaign-prices')
export class ListingsCampaignPrices extends WbElement {
  static override styles = [
    controlStyles,
    listingsStyles,
    css`
      td.code { white-space: nowrap; font-family: var(--wb-font-mono, monospace); font-size: 12px; }
      td.num, th.num { white-space: nowrap; }
      td.price input { width: 88px; text-align: right; }
      td.check { white-space: nowrap; }
      /* A long list of SKUs scrolls sideways on a narrow screen instead of pushing the checks off it. */
      .wrap { overflow-x: auto; }
    `,
  ];

  @property({ attribute: false }) campaign!: Campaign;
  @state() private skus: SkuHit[] = [];
  @state() private typed = new Map<number, string>();
  @state() private error = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('campaign')) return;
    const before = changed.get('campaign') as Campaign | undefined;
    if (!before || before.productIds.join() !== this.campaign.productIds.join()) void this.loadSkus();
    this.typed = new Map(this.campaign.prices.map((p) => [p.skuId, fenToYuan(p.price)]));
  }

  private async loadSkus(): Promise<void> {
    try {
      const pages = await Promise.all(this.campaign.productIds.map((id) => this.api.get<{ items: SkuHit[] }>('/listings/skus', { productId: id, pageSize: 500 })));
      this.skus = pages.flatMap((p) => p.items);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const c = this.campaign;
    const editable = ['draft', 'prices-set', 'checked'].includes(c.status);
    const me = this.workbench.user.id;
    const open = c.prices.filter((p) => p.confirmedBy === null);
    if (!this.skus.length) return html`<p class="hint">${this.t('先在上面选活动商品。', 'Choose the campaign products above first.')}</p>`;
    return html`<div class="wrap"><table class="list prices" aria-label=${this.t('活动价', 'Campaign prices')}>
        <thead><tr><th>${this.t('商家编码', 'SKU')}</th><th>${this.t('商品', 'Product')}</th><th class="num">${this.t('日常价', 'Regular')}</th><th class="num">${this.t('成本', 'Cost')}</th>
          <th class="num">${this.t('活动价（元）', 'Campaign (¥)')}</th><th>${this.t('核对', 'Second check')}</th></tr></thead>
        <tbody>${this.skus.map((s) => {
          const price = c.prices.find((p) => p.skuId === s.id);
          const typed = this.typed.get(s.id) ?? '';
          const fen = yuanToFen(typed);
          return html`<tr data-sku=${s.code}>
            <td class="code">${s.code}</td><td>${s.productTitle ?? ''} ${Object.values(s.attributes).join(' ')}</td>
            <td class="num">${this.i18n.money(s.price)}</td><td class="num">${this.i18n.money(s.cost)}</td>
            <td class="num price"><input inputmode="decimal" aria-label="${this.t('活动价', 'Campaign price')} ${s.code}" .value=${typed} ?readonly=${!editable}
              aria-invalid=${typed && fen === undefined ? 'true' : 'false'} @input=${(e: Event) => (this.typed = new Map(this.typed).set(s.id, (e.target as HTMLInputElement).value))} />
              ${fen !== undefined && fen < s.cost ? html`<div class="fail hint">${this.t('低于成本', 'Below cost')}</div>` : nothing}</td>
            <td class="check">${!price
              ? html`<span class="hint">${this.t('未定价', 'No price')}</span>`
              : price.confirmedBy !== null
                ? html`<span class="pass">✓ ${this.t('已核对', 'Confirmed')}</span>`
                : price.setBy === me
                  ? html`<span class="hint">${this.t('等同事核对', 'Awaits a colleague')}</span>`
                  : html`<button class="confirm" @click=${() => void this.confirm(s.id)}>${this.t('核对无误', 'Confirm')}</button>`}</td>
          </tr>`;
        })}</tbody>
      </table></div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        ${editable ? html`<button class="primary save-prices" @click=${() => void this.save()}>${this.t('保存活动价', 'Save prices')}</button>` : nothing}
        ${c.status === 'prices-set' && open.length && open.every((p) => p.setBy !== me)
          ? html`<button class="confirm-all" @click=${() => void this.confirmAll()}>${this.t(`全部核对（${open.length}）`, `Confirm all (${open.length})`)}</button>`
          : nothing}
      </div>`;
  }

  private async save(): Promise<void> {
    const prices: { skuId: number; price: number }[] = [];
    for (const s of this.skus) {
      const text = this.typed.get(s.id)?.trim() ?? '';
      if (!text) continue;
      const price = yuanToFen(text);
      if (!price) return void (this.error = this.t(`${s.code} 的活动价请写成元，例如 99`, `${s.code}: enter the price in yuan, e.g. 99`));
      if (savedPrice(this.campaign, s.id) !== price) prices.push({ skuId: s.id, price });
    }
    this.error = '';
    if (!prices.length) return void this.notifications.notify('info', this.t('活动价没有变化', 'No price changed'));
    await this.send(() => this.api.put<Campaign>(`/listings/campaigns/${this.campaign.id}/prices`, { version: this.campaign.version, prices }), this.t('活动价已保存，等同事核对', 'Prices saved; a colleague checks them next'));
  }

  private confirm(skuId: number): Promise<void> {
    return this.send(() => this.api.post<Campaign>(`/listings/campaigns/${this.campaign.id}/prices/${skuId}/confirm`, { version: this.campaign.version }), this.t('已核对', 'Confirmed'));
  }

  private confirmAll(): Promise<void> {
    return this.send(() => this.api.post<Campaign>(`/listings/campaigns/${this.campaign.id}/prices/confirm-all`, { version: this.campaign.version }), this.t('全部活动价已核对', 'Every price confirmed'));
  }

  private async send(call: () => Promise<Campaign>, done: string): Promise<void> {
    try {
      const campaign = await call();
      this.notifications.notify('success', done);
      this.dispatchEvent(new CustomEvent('campaign-change', { detail: { campaign }, bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
      this.dispatchEvent(new CustomEvent('campaign-change', { detail: {}, bubbles: true, composed: true }));
    }
  }
}

/** The campaign price already saved for a SKU, if any. */
function savedPrice(campaign: Campaign, skuId: number): number | undefined {
  return campaign.prices.find((p) => p.skuId === skuId)?.price;
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-campaign-prices': ListingsCampaignPrices;
  }
}
