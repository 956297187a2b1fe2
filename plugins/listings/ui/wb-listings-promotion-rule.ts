import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { RuleDraft, RuleKind, RuleSku } from './promotion-draft.js';
import { listingsStyles } from './styles.js';
import type { SkuHit } from './wb-listings-sku-picker.js';
import './wb-listings-sku-picker.js';

/**
 * The fields of one promotion kind: tiers for 满减, threshold and gift SKU for 满就送, the percent
 * of 店内折扣, member levels of 会员折扣, the SKUs and price of 套餐搭配. Money is typed in 元.
 * The gift and bundle SKUs show their 商家编码 and 颜色/尺码; a rule read from the server names
 * them by id only, so those are looked up with `GET /skus?ids=`.
 *
 * @fires rule-change - detail: `{ rule: RuleDraft }`
 */
@customElement('wb-listings-promotion-rule')
export class ListingsPromotionRule extends WbElement {
  static override styles = [
    controlStyles,
    listingsStyles,
    css`
      table.tiers, table.levels { max-width: 420px; }
      td.remove { width: 28px; }
      .skus { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
      .sku .code { font-family: var(--wb-font-mono, monospace); }
      .sku .variant { color: var(--wb-muted, #616161); margin-left: 4px; }
      .sku.missing { background: var(--wb-danger-bg, #fde7e5); }
      .gifts-left { margin-left: 8px; color: var(--wb-muted, #616161); }
      .gifts-left.out { color: var(--wb-danger, #b3261e); font-weight: 600; }
    `,
  ];

