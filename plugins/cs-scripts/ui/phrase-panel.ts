import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { controlStyles, loadPinyin, panelStyles, WbElement, type Spell } from '@workbench/ui';
import { buildIndex, searchPhrases, type PhraseIndex } from '../shared/phrase-search.js';
import { STAGE_NAMES, type FilledPhrase, type Phrase } from '../shared/phrase-types.js';
import { copyText } from './copy-text.js';
import './desk-tools.js';

/**
 * The side-bar panel, made for the keyboard: the search box has the focus, typing filters (words,
 * `:shortcut`, pinyin initials), ↑↓ choose, Enter copies the chosen phrase filled from the order
 * typed in the order box (Alt+O goes there; Enter there comes back). Always one key from copying.
 */
@customElement('wb-cs-scripts-phrases')
export class CsScriptsPhrasePanel extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 6px; height: 100%; padding: 8px; box-sizing: border-box; }
    .boxes { display: flex; flex-direction: column; gap: 4px; }
    input { width: 100%; box-sizing: border-box; }
    ul { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 1; }
    li { padding: 6px 8px; border-radius: 4px; cursor: pointer; border-left: 3px solid transparent; }
    li[aria-selected='true'] { background: var(--wb-selection, #e8f0fe); border-left-color: var(--wb-accent, #1a73e8); }
    .meta { display: flex; gap: 6px; font-size: 11px; color: var(--wb-muted, #666); }
    .code { font-family: monospace; color: var(--wb-accent, #1a73e8); }
    .text { white-space: pre-wrap; word-break: break-all; }
    .ph { color: #8e24aa; }
    .last { font-size: 12px; border-top: 1px solid var(--wb-border, #ddd); padding-top: 6px; }
    .warn { color: #b3261e; }
  `];
  @state() private phrases: Phrase[] = [];
  @state() private query = '';
  @state() private orderNo = '';
  @state() private selected = 0;
  @state() private last: FilledPhrase | undefined;
  @query('#search') private search!: HTMLInputElement;
  @query('#order') private order!: HTMLInputElement;
  private index: PhraseIndex<Phrase> | undefined;
  private spell: Spell = () => [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // Pinyin comes after the list: typing by words and shortcuts works at once.
    void loadPinyin().then((spell) => {
      this.spell = spell;
      this.reindex();
    });
  }

  override firstUpdated(): void {
    this.search.focus();
  }

  private async load(): Promise<void> {
    this.phrases = (await this.api.get<{ items: Phrase[] }>('/cs-scripts/phrases')).items;
    this.reindex();
  }

  private reindex(): void {
    this.index = buildIndex(this.phrases, this.spell);
    this.requestUpdate();
  }

  private get results(): Phrase[] {
    return this.index ? searchPhrases(this.index, this.query) : [];
  }

  override render() {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(`cs-scripts.${key}`, params);
    const results = this.results;
    const selected = Math.min(this.selected, Math.max(results.length - 1, 0));
    return html`
      <div class="boxes">
        <input id="search" type="search" .value=${this.query} placeholder=${t('phrases.search')} aria-label=${t('phrases.search')}
          role="combobox" aria-controls="list" aria-expanded="true" aria-activedescendant=${results[selected] ? `p${results[selected].id}` : ''}
          @input=${(e: Event) => { this.query = (e.target as HTMLInputElement).value; this.selected = 0; }}
          @keydown=${(e: KeyboardEvent) => this.onKey(e, results, selected)} />
        <input id="order" .value=${this.orderNo} placeholder=${t('phrases.order')} aria-label=${t('phrases.order')}
          @input=${(e: Event) => (this.orderNo = (e.target as HTMLInputElement).value.trim())}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === 'Escape') { e.preventDefault(); this.search.focus(); } }} />
      </div>
      <ul id="list" role="listbox" aria-label=${t('library.title')}>
        ${results.length === 0 ? html`<li aria-disabled="true">${t('phrases.none')}</li>` : nothing}
        ${results.map((p, i) => html`
          <li id=${`p${p.id}`} role="option" aria-selected=${i === selected ? 'true' : 'false'}
            @click=${() => { this.selected = i; void this.copy(p); }}>
            <div class="meta">
              ${p.favourite ? html`<span aria-label=${t('phrases.favourite')}>★</span>` : nothing}
              ${p.shortcut ? html`<span class="code">:${p.shortcut}</span>` : nothing}
              <span>${this.i18n.text(STAGE_NAMES[p.stage])} · ${p.groupName}</span>
              ${p.shared ? nothing : html`<span>${t('phrases.mine')}</span>`}
              <span>${t('phrases.uses', { n: p.uses })}</span>
            </div>
            <div class="text">${highlight(p.text)}</div>
          </li>`)}
      </ul>
      ${this.last ? html`<div class="last" role="status"><div class="text">${t('phrases.copied', { text: this.last.text })}</div>${this.last.missing.length > 0 ? html`<div class="warn">${t('phrases.missing', { names: this.last.missing.map((m) => `${m.name}（${this.i18n.text(m.reason)}）`).join('、') })}</div>` : nothing}
        </div>` : nothing}
      <wb-cs-scripts-desk-tools .orderNo=${this.orderNo}></wb-cs-scripts-desk-tools>`;
  }

  private onKey(e: KeyboardEvent, results: Phrase[], selected: number): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.selected = Math.max(0, Math.min(results.length - 1, selected + step));
      void this.updateComplete.then(() => this.renderRoot.querySelector('li[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const phrase = results[selected];
      if (phrase) void this.copy(phrase);
    } else if (e.key === 'o' && e.altKey) {
      e.preventDefault();
      this.order.focus();
      this.order.select();
    } else if (e.key === 'Escape') {
      this.query = '';
      this.selected = 0;
    }
  }

  private async copy(phrase: Phrase): Promise<void> {
    try {
      const filled = await this.api.post<FilledPhrase>(`/cs-scripts/phrases/${phrase.id}/fill`, { ...(this.orderNo ? { orderNo: this.orderNo } : {}), copied: true });
      await copyText(filled.text);
      this.last = filled;
      phrase.uses += 1;
      this.notifications.notify(filled.missing.length > 0 ? 'warning' : 'success', this.i18n.t('cs-scripts.phrases.copied', { text: filled.text.slice(0, 40) }));
    } catch (error) {
      this.notifications.notify('error', error instanceof Error ? error.message : String(error));
    }
    this.search.focus();
  }
}

/** The placeholders in a colour of their own, so the agent sees what will be filled. */
function highlight(text: string) {
  return text.split(/(\{[^{}\s]{1,16}\})/u).map((part, i) => (i % 2 === 1 ? html`<span class="ph">${part}</span>` : part));
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-phrases': CsScriptsPhrasePanel;
  }
}
