import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { LocalizedText } from './i18n.js';
import type { Problem } from './api-error.js';
import { WbElement } from './wb-element.js';
import { isColumnsUnmapped, type ColumnsUnmappedProblem } from './wb-column-mapping.js';
import './wb-column-mapping.js';

/** A row an importer refused; `file` when the upload carried more than one file. */
export interface RejectedRow {
  file?: string;
  row: number;
  column: string;
  reason: string | LocalizedText;
}

/**
 * A file button in the user's language. The browser's own file button speaks the browser's
 * language; this one speaks the shop's: inside `.file` the input is hidden and its `label.choose`
 * is the button.
 */
export const fileButtonStyles = css`
  .file input[type='file'] { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
  .file label.choose { display: inline-block; border: 1px solid var(--wb-border, #c8c8c8); background: var(--wb-button-bg, #f3f3f3); border-radius: 4px; padding: 4px 10px; cursor: pointer; }
  .file:focus-within label.choose { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: 1px; }
  .file input:disabled + label.choose { opacity: 0.6; cursor: default; }
  .file .name { margin-left: 8px; }
`;

/**
 * The base of a panel that sends files to one of its plugin's importers and follows the run:
 * sending the upload, the progress bar on the run's events, and the table of refused rows.
 * `R` is what the importer answers when it is done (its `result`). When the run ends asking which
 * columns hold fields a file's header lacks (`columns-unmapped`), the progress bar's place holds
 * the question; once answered, the same files are sent again, so the clerk picks nothing twice.
 *
 * @example
 * class ImportDialog extends ImportUploadElement<{ created: number; rejected: RejectedRow[] }> {
 *   render() { return html`<input type="file" @change=${(e) => this.upload('listings', 'products-csv', [...e.target.files])} />
 *     ${this.renderProgress('导入商品')} ${this.report ? this.renderRejected(this.report.rejected) : nothing}`; }
 *   protected override done(report) { super.done(report); changes.announce('listings.products'); }
 * }
 */
export class ImportUploadElement<R> extends WbElement {
  /** The run's event stream while one is followed ('' before any upload). */
  @state() protected events = '';
  @state() protected busy = false;
  @state() protected report?: R;
  /** The file chosen with `renderFileButton` ('' before one is). */
  @state() protected fileName = '';
  /** The question of a run that ended asking which columns hold missing fields. */
  @state() protected asking?: ColumnsUnmappedProblem;
  // What was sent last, to send again once the question is answered.
  private sentLast?: { plugin: string; importer: string; files: File[] };

  /** Back to before any upload (a dialog opened afresh). */
  protected resetUpload(): void {
    this.events = '';
    this.report = undefined;
    this.busy = false;
    this.fileName = '';
    this.asking = undefined;
    this.sentLast = undefined;
  }

  /**
   * A file button (style it with `fileButtonStyles`) whose chosen file goes to the importer at
   * once; the name of the file stands beside it. A refused upload is a toast.
   */
  protected renderFileButton(id: string, label: string, plugin: string, importer: string, accept = '.csv,text/csv'): TemplateResult {
    return html`<div class="row file">
      <input id=${id} type="file" accept=${accept} ?disabled=${this.busy} @change=${(e: Event) => void this.uploadChosen(e, plugin, importer)} />
      <label class="choose" for=${id}>${label}</label>
      <span class="name hint">${this.fileName || this.t('未选择文件', 'No file chosen')}</span>
    </div>`;
  }

  private async uploadChosen(event: Event, plugin: string, importer: string): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.fileName = file.name;
    input.value = ''; // the same file may be chosen again after fixing it
    await this.upload(plugin, importer, [file]).catch((error: unknown) => this.notifications.error(error));
  }

  /**
   * Sends `files` under the one form field `file` to `POST /api/<plugin>/importers/<importer>` and
   * starts following its run. A refused upload is thrown to the caller, which says so in its own
   * place.
   */
  protected async upload(plugin: string, importer: string, files: File[]): Promise<void> {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    this.busy = true;
    this.report = undefined;
    this.events = '';
    this.asking = undefined;
    this.sentLast = { plugin, importer, files };
    try {
      const run = await this.api.post<{ runId: string; events: string }>(`/${plugin}/importers/${importer}`, form);
      this.events = run.events;
    } catch (error) {
      this.busy = false;
      throw error;
    }
  }

  /** The progress bar of the run being followed, if any; or the question of a run that asked. */
  protected renderProgress(heading: string): TemplateResult | typeof nothing {
    if (this.asking && this.sentLast) {
      const { plugin, importer } = this.sentLast;
      return html`<wb-column-mapping .problem=${this.asking} plugin=${plugin} importer=${importer}
        @mapping-saved=${() => void this.uploadAgain()} @mapping-cancel=${() => (this.asking = undefined)}></wb-column-mapping>`;
    }
    if (!this.events) return nothing;
    return html`<wb-progress heading=${heading} src=${this.events}
      @progress-done=${(e: CustomEvent<{ result: R }>) => this.done(e.detail.result)} @progress-failed=${(e: CustomEvent<{ problem?: Problem }>) => this.failedWith(e.detail?.problem)}></wb-progress>`;
  }

  /** The last files again, after the clerk said which columns hold what. */
  private async uploadAgain(): Promise<void> {
    const last = this.sentLast;
    if (!last) return;
    await this.upload(last.plugin, last.importer, last.files).catch((error: unknown) => this.notifications.error(error));
  }

  /** The run finished with its report. */
  protected done(report: R): void {
    this.busy = false;
    this.report = report;
  }

  // The question is set before `failed()`, which subclasses override to reset their own state.
  private failedWith(problem: Problem | undefined): void {
    if (isColumnsUnmapped(problem)) this.asking = problem;
    this.failed();
  }

  /** The run failed; the progress bar shows why, or the question (`asking`) takes its place. */
  protected failed(): void {
    this.busy = false;
  }

  /** The refused rows, with a file column when the upload carried several files. */
  protected renderRejected(rows: RejectedRow[], withFile = false): TemplateResult {
    const reason = (r: RejectedRow['reason']) => (typeof r === 'string' ? r : this.i18n.text(r));
    return html`<div class="rejected"><table class="list">
      <thead><tr>${withFile ? html`<th>${this.t('文件', 'File')}</th>` : nothing}<th class="num">${this.t('行', 'Row')}</th><th>${this.t('列', 'Column')}</th><th>${this.t('原因', 'Reason')}</th></tr></thead>
      <tbody>${rows.map((x) => html`<tr>${withFile ? html`<td>${x.file}</td>` : nothing}<td class="num">${x.row}</td><td>${x.column}</td><td>${reason(x.reason)}</td></tr>`)}</tbody>
    </table></div>`;
  }
}
