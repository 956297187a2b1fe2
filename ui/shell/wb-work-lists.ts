import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import type { SavedSearch } from './saved-searches.js';

export interface WorkListItem {
  id: string;
  title: string;
}

/**
 * The side bar of a plugin whose work lists open as tabs: its lists and stations to open, and
 * under the list in front the searches saved from it (shown once it has filters set or saved). The list's own filters stay on its tab,
 * where there is room for them; saving remembers them under a name for this user.
 *
 * @fires open-list - detail: `{ view, query? }`
 * @fires save-search - detail: `{ view, name }`
 * @fires delete-search - detail: `{ id }`
 */
@customElement('wb-work-lists')
export class WbWorkLists extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: flex; flex-direction: column; gap: 8px; padding: 4px 8px 12px; }
      nav, ul { display: flex; flex-direction: column; gap: 2px; margin: 0; padding: 0; list-style: none; }
      .item { all: unset; display: block; padding: 6px 10px; border-radius: 4px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .item:hover { background: var(--wb-hover, #e4e4e4); }
      .item[aria-current='page'] { background: var(--wb-selected, #dbeafe); font-weight: 600; }
      .item:focus-visible { outline: 2px solid var(--wb-focus, #0a64c8); }
      h3 { font-size: 11px; font-weight: 600; margin: 8px 2px 0; color: var(--wb-muted, #616161); }
      li { display: flex; align-items: center; }
      li .item { flex: 1; min-width: 0; padding-left: 18px; }
      li button.remove { flex: none; padding: 0 6px; min-height: 22px; }
      form { display: flex; gap: 4px; }
      form input { flex: 1; min-width: 0; }
      .hint { margin: 0 2px; font-size: 12px; color: var(--wb-muted, #616161); }
    `,
  ];

  @property({ attribute: false }) lists: WorkListItem[] = [];
  /** The list in front (its tab is the active one), if any. */
  @property() current = '';
  /** Whether the list in front has filters set, so there is something to save. */
  @property({ type: Boolean }) filtered = false;
  @property({ attribute: false }) searches: SavedSearch[] = [];
  @state() private naming = false;

  override render() {
    const current = this.lists.find((l) => l.id === this.current);
    return html`<nav aria-label=${this.i18n.t('workLists.label')}>
        ${this.lists.map((l) => html`<button class="item" data-list=${l.id} aria-current=${l.id === this.current ? 'page' : 'false'} @click=${() => this.fire('open-list', { view: l.id })}>${l.title}</button>`)}
      </nav>
      ${current && (this.filtered || this.naming || this.searches.some((s) => s.view === current.id)) ? this.renderSearches(current) : nothing}`;
  }

  private renderSearches(current: WorkListItem) {
    const mine = this.searches.filter((s) => s.view === current.id);
    return html`<section aria-label=${this.i18n.t('workLists.saved', { list: current.title })}>
      <h3>${this.i18n.t('workLists.saved', { list: current.title })}</h3>
      <ul>
        ${mine.map((s) => html`<li>
          <button class="item search" title=${new URLSearchParams(s.query).toString()} @click=${() => this.fire('open-list', { view: s.view, query: s.query })}>${s.name}</button>
          <button class="remove" aria-label=${this.i18n.t('workLists.delete', { name: s.name })} title=${this.i18n.t('workLists.delete', { name: s.name })} @click=${() => this.fire('delete-search', { id: s.id })}>×</button>
        </li>`)}
      </ul>
      ${this.naming
        ? html`<form @submit=${this.save}>
            <input name="name" required maxlength="40" aria-label=${this.i18n.t('workLists.name')} placeholder=${this.i18n.t('workLists.name')} />
            <button type="submit" class="primary">${this.i18n.t('workLists.save')}</button>
          </form>`
        : this.filtered
          ? html`<button class="save-search" title=${this.i18n.t('workLists.saveHint')} @click=${() => this.startNaming()}>${this.i18n.t('workLists.saveCurrent')}</button>`
          : nothing}
    </section>`;
  }

  private startNaming() {
    this.naming = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=name]')?.focus());
  }

  private save(event: SubmitEvent) {
    event.preventDefault();
    const name = new FormData(event.target as HTMLFormElement).get('name')?.toString().trim();
    this.naming = false;
    if (name) this.fire('save-search', { view: this.current, name });
  }

  private fire(name: string, detail: Record<string, unknown>) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-work-lists': WbWorkLists;
  }
}
