import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, confirmDialog, controlStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import type { Category } from '../server/types.js';

/** '' is every product, 'none' the uncategorised ones, otherwise a category id. */
export type CategoryChoice = '' | 'none' | `${number}`;

interface Entry {
  value: CategoryChoice;
  label: string;
  child: boolean;
  category?: Category;
}

/** The small form under the list: a new category (with its parent) or a new name for one. */
type CategoryForm = { mode: 'add'; name: string; parentId: string } | { mode: 'rename'; name: string; category: Category };

/**
 * The category tree of the products view as one listbox: 全部, 未分类, then each category with
 * its children indented. ↑/↓ move, Home/End jump, Enter or a click chooses.
 *
 * With 编辑商品 (`listings.products.edit`) buttons under the list add, rename, move and delete
 * categories, and keys on the list do the same to the focused category: Insert adds one, F2
 * renames it, Alt+↑ / Alt+↓ move it among its siblings, Delete deletes it (after asking: its
 * products become 未分类宝贝). Categories nest one level, so a new one goes at the top level or
 * under a top-level one. Without the permission there are neither buttons nor editing keys.
 *
 * @fires category-select - detail: `{ value: CategoryChoice }`
 */
@customElement('wb-listings-category-list')
export class ListingsCategoryList extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      [role='listbox'] { outline: none; border: 1px solid var(--wb-border, #d4d4d4); border-radius: 4px; padding: 2px 0; max-height: 180px; overflow: auto; }
      [role='option'] { padding: 2px 8px; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      [role='option'].child { padding-left: 24px; }
      [role='option'][aria-selected='true'] { background: var(--wb-selected, #dbeafe); }
      [role='option'].active { box-shadow: inset 2px 0 0 var(--wb-accent, #0a64c8); }
      [role='listbox']:focus-visible [role='option'].active { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: -2px; }
      .tools { display: flex; flex-wrap: wrap; gap: 4px; padding-top: 4px; }
      .tools button { padding: 1px 8px; min-height: 24px; font-size: 12px; }
      form.category-form { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 8px; align-items: center; margin-top: 6px; padding: 6px 8px;
        border: 1px solid var(--wb-border, #d4d4d4); border-radius: 4px; background: var(--wb-raised, #fff); }
      form.category-form label { font-size: 12px; color: var(--wb-muted, #616161); }
      form.category-form input, form.category-form select { width: 100%; min-width: 0; }
      form.category-form .buttons { grid-column: 1 / -1; display: flex; gap: 6px; justify-content: flex-end; }
      form.category-form .heading { grid-column: 1 / -1; margin: 0; font-size: 12px; font-weight: 600; }
    `,
  ];

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['listings.categories'], { reload: () => this.load() });
  @property() value: CategoryChoice = '';
  @state() private categories: Category[] = [];
  @state() private active = 0;
  @state() private form?: CategoryForm;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.categories = (await this.api.get<{ items: Category[] }>('/listings/categories')).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private get editable(): boolean {
    return this.workbench.can('listings.products.edit');
  }

  private entries(): Entry[] {
    return [
      { value: '', label: this.t('全部商品', 'All products'), child: false },
      { value: 'none', label: this.t('未分类宝贝', 'Uncategorised'), child: false },
      ...this.categories.map((c) => ({ value: String(c.id) as CategoryChoice, label: c.name, child: c.parentId !== null, category: c })),
    ];
  }

  /** The category the keys and the toolbar act on: the active entry, when it is a category. */
  private current(): Category | undefined {
    const entries = this.entries();
    return entries[Math.min(this.active, entries.length - 1)]?.category;
  }

  private siblings(category: Category): Category[] {
    return this.categories.filter((c) => c.parentId === category.parentId);
  }

  override render() {
    const entries = this.entries();
    const active = Math.min(this.active, entries.length - 1);
    const editable = this.editable;
    const keys = editable
      ? this.t('↑/↓ 选择，Enter 查看；Insert 新建，F2 重命名，Alt+↑/Alt+↓ 移动，Delete 删除', '↑/↓ choose, Enter shows; Insert adds, F2 renames, Alt+↑/Alt+↓ move, Delete deletes')
      : nothing;
    return html`<div role="listbox" tabindex="0" aria-label=${this.t('宝贝分类', 'Categories')} aria-activedescendant="cat-${active}" title=${keys}
        aria-keyshortcuts=${editable ? 'Insert F2 Alt+ArrowUp Alt+ArrowDown Delete' : nothing} @keydown=${this.onKeyDown}>
        ${entries.map(
          (e, i) => html`<div role="option" id="cat-${i}" class="${e.child ? 'child' : ''} ${i === active ? 'active' : ''}" aria-selected=${e.value === this.value ? 'true' : 'false'}
            data-value=${e.value} @click=${() => this.choose(i)}>${e.label}</div>`,
        )}
      </div>
      ${editable ? this.renderTools() : nothing}
      ${editable && this.form ? this.renderForm(this.form) : nothing}`;
  }

  private renderTools() {
    const c = this.current();
    const siblings = c ? this.siblings(c) : [];
    const first = !c || siblings[0]?.id === c.id;
    const last = !c || siblings[siblings.length - 1]?.id === c.id;
    const off = !c || this.busy;
    // The buttons are for the mouse and stay out of the Tab order (the view keeps one stop for the
    // categories); the keyboard has the same actions on the list itself, named in each tooltip.
    return html`<div class="tools" aria-label=${this.t('分类操作', 'Category actions')}>
      <button class="add-category" tabindex="-1" ?disabled=${this.busy} title=${this.t('新建分类（Insert）：顶级，或放在某个顶级分类下', 'New category (Insert): top level, or under a top-level one')} aria-keyshortcuts="Insert" @click=${() => this.openAdd()}>${this.t('新建', 'New')}</button>
      <button class="rename-category" tabindex="-1" ?disabled=${off} title=${this.t('重命名（F2）', 'Rename (F2)')} aria-keyshortcuts="F2" @click=${() => this.openRename()}>${this.t('重命名', 'Rename')}</button>
      <button class="move-up" tabindex="-1" ?disabled=${off || first} title=${this.t('上移（Alt+↑）', 'Move up (Alt+↑)')} aria-keyshortcuts="Alt+ArrowUp" aria-label=${this.t('上移', 'Move up')} @click=${() => void this.move('up')}>↑</button>
      <button class="move-down" tabindex="-1" ?disabled=${off || last} title=${this.t('下移（Alt+↓）', 'Move down (Alt+↓)')} aria-keyshortcuts="Alt+ArrowDown" aria-label=${this.t('下移', 'Move down')} @click=${() => void this.move('down')}>↓</button>
      <button class="delete-category" tabindex="-1" ?disabled=${off} title=${this.t('删除（Delete）：其中的商品变成未分类宝贝', 'Delete (Delete): its products become uncategorised')} aria-keyshortcuts="Delete" @click=${() => void this.deleteCurrent()}>${this.t('删除', 'Delete')}</button>
    </div>`;
  }

  private renderForm(form: CategoryForm) {
    const parents = this.categories.filter((c) => c.parentId === null);
    const heading = form.mode === 'add' ? this.t('新建分类', 'New category') : this.t(`重命名“${form.category.name}”`, `Rename “${form.category.name}”`);
    return html`<form class="category-form" aria-label=${heading} @submit=${(e: Event) => (e.preventDefault(), void this.save())} @keydown=${this.onFormKeyDown}>
      <p class="heading">${heading}</p>
      <label for="category-name">${this.t('名称', 'Name')}</label>
      <input id="category-name" name="name" maxlength="40" required .value=${form.name} ?disabled=${this.busy} @input=${(e: Event) => (this.form = { ...form, name: (e.target as HTMLInputElement).value })} />
      ${form.mode === 'add'
        ? html`<label for="category-parent">${this.t('上级分类', 'Parent')}</label>
            <select id="category-parent" name="parentId" ?disabled=${this.busy} @change=${(e: Event) => (this.form = { ...form, parentId: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${form.parentId === ''}>${this.t('无（顶级分类）', 'None (top level)')}</option>
              ${parents.map((p) => html`<option value=${String(p.id)} ?selected=${form.parentId === String(p.id)}>${p.name}</option>`)}
            </select>`
        : nothing}
      <div class="buttons">
        <button type="button" class="cancel" @click=${() => this.closeForm()}>${this.t('取消', 'Cancel')}</button>
        <button type="submit" class="primary save-category" ?disabled=${this.busy}>${form.mode === 'add' ? this.t('添加', 'Add') : this.t('保存', 'Save')}</button>
      </div>
    </form>`;
  }

  private choose(index: number): void {
    const entry = this.entries()[index];
    if (!entry) return;
    this.active = index;
    this.value = entry.value;
    this.dispatchEvent(new CustomEvent('category-select', { detail: { value: entry.value }, bubbles: true, composed: true }));
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.editable && this.onEditKey(event)) {
      event.preventDefault();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const last = this.entries().length - 1;
    const moves: Record<string, number> = { ArrowDown: this.active + 1, ArrowUp: this.active - 1, Home: 0, End: last };
    if (event.key in moves) this.active = Math.max(0, Math.min(last, moves[event.key]!));
    else if (event.key === 'Enter' || event.key === ' ') this.choose(this.active);
    else return;
    event.preventDefault();
    this.revealActive();
  }

  /** The editing keys on the focused category; answers whether the key was one of them. */
  private onEditKey(event: KeyboardEvent): boolean {
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      void this.move(event.key === 'ArrowUp' ? 'up' : 'down');
      return true;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
    if (event.key === 'Insert') {
      this.openAdd();
      return true;
    }
    if (event.key === 'F2') {
      this.openRename();
      return true;
    }
    if (event.key === 'Delete') {
      void this.deleteCurrent();
      return true;
    }
    return false;
  }

  private onFormKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.closeForm();
  }

  private revealActive(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('[role=option].active')?.scrollIntoView({ block: 'nearest' }));
  }

  private focusList(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role=listbox]')?.focus());
  }

  private focusName(): void {
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#category-name');
      input?.focus();
      input?.select();
    });
  }

  /** Puts the active entry on the category `id` (after the list changed around it). */
  private activate(id: number): void {
    const index = this.entries().findIndex((e) => e.category?.id === id);
    if (index >= 0) this.active = index;
    this.revealActive();
  }

  private openAdd(): void {
    // A sibling of the focused category by default (the top level when none is focused); the select offers the parents.
    const parentId = this.current()?.parentId;
    this.form = { mode: 'add', name: '', parentId: parentId ? String(parentId) : '' };
    this.focusName();
  }

  private openRename(): void {
    const c = this.current();
    if (!c) return;
    this.form = { mode: 'rename', name: c.name, category: c };
    this.focusName();
  }

  private closeForm(): void {
    this.form = undefined;
    this.focusList();
  }

  private async save(): Promise<void> {
    const form = this.form;
    if (!form || this.busy) return;
    const name = form.name.trim();
    if (!name) {
      this.renderRoot.querySelector('#category-name')?.setAttribute('aria-invalid', 'true');
      this.notifications.notify('warning', this.t('请填写分类名称', 'Enter a name for the category'));
      this.focusName();
      return;
    }
    this.busy = true;
    try {
      let saved: Category;
      if (form.mode === 'add') {
        saved = await this.api.post<Category>('/listings/categories', { name, ...(form.parentId ? { parentId: Number(form.parentId) } : {}) });
        this.notifications.notify('success', this.t(`已新建分类“${saved.name}”`, `Category “${saved.name}” added`));
      } else {
        saved = await this.api.patch<Category>(`/listings/categories/${form.category.id}`, { name, version: form.category.version });
        this.notifications.notify('success', this.t(`已改名为“${saved.name}”`, `Renamed to “${saved.name}”`));
      }
      this.form = undefined;
      await this.load();
      this.activate(saved.id);
      this.focusList();
      changes.announce('listings.categories');
      if (form.mode === 'rename') changes.announce('listings.products'); // the list shows category names
    } catch (error) {
      this.notifications.error(error);
      // Someone else changed it meanwhile: show the latest, keep the form for another try.
      if (error instanceof ApiError && error.status === 409 && form.mode === 'rename') {
        await this.load();
        const fresh = this.categories.find((c) => c.id === form.category.id);
        this.form = fresh ? { ...form, category: fresh } : undefined;
      }
      this.focusName();
    } finally {
      this.busy = false;
    }
  }

  private async move(direction: 'up' | 'down'): Promise<void> {
    const c = this.current();
    if (!c || this.busy) return;
    const siblings = this.siblings(c);
    if (siblings[direction === 'up' ? 0 : siblings.length - 1]?.id === c.id) return; // already at that end
    this.busy = true;
    try {
      this.categories = (await this.api.post<{ items: Category[] }>(`/listings/categories/${c.id}/move`, { direction })).items;
      this.activate(c.id);
      changes.announce('listings.categories');
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.busy = false;
      this.focusList();
    }
  }

  private async deleteCurrent(): Promise<void> {
    const c = this.current();
    if (!c || this.busy) return;
    const ok = await confirmDialog(this, {
      heading: this.t('删除分类', 'Delete the category'),
      message: this.t(`删除“${c.name}”后，其中的商品会变成未分类宝贝。`, `Once “${c.name}” is deleted, its products become uncategorised.`),
      confirmLabel: this.t('删除', 'Delete'),
      danger: true,
    });
    if (!ok) {
      this.focusList();
      return;
    }
    this.busy = true;
    try {
      await this.api.delete(`/listings/categories/${c.id}`);
      this.notifications.notify('success', this.t(`已删除分类“${c.name}”`, `Category “${c.name}” deleted`));
      const index = this.active;
      await this.load();
      this.active = Math.min(index, this.entries().length - 1);
      if (this.value === String(c.id)) this.choose(0);
      changes.announce('listings.categories');
      changes.announce('listings.products');
    } catch (error) {
      // e.g. 409: it still has subcategories; the server's message says so.
      this.notifications.error(error);
    } finally {
      this.busy = false;
      this.focusList();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-category-list': ListingsCategoryList;
  }
}
