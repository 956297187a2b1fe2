import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import type { Reminder } from './wb-fulfillment-inventory-records.js';

/**
 * The open reminders (the monthly stocktake from the 28th) as a banner above the warehouse
 * tabs; 知道了 (for those who manage stock) dismisses one for everybody. A stocktake reminder offers to start counting.
 *
 * @fires start-stocktake - the clerk chose to count now
 */
@customElement('wb-fulfillment-inventory-reminders')
export class FulfillmentInventoryReminders extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      .banner { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 6px 10px; margin: 4px 0; border-radius: 4px;
        border: 1px solid var(--wb-warning, #9a5b00); background: var(--wb-raised, #fff); }
      .banner p { margin: 0; flex: 1; min-width: 140px; }
    `,
  ];

  @state() private items: Reminder[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: Reminder[] }>('/fulfillment/reminders')).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.items.length) return nothing;
    const manage = this.workbench.can('fulfillment.stock.manage');
    return html`${this.items.map(
      (r) => html`<div class="banner" role="status" data-id=${r.id}>
        <p>${this.i18n.text(r.message)}</p>
        ${manage && r.kind.includes('stocktake')
          ? html`<button @click=${() => this.dispatchEvent(new CustomEvent('start-stocktake', { bubbles: true, composed: true }))}>${this.t('去盘点', 'Count now')}</button>`
          : nothing}
        ${manage ? html`<button class="dismiss" @click=${() => void this.dismiss(r)}>${this.t('知道了', 'Dismiss')}</button>` : nothing}
      </div>`,
    )}`;
  }

  private async dismiss(r: Reminder): Promise<void> {
    try {
      await this.api.post(`/fulfillment/reminders/${r.id}/dismiss`);
      this.items = this.items.filter((x) => x.id !== r.id);
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-inventory-reminders': FulfillmentInventoryReminders;
  }
}
