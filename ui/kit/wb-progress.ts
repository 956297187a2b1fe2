import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Problem } from './api-error.js';
import type { LocalizedText } from './i18n.js';
import { WbElement } from './wb-element.js';

/**
 * The progress of long server work (an import, a wave), fed by server-sent events from `src`
 * (`progress`, then `done` or `failed`). It mirrors itself into the bottom panel's progress list.
 *
 * @fires progress-done - detail: `{ result }`
 * @fires progress-failed - detail: `{ problem }`
 * @example
 * html`<wb-progress heading="导入订单" src=${`/fulfillment/importers/taobao-orders/runs/${run.id}/events`}></wb-progress>`
 */
@customElement('wb-progress')
export class WbProgress extends WbElement {
  static override styles = css`
    :host { display: block; }
    .bar { height: 8px; border-radius: 4px; background: var(--wb-border, #ddd); overflow: hidden; }
    .fill { height: 100%; background: var(--wb-accent, #0a64c8); transition: width 0.2s; }
    .indeterminate .fill { width: 30%; animation: slide 1.2s infinite linear; }
    @keyframes slide { from { margin-left: -30%; } to { margin-left: 100%; } }
    .done { color: var(--wb-success, #2e7d32); }
    .failed { color: var(--wb-danger, #c42b1c); }
    p { margin: 4px 0; }
  `;

  @property() src = '';
  @property() heading = '';
  @state() private done = 0;
  @state() private total?: number;
  @state() private message = '';
  @state() private phase: 'running' | 'done' | 'failed' = 'running';
  @state() private problem?: Problem;
  private source?: EventSource;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('src') && this.src) this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.source?.close();
  }

  private listen(): void {
    this.source?.close();
    this.phase = 'running';
    // The importer answers the full path (`events: '/api/…'`); a path below /api works too.
    const source = new EventSource(this.src.startsWith('/api/') ? this.src : this.api.url(this.src));
    this.source = source;
    source.addEventListener('progress', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { done: number; total?: number; message?: LocalizedText };
      this.done = data.done;
      this.total = data.total;
      this.message = this.i18n.text(data.message);
      this.mirror();
    });
    source.addEventListener('done', (e) => {
      const { result } = JSON.parse((e as MessageEvent<string>).data) as { result: unknown };
      this.finish('done');
      this.dispatchEvent(new CustomEvent('progress-done', { detail: { result }, bubbles: true, composed: true }));
    });
    source.addEventListener('failed', (e) => {
      this.problem = (JSON.parse((e as MessageEvent<string>).data) as { problem: Problem }).problem;
      this.finish('failed');
      this.dispatchEvent(new CustomEvent('progress-failed', { detail: { problem: this.problem }, bubbles: true, composed: true }));
    });
  }

  private finish(phase: 'done' | 'failed') {
    this.phase = phase;
    this.source?.close();
    this.mirror();
  }

  private mirror() {
    this.notifications?.report({ id: this.src, title: this.heading, done: this.done, total: this.total, state: this.phase, message: this.message });
  }

  override render() {
    const en = this.i18n.locale === 'en';
    const pct = this.total ? Math.min(100, Math.round((this.done / this.total) * 100)) : undefined;
    return html`${this.heading ? html`<p><strong>${this.heading}</strong></p>` : nothing}
      <div class="bar ${pct === undefined && this.phase === 'running' ? 'indeterminate' : ''}" role="progressbar" aria-label=${this.heading || (en ? 'Progress' : '进度')}
        aria-valuemin="0" aria-valuemax=${this.total ?? nothing} aria-valuenow=${this.total ? this.done : nothing}>
        <div class="fill" style=${styleMap({ width: `${this.phase === 'done' ? 100 : (pct ?? 30)}%` })}></div>
      </div>
      <p>${this.total ? `${this.done} / ${this.total}` : this.done || ''} ${this.message}</p>
      ${this.phase === 'done' ? html`<p class="done" role="status">${en ? 'Finished' : '已完成'}</p>` : nothing}
      ${this.phase === 'failed' && this.problem
        ? html`<div class="failed" role="alert"><p>${this.problem.detail ?? this.problem.title}</p>
            <ul>${(this.problem.errors ?? []).slice(0, 20).map((e) => html`<li>${e.path} ${e.message}</li>`)}</ul></div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-progress': WbProgress;
  }
}
