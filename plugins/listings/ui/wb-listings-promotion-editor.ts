import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, fromLocalInput, localInputIn, toLocalInput, WbElement } from '@workbench/ui';
import type { Category, Coupon, Promotion } from '../server/types.js';
import { PROMOTION_KIND, PROMOTION_STATUS } from './labels.js';
import type { DraftProblem } from './product-draft.js';
import { draftToRule, emptyRule, ruleToDraft, type RuleDraft, type RuleKind } from './promotion-draft.js';
import { listingsStyles } from './styles.js';
import './wb-listings-coupon-form.js';
import './wb-listings-product-picker.js';
import './wb-listings-promotion-rule.js';

const KINDS: RuleKind[] = ['full-reduction', 'full-gift', 'percent', 'member', 'bundle'];

/**
 * One promotion or coupon in a tab. Record ids: `promotion-7`, `coupon-3`, or `new-promotion` /
 * `new-coupon` for a blank one. Promotions save with their version; a 409 reloads.
 */
@customElement('wb-listings-promotion-editor')
export class ListingsPromotionEditor extends WbElement {
  static override styles = [controlStyles, listingsStyles];

  @property() recordId = '';
  @state() private promotion?: Promotion;
  @state() private coupon?: Coupon;
  @state() private name = '';
  @state() private kind: RuleKind = 'full-reduction';
  @state() private rule: RuleDraft = emptyRule();
  @state() private startsAt = '';
  @state() private endsAt = '';
  @state() private productIds: number[] = [];
  @state() private categoryIds: number[] = [];
  @state() private categories: Category[] = [];
  @state() private problems: DraftProblem[] = [];
  @state() private error = '';

