import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, controlStyles, panelStyles, WbElement } from '@workbench/ui';
import { PLACEHOLDERS } from '../shared/placeholders.js';
import { STAGE_NAMES, STAGES, type FilledPhrase, type Group, type Phrase } from '../shared/phrase-types.js';

type Draft = { id?: number; version?: number; groupId: number; shortcut: string; tags: string; text: string; shared: boolean };

/** The editor-area view: the library by stage and group, and the phrase editor with a live preview. */
@customElement('wb-cs-scripts-library')
export class CsScriptsLibrary extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: grid; grid-template-columns: minmax(220px, 1fr) 2fr; gap: 12px; height: 100%; padding: 12px; box-sizing: border-box; overflow: hidden; }
    nav { overflow: auto; border-right: 1px solid var(--wb-border, #ddd); padding-right: 8px; }
    h3 { margin: 8px 0 4px; font-size: 13px; }
    h4 { margin: 6px 0 2px; font-size: 12px; color: var(--wb-muted, #666); }
    nav button.phrase { display: block; width: 100%; text-align: left; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    nav button[aria-current='true'] { background: var(--wb-selection, #e8f0fe); }
    form { display: flex; flex-direction: column; gap: 8px; overflow: auto; }
    .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    label.block { display: flex; flex-direction: column; gap: 4px; }
    textarea { min-height: 120px; font: inherit; width: 100%; box-sizing: border-box; }
    .chips { display: flex; flex-wrap: wrap; gap: 4px; }
    .chips button { font-size: 12px; padding: 2px 6px; }
    .preview { white-space: pre-wrap; background: var(--wb-surface-2, #f6f6f6); padding: 8px; border-radius: 4px; min-height: 40px; }
    .warn { color: #b3261e; font-size: 12px; }
    .tools { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 8px; }
  `];
  @state() private groups: Group[] = [];
  @state() private phrases: Phrase[] = [];
  @state() private draft: Draft = { groupId: 0, shortcut: '', tags: '', text: '', shared: false };
  @state() private orderNo = '';
  @state() private preview: FilledPhrase | undefined;
  @state() private error = '';
  @query('textarea') private area!: HTMLTextAreaElement;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const library = await this.api.get<{ groups: Group[]; items: Phrase[] }>('/cs-scripts/phrases');
    this.groups = library.groups;
    this.phrases = library.items;
    if (!this.draft.groupId && this.groups[0]) this.draft = { ...this.draft, groupId: this.groups[0].id };
  }

  override render() {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(`cs-scripts.${key}`, params);
    const manage = this.workbench.can('cs-scripts.phrases.manage');
    return html`
      <nav aria-label=${t('library.title')}>
        <div class="tools">
          <button type="button" @click=${() => this.edit(undefined)}>${t('library.new')}</button>
          ${manage ? html`
            <a href=${this.api.url('/cs-scripts/phrases/export', { format: 'csv' })} download>${t('library.export')} CSV</a>
            <a href=${this.api.url('/cs-scripts/phrases/export', { format: 'qianniu' })} download>${t('library.export')} ${t('library.format.qianniu')}</a>
            <label>${t('library.import')} <input type="file" accept=".csv,.txt" @change=${(e: Event) => void this.importFile(e)} /></label>` : nothing}
        </div>
        ${STAGES.map((stage) => html`
          <h3>${this.i18n.text(STAGE_NAMES[stage])}</h3>
          ${this.groups.filter((g) => g.stage === stage).map((g) => html`
            <h4>${g.name}</h4>
            ${this.phrases.filter((p) => p.groupId === g.id).map((p) => html`
              <button type="button" class="phrase" aria-current=${this.draft.id === p.id ? 'true' : 'false'} @click=${() => this.edit(p)}>
                ${p.shortcut ? `:${p.shortcut} ` : ''}${p.text}
              </button>`)}`)}`)}
      </nav>
      <form @submit=${(e: Event) => void this.save(e)}>
        <div class="row">
          <label>${t('library.group')}
            <select .value=${String(this.draft.groupId)} @change=${(e: Event) => this.set({ groupId: Number((e.target as HTMLSelectElement).value) })}>
              ${this.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.draft.groupId}>${this.i18n.text(STAGE_NAMES[g.stage])} / ${g.name}</option>`)}
            </select>
          </label>
          <label>${t('library.shortcut')} <input size="10" .value=${this.draft.shortcut} placeholder=":ship" @input=${(e: Event) => this.set({ shortcut: (e.target as HTMLInputElement).value })} /></label>
          <label>${t('library.tags')} <input .value=${this.draft.tags} @input=${(e: Event) => this.set({ tags: (e.target as HTMLInputElement).value })} /></label>
          ${manage && this.draft.id === undefined ? html`<label><input type="checkbox" .checked=${this.draft.shared} @change=${(e: Event) => this.set({ shared: (e.target as HTMLInputElement).checked })} /> ${t('library.shared')}</label>` : nothing}
        </div>
        <label class="block">${t('library.text')}
          <textarea .value=${this.draft.text} @input=${(e: Event) => this.set({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
        </label>
        <div>${t('library.placeholders')}</div>
        <div class="chips">
          ${PLACEHOLDERS.map((p) => html`<button type="button" title=${this.i18n.text(p.help)} @click=${() => this.insert(`{${p.name}}`)}>{${p.name}}</button>`)}
        </div>
        <label>${t('phrases.order')} <input .value=${this.orderNo} @input=${(e: Event) => { this.orderNo = (e.target as HTMLInputElement).value.trim(); this.schedulePreview(); }} /></label>
        <div>${t('library.preview')}</div>
        <div class="preview" role="status">${this.preview?.text ?? ''}</div>
        ${this.preview && this.preview.missing.length > 0 ? html`<div class="warn">${t('phrases.missing', { names: this.preview.missing.map((m) => `${m.name}（${this.i18n.text(m.reason)}）`).join('、') })}</div>` : nothing}
        ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
        <div class="row">
          <button class="primary" type="submit">${t('library.save')}</button>
          ${this.draft.id !== undefined ? html`<button type="button" @click=${() => void this.deletePhrase()}>${t('library.delete')}</button>` : nothing}
        </div>
      </form>`;
  }

  private edit(p: Phrase | undefined): void {
    this.draft = p
      ? { id: p.id, version: p.version, groupId: p.groupId, shortcut: p.shortcut ?? '', tags: p.tags.join('，'), text: p.text, shared: p.shared }
      : { groupId: this.draft.groupId || this.groups[0]?.id || 0, shortcut: '', tags: '', text: '', shared: false };
    this.error = '';
    this.schedulePreview();
  }

  private set(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    if (change.text !== undefined) this.schedulePreview();
  }

  private insert(token: string): void {
    const area = this.area;
    const at = area?.selectionStart ?? this.draft.text.length;
    const end = area?.selectionEnd ?? at;
    this.set({ text: this.draft.text.slice(0, at) + token + this.draft.text.slice(end) });
    void this.updateComplete.then(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  }

  /** The preview follows the typing, a moment after it pauses; an unknown placeholder shows where it is. */
  private schedulePreview(): void {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.runPreview(), 250);
  }

  private async runPreview(): Promise<void> {
    if (this.draft.text.trim() === '') {
      this.preview = undefined;
      return;
    }
    try {
      this.preview = await this.api.post<FilledPhrase>('/cs-scripts/phrases/preview', { text: this.draft.text, ...(this.orderNo ? { orderNo: this.orderNo } : {}) });
      this.error = '';
    } catch (error) {
      this.preview = undefined;
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const body = { groupId: d.groupId, text: d.text, shortcut: d.shortcut.trim() || null, tags: d.tags.split(/[,，]/u).map((s) => s.trim()).filter(Boolean) };
    try {
      const saved = d.id === undefined
        ? await this.api.post<Phrase>('/cs-scripts/phrases', { ...body, ...(d.shared ? { shared: true } : {}) })
        : await this.api.patch<Phrase>(`/cs-scripts/phrases/${d.id}`, { ...body, version: d.version });
      this.notifications.notify('success', this.i18n.t('cs-scripts.library.saved'));
      await this.load();
      this.edit(saved);
    } catch (error) {
      this.error = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    }
  }

  private async deletePhrase(): Promise<void> {
    if (this.draft.id === undefined) return;
    try {
      await this.api.delete(`/cs-scripts/phrases/${this.draft.id}`);
      await this.load();
      this.edit(undefined);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    try {
      const result = await this.api.post<{ added: number }>('/cs-scripts/phrases/import', { format: file.name.endsWith('.txt') ? 'qianniu' : 'csv', content: btoa(binary) });
      this.notifications.notify('success', this.i18n.t('cs-scripts.library.imported', { n: result.added }));
      await this.load();
    } catch (error) {
      // The server lists every row that is wrong; nothing was imported.
      this.error = error instanceof Error ? error.message : String(error);
    }
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-library': CsScriptsLibrary;
  }
}
