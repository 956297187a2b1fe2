import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { LocalizedText } from './i18n.js';
import { controlStyles } from './styles.js';
import { WbElement } from './wb-element.js';
import { PageCache, type Page, type TableQuery } from './data-table-cache.js';

export type { Page, TableQuery } from './data-table-cache.js';

export interface Column<T> {
  key: string;
  title: LocalizedText;
  type?: 'text' | 'number' | 'money' | 'datetime' | 'date';
  sortable?: boolean;
  filter?: 'text' | { options: { value: string; label: LocalizedText }[] };
  render?: (row: T) => unknown;
  /** Hidden until the user turns it on in the column menu. */
  hidden?: boolean;
  /** A CSS grid track, e.g. `120px` or `2fr`. */
  width?: string;
}

export interface BulkAction<T> {
  id: string;
  label: LocalizedText;
  danger?: boolean;
  /** Resolve to `false` when nothing was done (e.g. the user cancelled) to keep the selection. */
  run: (rows: T[]) => unknown;
}

const STRINGS = {
  'zh-CN': { search: '搜索', columns: '列', refresh: '刷新', total: '共 {n} 条', selected: '已选 {n} 条', empty: '没有数据', loading: '加载中…', retry: '重试', all: '全部', selectAll: '全选', selectRow: '选择这一行' },
  en: { search: 'Search', columns: 'Columns', refresh: 'Refresh', total: '{n} rows', selected: '{n} selected', empty: 'No rows', loading: 'Loading…', retry: 'Retry', all: 'All', selectAll: 'Select all', selectRow: 'Select this row' },
};

/**
 * A list from the server: paging, sorting and filtering through the standard query (`page`,
 * `pageSize`, `sort` = `field`/`-field`, `q`, one param per column filter), column choice, row
 * selection with bulk actions, keyboard navigation, and virtual scrolling — only the rows in
 * view exist in the DOM, and only the pages they fall on are fetched.
 *
 * @fires row-open - Enter or double-click on a row; detail: `{ row }`
 * @fires selection-change - detail: `{ rows }`
 * @slot empty - shown when there are no rows
 * @example
 * html`<wb-data-table source="/listings/products" storageKey="products" selectable
 *   .columns=${[{ key: 'title', title: { 'zh-CN': '商品', en: 'Product' }, sortable: true }, { key: 'price', title: '价格', type: 'money' }]}
 *   .bulkActions=${[{ id: 'off', label: '下架', run: (rows) => takeDown(rows) }]}
 *   @row-open=${(e) => open(e.detail.row)}></wb-data-table>`
 */
