import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';

type Rating = 'good' | 'neutral' | 'bad';
interface ReviewRow {
  id: number;
  orderNo: string;
  rating: Rating;
  firstRating: Rating;
  text: string;
  reviewedOn: string;
  reply: string | null;
  workState: 'open' | 'changed' | 'closed' | null;
  dueOn: string | null;
  praised: { code: string; name: string }[];
}

/**
 * Buyers' reviews with their public replies: all of them newest first, or the 中差评 still being
 * worked, earliest due first. A reply is written in place; Enter in the box saves it.
 */
@customElement('wb-after-sales-reviews')
export class AfterSalesReviewsView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 8px; height: 100%; padding: 12px; box-sizing: border-box; overflow: auto; }
    .bar { display: flex; gap: 8px; align-items: center; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    li { border: 1px solid var(--wb-border, #ddd); border-radius: 4px; padding: 8px 12px; }
    .head { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .rating { font-weight: 600; padding: 0 6px; border-radius: 3px; }
    .rating.good { color: #1b5e20; background: #e8f5e9; }
    .rating.neutral { color: #6d4c00; background: #fff4d6; }
    .rating.bad { color: #8e0000; background: #fde7e7; }
    .overdue { color: #8e0000; font-weight: 600; }
    .text { margin: 4px 0; white-space: pre-wrap; }
    .reply { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid var(--wb-accent, #1565c0); }
    form { display: flex; gap: 8px; margin-top: 4px; }
    form input { flex: 1; }
    .muted { color: var(--wb-muted, #595959); }
  `];
  @state() private items: ReviewRow[] = [];
  @state() private show: 'all' | 'open' = 'all';
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: ReviewRow[] }>('/after-sales/reviews', { show: this.show })).items;
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(`after-sales.reviews.${key}`, params);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    return html`<div class="bar" role="group" aria-label=${t('title')}>
        <label><input type="radio" name="show" .checked=${this.show === 'all'} @change=${() => this.switchTo('all')} /> ${t('all')}</label>
        <label><input type="radio" name="show" .checked=${this.show === 'open'} @change=${() => this.switchTo('open')} /> ${t('open')}</label>
      </div>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${this.items.length === 0 ? html`<p class="muted">${t('none')}</p>` : nothing}
      <ul>
        ${this.items.map((r) => html`<li data-review=${r.id}>
          <div class="head">
            <span class="rating ${r.rating}">${t(r.rating)}</span>
            <span>${t('order')} ${r.orderNo}</span>
            <span class="muted">${r.reviewedOn}</span>
            ${r.rating !== r.firstRating ? html`<span class="muted">${t('was', { rating: t(r.firstRating) })}</span>` : nothing}
            ${r.workState === 'open' && r.dueOn
              ? html`<span class=${r.dueOn < today ? 'overdue' : ''}>${t('due', { day: r.dueOn })}</span>`
              : r.workState ? html`<span class="muted">${t(r.workState)}</span>` : nothing}
            ${r.praised.length ? html`<span>${t('praised', { names: r.praised.map((p) => `${p.name}（${p.code}）`).join('、') })}</span>` : nothing}
          </div>
          <p class="text">${r.text || html`<span class="muted">${t('noText')}</span>`}</p>
          ${r.reply ? html`<p class="reply"><strong>${t('reply')}：</strong>${r.reply}</p>` : nothing}
          ${this.workbench.can('after-sales.reviews.write')
            ? html`<form @submit=${(e: Event) => void this.saveReply(e, r.id)}>
                <input name="reply" aria-label=${t('reply')} placeholder=${r.reply ? t('changeReply') : t('writeReply')} />
                <button type="submit">${t('save')}</button>
              </form>`
            : nothing}
        </li>`)}
      </ul>`;
  }

  private switchTo(show: 'all' | 'open'): void {
    this.show = show;
    void this.load();
  }

  private async saveReply(event: Event, id: number): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    try {
      await this.api.put(`/after-sales/reviews/${id}/reply`, { text: input.value });
      input.value = '';
      this.notifications.notify('success', this.i18n.t('after-sales.reviews.saved'));
      await this.load();
    } catch (error) {
      // The server says what to change, in the user's language.
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-reviews': AfterSalesReviewsView;
  }
}
