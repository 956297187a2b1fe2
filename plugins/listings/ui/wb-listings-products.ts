import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type Column, listPanelStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import type { Product } from '../server/types.js';
import { tip } from './cell-tip.js';
import { LISTING_STATUS, filterOptions } from './labels.js';
import type { CategoryChoice } from './wb-listings-category-list.js';
import './wb-listings-category-list.js';
import './wb-listings-import-dialog.js';

type ProductRow = Product & { skuCount: number; priceMin: number | null; priceMax: number | null; categoryName: string | null } & Record<string, unknown>;

/**
 * The 商品 view in the side bar: categories above, the products of the chosen one below, and
 * the toolbar to add, import and export. Enter or a double-click opens a product in a tab.
 */
@customElement('wb-listings-products')
export class ListingsProducts extends WbElement {
  static override styles = [
    listPanelStyles,
  ];

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['listings.products', 'listings.review', 'listings.categories'], { reload: () => this.reload() });
  @state() private category: CategoryChoice = '';
  /** The table's filter, made anew only when the category changes: a new object would refetch the list on every render. */
  @state() private query: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back into the page after a while away (changes were not heard meanwhile): fetch afresh.
    if (this.hasUpdated) this.reload();
  }

  private reload(): void {
    void this.renderRoot.querySelector('wb-data-table')?.reload();
  }

  private choose(category: CategoryChoice): void {
    this.category = category;
    this.query = category ? { categoryId: category } : {};
  }

  override render() {
    const editable = this.workbench.can('listings.products.edit');
    const columns: Column<ProductRow>[] = [
      { key: 'title', title: { 'zh-CN': '商品', en: 'Product' }, sortable: true, width: 'minmax(120px, 3fr)', render: (r) => tip(r.title) },
      { key: 'itemCode', title: { 'zh-CN': '货号', en: 'Item code' }, sortable: true, hidden: true },
      { key: 'status', title: { 'zh-CN': '状态', en: 'Status' }, width: '72px', filter: { options: filterOptions(LISTING_STATUS) }, render: (r) => this.i18n.text(LISTING_STATUS[r.status]) },
      { key: 'priceMin', title: { 'zh-CN': '价格', en: 'Price' }, type: 'money', width: '84px', render: (r) => this.priceRange(r) },
      { key: 'skuCount', title: 'SKU', type: 'number', width: '48px', hidden: true },
      { key: 'categoryName', title: { 'zh-CN': '分类', en: 'Category' }, hidden: true, render: (r) => r.categoryName ?? this.t('未分类', 'Uncategorised') },
      { key: 'updatedAt', title: { 'zh-CN': '更新时间', en: 'Updated' }, type: 'datetime', sortable: true, hidden: true },
    ];
    return html`<wb-toolbar label=${this.t('商品', 'Products')}>
        ${editable ? html`<button class="new" @click=${() => void this.commands.run('listings.newProduct')}>${this.t('新建商品', 'New product')}</button>` : nothing}
        ${editable ? html`<button class="import" @click=${() => this.renderRoot.querySelector('wb-listings-import-dialog')?.show()}>${this.t('导入 CSV', 'Import CSV')}</button>` : nothing}
        <button class="export" @click=${() => this.download({}, 'products.csv')}>${this.t('导出 CSV', 'Export CSV')}</button>
        <button class="export-gbk" title=${this.t('给旧版 Excel 用的 GBK 编码', 'GBK, for older Excel')} @click=${() => this.download({ encoding: 'gbk' }, 'products-gbk.csv')}>${this.t('导出 GBK', 'Export GBK')}</button>
      </wb-toolbar>
      <wb-listings-category-list value=${this.category} @category-select=${(e: CustomEvent<{ value: CategoryChoice }>) => this.choose(e.detail.value)}></wb-listings-category-list>
      <wb-data-table source="/listings/products" storageKey="listings-products" .columns=${columns} .query=${this.query}
        @row-open=${(e: CustomEvent<{ row: ProductRow }>) => this.workbench.openEditor({ opens: 'product', id: String(e.detail.row.id), title: e.detail.row.title })}>
        <span slot="empty">${this.t('这里还没有商品', 'No products here yet')}</span>
      </wb-data-table>
      <wb-listings-import-dialog></wb-listings-import-dialog>`;
  }

  /**
   * Downloads the export of what the list shows (its category); buttons rather than links keep the
   * toolbar one Tab stop with the arrow keys inside.
   */
  private download(extra: Record<string, string>, name: string): void {
    const link = document.createElement('a');
    link.href = this.api.url('/listings/products/export.csv', { ...this.query, ...extra });
    link.download = name;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
  }

  private priceRange(row: ProductRow): string {
    if (row.priceMin === null || row.priceMin === undefined) return '';
    if (row.priceMax === null || row.priceMax === undefined || row.priceMax === row.priceMin) return this.i18n.money(row.priceMin);
    return `${this.i18n.money(row.priceMin)}+`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-products': ListingsProducts;
  }
}
