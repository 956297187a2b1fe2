import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, reportDirty, WbElement } from '@workbench/ui';
import type { Category } from '../server/types.js';
import { titleLength } from '../shared/title-length.js';
import { editedVersion, emptyDraft, formPath, problemRow, productBody, skuBody, skuChanges, toDraft, type DraftProblem, type ProductDetail, type ProductDraft } from './product-draft.js';
import { listingsStyles } from './styles.js';
import type { ChecklistResult } from './wb-listings-checklist.js';
import './wb-listings-attribute-rows.js';
import './wb-listings-checklist.js';
import './wb-listings-competitor-prices.js';
import './wb-listings-image-rows.js';
import './wb-listings-product-history.js';
import './wb-listings-product-revision.js';
import './wb-listings-product-workflow.js';
import './wb-listings-sku-table.js';

/** `new`, an empty id or `new-…` (one per 新建商品) open a blank product. */
const isNew = (id: string) => id === '' || id === 'new' || id.startsWith('new-');

/**
 * One product in a tab: its fields, SKUs, images and attributes; the listing checklist and the
 * workflow beside them. Saving is one request with the versions it read (the product's and each
 * changed SKU's); a stale one reloads and says why, any other refusal keeps the draft and marks the field.
 */
@customElement('wb-listings-product-editor')
export class ListingsProductEditor extends WbElement {
  static override styles = [
    controlStyles,
    listingsStyles,
    css`
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 24px; align-items: start; }
      /* The editor's own width decides, not the window's: the side bar may take a third of a small screen. */
      :host { display: block; container-type: inline-size; }
      @container (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
      aside { border-left: 1px solid var(--wb-border-soft, #ececec); padding-left: 16px; }
      .title-row { display: flex; gap: 8px; align-items: center; }
      .title-row input { flex: 1; }
      .counter.over { color: var(--wb-danger, #b3261e); font-weight: 600; }
      .problems { margin: 8px 0; }
    `,
  ];

