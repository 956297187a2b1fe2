import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import { statusBadge, labelStyles } from './labels.js';
import { fulfillmentStyles } from './styles.js';
import { reasonText, type BatchOutcome } from './wb-fulfillment-order-record.js';
import { ORDER_STATUSES, type OrderStatus } from '../shared/state-names.js';

/** What a batch action shows: a heading, the counts line, and each order's outcome. */
export interface OutcomeReport {
  heading: string;
  summary: string;
  results: BatchOutcome[];
}

/**
 * The answer of 批量审核 or 自动审单, order by order: which were approved, which became 异常 or
 * were left, and why. An order number opens the order, so the clerk can fix it at once.
 */
@customElement('wb-fulfillment-orders-outcome')
export class FulfillmentOrdersOutcome extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    labelStyles,
    css`
      .scroll { max-height: 50vh; overflow: auto; min-width: min(520px, 80vw); }
      td.reasons { white-space: normal; }
      td.no { white-space: nowrap; }
    `,
  ];

  @state() private report?: OutcomeReport;

  show(report: OutcomeReport): void {
    this.report = report;
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    return html`<wb-dialog heading=${r.heading} open @close=${() => (this.report = undefined)}>
      <p class="summary" role="status">${r.summary}</p>
      ${r.results.length
        ? html`<div class="scroll"><table class="list outcomes">
            <thead><tr><th>${this.t('订单号', 'Order')}</th><th>${this.t('结果', 'Outcome')}</th><th>${this.t('原因', 'Reasons')}</th></tr></thead>
            <tbody>${r.results.map((x) => html`<tr data-order=${x.orderNo}>
              <td class="no"><button class="link" @click=${() => this.open(x)}>${x.orderNo}</button></td>
              <td>${this.outcome(x.outcome)}</td>
              <td class="reasons">${x.reasons.map(reasonText).join('；')}</td>
            </tr>`)}</tbody>
          </table></div>`
        : html`<p class="hint">${this.t('没有要处理的订单。', 'There were no orders to handle.')}</p>`}
      <button slot="actions" class="primary" @click=${() => (this.report = undefined)}>${this.t('知道了', 'OK')}</button>
    </wb-dialog>`;
  }

  /** An outcome that names a state shows the state's badge; any other word is shown as sent. */
  private outcome(outcome: string) {
    const pick = (n: { 'zh-CN': string; en: string }) => this.i18n.text(n);
    if ((ORDER_STATUSES as readonly string[]).includes(outcome)) return statusBadge(outcome as OrderStatus, pick);
    const words: Record<string, [string, string]> = {
      refused: ['未通过', 'Not approved'],
      skipped: ['跳过', 'Skipped'],
      failed: ['未通过', 'Not approved'],
      stale: ['已被别人改过', 'Changed by someone else'],
    };
    const w = words[outcome];
    return html`<span class="wb-ful-badge fail">${w ? this.t(w[0], w[1]) : outcome}</span>`;
  }

  private open(x: BatchOutcome): void {
    this.report = undefined;
    this.workbench.openEditor({ opens: 'order', id: String(x.orderId), title: x.orderNo });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-orders-outcome': FulfillmentOrdersOutcome;
  }
}
