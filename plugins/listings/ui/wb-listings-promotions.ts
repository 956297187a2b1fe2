import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type Column, listPanelStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import type { Coupon, Promotion } from '../server/types.js';
import { PROMOTION_KIND, PROMOTION_STATUS, filterOptions } from './labels.js';

type PromotionRow = Promotion & Record<string, unknown>;
type CouponRow = Coupon & Record<string, unknown>;

/** 促销: the promotions and the coupons, each in its own tab, with buttons to create either. */
@customElement('wb-listings-promotions')
export class ListingsPromotions extends WbElement {
  static override styles = listPanelStyles;

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['listings.promotions', 'listings.coupons']);
  @state() private shown: 'promotions' | 'coupons' = 'promotions';

  override render() {
    const open = (id: string, title: string) => this.workbench.openEditor({ opens: 'promotion', id, title });
    return html`<wb-toolbar label=${this.t('促销', 'Promotions')}>
        <button class="new-promotion" @click=${() => open('new-promotion', this.t('新建促销', 'New promotion'))}>${this.t('新建促销', 'New promotion')}</button>
        <button class="new-coupon" @click=${() => open('new-coupon', this.t('新建优惠券', 'New coupon'))}>${this.t('新建优惠券', 'New coupon')}</button>
      </wb-toolbar>
      <wb-tabs .tabs=${[{ id: 'promotions', label: this.t('促销活动', 'Promotions') }, { id: 'coupons', label: this.t('优惠券', 'Coupons') }]} selected=${this.shown}
        @tab-change=${(e: CustomEvent<{ id: 'promotions' | 'coupons' }>) => (this.shown = e.detail.id)}></wb-tabs>
      ${this.shown === 'promotions' ? this.renderPromotions(open) : this.renderCoupons(open)}`;
  }

  private renderPromotions(open: (id: string, title: string) => void) {
    const columns: Column<PromotionRow>[] = [
      { key: 'name', title: { 'zh-CN': '名称', en: 'Name' }, sortable: true },
      { key: 'kind', title: { 'zh-CN': '类型', en: 'Kind' }, width: '76px', filter: { options: filterOptions(PROMOTION_KIND).filter((o) => o.value !== 'coupon') }, render: (r) => this.i18n.text(PROMOTION_KIND[r.kind]) },
      { key: 'status', title: { 'zh-CN': '状态', en: 'Status' }, width: '64px', filter: { options: filterOptions(PROMOTION_STATUS) }, render: (r) => this.i18n.text(PROMOTION_STATUS[r.status]) },
      { key: 'endsAt', title: { 'zh-CN': '结束', en: 'Ends' }, type: 'datetime', hidden: true },
    ];
    return html`<wb-data-table source="/listings/promotions" storageKey="listings-promotions" .columns=${columns}
      @row-open=${(e: CustomEvent<{ row: PromotionRow }>) => open(`promotion-${e.detail.row.id}`, e.detail.row.name)}></wb-data-table>`;
  }

  private renderCoupons(open: (id: string, title: string) => void) {
    const columns: Column<CouponRow>[] = [
      { key: 'name', title: { 'zh-CN': '名称', en: 'Name' } },
      { key: 'faceValue', title: { 'zh-CN': '面额', en: 'Value' }, type: 'money', width: '72px' },
      { key: 'threshold', title: { 'zh-CN': '门槛', en: 'From' }, type: 'money', width: '72px', hidden: true },
      { key: 'validUntil', title: { 'zh-CN': '有效至', en: 'Valid until' }, type: 'date', width: '92px' },
    ];
    return html`<wb-data-table source="/listings/coupons" storageKey="listings-coupons" .columns=${columns}
      @row-open=${(e: CustomEvent<{ row: CouponRow }>) => open(`coupon-${e.detail.row.id}`, e.detail.row.name)}></wb-data-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-promotions': ListingsPromotions;
  }
}
