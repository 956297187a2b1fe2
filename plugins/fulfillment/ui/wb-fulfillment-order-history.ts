import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import { historyActionName } from '../shared/history-actions.js';
import { exceptionName, labelStyles, statusBadge } from './labels.js';
import { FulfillmentOrderPart } from './wb-fulfillment-order-part.js';
import type { HistoryEntry, OrderSteps } from './wb-fulfillment-order-record.js';
import type { ExceptionCode } from '../shared/state-names.js';

const STEPS: [keyof OrderSteps, string, string][] = [
  ['reviewedBy', '审单', 'Reviewed'],
  ['pickedBy', '拣货', 'Picked'],
  ['verifiedBy', '复核', 'Verified'],
  ['packedBy', '打包', 'Packed'],
  ['shippedBy', '发货', 'Shipped'],
];

/**
 * 责任人 (who reviewed, picked, verified, packed and shipped the order, so a mistake is traced to a
 * person) and the order's whole history: every step with who did it and when.
 */
@customElement('wb-fulfillment-order-history')
export class FulfillmentOrderHistory extends FulfillmentOrderPart {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    labelStyles,
    css`
      .steps { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 10px; margin: 0 0 8px; }
      .steps dt { color: var(--wb-muted, #616161); }
      .steps dd { margin: 0; }
      .history li { display: grid; grid-template-columns: minmax(0, 1fr); border-bottom: 1px solid var(--wb-border-soft, #ececec); }
      .what { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
      .when { font-size: 12px; color: var(--wb-muted, #616161); }
      .detail { font-size: 12px; overflow-wrap: anywhere; }
    `,
  ];

  @property({ type: Number }) stamp = 0;
  @state() private entries: HistoryEntry[] = [];

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('stamp') || changed.has('order')) && this.order) void this.load(this.order.id);
  }

  private async load(id: number): Promise<void> {
    try {
      const answer = await this.api.get<{ items: HistoryEntry[] } | HistoryEntry[]>(`/fulfillment/orders/${id}/history`);
      this.entries = Array.isArray(answer) ? answer : answer.items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const o = this.order;
    if (!o) return nothing;
    const pick = (n: { 'zh-CN': string; en: string }) => this.i18n.text(n);
    return html`<h3>${this.t('责任人', 'Responsible')}</h3>
      <dl class="steps">${STEPS.map(([key, zh, en]) => {
        const s = o.steps[key];
        return html`<dt>${this.t(zh, en)}</dt><dd class="step-${key}">${s ? html`${s.name} <span class="when">${this.i18n.dateTime(s.at)}</span>` : html`<span class="hint">—</span>`}</dd>`;
      })}</dl>
      <h3>${this.t('历史记录', 'History')}</h3>
      ${this.entries.length
        ? html`<ul class="plain history">${this.entries.map((h) => {
            const note = detailText(h.detail, pick);
            return html`<li data-action=${h.action}>
              <span class="what">${pick(historyActionName(h.action))}${h.from && h.to && h.from !== h.to ? html` ${statusBadge(h.from, pick)}→${statusBadge(h.to, pick)}` : nothing}</span>
              ${note ? html`<span class="detail">${note}</span>` : nothing}
              <span class="when">${h.actorName} · ${this.i18n.dateTime(h.at)}</span>
            </li>`;
          })}</ul>`
        : html`<p class="hint">${this.t('还没有记录。', 'Nothing yet.')}</p>`}`;
  }
}

/** A reason or note from a history row's detail, when it has one. */
function detailText(detail: Record<string, unknown> | undefined, pick: (n: { 'zh-CN': string; en: string }) => string): string {
  if (!detail) return '';
  for (const key of ['reason', 'text', 'note', 'message']) if (typeof detail[key] === 'string' && detail[key]) return detail[key] as string;
  // Automatic review names the rules that stopped the order by their exception codes.
  if (Array.isArray(detail.codes)) return (detail.codes as ExceptionCode[]).map((c) => pick(exceptionName(c))).join(pick({ 'zh-CN': '、', en: ', ' }));
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-order-history': FulfillmentOrderHistory;
  }
}
