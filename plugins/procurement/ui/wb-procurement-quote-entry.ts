import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement, yuan, yuanToFen } from '@workbench/ui';

export interface EntryRfq {
  id: number;
  suppliers: { id: number; name: string }[];
  lines: { id: number; skuCode: string; qty: number; quotes: { supplierId: number; price: number; leadTimeDays: number; minQty: number; note: string }[] }[];
}

interface Row { price: string; lead: string; min: string; note: string }

/**
 * 录入报价: one supplier's answer to an open request, per line price (元), lead time, minimum and a
 * note. A line left without a price is not quoted. Fires `quotes-saved` with the comparison.
 */
@customElement('wb-procurement-quote-entry')
export class ProcurementQuoteEntry extends WbElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    form { display: grid; gap: 6px; padding: 8px; border: 1px solid var(--wb-border, #ddd); border-radius: 4px; }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; }
    .code { font-family: var(--wb-font-mono, monospace); min-width: 10em; }
    input.n { width: 5em; text-align: right; }
    input.note { flex: 1; min-width: 8em; }
  `];

  @property({ attribute: false }) rfq!: EntryRfq;
  @state() private supplierId = 0;
  @state() private rows = new Map<number, Row>();

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rfq') && !this.rfq.suppliers.some((s) => s.id === this.supplierId)) this.choose(this.rfq.suppliers[0]?.id ?? 0);
  }

  /** Fills the rows with what the supplier quoted already, so a correction starts from it. */
  private choose(supplierId: number): void {
    this.supplierId = supplierId;
    this.rows = new Map(this.rfq.lines.map((l) => {
      const q = l.quotes.find((x) => x.supplierId === supplierId);
      return [l.id, q ? { price: yuan(q.price), lead: String(q.leadTimeDays), min: String(q.minQty), note: q.note } : { price: '', lead: '', min: '', note: '' }];
    }));
  }

  private set(lineId: number, key: keyof Row, value: string): void {
    this.rows = new Map(this.rows).set(lineId, { ...this.rows.get(lineId)!, [key]: value });
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const lines = [];
    for (const l of this.rfq.lines) {
      const row = this.rows.get(l.id)!;
      if (row.price.trim() === '') continue;
      const price = yuanToFen(row.price);
      const lead = Number(row.lead);
      const min = row.min.trim() === '' ? undefined : Number(row.min);
      if (price === undefined || !Number.isInteger(lead) || lead < 0 || (min !== undefined && (!Number.isInteger(min) || min < 1))) {
        this.notifications.notify('error', this.t(`${l.skuCode}：单价写成元（如 42.50），交期和起订量写整数`, `${l.skuCode}: the price in yuan (e.g. 42.50), lead time and minimum as whole numbers`));
        return;
      }
      lines.push({ lineId: l.id, price, leadTimeDays: lead, ...(min === undefined ? {} : { minQty: min }), ...(row.note.trim() ? { note: row.note.trim() } : {}) });
    }
    if (lines.length === 0) {
      this.notifications.notify('error', this.t('至少填一行单价', 'Fill in at least one price'));
      return;
    }
    try {
      const rfq = await this.api.put<unknown>(`/procurement/rfqs/${this.rfq.id}/quotes`, { supplierId: this.supplierId, lines });
      const name = this.rfq.suppliers.find((s) => s.id === this.supplierId)?.name ?? '';
      this.notifications.notify('success', this.t(`已保存 ${name} 的报价`, `${name}'s quotes saved`));
      this.dispatchEvent(new CustomEvent('quotes-saved', { detail: rfq, bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    return html`<form @submit=${(e: Event) => void this.save(e)}>
      <div class="row"><strong>${this.t('录入报价', 'Enter quotes')}</strong>
        <label>${this.t('供应商', 'Supplier')}
          <select name="supplier" @change=${(e: Event) => this.choose(Number((e.target as HTMLSelectElement).value))}>
            ${this.rfq.suppliers.map((s) => html`<option value=${s.id} ?selected=${s.id === this.supplierId}>${s.name}</option>`)}
          </select></label></div>
      ${this.rfq.lines.map((l) => {
        const row = this.rows.get(l.id) ?? { price: '', lead: '', min: '', note: '' };
        return html`<div class="row"><span class="code">${l.skuCode} × ${l.qty}</span>
          <label>${this.t('单价（元）', 'Price (¥)')} <input class="n" inputmode="decimal" aria-label=${this.t(`${l.skuCode} 单价`, `${l.skuCode} price`)} .value=${row.price} @input=${(e: Event) => this.set(l.id, 'price', (e.target as HTMLInputElement).value)} /></label>
          <label>${this.t('交期（天）', 'Lead time (days)')} <input class="n" type="number" min="0" aria-label=${this.t(`${l.skuCode} 交期`, `${l.skuCode} lead time`)} .value=${row.lead} @input=${(e: Event) => this.set(l.id, 'lead', (e.target as HTMLInputElement).value)} /></label>
          <label>${this.t('起订量', 'Minimum')} <input class="n" type="number" min="1" aria-label=${this.t(`${l.skuCode} 起订量`, `${l.skuCode} minimum`)} .value=${row.min} @input=${(e: Event) => this.set(l.id, 'min', (e.target as HTMLInputElement).value)} /></label>
          <input class="note" aria-label=${this.t(`${l.skuCode} 备注`, `${l.skuCode} note`)} placeholder=${this.t('备注', 'Note')} .value=${row.note} @input=${(e: Event) => this.set(l.id, 'note', (e.target as HTMLInputElement).value)} /></div>`;
      })}
      <div class="row"><button type="submit">${this.t('保存报价', 'Save the quotes')}</button></div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-quote-entry': ProcurementQuoteEntry;
  }
}
