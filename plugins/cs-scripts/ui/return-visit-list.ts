import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import type { ReturnVisit } from '../server/customers/return-visit-routes.js';

/** 回访: the visits due today and before, oldest first; a note and Enter records one as made. */
@customElement('wb-cs-scripts-return-visits')
export class CsScriptsReturnVisitList extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 8px; padding: 12px; box-sizing: border-box; max-width: 900px; }
    table { border-collapse: collapse; width: 100%; font-size: 12px; }
    th, td { text-align: left; border-bottom: 1px solid var(--wb-border, #e0e0e0); padding: 4px 6px; }
    td input { width: 100%; box-sizing: border-box; }
    .overdue { color: var(--wb-error, #c62828); }
    .summary, .exports { color: var(--wb-muted, #616161); margin: 0; }
  `];

  @state() private day = '';
  @state() private visits: ReturnVisit[] = [];
  @state() private loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const reply = await this.api.get<{ day: string; items: ReturnVisit[] }>('/cs-scripts/return-visits');
      this.day = reply.day;
      this.visits = reply.items;
      this.loaded = true;
      // The keyboard goes to the first visit's outcome: type it, Enter, and the next one has it.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('td input')?.focus();
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.loaded) return nothing;
    return html`
      <p class="summary">${this.t(`到 ${this.day} 该回访的有 ${this.visits.length} 单`, `${this.visits.length} visits due by ${this.day}`)}</p>
      ${this.workbench.can('cs-scripts.customers.export') ? html`<p class="exports">
        <a href=${this.api.url('/cs-scripts/customer-lists/holiday-greetings/export.csv')} download>${this.t('导出节日问候名单（CSV）', 'Holiday-greetings list (CSV)')}</a> ·
        <a href=${this.api.url('/cs-scripts/customer-lists/new-products/export.csv')} download>${this.t('导出新品通知名单（CSV）', 'New-products list (CSV)')}</a>
      </p>` : nothing}
      ${this.visits.length ? html`<table>
        <thead><tr><th>${this.t('应回访', 'Due')}</th><th>${this.t('买家', 'Buyer')}</th><th>${this.t('订单编号', 'Order')}</th><th>${this.t('发货时间', 'Shipped')}</th><th>${this.t('回访结果（回车记下）', 'Outcome (Enter records it)')}</th></tr></thead>
        <tbody>${this.visits.map((v) => html`<tr>
          <td class=${v.dueDay < this.day ? 'overdue' : ''}>${v.dueDay}</td><td>${v.buyerNick}</td><td>${v.orderNo}</td><td>${this.i18n.dateTime(v.shippedAt)}</td>
          <td><input aria-label=${`${v.buyerNick} ${v.orderNo}`} placeholder=${this.t('顾客怎么说', 'What the buyer said')}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') void this.done(v, (e.target as HTMLInputElement).value); }} /></td></tr>`)}</tbody></table>` : nothing}`;
  }

  private async done(visit: ReturnVisit, note: string): Promise<void> {
    try {
      await this.api.post(`/cs-scripts/return-visits/${visit.id}/done`, { note });
      this.notifications.notify('success', this.t(`已记下 ${visit.buyerNick} 的回访`, `Visit to ${visit.buyerNick} recorded`));
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-return-visits': CsScriptsReturnVisitList;
  }
}
