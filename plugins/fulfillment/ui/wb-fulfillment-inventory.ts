import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listPanelStyles, WbElement } from '@workbench/ui';
import './wb-fulfillment-inbound-list.js';
import './wb-fulfillment-inventory-reminders.js';
import './wb-fulfillment-inventory-stock.js';
import './wb-fulfillment-ledger.js';
import './wb-fulfillment-location-list.js';
import './wb-fulfillment-stocktake-list.js';

type Part = 'stock' | 'locations' | 'ledger' | 'inbound' | 'stocktakes';
const PARTS: readonly Part[] = ['stock', 'locations', 'ledger', 'inbound', 'stocktakes'];
const STORAGE = 'wb-fulfillment-inventory-part';

/**
 * The 库存 view in the side bar: the reminder banner, then tabs for stock per SKU, locations,
 * the ledger, inbound notes and stocktakes. The tab last used is shown again next time.
 */
@customElement('wb-fulfillment-inventory')
export class FulfillmentInventory extends WbElement {
  static override styles = [
    listPanelStyles,
    css`
      :host { gap: 0; }
      wb-tabs { margin-bottom: 4px; }
      .part { flex: 1; min-height: 0; display: flex; flex-direction: column; }
      /* The lists inside are list panels too; this panel already has the padding. */
      .part > * { flex: 1; min-height: 0; --wb-list-panel-padding: 0; }
    `,
  ];

  @state() private current: Part = readPart();

  override render() {
    const tabs = [
      { id: 'stock', label: this.t('库存', 'Stock') },
      { id: 'locations', label: this.t('库位', 'Locations') },
      { id: 'ledger', label: this.t('流水', 'Ledger') },
      { id: 'inbound', label: this.t('入库', 'Inbound') },
      { id: 'stocktakes', label: this.t('盘点', 'Stocktake') },
    ];
    return html`<wb-fulfillment-inventory-reminders @start-stocktake=${() => this.show('stocktakes')}></wb-fulfillment-inventory-reminders>
      <wb-tabs .tabs=${tabs} selected=${this.current} @tab-change=${(e: CustomEvent<{ id: Part }>) => this.show(e.detail.id)}></wb-tabs>
      <div class="part" role="tabpanel" aria-label=${tabs.find((t) => t.id === this.current)?.label ?? ''}>${this.renderPart()}</div>`;
  }

  private renderPart() {
    switch (this.current) {
      case 'locations': return html`<wb-fulfillment-location-list></wb-fulfillment-location-list>`;
      case 'ledger': return html`<wb-fulfillment-ledger></wb-fulfillment-ledger>`;
      case 'inbound': return html`<wb-fulfillment-inbound-list></wb-fulfillment-inbound-list>`;
      case 'stocktakes': return html`<wb-fulfillment-stocktake-list></wb-fulfillment-stocktake-list>`;
      default: return html`<wb-fulfillment-inventory-stock></wb-fulfillment-inventory-stock>`;
    }
  }

  private show(part: Part): void {
    this.current = part;
    localStorage.setItem(STORAGE, part);
  }
}

function readPart(): Part {
  const stored = localStorage.getItem(STORAGE);
  return PARTS.includes(stored as Part) ? (stored as Part) : 'stock';
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-inventory': FulfillmentInventory;
  }
}
