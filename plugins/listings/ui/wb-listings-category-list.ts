import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '@workbench/ui';
import type { Category } from '../server/types.js';
import { listen } from './changes.js';
import { ListingsElement } from './listings-element.js';

/** '' is every product, 'none' the uncategorised ones, otherwise a category id. */
export type CategoryChoice = '' | 'none' | `${number}`;

interface Entry {
  value: CategoryChoice;
  label: string;
  child: boolean;
}

/**
 * The category tree of the products view as one listbox: 全部, 未分类, then each category with
 * its children indented. ↑/↓ move, Home/End jump, Enter or a click chooses.
 *
 * @fires category-select - detail: `{ value: CategoryChoice }`
 */
@customElement('wb-listings-category-list')
export class ListingsCategoryList extends ListingsElement {
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
    `,
  ];

  @property() value: CategoryChoice = '';
  @state() private categories: Category[] = [];
  @state() private active = 0;
  private stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stop = listen(['categories'], () => void this.load());
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  private async load(): Promise<void> {
    try {
      this.categories = (await this.api.get<{ items: Category[] }>('/listings/categories')).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private entries(): Entry[] {
    return [
      { value: '', label: this.t('全部商品', 'All products'), child: false },
      { value: 'none', label: this.t('未分类宝贝', 'Uncategorised'), child: false },
      ...this.categories.map((c) => ({ value: String(c.id) as CategoryChoice, label: c.name, child: c.parentId !== null })),
    ];
  }

  override render() {
    const entries = this.entries();
    const active = Math.min(this.active, entries.length - 1);
    return html`<div role="listbox" tabindex="0" aria-label=${this.t('宝贝分类', 'Categories')} aria-activedescendant="cat-${active}" @keydown=${this.onKeyDown}>
      ${entries.map(
        (e, i) => html`<div role="option" id="cat-${i}" class="${e.child ? 'child' : ''} ${i === active ? 'active' : ''}" aria-selected=${e.value === this.value ? 'true' : 'false'}
          @click=${() => this.choose(i)}>${e.label}</div>`,
      )}
    </div>`;
  }

  private choose(index: number): void {
    const entry = this.entries()[index];
    if (!entry) return;
    this.active = index;
    this.value = entry.value;
    this.dispatchEvent(new CustomEvent('category-select', { detail: { value: entry.value }, bubbles: true, composed: true }));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const last = this.entries().length - 1;
    const moves: Record<string, number> = { ArrowDown: this.active + 1, ArrowUp: this.active - 1, Home: 0, End: last };
    if (event.key in moves) this.active = Math.max(0, Math.min(last, moves[event.key]!));
    else if (event.key === 'Enter' || event.key === ' ') this.choose(this.active);
    else return;
    event.preventDefault();
    void this.updateComplete.then(() => this.renderRoot.querySelector('[role=option].active')?.scrollIntoView({ block: 'nearest' }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-category-list': ListingsCategoryList;
  }
}
