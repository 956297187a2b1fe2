import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CommandInfo } from '../kit/commands.js';
import { formatKeybinding } from '../kit/keybinding.js';
import { loadPinyin, type Spell } from '../kit/pinyin.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import { fuzzyFilter } from './fuzzy.js';

interface FoundRecord {
  plugin: string;
  title: string;
  detail?: string;
  opens: string;
  id: string | number;
}

/** A work list, station or page quick open offers by name. */
export interface Place {
  title: string;
  detail: string;
  open(): void;
}

type Entry = { kind: 'command'; command: CommandInfo; label: string } | { kind: 'place'; place: Place } | { kind: 'record'; record: FoundRecord };

/**
 * The command palette (Ctrl+Shift+P, text starting with `>`) and quick open (Ctrl+P: the work
 * lists, stations and pages by name, then the records the plugins index). Chinese names match by
 * pinyin and initials too (`fht` finds 发货台), once pinyin has loaded on the first opening.
 * Up/Down choose, Enter runs, Esc closes; focus returns where it was.
 */
@customElement('wb-command-palette')
export class WbCommandPalette extends WbElement {
  static override styles = [
    controlStyles,
    css`
      dialog { position: fixed; top: 10vh; margin: 0 auto; width: min(600px, 94vw); padding: 0; border: 1px solid var(--wb-border, #c8c8c8);
        border-radius: 8px; background: var(--wb-raised, #fff); color: var(--wb-fg, #1f1f1f); box-shadow: 0 12px 40px rgb(0 0 0 / 0.35); }
      dialog::backdrop { background: transparent; }
      input { width: 100%; border: none !important; border-bottom: 1px solid var(--wb-border, #c8c8c8) !important; border-radius: 0 !important; padding: 10px 12px !important; outline: none; }
      ul { list-style: none; margin: 0; padding: 4px 0; max-height: 50vh; overflow: auto; }
      li { display: flex; gap: 8px; align-items: baseline; padding: 5px 12px; cursor: pointer; }
      li[aria-selected='true'] { background: var(--wb-selected, #dbeafe); }
      .category { color: var(--wb-muted, #6b6b6b); }
      .detail { color: var(--wb-muted, #6b6b6b); font-size: 12px; }
      kbd { margin-left: auto; font: 12px var(--wb-font-mono, monospace); border: 1px solid var(--wb-border, #c8c8c8); border-radius: 3px; padding: 0 4px; }
      .none { padding: 8px 12px; color: var(--wb-muted, #6b6b6b); }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private input!: HTMLInputElement;
  @state() private text = '';
  @state() private active = 0;
  @state() private records: FoundRecord[] = [];
  @state() private searching = false;
  @state() private spell?: Spell;
  /** What quick open offers by name besides records. */
  @property({ attribute: false }) places: Place[] = [];
  private returnFocus: Element | null = null;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private searchSeq = 0;

  /** Opens in command mode (`>`) or quick-open mode. */
  show(mode: 'commands' | 'records'): void {
    this.returnFocus = document.activeElement;
    this.text = mode === 'commands' ? '>' : '';
    this.active = 0;
    this.records = [];
    if (!this.spell) void loadPinyin().then((spell) => (this.spell = spell), (error: unknown) => this.notifications.error(error));
    if (!this.dialog.open) this.dialog.showModal();
    void this.updateComplete.then(() => {
      this.input.focus();
      this.input.setSelectionRange(this.text.length, this.text.length);
    });
    if (mode === 'records') this.search('');
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  private get commandMode(): boolean {
    return this.text.startsWith('>');
  }

  private entries(): Entry[] {
    if (this.commandMode) {
      const label = (c: CommandInfo) => (c.category ? `${this.i18n.text(c.category)}: ` : '') + this.i18n.text(c.title);
      const all = this.commands.list().map((command) => ({ kind: 'command' as const, command, label: label(command) }));
      return fuzzyFilter(this.text.slice(1), all, (e) => [e.label, e.command.id, ...this.spelled(this.i18n.text(e.command.title))]);
    }
    const places = this.text.trim() ? fuzzyFilter(this.text, this.places, (p) => [p.title, ...this.spelled(p.title)]).slice(0, 5) : [];
    return [...places.map((place) => ({ kind: 'place' as const, place })), ...this.records.map((record) => ({ kind: 'record' as const, record }))];
  }

  private spelled(label: string): string[] {
    return this.spell?.(label) ?? [];
  }

  override render() {
    const entries = this.entries();
    const placeholder = this.i18n.t(this.commandMode ? 'palette.commands' : 'palette.records');
    return html`<dialog aria-label=${this.i18n.t('palette.label')} @close=${this._onClose} @click=${(e: Event) => e.target === this.dialog && this.dialog.close()}>
      <input role="combobox" aria-expanded="true" aria-controls="list" aria-autocomplete="list" aria-label=${placeholder} placeholder=${placeholder}
        aria-activedescendant=${entries.length ? `opt-${this.active}` : nothing} .value=${this.text} @input=${this._onInput} @keydown=${this._onKeyDown} />
      <ul id="list" role="listbox">
        ${entries.map((e, i) => html`<li id="opt-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'} @click=${() => void this.choose(e)} @mousemove=${() => (this.active = i)}>
          ${e.kind === 'command'
            ? html`${e.command.category ? html`<span class="category">${this.i18n.text(e.command.category)}:</span>` : nothing}<span>${this.i18n.text(e.command.title)}</span>${e.command.keybinding ? html`<kbd>${formatKeybinding(e.command.keybinding)}</kbd>` : nothing}`
            : e.kind === 'place'
              ? html`<span>${e.place.title}</span><span class="detail">${e.place.detail}</span>`
              : html`<span>${e.record.title}</span><span class="detail">${e.record.detail ?? ''}</span>`}
        </li>`)}
      </ul>
      ${entries.length ? nothing : html`<div class="none" role="status">${this.searching ? this.i18n.t('palette.searching') : this.i18n.t('palette.noResults')}</div>`}
    </dialog>`;
  }

  private _onInput(event: Event) {
    this.text = (event.target as HTMLInputElement).value;
    this.active = 0;
    if (!this.commandMode) this.search(this.text);
  }

  private search(text: string) {
    clearTimeout(this.searchTimer);
    this.searching = true;
    const seq = ++this.searchSeq;
    this.searchTimer = setTimeout(async () => {
      try {
        const found = await this.api.get<{ items: FoundRecord[] }>('/workbench/search', { q: text.trim(), limit: 20 });
        if (seq === this.searchSeq) this.records = found.items;
      } catch (error) {
        this.notifications.error(error);
      } finally {
        if (seq === this.searchSeq) this.searching = false;
      }
    }, 120);
  }

  private _onKeyDown(event: KeyboardEvent) {
    const count = this.entries().length;
    if (event.key === 'ArrowDown') this.active = count ? (this.active + 1) % count : 0;
    else if (event.key === 'ArrowUp') this.active = count ? (this.active - 1 + count) % count : 0;
    else if (event.key === 'Enter') {
      const entry = this.entries()[this.active];
      if (entry) void this.choose(entry);
    } else return;
    event.preventDefault();
    void this.updateComplete.then(() => this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
  }

  private async choose(entry: Entry) {
    this.dialog.close();
    try {
      if (entry.kind === 'command') await this.commands.run(entry.command.id);
      else if (entry.kind === 'place') entry.place.open();
      else this.workbench.openEditor({ opens: entry.record.opens, id: String(entry.record.id), title: entry.record.title });
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private _onClose() {
    if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-command-palette': WbCommandPalette;
  }
}
