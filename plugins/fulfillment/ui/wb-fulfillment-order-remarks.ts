import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, type LocalizedText } from '@workbench/ui';
import { courierNames, courierText } from './courier-names.js';
import { fulfillmentStyles } from './styles.js';
import { FulfillmentOrderPart } from './wb-fulfillment-order-part.js';

/**
 * 备注: the remarks on the order, newest last, each as 工号+快递+备注 with who wrote it, and the
 * field to add one. The server checks the format; its answer (what is wrong, how to write it)
 * shows under the field.
 */
@customElement('wb-fulfillment-order-remarks')
export class FulfillmentOrderRemarks extends FulfillmentOrderPart {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      li { display: grid; grid-template-columns: auto auto minmax(0, 1fr); gap: 2px 8px; align-items: baseline; border-bottom: 1px solid var(--wb-border-soft, #ececec); }
      .agent { font-variant-numeric: tabular-nums; font-weight: 600; }
      .courier { color: var(--wb-accent, #0a64c8); }
      .by { grid-column: 1 / -1; font-size: 12px; color: var(--wb-muted, #616161); }
      .add { display: flex; gap: 6px; margin-top: 8px; }
      .add input { flex: 1; min-width: 0; }
      .field-error { display: block; margin-top: 4px; }
    `,
  ];

  @state() private text = '';
  @state() private problem = '';
  @state() private busy = false;
  @state() private couriers = new Map<string, LocalizedText>();

  override connectedCallback(): void {
    super.connectedCallback();
    void courierNames(this.api, this.workbench).then((names) => (this.couriers = names));
  }

  override render() {
    const o = this.order;
    if (!o) return nothing;
    const canAdd = this.workbench.can('fulfillment.orders.edit');
    return html`${o.remarks.length
        ? html`<ul class="plain remarks">${o.remarks.map((r) => html`<li>
            <span class="agent" title=${this.t('客服工号', 'Agent no.')}>${r.agentNo}</span>
            <span class="courier">${courierText(this.couriers, this.i18n, r.courier, r.courier)}</span>
            <span class="note">${r.note || r.text}</span>
            <span class="by">${r.authorName} · ${this.i18n.dateTime(r.createdAt)}</span>
          </li>`)}</ul>`
        : html`<p class="hint">${this.t('还没有备注。', 'No remarks yet.')}</p>`}
      ${canAdd
        ? html`<div class="add">
              <input id="remark" aria-label=${this.t('新备注', 'New remark')} placeholder=${this.t('工号+快递+备注，如 12+申通+送袜子一双', 'agent+courier+note, e.g. 12+申通+送袜子一双')}
                aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="remark-help" .value=${this.text}
                @input=${(e: Event) => ((this.text = (e.target as HTMLInputElement).value), (this.problem = ''))}
                @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), void this.add())} />
              <button class="add-remark" ?disabled=${this.busy || !this.text.trim()} @click=${() => void this.add()}>${this.t('加备注', 'Add')}</button>
            </div>
            ${this.problem
              ? html`<span id="remark-help" class="field-error" role="alert">${this.problem}</span>`
              : html`<span id="remark-help" class="hint">${this.t('格式：工号+快递+备注，用加号隔开；Enter 添加。', 'Format: agent no.+courier+note, joined by plus signs; Enter adds it.')}</span>`}`
        : nothing}`;
  }

  private async add(): Promise<void> {
    const text = this.text.trim();
    if (!text || this.busy) return;
    this.busy = true;
    try {
      await this.api.post(`/fulfillment/orders/${this.order!.id}/remarks`, { text });
      this.text = '';
      this.problem = '';
      this.changed();
    } catch (error) {
      this.problem = this.refused(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-remarks': FulfillmentOrderRemarks;
  }
}
