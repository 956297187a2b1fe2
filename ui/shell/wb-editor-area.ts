import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { RovingFocus } from '../kit/roving-focus.js';
import { icon } from './icons.js';
import type { TabState } from './layout-state.js';

/**
 * The editor area: a tab strip and the open tabs' contents. Every open tab stays alive (hidden
 * when not in front), so switching tabs loses no half-typed input. Tabs move by dragging or with
 * Alt+Shift+←/→; the middle button or the × closes one.
 *
 * @fires tab-select - detail: `{ key }`
 * @fires tab-close - detail: `{ key }`
 * @fires tab-move - detail: `{ key, to }` (new index)
 */
@customElement('wb-editor-area')
export class WbEditorArea extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; min-width: 0; background: var(--wb-bg, #fff); }
    [role='tablist'] { display: flex; overflow-x: auto; background: var(--wb-tabs-bg, #ececec); min-height: 35px; flex: none; }
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
  @property() active: string | null = null;
  @property({ attribute: false }) renderTab: (tab: TabState) => TemplateResult | typeof nothing = () => nothing;
  @property() emptyText = '';
  @property() closeLabel = 'Close {title}';
  @property() label = '';
  private dragged: string | null = null;
  private readonly roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')]);

  override render() {
    if (!this.tabs.length) return html`<div class="empty">${this.emptyText}</div>`;
    return html`<div role="tablist" aria-label=${this.label} @keydown=${this._onKeyDown}>
        ${repeat(
          this.tabs,
          (t) => t.key,
          (t) => html`<div class="tab" role="tab" id="tab-${t.key}" aria-selected=${t.key === this.active ? 'true' : 'false'} aria-controls="panel-${t.key}" title=${t.title}
            draggable="true" data-key=${t.key}
            @click=${() => this._fire('tab-select', { key: t.key })}
            @auxclick=${(e: MouseEvent) => e.button === 1 && this._fire('tab-close', { key: t.key })}
            @dragstart=${() => (this.dragged = t.key)}
            @dragover=${(e: DragEvent) => e.preventDefault()}
            @drop=${() => this._drop(t.key)}>
            <span>${t.title}</span>
            <button class="close" tabindex="-1" aria-label=${this.closeLabel.replace('{title}', t.title)} @click=${(e: Event) => { e.stopPropagation(); this._fire('tab-close', { key: t.key }); }}>${icon('close')}</button>
          </div>`,
        )}
      </div>
      <div class="panels">
        ${repeat(
          this.tabs,
          (t) => t.key,
          (t) => html`<section role="tabpanel" id="panel-${t.key}" aria-labelledby="tab-${t.key}" ?hidden=${t.key !== this.active}>${this.renderTab(t)}</section>`,
        )}
      </div>`;
  }

  protected override updated(): void {
    this.roving.sync(this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]') ?? undefined);
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
