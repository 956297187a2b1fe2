import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { RovingFocus } from '../kit/roving-focus.js';
import { icon } from './icons.js';
import type { TabState } from './layout-state.js';

/**
 * The editor area: a tab strip and the open tabs' contents. Every open tab stays alive (hidden
 * when not in front), so switching tabs loses no half-typed input. Tabs move by dragging or with
 * Alt+Shift+←/→; the middle button or the × closes one. The tab in front is scrolled into view;
 * when the strip overflows, a menu at its end lists the tabs out of sight. A tab with unsaved
 * changes shows a dot.
 *
 * @fires tab-select - detail: `{ key }`
 * @fires tab-close - detail: `{ key }`
 * @fires tab-move - detail: `{ key, to }` (new index)
 * @fires tab-dirty - detail: `{ key, dirty }`, when a tab's editor reports unsaved changes
 * @fires tab-filters - detail: `{ key, filters }`, when a work list's filters change
 */
@customElement('wb-editor-area')
export class WbEditorArea extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; min-width: 0; background: var(--wb-bg, #fff); }
    .strip { display: flex; flex: none; background: var(--wb-tabs-bg, #ececec); position: relative; min-width: 0; }
    [role='tablist'] { display: flex; overflow-x: auto; min-height: 35px; flex: 1; min-width: 0; scrollbar-width: thin; }
    .more { all: unset; flex: none; width: 32px; display: grid; place-items: center; cursor: pointer; color: var(--wb-fg, #1f1f1f); border-left: 1px solid var(--wb-border, #d0d0d0); }
    .more svg { width: 16px; height: 16px; }
    .more:hover { background: var(--wb-hover, #ddd); }
    .more:focus-visible { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: -2px; }
    [role='menu'] { position: absolute; right: 0; top: 100%; z-index: 10; min-width: 200px; max-width: 320px; max-height: 60vh; overflow: auto; padding: 4px 0;
      background: var(--wb-raised, #fff); color: var(--wb-fg, #1f1f1f); border: 1px solid var(--wb-border, #c8c8c8); border-radius: 6px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.25); }
    [role='menuitem'] { all: unset; display: block; box-sizing: border-box; width: 100%; padding: 5px 12px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    [role='menuitem']:hover, [role='menuitem']:focus-visible { background: var(--wb-selected, #dbeafe); }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
    .tab { display: flex; align-items: center; gap: 4px; padding: 0 6px 0 12px; border-right: 1px solid var(--wb-border, #d0d0d0);
      color: var(--wb-muted, #6b6b6b); cursor: pointer; white-space: nowrap; max-width: 220px; user-select: none; }
    .tab[aria-selected='true'] { background: var(--wb-bg, #fff); color: var(--wb-fg, #1f1f1f); box-shadow: inset 0 2px 0 var(--wb-accent, #0a64c8); }
    .tab:focus-visible { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: -2px; }
    .tab span { overflow: hidden; text-overflow: ellipsis; }
    .close { all: unset; width: 20px; height: 20px; display: grid; place-items: center; border-radius: 4px; }
    .close svg { width: 14px; height: 14px; }
    .close:hover { background: var(--wb-hover, #ddd); }
    .close:focus-visible { outline: 2px solid var(--wb-focus, #0a64c8); }
    .panels { flex: 1; min-height: 0; position: relative; }
    [role='tabpanel'] { position: absolute; inset: 0; overflow: auto; padding: 12px 16px; box-sizing: border-box; }
    [role='tabpanel'][hidden] { display: none; }
    .empty { display: grid; place-items: center; height: 100%; color: var(--wb-muted, #6b6b6b); text-align: center; padding: 24px; }
  `;

  @property({ attribute: false }) tabs: TabState[] = [];
  /** The tab's title in the UI language. */
  @property({ attribute: false }) titleOf: (tab: TabState) => string = (t) => String(t.title);
  /** Keys of tabs with unsaved changes. */
  @property({ attribute: false }) dirty: ReadonlySet<string> = new Set();
  @property() moreLabel = 'Open editors';
  @property() active: string | null = null;
  @property({ attribute: false }) renderTab: (tab: TabState) => TemplateResult | typeof nothing = () => nothing;
  @property() emptyText = '';
  @property() closeLabel = 'Close {title}';
  @property() label = '';
  @state() private overflowing = false;
  @state() private menu: TabState[] | null = null;
  private dragged: string | null = null;
  private readonly resize = new ResizeObserver(() => this.measure());
  private readonly roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')]);

  override render() {
    if (!this.tabs.length) return html`<div class="empty">${this.emptyText}</div>`;
    return html`<div class="strip"><div role="tablist" aria-label=${this.label} @keydown=${this._onKeyDown} @scroll=${() => (this.menu = null)}>
        ${repeat(
          this.tabs,
          (t) => t.key,
          (t) => this.renderTabButton(t),
        )}
      </div>
      ${this.overflowing
        ? html`<button class="more" aria-haspopup="menu" aria-expanded=${this.menu ? 'true' : 'false'} aria-label=${this.moreLabel} title=${this.moreLabel} @click=${() => this.toggleMenu()}>${icon('more')}</button>`
        : nothing}
      ${this.menu
        ? html`<div role="menu" aria-label=${this.moreLabel} @keydown=${this._onMenuKey}>
            ${this.menu.map((t) => html`<button role="menuitem" data-key=${t.key} @click=${() => ((this.menu = null), this._fire('tab-select', { key: t.key }))}>${this.titleOf(t)}</button>`)}
          </div>`
        : nothing}</div>
      <div class="panels">
        ${repeat(
          this.tabs,
          (t) => t.key,
          // The kit's EDITOR_DIRTY and EDITOR_FILTERS: Lit binds an event only by its literal name.
          (t) => html`<section role="tabpanel" id="panel-${t.key}" aria-labelledby="tab-${t.key}" ?hidden=${t.key !== this.active}
            @wb-editor-dirty=${(e: CustomEvent<{ dirty: boolean }>) => this._fire('tab-dirty', { key: t.key, dirty: e.detail.dirty })}
            @wb-editor-filters=${(e: CustomEvent<{ filters: Record<string, string> }>) => this._fire('tab-filters', { key: t.key, filters: e.detail.filters })}>${this.renderTab(t)}</section>`,
        )}
      </div>`;
  }

  private renderTabButton(t: TabState) {
    const title = this.titleOf(t);
    const dirty = this.dirty.has(t.key);
    return html`<div class="tab" role="tab" id="tab-${t.key}" aria-selected=${t.key === this.active ? 'true' : 'false'} aria-controls="panel-${t.key}" title=${title}
            draggable="true" data-key=${t.key}
            @click=${() => this._fire('tab-select', { key: t.key })}
            @auxclick=${(e: MouseEvent) => e.button === 1 && this._fire('tab-close', { key: t.key })}
            @dragstart=${() => (this.dragged = t.key)}
            @dragover=${(e: DragEvent) => e.preventDefault()}
            @drop=${() => this._drop(t.key)}>
            <span>${title}</span>
            <button class="close" tabindex="-1" data-dirty=${dirty ? 'true' : 'false'} aria-label=${this.closeLabel.replace('{title}', title)} @click=${(e: Event) => { e.stopPropagation(); this._fire('tab-close', { key: t.key }); }}>${dirty ? html`<span class="dot" aria-hidden="true"></span>` : icon('close')}</button>
          </div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  protected override updated(changed: Map<string, unknown>): void {
    const front = this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]');
    this.roving.sync(front ?? undefined);
    if (changed.has('active') || changed.has('tabs')) {
      // The strip scrolls on its own; scrollIntoView would also scroll the page around it.
      const strip = this.renderRoot.querySelector<HTMLElement>('[role=tablist]');
      if (front && strip) {
        if (front.offsetLeft < strip.scrollLeft) strip.scrollLeft = front.offsetLeft;
        else if (front.offsetLeft + front.offsetWidth > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = front.offsetLeft + front.offsetWidth - strip.clientWidth;
      }
      this.measure();
    }
  }

  private measure() {
    const strip = this.renderRoot.querySelector<HTMLElement>('[role=tablist]');
    this.overflowing = !!strip && strip.scrollWidth > strip.clientWidth + 1;
    if (!this.overflowing) this.menu = null;
  }

  /** The tabs not wholly in sight in the strip, in strip order. */
  private hiddenTabs(): TabState[] {
    const strip = this.renderRoot.querySelector<HTMLElement>('[role=tablist]');
    if (!strip) return [];
    const [left, right] = [strip.scrollLeft, strip.scrollLeft + strip.clientWidth];
    return this.tabs.filter((t) => {
      const el = this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-key="${CSS.escape(t.key)}"]`);
      return el && (el.offsetLeft < left - 1 || el.offsetLeft + el.offsetWidth > right + 1);
    });
  }

  private toggleMenu() {
    this.menu = this.menu ? null : this.hiddenTabs();
    if (this.menu) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role=menuitem]')?.focus());
  }

  private _onMenuKey(event: KeyboardEvent) {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];
    const at = items.indexOf(event.target as HTMLElement);
    if (event.key === 'Escape') {
      this.menu = null;
      this.renderRoot.querySelector<HTMLElement>('.more')?.focus();
    } else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  private _onKeyDown(event: KeyboardEvent) {
    const key = (event.target as HTMLElement).dataset.key;
    if (!key) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this._fire('tab-select', { key });
    } else if (event.key === 'Delete') {
      this._fire('tab-close', { key });
    } else if (event.altKey && event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      event.stopPropagation();
      const from = this.tabs.findIndex((t) => t.key === key);
      this._fire('tab-move', { key, to: Math.max(0, Math.min(this.tabs.length - 1, from + (event.key === 'ArrowLeft' ? -1 : 1))) });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
    }
  }

  private _drop(onto: string) {
    if (!this.dragged || this.dragged === onto) return;
    this._fire('tab-move', { key: this.dragged, to: this.tabs.findIndex((t) => t.key === onto) });
    this.dragged = null;
  }

  private _fire(name: string, detail: Record<string, unknown>) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-editor-area': WbEditorArea;
  }
}
