import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';

interface Photo { id: number; subject: 'goods' | 'waybill'; name: string; type: string; size: number; by: { name: string }; at: string }

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/**
 * A case's evidence photos: thumbnails (click for the full size) and the upload — the file
 * picker, files dropped on the section, or an image pasted into it. The server checks each photo's
 * bytes and size and says why one is refused.
 */
@customElement('wb-after-sales-case-photos')
export class AfterSalesCasePhotos extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: block; }
    .drop { border: 1px dashed var(--wb-border, #bbb); border-radius: 4px; padding: 6px; }
    .drop.over { border-color: var(--wb-accent, #06c); background: var(--wb-subtle, #f3f7ff); }
    .thumbs { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; padding: 0; list-style: none; }
    .thumbs button { padding: 0; border: 1px solid var(--wb-border, #ddd); background: none; cursor: zoom-in; display: grid; }
    .thumbs img { width: 88px; height: 88px; object-fit: cover; display: block; }
    .thumbs small { font-size: 11px; max-width: 88px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding: 0 2px; }
    form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    .hint { color: var(--wb-muted, #666); font-size: 12px; }
    [role=alert] { white-space: pre-line; }
    .large { max-width: 100%; max-height: 60vh; display: block; margin: 0 auto; }
  `];
  @property({ type: Number }) caseId = 0;
  @state() private photos: Photo[] = [];
  @state() private error = '';
  @state() private busy = false;
  @state() private over = false;
  @state() private shown: Photo | null = null;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('caseId') && this.caseId) void this.load();
  }

  private async load(): Promise<void> {
    this.photos = (await this.api.get<{ items: Photo[] }>(`/after-sales/cases/${this.caseId}/photos`)).items;
  }

  private src(p: Photo): string {
    return this.api.url(`/after-sales/cases/${this.caseId}/photos/${p.id}`);
  }

  override render() {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(`after-sales.photos.${key}`, params);
    const canAdd = this.workbench.can('after-sales.cases.note');
    return html`
      <div class="drop ${this.over ? 'over' : ''}" data-photos tabindex="0" aria-label=${t('area')}
        @dragover=${(e: DragEvent) => this.dragOver(e, canAdd)} @dragleave=${() => (this.over = false)} @drop=${(e: DragEvent) => this.drop(e, canAdd)}
        @paste=${(e: ClipboardEvent) => this.paste(e, canAdd)}>
        ${this.photos.length
          ? html`<ul class="thumbs">${this.photos.map((p) => html`<li><button type="button" data-photo=${p.name} title=${`${p.name} · ${t(p.subject)} · ${p.by.name} ${when(p.at)}`} @click=${() => (this.shown = p)}>
              <img src=${this.src(p)} alt=${`${t(p.subject)}：${p.name}`} loading="lazy" /><small>${t(p.subject)} · ${p.by.name}</small></button></li>`)}</ul>`
          : html`<p class="hint">${t('none')}</p>`}
        ${canAdd ? html`<form aria-label=${t('add')} @submit=${(e: Event) => e.preventDefault()}>
          <select name="subject" aria-label=${t('subject')}><option value="goods">${t('goods')}</option><option value="waybill">${t('waybill')}</option></select>
          <input type="file" name="file" multiple accept="image/jpeg,image/png,image/webp" aria-label=${t('choose')} ?disabled=${this.busy}
            @change=${(e: Event) => this.picked(e)} />
          <span class="hint">${t('hint')}</span></form>` : nothing}
        ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      </div>
      <wb-dialog heading=${this.shown ? `${t(this.shown.subject)}：${this.shown.name}` : ''} ?open=${this.shown !== null} @close=${() => (this.shown = null)}>
        ${this.shown ? html`<img class="large" src=${this.src(this.shown)} alt=${this.shown.name} />
          <p class="hint">${this.shown.by.name} ${when(this.shown.at)} · ${Math.ceil(this.shown.size / 1024)} KB</p>` : nothing}
      </wb-dialog>`;
  }

  private subject(): string {
    return this.renderRoot.querySelector<HTMLSelectElement>('select[name=subject]')?.value ?? 'goods';
  }

  private picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.upload(files);
  }

  private dragOver(event: DragEvent, canAdd: boolean): void {
    if (!canAdd || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.over = true;
  }

  private drop(event: DragEvent, canAdd: boolean): void {
    this.over = false;
    if (!canAdd || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    void this.upload([...event.dataTransfer.files]);
  }

  private paste(event: ClipboardEvent, canAdd: boolean): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!canAdd || !files.length) return;
    event.preventDefault();
    void this.upload(files);
  }

  /** One request per photo, so one refused photo does not stop the others; every refusal is shown. */
  private async upload(files: File[]): Promise<void> {
    if (!files.length) return;
    this.busy = true;
    const refused: string[] = [];
    const subject = this.subject();
    for (const file of files) {
      const form = new FormData();
      form.set('subject', subject);
      form.set('file', file);
      try {
        await this.api.post(`/after-sales/cases/${this.caseId}/photos`, form);
      } catch (error) {
        refused.push(error instanceof Error ? error.message : String(error));
      }
    }
    this.error = refused.join('\n');
    this.busy = false;
    await this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-case-photos': AfterSalesCasePhotos;
  }
}