  private get isCoupon(): boolean {
    return this.recordId.includes('coupon');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<{ items: Category[] }>('/listings/categories').then((r) => (this.categories = r.items), (e: unknown) => this.notifications.error(e));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('recordId')) return;
    const id = Number(/-(\d+)$/.exec(this.recordId)?.[1]);
    if (id) void this.load(id);
    else this.fill(undefined);
  }

  private async load(id: number): Promise<void> {
    try {
      if (this.isCoupon) {
        this.coupon = await this.api.get<Coupon>(`/listings/coupons/${id}`);
      } else this.fill(await this.api.get<Promotion>(`/listings/promotions/${id}`));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private fill(p: Promotion | undefined): void {
    const zone = this.i18n.timeZone;
    this.promotion = p;
    this.name = p?.name ?? '';
    this.kind = p?.kind ?? 'full-reduction';
    this.rule = p ? ruleToDraft(p.rule) : emptyRule();
    this.startsAt = p ? toLocalInput(p.startsAt, zone) : localInputIn(0, zone);
    this.endsAt = p ? toLocalInput(p.endsAt, zone) : localInputIn(7, zone);
    this.productIds = p?.scope.productIds ?? [];
    this.categoryIds = p?.scope.categoryIds ?? [];
    this.problems = [];
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.isCoupon) {
      return html`<h2>${this.coupon ? this.coupon.name : this.t('新建优惠券', 'New coupon')}</h2>
        <wb-listings-coupon-form .coupon=${this.coupon} @coupon-saved=${(e: CustomEvent<{ coupon: Coupon }>) => (this.coupon = e.detail.coupon)}></wb-listings-coupon-form>`;
    }
    const p = this.promotion;
    const ended = p?.status === 'ended';
    const text = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
    return html`<h2>${p ? p.name : this.t('新建促销', 'New promotion')}</h2>
      ${p ? html`<p><span class="badge">${this.i18n.text(PROMOTION_STATUS[p.status])}</span> ${p.suspendedReason ? html`<span class="warn">${p.suspendedReason}</span>` : nothing}</p>` : nothing}
      <section class="grid">
        <label for="pname">${this.t('名称', 'Name')}</label>
        <input id="pname" name="name" .value=${this.name} ?readonly=${ended} @input=${text((v) => (this.name = v))} />
        <label for="kind">${this.t('类型', 'Kind')}</label>
        <select id="kind" name="kind" ?disabled=${p !== undefined} @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as RuleKind)}>
          ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${this.i18n.text(PROMOTION_KIND[k])}</option>`)}
        </select>
        <label for="starts">${this.t('开始', 'Starts')}</label>
        <input id="starts" type="datetime-local" .value=${this.startsAt} ?readonly=${ended} @input=${text((v) => (this.startsAt = v))} />
        <label for="ends">${this.t('结束', 'Ends')}</label>
        <input id="ends" type="datetime-local" .value=${this.endsAt} ?readonly=${ended} @input=${text((v) => (this.endsAt = v))} />
      </section>
      <h3>${this.i18n.text(PROMOTION_KIND[this.kind])}</h3>
      <wb-listings-promotion-rule kind=${this.kind} .rule=${this.rule} .giftsLeft=${p?.giftsLeft} .giftsGiven=${p?.giftsGiven} ?readonly=${ended} @rule-change=${(e: CustomEvent<{ rule: RuleDraft }>) => (this.rule = e.detail.rule)}></wb-listings-promotion-rule>
      ${this.kind === 'bundle' ? nothing : this.renderScope(ended)}
      ${this.problems.length ? html`<ul class="error" role="alert">${this.problems.map((x) => html`<li>${this.i18n.text(x.message)}</li>`)}</ul>` : nothing}
      ${ended
        ? nothing
        : html`<div class="actions">
            <button class="primary save" @click=${() => void this.save()}>${this.t('保存', 'Save')}</button>
            ${p ? html`<button class="danger end" @click=${() => void this.end()}>${this.t('结束促销', 'End promotion')}</button>` : nothing}
          </div>`}`;
  }

  private renderScope(readonly: boolean) {
    const toggle = (id: number, on: boolean) => (this.categoryIds = on ? [...this.categoryIds, id] : this.categoryIds.filter((x) => x !== id));
    return html`<h3>${this.t('适用范围', 'Applies to')}</h3>
      <p class="hint">${this.t('商品和分类都不选，就是全店。', 'Choose neither products nor categories for the whole shop.')}</p>
      <div class="row">${this.categories.map((c) => html`<label><input type="checkbox" ?disabled=${readonly} .checked=${this.categoryIds.includes(c.id)} @change=${(e: Event) => toggle(c.id, (e.target as HTMLInputElement).checked)} />${c.name}</label>`)}</div>
      <wb-listings-product-picker .ids=${this.productIds} ?readonly=${readonly} @products-change=${(e: CustomEvent<{ ids: number[] }>) => (this.productIds = e.detail.ids)}></wb-listings-product-picker>`;
  }

  private async save(): Promise<void> {
    const problems: DraftProblem[] = [];
    const rule = draftToRule(this.kind, this.rule, problems);
    const startsAt = fromLocalInput(this.startsAt, this.i18n.timeZone);
    const endsAt = fromLocalInput(this.endsAt, this.i18n.timeZone);
    if (!this.name.trim()) problems.push({ path: '/name', message: { 'zh-CN': '请填写促销名称', en: 'Enter a name' } });
    if (!startsAt || !endsAt) problems.push({ path: '/startsAt', message: { 'zh-CN': '请填写开始和结束时间', en: 'Enter when it starts and ends' } });
    this.problems = problems;
    if (problems.length) return;
    const scope = this.kind === 'bundle' ? {} : { ...(this.productIds.length ? { productIds: this.productIds } : {}), ...(this.categoryIds.length ? { categoryIds: this.categoryIds } : {}) };
    const body = { name: this.name.trim(), rule, scope, startsAt, endsAt };
    const before = this.promotion;
    try {
      const saved = before
        ? await this.api.patch<Promotion>(`/listings/promotions/${before.id}`, { ...body, version: before.version })
        : await this.api.post<Promotion>('/listings/promotions', { ...body, kind: this.kind });
      this.fill(saved);
      this.notifications.notify('success', this.t('促销已保存', 'Promotion saved'));
      changes.announce('listings.promotions');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && before) {
        await this.load(before.id);
        this.notifications.notify('warning', this.t('别人刚改过这个促销，已载入最新内容。', 'Someone else changed this promotion; the latest is loaded.'));
      } else this.notifications.error(error);
    }
  }

  private async end(): Promise<void> {
    try {
      this.fill(await this.api.post<Promotion>(`/listings/promotions/${this.promotion!.id}/end`, { version: this.promotion!.version }));
      changes.announce('listings.promotions');
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-promotion-editor': ListingsPromotionEditor;
  }
}
