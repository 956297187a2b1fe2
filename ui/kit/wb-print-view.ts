import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { controlStyles } from './styles.js';
import { WbElement } from './wb-element.js';

/**
 * Shows a plugin's printable (`GET /api/<plugin>/printables/<id>?…`, a whole page with its own
 * print CSS) in a frame, with a Print button that prints just that page. The page is shown via
 * `srcdoc` because the workbench forbids framing its URLs.
 *
 * @example
 * html`<wb-print-view heading="拣货单" src="/fulfillment/printables/pick-list?wave=12"></wb-print-view>`
 */
@customElement('wb-print-view')
export class WbPrintView extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: flex; flex-direction: column; height: 100%; gap: 8px; }
      .bar { display: flex; gap: 8px; align-items: center; }
      iframe { flex: 1; width: 100%; min-height: 400px; border: 1px solid var(--wb-border, #ccc); background: #fff; }
      .failed { color: var(--wb-danger, #c42b1c); }
    `,
  ];

  @property() src = '';
  @property() heading = '';
  @state() private page = '';
  @state() private error = '';
  @query('iframe') private frame?: HTMLIFrameElement;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('src') && this.src) void this.load();
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      const res = await fetch(this.api.url(this.src), { credentials: 'same-origin', headers: { 'x-workbench-request': '1', 'accept-language': this.i18n.locale } });
      const text = await res.text();
      if (!res.ok) {
        let detail = text;
        try {
          const problem = JSON.parse(text) as { detail?: string; title?: string };
          detail = problem.detail ?? problem.title ?? text;
        } catch {
          // not JSON: show the text as it came
        }
        this.error = detail;
        return;
      }
      this.page = text;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const en = this.i18n.locale === 'en';
    return html`<div class="bar">
        <strong>${this.heading}</strong>
        <button class="primary" ?disabled=${!this.page} @click=${() => this.frame?.contentWindow?.print()}>${en ? 'Print' : '打印'}</button>
        <button @click=${() => void this.load()}>${en ? 'Reload' : '刷新'}</button>
      </div>
      ${this.error ? html`<p class="failed" role="alert">${this.error}</p>` : nothing}
      ${this.page ? html`<iframe title=${this.heading || (en ? 'Print preview' : '打印预览')} .srcdoc=${this.page}></iframe>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-print-view': WbPrintView;
  }
}