  @property() recordId = '';
  @state() private product?: ProductDetail;
  @state() private draft: ProductDraft = emptyDraft();
  @state() private categories: Category[] = [];
  @state() private checklist?: ChecklistResult;
  @state() private problems: DraftProblem[] = [];
  @state() private dirty = false;
  @state() private busy = false;
  @state() private titleMax = 30;
  @state() private loadError = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<{ items: Category[] }>('/listings/categories').then((r) => (this.categories = r.items), (e: unknown) => this.notifications.error(e));
    // Staff without the settings page keep the shop's default of 30.
    if (this.workbench.can('core.settings.read')) this.loadTitleLimit();
  }

  private loadTitleLimit(): void {
    void this.settings
      .get('listings')
      .then((s) => (this.titleMax = (s.value as { checklist?: { titleMaxChars?: number } }).checklist?.titleMaxChars ?? 30))
      .catch((e: unknown) => this.notifications.error(e));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('recordId')) {
      if (isNew(this.recordId)) {
        this.product = undefined;
        this.draft = emptyDraft();
      } else void this.load();
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    // The tab shows the unsaved changes, and closing it asks first.
    if (changed.has('dirty')) reportDirty(this, this.dirty);
  }

  private async load(id = this.product?.id ?? Number(this.recordId)): Promise<void> {
    try {
      this.product = await this.api.get<ProductDetail>(`/listings/products/${id}`);
      const edited = editedVersion(this.product);
      this.draft = toDraft({ ...edited.product, skus: [...edited.skus, ...edited.newSkus] });
      this.dirty = false;
      this.problems = [];
      this.loadError = '';
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.loadError) return html`<p class="error" role="alert">${this.loadError}</p>`;
    if (!isNew(this.recordId) && !this.product) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const edit = this.workbench.can('listings.products.edit');
    const d = this.draft;
    const length = titleLength(d.title);
    const invalid = new Set(this.problems.map((p) => p.path));
    const field = (path: string) => (invalid.has(path) ? 'true' : 'false');
    const set = (patch: Partial<ProductDraft>) => ((this.draft = { ...this.draft, ...patch }), (this.dirty = true));
    const input = (key: 'itemCode' | 'shippingTemplate' | 'showcaseSlot') => (e: Event) => set({ [key]: (e.target as HTMLInputElement).value });
    return html`<div class="layout">
      <div class="form">
        <h2>${this.product ? this.product.title : this.t('新建商品', 'New product')}</h2>
        ${this.product?.revision
          ? html`<p class="hint pending-note">${this.t('下面是修改后的内容，审核通过前顾客看到的仍是原来的（见“待审核的修改”）。', 'Below is the changed version; until it is approved buyers see the listed one (see “Changes awaiting review”).')}</p>`
          : nothing}
        <section class="grid">
          <label for="title">${this.t('标题', 'Title')}</label>
          <div class="title-row">
            <input id="title" name="title" .value=${d.title} ?readonly=${!edit} aria-invalid=${field('/title')} aria-describedby="title-count" @input=${(e: Event) => set({ title: (e.target as HTMLInputElement).value })} />
            <span id="title-count" class="counter ${length > this.titleMax ? 'over' : ''}" aria-live="polite">${length} / ${this.titleMax}</span>
          </div>
          <label for="itemCode">${this.t('货号', 'Item code')}</label>
          <input id="itemCode" name="itemCode" .value=${d.itemCode} ?readonly=${!edit} aria-invalid=${field('/itemCode')} @input=${input('itemCode')} />
          <label for="category">${this.t('分类', 'Category')}</label>
          <select id="category" name="categoryId" ?disabled=${!edit} @change=${(e: Event) => set({ categoryId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${d.categoryId === ''}>${this.t('未分类', 'Uncategorised')}</option>
            ${this.categories.map((c) => html`<option value=${String(c.id)} ?selected=${d.categoryId === String(c.id)}>${c.parentId === null ? '' : '　'}${c.name}</option>`)}
          </select>
          <label for="shipping">${this.t('运费模板', 'Shipping template')}</label>
          <input id="shipping" name="shippingTemplate" .value=${d.shippingTemplate} ?readonly=${!edit} @input=${input('shippingTemplate')} />
          <label for="showcase">${this.t('橱窗推荐位', 'Showcase slot')}</label>
          <input id="showcase" name="showcaseSlot" inputmode="numeric" .value=${d.showcaseSlot} ?readonly=${!edit} aria-invalid=${field('/showcaseSlot')} placeholder=${this.t('不推荐则留空', 'Empty for none')} @input=${input('showcaseSlot')} />
          <label for="description">${this.t('描述', 'Description')}</label>
          <textarea id="description" name="description" .value=${d.description} ?readonly=${!edit} @input=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
        </section>
        <h3>${this.t('属性', 'Attributes')}</h3>
        <wb-listings-attribute-rows .pairs=${d.attributes} ?readonly=${!edit} @pairs-change=${(e: CustomEvent<{ pairs: [string, string][] }>) => set({ attributes: e.detail.pairs })}></wb-listings-attribute-rows>
        <h3>${this.t('图片', 'Images')}</h3>
        <wb-listings-image-rows .images=${d.images} ?readonly=${!edit} @images-change=${(e: CustomEvent<{ images: ProductDraft['images'] }>) => set({ images: e.detail.images })}></wb-listings-image-rows>
        <h3>SKU</h3>
        <wb-listings-sku-table .rows=${d.skus} ?readonly=${!edit} .invalid=${invalid} @rows-change=${(e: CustomEvent<{ rows: ProductDraft['skus'] }>) => set({ skus: e.detail.rows })}></wb-listings-sku-table>
        ${this.product ? html`<wb-listings-competitor-prices productId=${this.product.id} stamp=${this.product.version}></wb-listings-competitor-prices>` : nothing}
        ${this.problems.length ? html`<ul class="problems error" role="alert">${this.problems.map((p) => html`<li>${this.i18n.text(p.message)}</li>`)}</ul>` : nothing}
        ${edit
          ? html`<div class="actions">
              <button class="primary save" ?disabled=${this.busy} @click=${() => void this.save()}>${this.t('保存', 'Save')}</button>
              ${this.product && this.dirty ? html`<button @click=${() => void this.load()}>${this.t('放弃修改', 'Discard changes')}</button>` : nothing}
            </div>`
          : nothing}
      </div>
      <aside>${this.renderSide()}</aside>
    </div>`;
  }

  private renderSide() {
    const p = this.product;
    return html`${p?.revision ? html`<wb-listings-product-revision .product=${p} @product-changed=${() => void this.load()}></wb-listings-product-revision>` : nothing}
      <h3>${this.t('上架流程', 'Listing workflow')}</h3>
      ${p ? html`<wb-listings-product-workflow .product=${p} .checklist=${this.checklist} ?dirty=${this.dirty} @product-changed=${() => void this.load()}></wb-listings-product-workflow>` : nothing}
      <h3>${this.t('上架检查', 'Listing checklist')}</h3>
      <wb-listings-checklist productId=${p?.id ?? 0} stamp=${p?.version ?? 0} @checklist-change=${(e: CustomEvent<{ result: ChecklistResult }>) => (this.checklist = e.detail.result)}></wb-listings-checklist>
      ${p
        ? html`<details class="history-box"><summary>${this.t('历史记录', 'History')}</summary>
            <wb-listings-product-history productId=${p.id} stamp=${p.version}></wb-listings-product-history></details>`
        : nothing}`;
  }

  private async save(): Promise<void> {
    const problems: DraftProblem[] = [];
    const body = productBody(this.draft, problems);
    const before = this.product;
    const skus = before ? skuChanges(this.draft.skus, editedVersion(before).skus, problems) : undefined;
    const created = before ? [] : this.draft.skus.map((s, i) => skuBody(s, i, problems));
    this.problems = problems;
    if (problems.length) return;
    this.busy = true;
    try {
      // One request either way, so a refused SKU never leaves the product half saved.
      this.product = before
        ? await this.api.patch<ProductDetail>(`/listings/products/${before.id}`, { ...body, skus: skus!.changes, version: before.version })
        : await this.api.post<ProductDetail>('/listings/products', { ...body, skus: created });
      const waiting = this.product.revision?.id !== undefined;
      await this.load(this.product.id);
      this.notifications.notify(
        'success',
        waiting ? this.t('已保存；标题、图片、售价等改动要另一位同事审核通过后才生效', 'Saved; changes to title, images, prices and the like apply once a colleague approves them') : this.t('已保存', 'Saved'),
      );
      changes.announce('listings.products');
      if (waiting) changes.announce('listings.review');
      // A new product's tab becomes the saved product's (so opening it from the list finds this
      // tab), and a renamed one shows its new title.
      this.workbench.replaceEditor({ opens: 'product', id: this.recordId }, { opens: 'product', id: String(this.product!.id), title: this.product!.title });
    } catch (error) {
      if (before && error instanceof ApiError && isStale(error)) {
        await this.load(before.id);
        this.notifications.notify('warning', this.t('别人刚改过这个商品，已载入最新内容，请再改一次。', 'Someone else changed this product; the latest version is loaded — make your change again.'));
      } else {
        // Nothing was saved, so the draft stays as typed and the refused row is marked for correction.
        if (error instanceof ApiError) this.problems = error.fields.map((f) => fieldProblem(formPath(f.path, skus?.rows ?? { create: [], update: [] }), f.message, error.message));
        this.notifications.error(error);
      }
    } finally {
      this.busy = false;
    }
  }
}

/**
 * A refusal because what the editor read is out of date: a stale version of the product or of one
 * of its SKUs (409 at a version, or with no field), or a SKU someone else deleted (404). Reloading
 * is the way out; any other refusal (a 商家编码 in use, say) is fixed in the draft, which is kept.
 */
function isStale(error: ApiError): boolean {
  if (error.status === 409) return error.fields.every((f) => f.path === '/version' || f.path.endsWith('/version'));
  return error.status === 404 && error.fields.some((f) => f.path.startsWith('/skus/'));
}

function fieldProblem(path: string, message: string, detail: string): DraftProblem {
  const row = problemRow(path);
  return row === undefined
    ? { path, message: { 'zh-CN': `${path} ${message}`, en: `${path} ${message}` } }
    : { path, message: { 'zh-CN': `第 ${row + 1} 行 SKU：${detail}`, en: `SKU row ${row + 1}: ${detail}` } };
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-product-editor': ListingsProductEditor;
  }
}
