import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';
import { listingsStyles } from './styles.js';

interface HistoryEntry {
  action: string;
  actorId: number | null;
  actorName: string | null;
  at: string;
  note: string | null;
}

const ACTIONS: Record<string, [string, string]> = {
  created: ['新建', 'Created'],
  submitted: ['提交审核', 'Submitted'],
  submit: ['提交审核', 'Submitted'],
  approved: ['审核通过', 'Approved'],
  approve: ['审核通过', 'Approved'],
  rejected: ['驳回', 'Rejected'],
  reject: ['驳回', 'Rejected'],
  list: ['上架', 'Listed'],
  listed: ['上架', 'Listed'],
  delisted: ['下架', 'Delisted'],
  delist: ['下架', 'Delisted'],
  schedule: ['定时上下架', 'Scheduled'],
  'approve-revision': ['修改审核通过', 'Changes approved'],
  'reject-revision': ['修改被驳回', 'Changes rejected'],
};

/** Who moved the product through the listing workflow, newest last. Reloads when `stamp` changes. */
@customElement('wb-listings-product-history')
export class ListingsProductHistory extends WbElement {
  static override styles = [controlStyles, listingsStyles];

  @property({ type: Number }) productId = 0;
  @property({ type: Number }) stamp = 0;
  @state() private items: HistoryEntry[] = [];

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('productId') || changed.has('stamp')) && this.productId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: HistoryEntry[] }>(`/listings/products/${this.productId}/history`)).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.items.length) return html`<p class="hint">${this.t('还没有记录', 'Nothing recorded yet')}</p>`;
    return html`<ul class="plain history">
      ${this.items.map((h) => {
        const label = ACTIONS[h.action];
        return html`<li><span class="hint">${this.i18n.dateTime(h.at)}</span> ${h.actorName ?? ''} · ${label ? this.t(label[0], label[1]) : h.action}${h.note ? html`<div class="hint">${h.note}</div>` : ''}</li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-product-history': ListingsProductHistory;
  }
}
