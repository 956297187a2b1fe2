import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { WbElement, type LocalizedText } from '@workbench/ui';

/** A row an importer refused; `file` when the upload carried more than one file. */
export interface RejectedRow {
  file?: string;
  row: number;
  column: string;
  reason: string | LocalizedText;
}

/**
 * The file button the upload panels share. The browser's own file button speaks the browser's
 * language; this one speaks the shop's: the input is hidden and its `label.choose` is the button.
 */
export const uploadStyles = css`
  .file input[type='file'] { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
  .file label.choose { display: inline-block; border: 1px solid var(--wb-border, #c8c8c8); background: var(--wb-button-bg, #f3f3f3); border-radius: 4px; padding: 4px 10px; cursor: pointer; }
  .file:focus-within label.choose { outline: 2px solid var(--wb-focus, #0a64c8); outline-offset: 1px; }
  .file input:disabled + label.choose { opacity: 0.6; cursor: default; }
`;

/**
 * The base of the panels that send files to one of the plugin's importers and follow the run:
 * sending the upload, the progress bar on the run's events, and the table of refused rows.
 * `R` is what the importer answers when it is done.
 */
export class FulfillmentUploadElement<R> extends WbElement {
  /** The run's event stream while one is followed ('' before any upload). */
  @state() protected events = '';
  @state() protected busy = false;
  @state() protected report?: R;

  /**
   * Sends `files` under the one form field `file` to the importer `importer` and starts following
   * its run. A refused upload is thrown to the caller, which says so in its own place.
   */
  protected async upload(importer: string, files: File[]): Promise<void> {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    this.busy = true;
    this.report = undefined;
    this.events = '';
    try {
      const run = await this.api.post<{ runId: string; events: string }>(`/fulfillment/importers/${importer}`, form);
      this.events = run.events;
    } catch (error) {
      this.busy = false;
      throw error;
    }
  }

  /** The progress bar of the run being followed, if any. */
  protected renderProgress(heading: string): TemplateResult | typeof nothing {
    if (!this.events) return nothing;
    return html`<wb-progress heading=${heading} src=${this.events}
      @progress-done=${(e: CustomEvent<{ result: R }>) => this.done(e.detail.result)} @progress-failed=${() => this.failed()}></wb-progress>`;
  }

  /** The run finished with its report. */
  protected done(report: R): void {
    this.busy = false;
    this.report = report;
  }

  /** The run failed; the progress bar shows why. */
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