@customElement('wb-data-table')
export class WbDataTable<T extends Record<string, unknown> = Record<string, unknown>> extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: flex; flex-direction: column; height: 100%; min-height: 200px; }
      .bar { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; padding: 4px 0; }
      .bar input[type='search'] { flex: 1; min-width: 120px; }
      .count { color: var(--wb-muted, #6b6b6b); font-size: 12px; margin-left: auto; }
      .menu { position: relative; }
      .menu-list { position: absolute; right: 0; top: 100%; z-index: 5; background: var(--wb-raised, #fff); border: 1px solid var(--wb-border, #ccc); border-radius: 6px; padding: 6px 10px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.2); white-space: nowrap; }
      .menu-list label { display: flex; gap: 6px; align-items: center; }
      [role='grid'] { flex: 1; display: flex; flex-direction: column; min-height: 0; border: 1px solid var(--wb-border, #ddd); border-radius: 4px; }
      .row { display: grid; align-items: center; box-sizing: border-box; border-bottom: 1px solid var(--wb-border-soft, #eee); }
      .head { background: var(--wb-tabs-bg, #f3f3f3); font-weight: 600; font-size: 12px; }
      .cell { padding: 0 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      .head .cell[aria-sort] { cursor: pointer; user-select: none; }
      .body { flex: 1; overflow: auto; position: relative; outline: none; }
      .spacer { position: relative; }
      .body .row { position: absolute; left: 0; right: 0; cursor: default; }
      .body .row:hover { background: var(--wb-hover, #f0f0f0); }
      .body .row[aria-selected='true'] { background: var(--wb-selected, #dbeafe); }
      .body .row.active { box-shadow: inset 2px 0 0 var(--wb-accent, #0a64c8); }
      .body:focus-visible .row.active { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: -2px; }
      .state { padding: 16px; color: var(--wb-muted, #6b6b6b); }
      .failed { padding: 12px; color: var(--wb-danger, #c42b1c); display: flex; gap: 10px; align-items: center; }
    `,
  ];

  @property() source = '';
  @property({ attribute: false }) fetcher?: (query: TableQuery) => Promise<Page<T>>;
  @property({ attribute: false }) query: Record<string, string> = {};
  @property({ attribute: false }) columns: Column<T>[] = [];
  @property({ type: Boolean }) selectable = false;
  @property({ attribute: false }) bulkActions: BulkAction<T>[] = [];
  @property({ type: Number }) pageSize = 50;
  @property({ type: Number }) rowHeight = 32;
  @property() rowKey = 'id';
  @property() storageKey = '';

  @state() private sort = '';
  @state() private q = '';
  @state() private filters: Record<string, string> = {};
  @state() private shown = new Set<string>();
  @state() private menuOpen = false;
  @state() private active = 0;
  @state() private scrolled = 0;
  @state() private viewHeight = 400;
  @state() private selected = new Map<unknown, T>();
  private readonly cache = new PageCache<T>(() => this.requestUpdate());
  private searchTimer?: ReturnType<typeof setTimeout>;
  private resizeObserver = new ResizeObserver((entries) => (this.viewHeight = entries[0]?.contentRect.height ?? 400));

  private observedBody?: Element;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.observedBody = undefined;
  }

  // The scrolling body is drawn anew when the table goes from empty to rows (and back), so the
  // element whose height decides how many rows to draw is looked up after every update.
  protected override updated(): void {
    const body = this.renderRoot.querySelector('.body') ?? undefined;
    if (body === this.observedBody) return;
    this.resizeObserver.disconnect();
    this.observedBody = body;
    if (body) this.resizeObserver.observe(body);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('columns') || changed.has('storageKey')) this.shown = this.loadShown();
    if (['source', 'fetcher', 'query', 'sort', 'q', 'filters', 'pageSize'].some((k) => changed.has(k))) {
      this.cache.reset((page) => this.fetchPage(page));
      this.selected = new Map();
    }
  }

  /** Drops what is loaded and fetches the rows in view again. */
  async reload(): Promise<void> {
    this.cache.reset((page) => this.fetchPage(page));
    this.requestUpdate();
    await this.updateComplete;
  }

  selectedRows(): T[] {
    return [...this.selected.values()];
  }

  private fetchPage(page: number): Promise<Page<T>> {
    const query: TableQuery = { ...this.query, ...this.filters, page, pageSize: this.pageSize, ...(this.sort ? { sort: this.sort } : {}), ...(this.q ? { q: this.q } : {}) };
    if (this.fetcher) return this.fetcher(query);
    return this.api.get<Page<T>>(this.source, query);
  }

  private s(key: keyof (typeof STRINGS)['en'], n = 0): string {
    return STRINGS[this.i18n.locale === 'en' ? 'en' : 'zh-CN'][key].replace('{n}', String(n));
  }

  private visibleColumns(): Column<T>[] {
    return this.columns.filter((c) => this.shown.has(c.key));
  }

  private loadShown(): Set<string> {
    const fallback = this.columns.filter((c) => !c.hidden).map((c) => c.key);
    if (!this.storageKey) return new Set(fallback);
    try {
      const stored = JSON.parse(localStorage.getItem(`wb-table:${this.storageKey}`) ?? 'null') as string[] | null;
      return new Set(Array.isArray(stored) ? stored : fallback);
    } catch {
      return new Set(fallback);
    }
  }

  private toggleColumn(key: string, on: boolean) {
    const next = new Set(this.shown);
    if (on) next.add(key);
    else next.delete(key);
    this.shown = next;
    if (this.storageKey) localStorage.setItem(`wb-table:${this.storageKey}`, JSON.stringify([...next]));
  }

  override render() {
    const columns = this.visibleColumns();
    const tracks = [...(this.selectable ? ['36px'] : []), ...columns.map((c) => c.width ?? 'minmax(80px, 1fr)')].join(' ');
    const total = this.cache.total;
    return html`${this.renderBar(total)}
      <div role="grid" aria-rowcount=${total ?? -1} aria-colcount=${columns.length}>
        ${this.renderHead(columns, tracks)}
        ${this.cache.error
          ? html`<div class="failed" role="alert">${this.cache.error}<button @click=${() => void this.reload()}>${this.s('retry')}</button></div>`
          : total === 0
            ? html`<div class="state"><slot name="empty">${this.s('empty')}</slot></div>`
            : this.renderBody(columns, tracks, total)}
      </div>`;
  }

  private renderBar(total: number | undefined): TemplateResult {
    const chosen = this.selected.size;
    return html`<div class="bar">
      <input type="search" aria-label=${this.s('search')} placeholder=${this.s('search')} .value=${this.q} @input=${this._onSearch} />
      ${this.columns.filter((c) => c.filter).map((c) => this.renderFilter(c))}
      ${chosen ? html`<span>${this.s('selected', chosen)}</span>${this.bulkActions.map((a) => html`<button class=${a.danger ? 'danger' : ''} @click=${() => void this.runBulk(a)}>${this.i18n.text(a.label)}</button>`)}` : nothing}
      <span class="menu">
        <button aria-haspopup="true" aria-expanded=${this.menuOpen ? 'true' : 'false'} @click=${() => (this.menuOpen = !this.menuOpen)}>${this.s('columns')}</button>
        ${this.menuOpen
          ? html`<div class="menu-list" role="group" aria-label=${this.s('columns')} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.menuOpen = false)}>
              ${this.columns.map((c) => html`<label><input type="checkbox" .checked=${this.shown.has(c.key)} @change=${(e: Event) => this.toggleColumn(c.key, (e.target as HTMLInputElement).checked)} />${this.i18n.text(c.title)}</label>`)}
            </div>`
          : nothing}
      </span>
      <button @click=${() => void this.reload()}>${this.s('refresh')}</button>
      <span class="count" role="status">${total === undefined ? this.s('loading') : this.s('total', total)}</span>
    </div>`;
  }

  private renderFilter(c: Column<T>): TemplateResult {
    const label = this.i18n.text(c.title);
    const set = (value: string) => {
      const next = { ...this.filters };
      if (value) next[c.key] = value;
      else delete next[c.key];
      this.filters = next;
    };
    if (c.filter === 'text') return html`<input aria-label=${label} placeholder=${label} .value=${this.filters[c.key] ?? ''} @change=${(e: Event) => set((e.target as HTMLInputElement).value.trim())} />`;
    const options = c.filter!.options;
    return html`<select aria-label=${label} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      <option value="">${label}: ${this.s('all')}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${this.filters[c.key] === o.value}>${this.i18n.text(o.label)}</option>`)}
    </select>`;
  }

  private renderHead(columns: Column<T>[], tracks: string): TemplateResult {
    const loaded = this.cache.loadedRows();
    const allChecked = loaded.length > 0 && loaded.every((r) => this.selected.has(r[this.rowKey]));
    return html`<div class="row head" role="row" aria-rowindex="1" style=${styleMap({ gridTemplateColumns: tracks, height: `${this.rowHeight}px` })}>
      ${this.selectable ? html`<div class="cell" role="columnheader"><input type="checkbox" aria-label=${this.s('selectAll')} .checked=${allChecked} @change=${(e: Event) => this.selectLoaded((e.target as HTMLInputElement).checked)} /></div>` : nothing}
      ${columns.map((c) => {
        const dir = this.sort === c.key ? 'ascending' : this.sort === `-${c.key}` ? 'descending' : 'none';
        const numeric = c.type === 'number' || c.type === 'money';
        return c.sortable
          ? html`<div class="cell ${numeric ? 'num' : ''}" role="columnheader" aria-sort=${dir} tabindex="0" @click=${() => this.cycleSort(c.key)} @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), this.cycleSort(c.key))}>${this.i18n.text(c.title)} ${dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : ''}</div>`
          : html`<div class="cell ${numeric ? 'num' : ''}" role="columnheader">${this.i18n.text(c.title)}</div>`;
      })}
    </div>`;
  }

  private renderBody(columns: Column<T>[], tracks: string, total: number | undefined): TemplateResult {
    const count = total ?? 0;
    const first = Math.max(0, Math.floor(this.scrolled / this.rowHeight) - 5);
    const last = Math.min(count, Math.ceil((this.scrolled + this.viewHeight) / this.rowHeight) + 5);
    if (total === undefined) this.cache.ensure(0, this.pageSize, this.pageSize);
    else this.cache.ensure(first, last, this.pageSize);
    const rows: TemplateResult[] = [];
    for (let i = first; i < last; i++) {
      const row = this.cache.row(i, this.pageSize);
      const key = row?.[this.rowKey];
      const chosen = row !== undefined && this.selected.has(key);
      rows.push(html`<div class="row ${i === this.active ? 'active' : ''}" role="row" aria-rowindex=${i + 2} aria-selected=${chosen ? 'true' : 'false'}
          style=${styleMap({ gridTemplateColumns: tracks, height: `${this.rowHeight}px`, top: `${i * this.rowHeight}px` })}
          @click=${() => (this.active = i)} @dblclick=${() => row && this.open(row)}>
        ${this.selectable ? html`<div class="cell" role="gridcell"><input type="checkbox" tabindex="-1" aria-label=${this.s('selectRow')} .checked=${chosen} ?disabled=${!row} @click=${(e: Event) => e.stopPropagation()} @change=${() => row && this.toggle(row)} /></div>` : nothing}
        ${columns.map((c) => html`<div class="cell ${c.type === 'number' || c.type === 'money' ? 'num' : ''}" role="gridcell">${row ? this.cell(c, row) : '…'}</div>`)}
      </div>`);
    }
    return html`<div class="body" tabindex="0" aria-label=${this.s('total', count)} @scroll=${(e: Event) => (this.scrolled = (e.target as HTMLElement).scrollTop)} @keydown=${this._onKeyDown}>
      <div class="spacer" style=${styleMap({ height: `${count * this.rowHeight}px` })}>${rows}</div>
    </div>`;
  }

  private cell(c: Column<T>, row: T): unknown {
    if (c.render) return c.render(row);
    const value = row[c.key];
    switch (c.type) {
      case 'money': return this.i18n.money(value as number);
      case 'datetime': return this.i18n.dateTime(value as string);
      case 'date': return this.i18n.date(value as string);
      case 'number': return typeof value === 'number' ? this.i18n.number(value) : '';
      default: return value === null || value === undefined ? '' : String(value);
    }
  }

  private cycleSort(key: string) {
    this.sort = this.sort === key ? `-${key}` : this.sort === `-${key}` ? '' : key;
  }

  private _onSearch(event: Event) {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.q = value.trim()), 250);
  }

  private _onKeyDown(event: KeyboardEvent) {
    const count = this.cache.total ?? 0;
    if (!count) return;
    const pageRows = Math.max(1, Math.floor(this.viewHeight / this.rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: this.active + 1, ArrowUp: this.active - 1, PageDown: this.active + pageRows, PageUp: this.active - pageRows, Home: 0, End: count - 1 };
    const row = this.cache.row(this.active, this.pageSize);
    if (event.key in moves) {
      this.active = Math.max(0, Math.min(count - 1, moves[event.key]!));
      const body = event.currentTarget as HTMLElement;
      const top = this.active * this.rowHeight;
      if (top < body.scrollTop) body.scrollTop = top;
      else if (top + this.rowHeight > body.scrollTop + body.clientHeight) body.scrollTop = top + this.rowHeight - body.clientHeight;
    } else if (event.key === 'Enter' && row) this.open(row);
    else if (event.key === ' ' && row && this.selectable) this.toggle(row);
    else return;
    event.preventDefault();
  }

  private open(row: T) {
    this.dispatchEvent(new CustomEvent('row-open', { detail: { row }, bubbles: true, composed: true }));
  }

  private toggle(row: T) {
    const next = new Map(this.selected);
    const key = row[this.rowKey];
    if (next.has(key)) next.delete(key);
    else next.set(key, row);
    this.setSelection(next);
  }

  private selectLoaded(on: boolean) {
    this.setSelection(on ? new Map(this.cache.loadedRows().map((r) => [r[this.rowKey], r])) : new Map());
  }

  private setSelection(next: Map<unknown, T>) {
    this.selected = next;
    this.dispatchEvent(new CustomEvent('selection-change', { detail: { rows: [...next.values()] }, bubbles: true, composed: true }));
  }

  private async runBulk(action: BulkAction<T>) {
    try {
      // `false` means the action did nothing (the user said no): keep the selection as it is.
      if ((await action.run(this.selectedRows())) === false) return;
      this.setSelection(new Map());
      await this.reload();
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-data-table': WbDataTable;
  }
}