  @property() kind: RuleKind = 'full-reduction';
  @property({ attribute: false }) rule!: RuleDraft;
  @property({ type: Boolean }) readonly = false;
  /** 满就送 of a saved promotion: gifts left (null: no limit) and given, as the server counts them. */
  @property({ attribute: false }) giftsLeft?: number | null;
  @property({ attribute: false }) giftsGiven?: number;
  /** What is known of the SKUs the rule names, by id: from the picker, or looked up. */
  @state() private skus = new Map<number, SkuHit>();
  /** Ids looked up that the server does not have (deleted since the rule was written). */
  @state() private notFound = new Set<number>();
  /** Ids asked for already or on their way, so none is asked for twice. */
  private asked = new Set<number>();

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rule') && this.rule) void this.lookUp([...(this.rule.gift ? [this.rule.gift] : []), ...this.rule.bundle]);
  }

  private async lookUp(named: RuleSku[]): Promise<void> {
    const ids = [...new Set(named.map((s) => s.id))].filter((id) => id > 0 && !this.skus.has(id) && !this.asked.has(id));
    if (!ids.length) return;
    ids.forEach((id) => this.asked.add(id));
    try {
      const page = await this.api.get<{ items: SkuHit[] }>('/listings/skus', { ids: ids.join(','), pageSize: ids.length });
      const known = new Map(this.skus);
      for (const sku of page.items) known.set(sku.id, sku);
      this.skus = known;
      this.notFound = new Set([...this.notFound, ...ids.filter((id) => !known.has(id))]);
    } catch (error) {
      ids.forEach((id) => this.asked.delete(id));
      this.notifications.error(error);
    }
  }

  private remember(sku: SkuHit): void {
    this.skus = new Map(this.skus).set(sku.id, sku);
  }

  /** 商家编码 and 颜色/尺码 of a SKU the rule names; its id until it is known. */
  private skuLabel(named: RuleSku) {
    const sku = this.skus.get(named.id);
    if (!sku) {
      return html`<span class="code">${named.code}</span>${this.notFound.has(named.id) ? html`<span class="variant">${this.t('（找不到这个 SKU）', '(SKU not found)')}</span>` : ''}`;
    }
    const variant = [sku.attributes['颜色'], sku.attributes['尺码']].filter((v) => v && v.trim()).join('/');
    return html`<span class="code">${sku.code}</span>${variant ? html`<span class="variant">${variant}</span>` : ''}`;
  }

  private skuTitle(named: RuleSku): string {
    const sku = this.skus.get(named.id);
    return sku ? [sku.productTitle, sku.code, ...Object.entries(sku.attributes).map(([k, v]) => `${k}：${v}`)].filter(Boolean).join(' · ') : `#${named.id}`;
  }

  override render() {
    switch (this.kind) {
      case 'full-reduction': return this.renderTiers();
      case 'full-gift': return this.renderGift();
      case 'percent':
        return html`<div class="grid"><label for="percent">${this.t('折扣（%，95 即 95 折）', 'Pay (%; 95 = 5 % off)')}</label>
          <input id="percent" name="percent" inputmode="decimal" .value=${this.rule.percent} ?readonly=${this.readonly} @input=${(e: Event) => this.set({ percent: this.value(e) })} /></div>`;
      case 'member': return this.renderLevels();
      case 'bundle': return this.renderBundle();
    }
  }

  private renderTiers() {
    const tiers = this.rule.tiers;
    const edit = (i: number, key: 'threshold' | 'amount') => (e: Event) => this.set({ tiers: tiers.map((t, j) => (j === i ? { ...t, [key]: this.value(e) } : t)) });
    return html`<table class="edit tiers" aria-label=${this.t('满减档位', 'Tiers')}>
        <thead><tr><th>${this.t('满（元）', 'Spend (¥)')}</th><th>${this.t('减（元）', 'Save (¥)')}</th><th></th></tr></thead>
        <tbody>${tiers.map((t, i) => html`<tr>
          <td><input name="threshold" inputmode="decimal" aria-label="${this.t('满', 'Spend')} ${i + 1}" .value=${t.threshold} ?readonly=${this.readonly} @input=${edit(i, 'threshold')} /></td>
          <td><input name="amount" inputmode="decimal" aria-label="${this.t('减', 'Save')} ${i + 1}" .value=${t.amount} ?readonly=${this.readonly} @input=${edit(i, 'amount')} /></td>
          <td class="remove">${this.readonly ? '' : html`<button class="link" aria-label="${this.t('删除档位', 'Remove tier')} ${i + 1}" @click=${() => this.set({ tiers: tiers.filter((_, j) => j !== i) })}>✕</button>`}</td>
        </tr>`)}</tbody>
      </table>
      ${this.readonly ? '' : html`<div class="actions"><button @click=${() => this.set({ tiers: [...tiers, { threshold: '', amount: '' }] })}>${this.t('添加一档', 'Add a tier')}</button></div>`}
      <p class="hint">${this.t('达到的最高一档生效。', 'The highest tier reached applies.')}</p>`;
  }

  private renderGift() {
    const r = this.rule;
    return html`<div class="grid">
      <label for="gthreshold">${this.t('满（元）', 'Spend (¥)')}</label>
      <input id="gthreshold" inputmode="decimal" .value=${r.giftThreshold} ?readonly=${this.readonly} @input=${(e: Event) => this.set({ giftThreshold: this.value(e) })} />
      <label>${this.t('赠品 SKU', 'Gift SKU')}</label>
      <div><div class="skus gift">${r.gift ? html`<span class="badge sku ${this.missing(r.gift) ? 'missing' : ''}" title=${this.skuTitle(r.gift)}>${this.skuLabel(r.gift)}</span>` : html`<span class="hint">${this.t('未选择', 'None yet')}</span>`}</div>
        ${this.readonly ? '' : html`<wb-listings-sku-picker label=${this.t('找赠品 SKU', 'Find the gift SKU')} @sku-pick=${(e: CustomEvent<{ sku: SkuHit }>) => this.pickGift(e.detail.sku)}></wb-listings-sku-picker>`}</div>
      <label for="gqty">${this.t('送几件', 'Gift quantity')}</label>
      <input id="gqty" inputmode="numeric" .value=${r.giftQty} ?readonly=${this.readonly} @input=${(e: Event) => this.set({ giftQty: this.value(e) })} />
      <label for="gcount">${this.t('赠品总数（送完为止）', 'Gifts in all (while they last)')}</label>
      <div><input id="gcount" name="giftCount" inputmode="numeric" placeholder=${this.t('不限', 'No limit')} .value=${r.giftCount} ?readonly=${this.readonly} @input=${(e: Event) => this.set({ giftCount: this.value(e) })} />
        ${this.giftsLeft === undefined || this.giftsLeft === null
          ? nothing
          : html`<span class="gifts-left ${this.giftsLeft === 0 ? 'out' : ''}">${this.giftsLeft === 0
              ? this.t('赠品已送完', 'All gifts given away')
              : this.t(`还剩 ${this.giftsLeft} 件（已送 ${this.giftsGiven ?? 0} 件）`, `${this.giftsLeft} left (${this.giftsGiven ?? 0} given)`)}</span>`}</div>
    </div>
    <p class="hint">${this.t('门槛别定得太高，也别太低：让多数顾客凑一凑就能拿到。', 'Set the threshold so most buyers reach it by adding a little.')}</p>`;
  }

  private renderLevels() {
    const levels = this.rule.levels;
    const edit = (i: number, part: 0 | 1) => (e: Event) => this.set({ levels: levels.map((l, j) => (j === i ? (part === 0 ? [this.value(e), l[1]] : [l[0], this.value(e)]) : l)) });
    return html`<table class="edit levels" aria-label=${this.t('会员等级', 'Member levels')}>
        <thead><tr><th>${this.t('等级', 'Level')}</th><th>${this.t('折扣（%）', 'Pay (%)')}</th><th></th></tr></thead>
        <tbody>${levels.map((l, i) => html`<tr>
          <td><input aria-label="${this.t('等级', 'Level')} ${i + 1}" .value=${l[0]} ?readonly=${this.readonly} @input=${edit(i, 0)} /></td>
          <td><input inputmode="decimal" aria-label="${this.t('折扣', 'Pay')} ${l[0]}" .value=${l[1]} ?readonly=${this.readonly} @input=${edit(i, 1)} /></td>
          <td class="remove">${this.readonly ? '' : html`<button class="link" aria-label="${this.t('删除等级', 'Remove level')} ${l[0]}" @click=${() => this.set({ levels: levels.filter((_, j) => j !== i) })}>✕</button>`}</td>
        </tr>`)}</tbody>
      </table>
      ${this.readonly ? '' : html`<div class="actions"><button @click=${() => this.set({ levels: [...levels, [`V${levels.length + 1}`, '']] })}>${this.t('添加等级', 'Add a level')}</button></div>`}`;
  }

  private renderBundle() {
    const r = this.rule;
    return html`<div class="grid">
      <label>${this.t('套餐内 SKU', 'SKUs in the bundle')}</label>
      <div><div class="skus bundle">${r.bundle.map((s) => html`<span class="badge sku ${this.missing(s) ? 'missing' : ''}" title=${this.skuTitle(s)}>${this.skuLabel(s)} ${this.readonly ? '' : html`<button class="link" aria-label="${this.t('去掉', 'Remove')} ${this.skus.get(s.id)?.code ?? s.code}" @click=${() => this.set({ bundle: r.bundle.filter((x) => x.id !== s.id) })}>✕</button>`}</span>`)}</div>
        ${this.readonly ? '' : html`<wb-listings-sku-picker label=${this.t('加入 SKU', 'Add a SKU')} @sku-pick=${(e: CustomEvent<{ sku: SkuHit }>) => this.addBundle(e.detail.sku)}></wb-listings-sku-picker>`}</div>
      <label for="bprice">${this.t('套餐价（元）', 'Bundle price (¥)')}</label>
      <input id="bprice" inputmode="decimal" .value=${r.bundlePrice} ?readonly=${this.readonly} @input=${(e: Event) => this.set({ bundlePrice: this.value(e) })} />
    </div>
    <p class="hint">${this.t('最多 5 件；同一款的不同颜色不要放进一个套餐。', 'At most 5 items; never one product in two colours.')}</p>`;
  }

  private pickGift(sku: SkuHit): void {
    this.remember(sku);
    this.set({ gift: { id: sku.id, code: sku.code } });
  }

  private missing(named: RuleSku): boolean {
    return !this.skus.has(named.id) && this.notFound.has(named.id);
  }

  private addBundle(sku: SkuHit): void {
    this.remember(sku);
    if (this.rule.bundle.some((s) => s.id === sku.id)) return;
    this.set({ bundle: [...this.rule.bundle, { id: sku.id, code: sku.code }] });
  }

  private value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private set(patch: Partial<RuleDraft>): void {
    this.rule = { ...this.rule, ...patch };
    this.dispatchEvent(new CustomEvent('rule-change', { detail: { rule: this.rule }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-promotion-rule': ListingsPromotionRule;
  }
}
