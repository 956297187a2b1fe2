import { css, html } from 'lit';
import { tip } from './cell-tip.js';
import { customElement } from 'lit/decorators.js';
import { type Column, listPanelStyles, type LocalizedText, ReloadOnChange, WbElement } from '@workbench/ui';
import type { Product } from '../server/types.js';
import type { RevisionDiffEntry } from '../server/revisions/revision-types.js';
import { changeText } from './revision-text.js';

/** A review-queue row: the product plus who submitted it and what its checklist said. */
type QueueRow = Product & {
  submitterName?: string | null;
  submittedByName?: string | null;
  failedRules?: (string | { id: string; title?: LocalizedText })[];
  checklist?: { passed: boolean; failed?: number; rules?: { id: string; title: LocalizedText; passed: boolean }[] };
} & Record<string, unknown>;

/** A pending change to a listed product, with before → after. */
type RevisionRow = { id: number; productId: number; productTitle: string; diff: RevisionDiffEntry[]; editors: { id: number; name: string }[]; createdAt: string } & Record<string, unknown>;

/**
 * 上架审核: the products waiting for review, oldest first, with the submitter, the failing rules
 * and the reason given; below them the changes to listed products, each with what it changes.
 * Opening one shows it in the product editor with 通过 / 驳回.
 */
@customElement('wb-listings-review-queue')
export class ListingsReviewQueue extends WbElement {
  static override styles = [
    listPanelStyles,
    css`
      :host { gap: 0; }
      wb-data-table { min-height: 120px; }
      h3 { font-size: 12px; margin: 8px 0 4px; }
    `,
  ];

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['listings.review', 'listings.products']);
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
    </wb-data-table>
    <h3>${this.t('已上架商品的修改', 'Changes to listed products')}</h3>
    ${this.renderRevisions()}`;
  }

  private renderRevisions() {
    const changes = (r: RevisionRow) =>
      r.diff
        .map((d) => {
          const line = changeText(d, this.i18n, (zh, en) => this.t(zh, en));
          return `${line.what}：${line.before} → ${line.after}`;
        })
        .join('；');
    const columns: Column<RevisionRow>[] = [
      { key: 'productTitle', title: { 'zh-CN': '商品', en: 'Product' }, width: 'minmax(80px, 1fr)', render: (r) => tip(r.productTitle) },
      { key: 'diff', title: { 'zh-CN': '改动', en: 'Changes' }, width: 'minmax(100px, 2fr)', render: (r) => tip(changes(r)) },
      { key: 'editors', title: { 'zh-CN': '修改人', en: 'Edited by' }, width: 'minmax(56px, 1fr)', render: (r) => tip(r.editors.map((e) => e.name).join(this.t('、', ', '))) },
      { key: 'createdAt', title: { 'zh-CN': '提交时间', en: 'Since' }, type: 'datetime', hidden: true },
    ];
    return html`<wb-data-table class="revisions" source="/listings/revisions" storageKey="listings-revisions" .columns=${columns}
      @row-open=${(e: CustomEvent<{ row: RevisionRow }>) => this.workbench.openEditor({ opens: 'product', id: String(e.detail.row.productId), title: e.detail.row.productTitle })}>
      <span slot="empty">${this.t('没有待审核的修改', 'No changes wait for review')}</span>
    </wb-data-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-listings-review-queue': ListingsReviewQueue;
  }
}
