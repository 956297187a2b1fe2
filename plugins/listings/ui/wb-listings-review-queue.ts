import { css, html } from 'lit';
import { tip } from './cell-tip.js';
import { customElement } from 'lit/decorators.js';
import { controlStyles, type Column, type LocalizedText } from '@workbench/ui';
import type { Product } from '../server/types.js';
import { listen } from './changes.js';
import { ListingsElement } from './listings-element.js';

/** A review-queue row: the product plus who submitted it and what its checklist said. */
type QueueRow = Product & {
  submitterName?: string | null;
  submittedByName?: string | null;
  failedRules?: (string | { id: string; title?: LocalizedText })[];
  checklist?: { passed: boolean; failed?: number; rules?: { id: string; title: LocalizedText; passed: boolean }[] };
} & Record<string, unknown>;

/**
 * 上架审核: the products waiting for review, oldest first, with the submitter, the failing rules
 * and the reason given. Opening one shows it in the product editor with 通过 / 驳回.
 */
@customElement('wb-listings-review-queue')
export class ListingsReviewQueue extends ListingsElement {
  static override styles = [controlStyles, css`:host { display: flex; flex-direction: column; height: 100%; padding: 0 8px 8px; box-sizing: border-box; } wb-data-table { flex: 1; }`];
  private stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stop = listen(['review', 'products'], () => void this.renderRoot.querySelector('wb-data-table')?.reload());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  private submitter(row: QueueRow): string {
    return row.submitterName ?? row.submittedByName ?? this.t('未知', 'Unknown');
  }

  private failed(row: QueueRow): string {
    const rules = row.failedRules ?? row.checklist?.rules?.filter((r) => !r.passed) ?? [];
    if (!rules.length) return row.checklist?.passed === false ? this.t('有未通过', 'Some fail') : this.t('全部通过', 'All pass');
    return rules.map((r) => (typeof r === 'string' ? r : this.i18n.text(r.title ?? r.id))).join('，');
  }

  override render() {
    const columns: Column<QueueRow>[] = [
      { key: 'title', title: { 'zh-CN': '商品', en: 'Product' }, width: 'minmax(100px, 2fr)', render: (r) => tip(r.title) },
      { key: 'submitterName', title: { 'zh-CN': '提交人', en: 'Submitted by' }, width: 'minmax(64px, 1fr)', render: (r) => tip(this.submitter(r)) },
      { key: 'failedRules', title: { 'zh-CN': '未通过规则', en: 'Failing rules' }, width: 'minmax(64px, 1fr)', render: (r) => tip(this.failed(r)) },
      { key: 'submitReason', title: { 'zh-CN': '说明', en: 'Reason' }, hidden: true },
      { key: 'submittedAt', title: { 'zh-CN': '提交时间', en: 'Submitted' }, type: 'datetime', hidden: true },
    ];
    return html`<wb-data-table source="/listings/review-queue" storageKey="listings-review" .columns=${columns}
      @row-open=${(e: CustomEvent<{ row: QueueRow }>) => this.workbench.openEditor({ opens: 'product', id: String(e.detail.row.id), title: e.detail.row.title })}>
      <span slot="empty">${this.t('没有待审核的商品', 'Nothing waits for review')}</span>
    </wb-data-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-review-queue': ListingsReviewQueue;
  }
}
