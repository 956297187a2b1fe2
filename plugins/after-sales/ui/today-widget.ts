import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';

/** 售后待办 on the home page: open cases whose answer deadline falls later today, and those past it. */
@customElement('wb-after-sales-today-widget')
export class AfterSalesTodayWidget extends WbElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    dl { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; margin: 0; }
    dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
    dd.overdue { color: #8e0000; }
  `];
  @state() private counts?: { dueToday: number; overdue: number };
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.counts = await this.api.get<{ dueToday: number; overdue: number }>('/after-sales/figures/today');
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.counts) return html`<p>${this.t('加载中…', 'Loading…')}</p>`;
    return html`<dl>
      <dt>${this.t('今天到期', 'Due today')}</dt><dd class="due">${this.counts.dueToday}</dd>
      <dt>${this.t('已超期', 'Overdue')}</dt><dd class=${this.counts.overdue > 0 ? 'overdue' : ''}>${this.counts.overdue}</dd>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-after-sales-today-widget': AfterSalesTodayWidget;
  }
}
