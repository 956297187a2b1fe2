import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type BulkAction, changes, type Column, confirmDialog, listPanelStyles, type LocalizedText, type Page, ReloadOnChange, reportFilters, RovingFocus, styleMap, type TableQuery, type WbDataTable, WbElement } from '@workbench/ui';
import type { FlagColour, OrderStatus } from '../shared/state-names.js';
import { exceptionName, flagChip, labelStyles, platformBadge, priorityBadge, statusBadge, statusName } from './labels.js';
import { courierNames, courierText } from './courier-names.js';
import { fulfillmentMarks } from './styles.js';
import { OPEN_QUEUE, OPEN_STATUSES, type BatchAnswer, type OrderRow, type OrdersFilter } from './wb-fulfillment-order-record.js';
import { filterCount } from './wb-fulfillment-orders-filters.js';
import { onFilterRequest, takePendingFilter } from './wb-fulfillment-orders-link.js';
import type { FulfillmentOrdersOutcome } from './wb-fulfillment-orders-outcome.js';
import './wb-fulfillment-import-dialog.js';
import './wb-fulfillment-order-flag-picker.js';
import './wb-fulfillment-orders-filters.js';
import './wb-fulfillment-orders-outcome.js';

/** The queues in the order a clerk works them; '' is every order, `OPEN_QUEUE` every one not done. */
const QUEUES: NonNullable<OrdersFilter['status']>[] = ['', OPEN_QUEUE, 'pending', 'exception', 'approved', 'picked', 'verified', 'shipped', 'fraud', 'closed'];

type ListAnswer = Page<OrderRow> & { counts?: Partial<Record<OrderStatus, number>> };

/**
 * 订单, a work list in its own tab: the work queues by state with their counts, the search (order number,
 * receiver, payment account, tracking number) and filters, and the list in queue order (priority,
 * then placed). Selected rows take 批量审核, 自动审单 and 插旗; Enter opens an order in a tab.
 */
@customElement('wb-fulfillment-orders')
export class FulfillmentOrders extends WbElement {
  static override styles = [
    listPanelStyles,
    fulfillmentMarks,
    labelStyles,
    css`
      :host { gap: 4px; }
      .queues { display: grid; grid-template-columns: repeat(auto-fill, minmax(84px, 1fr)); gap: 3px; }
      .queues button { padding: 2px 6px; min-height: 26px; display: flex; justify-content: space-between; gap: 4px; font-size: 12px; }
      .queues button[aria-selected='true'] { border-color: var(--wb-accent, #0a64c8); background: var(--wb-selected, #dbeafe); font-weight: 600; }
      .queues .n { font-variant-numeric: tabular-nums; color: var(--wb-muted, #616161); }
      .queues .n.some { color: inherit; }
      details { border: 1px solid var(--wb-border-soft, #ececec); border-radius: 4px; padding: 2px 6px; }
      details[open] { padding-bottom: 6px; }
      summary { cursor: pointer; font-size: 12px; color: var(--wb-muted, #616161); }
      wb-data-table { flex: 1; min-height: 240px; }
      .hint { margin: 0; }
    `,
  ];

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['fulfillment.orders'], { reload: () => this.reload() });
  @state() private filter: OrdersFilter = {};
  @state() private couriers = new Map<string, LocalizedText>();
  /** The table's query, made anew only when the filter changes: a new object refetches the list. */
  @state() private query: Record<string, string> = {};
  @state() private counts: Partial<Record<OrderStatus, number>> = {};
  @state() private flagging?: OrderRow[];
  @state() private flagChoice: FlagColour = 1;
  /** The filter of the rows on screen — the view's filters and the table's search — for 自动审单. */
  private shown: Record<string, string> = {};
  private readonly roving = new RovingFocus(this, () => [...this.renderRoot.querySelectorAll<HTMLElement>('.queues [role=tab]')]);
  private stops: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.stops = [onFilterRequest((f) => this.applyFilter(f))];
    void courierNames(this.api, this.workbench).then((names) => (this.couriers = names));
    this.addEventListener('keydown', this.onKeyDown);
    const asked = takePendingFilter();
    if (asked) this.applyFilter(asked);
    else if (this.hasUpdated) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops.splice(0)) stop();
    this.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'i' && this.workbench.can('fulfillment.orders.import')) {
      e.preventDefault();
      this.openImport();
    }
  };

  /** The filters a link or a saved search opens the list with (the shell sets them from the URL). */
  @property({ attribute: false })
  set filters(filters: Record<string, string>) {
    if (JSON.stringify(filters) !== JSON.stringify(this.query)) this.applyFilter(filters as OrdersFilter);
  }

  private applyFilter(filter: OrdersFilter): void {
    this.filter = filter;
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(filter)) if (v) query[k] = String(v);
    this.query = query;
    // The filters go into the tab's URL, so a link, back/forward or a saved search brings them back.
    reportFilters(this, query);
  }

  private reload(): void {
    void this.table()?.reload();
  }

  private table(): WbDataTable<OrderRow> | null {
    return this.renderRoot.querySelector<WbDataTable<OrderRow>>('wb-data-table');
  }

  private readonly fetcher = async (query: TableQuery): Promise<Page<OrderRow>> => {
    this.shown = shownFilter(query);
    const answer = await this.api.get<ListAnswer>('/fulfillment/orders', query);
    if (answer.counts) this.counts = answer.counts;
    return answer;
  };

  override render() {
    const can = (p: string) => this.workbench.can(`fulfillment.${p}`);
    const set = filterCount(this.filter);
    const [importing, entering, reviewing] = [can('orders.import'), can('orders.edit'), can('orders.review')];
    const bulk = this.bulkActions();
    return html`${importing || entering || reviewing
        ? html`<wb-toolbar label=${this.t('订单', 'Orders')}>
            ${importing ? html`<button class="import" @click=${() => this.openImport()}>${this.t('导入订单', 'Import')}</button>` : nothing}
            ${entering ? html`<button class="new" @click=${() => void this.commands.run('fulfillment.newOrder')}>${this.t('手工录入', 'Enter order')}</button>` : nothing}
            ${entering ? html`<button class="item-mappings" title=${this.t('没有商家编码的宝贝对应到哪个 SKU', 'Which SKU each item without a code is')} @click=${() => void this.commands.run('fulfillment.itemMappings')}>${this.t('宝贝对应', 'Item mappings')}</button>` : nothing}
            ${reviewing ? html`<button class="auto-review" title=${this.t('审核当前筛选出的待审核订单（勾选了订单时只审选中的）：通过的审核，不通过的转异常并写明原因', 'Review the orders to review under the current filter (only the chosen ones when some are ticked): those that pass are approved, the rest become exceptions with the reasons')} @click=${() => void this.autoReview()}>${this.t('自动审单', 'Auto-review')}</button>` : nothing}
          </wb-toolbar>`
        : nothing}
      ${this.renderQueues()}
      <details ?open=${set > 0}>
        <summary>${set ? this.t(`筛选（已设 ${set} 项）`, `Filters (${set} set)`) : this.t('筛选：旗帜、日期、快递、商家编码、异常、换货补发', 'Filters: flag, date, courier, SKU, exception, exchange or reshipment')}</summary>
        <wb-fulfillment-orders-filters .filter=${this.filter} @filter-change=${(e: CustomEvent<{ filter: OrdersFilter }>) => this.applyFilter(e.detail.filter)}></wb-fulfillment-orders-filters>
      </details>
      <wb-data-table storageKey="fulfillment-orders" ?selectable=${bulk.length > 0} rowHeight="44" .fetcher=${this.fetcher} .query=${this.query} .columns=${this.columns()} .bulkActions=${bulk}
        @row-open=${(e: CustomEvent<{ row: OrderRow }>) => this.workbench.openEditor({ opens: 'order', id: String(e.detail.row.id), title: e.detail.row.orderNo })}>
        <span slot="empty">${this.t('没有符合条件的订单', 'No orders match')}</span>
      </wb-data-table>
      <p class="hint">${this.workbench.can('fulfillment.customer.read')
        ? this.t('搜索：订单号（可只输前几位）、收件人、支付账号、运单号', 'Search: order no. (or its start), receiver, payment account, tracking no.')
        : this.t('搜索：订单号（可只输前几位）、运单号（收件人和支付账号只对能查看顾客信息的同事开放）', 'Search: order no. (or its start), tracking no. (receiver and payment account only for staff who may see customer details)')}<br />${this.shortcuts(importing, entering)}</p>
      <wb-fulfillment-import-dialog></wb-fulfillment-import-dialog>
      <wb-fulfillment-orders-outcome></wb-fulfillment-orders-outcome>
      ${this.flagging ? this.renderFlagDialog(this.flagging) : nothing}`;
  }

  private shortcuts(importing: boolean, entering: boolean): string {
    const keys = [this.t('↑↓ 选行，空格勾选，Enter 打开', '↑↓ row, Space select, Enter open')];
    if (importing) keys.push(this.t('Alt+I 导入', 'Alt+I import'));
    if (entering) keys.push(this.t('Ctrl+Alt+O 手工录入', 'Ctrl+Alt+O enter an order'));
    return keys.join(' · ');
  }

  protected override updated(): void {
    this.roving.sync(this.renderRoot.querySelector<HTMLElement>('.queues [aria-selected=true]') ?? undefined);
  }

  private renderQueues() {
    const current = this.filter.status ?? '';
    const total = Object.values(this.counts).reduce((a, b) => a + (b ?? 0), 0);
    return html`<div class="queues" role="tablist" aria-label=${this.t('订单队列', 'Order queues')}>
      ${QUEUES.map((s) => {
        const open = s === OPEN_QUEUE;
        const n = open ? OPEN_STATUSES.reduce((a, x) => a + (this.counts[x] ?? 0), 0) : s ? (this.counts[s as OrderStatus] ?? 0) : total;
        const label = open ? this.t('未完成', 'Open') : s ? this.i18n.text(statusName(s as OrderStatus)) : this.t('全部', 'All');
        return html`<button role="tab" data-status=${open ? 'open' : s || 'all'} aria-selected=${s === current ? 'true' : 'false'} @click=${() => this.applyFilter({ ...this.filter, status: s })}>
          <span>${label}</span><span class="n ${n ? 'some' : ''}">${n}</span>
        </button>`;
      })}
    </div>`;
  }

  private cachedColumns?: Column<OrderRow>[];

  /** Made once: a new array on every render would make the table read its column choice again. */
  private columns(): Column<OrderRow>[] {
    return (this.cachedColumns ??= this.makeColumns());
  }

  /**
   * The side bar is narrow (300px by default): one column carries the order in two lines — priority,
   * flag and number above; receiver, amount and time below — beside its state. The rest are in the
   * column menu for a wider side bar. Cells render in the table's shadow root, hence inline looks.
   */
  private makeColumns(): Column<OrderRow>[] {
    const pick = (n: { 'zh-CN': string; en: string }) => this.i18n.text(n);
    const line = styleMap({ display: 'flex', gap: '4px', alignItems: 'center', overflow: 'hidden', lineHeight: '18px' });
    const sub = styleMap({ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: '12px', lineHeight: '16px', color: 'var(--wb-muted, #616161)' });
    const no = styleMap({ fontVariantNumeric: 'tabular-nums', overflow: 'hidden', textOverflow: 'ellipsis' });
    const task = styleMap({ fontSize: '11px', color: 'var(--wb-accent, #0a64c8)', flex: 'none' });
    const masked = (r: OrderRow, text: string) => (r.receiverMasked ? html`<span class="masked" style=${styleMap({ color: 'var(--wb-muted, #616161)' })}>${text}</span>` : text);
    return [
      {
        key: 'orderNo',
        title: { 'zh-CN': '订单', en: 'Order' },
        sortable: true,
        width: 'minmax(0, 1fr)',
        render: (r) => html`<span style=${line} title=${r.orderNo}>${priorityBadge(r.priority, pick)}${flagChip(r.flag, pick, { nameless: true })}<span class="order-no" style=${no}>${r.orderNo}</span>${r.task ? html`<span style=${task}>${this.t('任务', 'task')}</span>` : nothing}${r.followUp ? html`<span style=${task} data-follow-up=${r.followUp.kind}>${r.followUp.kind === 'exchange' ? this.t('换货', 'exchange') : this.t('补发', 'reship')}</span>` : nothing}</span>
          <span style=${sub}>${masked(r, r.receiverName)} · ${this.i18n.money(r.total)} · ${this.i18n.dateTime(r.placedAt, { year: false })}</span>`,
      },
      // English state names are longer than the two or three characters of the Chinese ones.
      { key: 'status', title: { 'zh-CN': '状态', en: 'Status' }, width: this.en ? '112px' : '64px', render: (r) => statusBadge(r.status, pick) },
      { key: 'priority', title: { 'zh-CN': '优先级', en: 'Priority' }, width: '56px', sortable: true, hidden: true, render: (r) => priorityBadge(r.priority, pick) },
      { key: 'receiverName', title: { 'zh-CN': '收件人', en: 'Receiver' }, hidden: true, render: (r) => masked(r, r.receiverName) },
      { key: 'receiverPhone', title: { 'zh-CN': '手机', en: 'Phone' }, hidden: true, render: (r) => masked(r, r.receiverPhone) },
      { key: 'total', title: { 'zh-CN': '金额', en: 'Total' }, type: 'money', sortable: true, hidden: true },
      { key: 'placedAt', title: { 'zh-CN': '下单时间', en: 'Placed' }, sortable: true, hidden: true, width: '128px', render: (r) => this.i18n.dateTime(r.placedAt) },
      { key: 'paidAt', title: { 'zh-CN': '付款时间', en: 'Paid' }, sortable: true, hidden: true, width: '128px', render: (r) => this.i18n.dateTime(r.paidAt) },
      { key: 'buyerNick', title: { 'zh-CN': '买家', en: 'Buyer' }, hidden: true },
      { key: 'platformStatus', title: { 'zh-CN': '平台状态', en: 'Platform' }, hidden: true, render: (r) => platformBadge(r.platformStatus, pick) },
      { key: 'exceptions', title: { 'zh-CN': '异常原因', en: 'Exceptions' }, hidden: true, render: (r) => r.exceptions.map((x) => this.i18n.text(exceptionName(x.code))).join(this.t('、', ', ')) },
      { key: 'courier', title: { 'zh-CN': '快递', en: 'Courier' }, hidden: true, render: (r) => courierText(this.couriers, this.i18n, r.courier, r.courier) ?? '' },
      { key: 'trackingNo', title: { 'zh-CN': '运单号', en: 'Tracking no.' }, hidden: true },
    ];
  }

  private bulkActions(): BulkAction<OrderRow>[] {
    const actions: BulkAction<OrderRow>[] = [];
    if (this.workbench.can('fulfillment.orders.review')) {
      actions.push(
        { id: 'batch-approve', label: { 'zh-CN': '批量审核', en: 'Approve' }, run: (rows) => this.batch('batch-approve', { orderIds: rows.map((r) => r.id) }) },
        { id: 'auto-review', label: { 'zh-CN': '自动审单', en: 'Auto-review' }, run: (rows) => this.autoReviewChosen(rows) },
      );
    }
    if (this.workbench.can('fulfillment.orders.edit')) actions.push({ id: 'flag', label: { 'zh-CN': '插旗', en: 'Flag' }, run: (rows) => ((this.flagging = rows), false) });
    return actions;
  }

  /** 批量审核 or 自动审单 of the chosen rows, or 自动审单 of what the filter shows; then each order's outcome. */
  private async batch(kind: 'batch-approve' | 'auto-review', body: { orderIds: number[] } | { filter: Record<string, string>; expectedCount: number }): Promise<void> {
    const answer = await this.api.post<BatchAnswer>(`/fulfillment/orders/${kind}`, body);
    const { approved, exceptions = 0, refused = 0, skipped = 0 } = answer;
    const heading = kind === 'auto-review' ? this.t('自动审单结果', 'Auto-review') : this.t('批量审核结果', 'Batch approval');
    const skippedZh = skipped ? `，跳过 ${skipped} 单（不在审核范围）` : '';
    const skippedEn = skipped ? `, ${skipped} skipped (not up for review)` : '';
    const summary =
      kind === 'auto-review'
        ? this.t(`审核通过 ${approved} 单，转异常 ${exceptions} 单${skippedZh}。`, `${approved} approved, ${exceptions} became exceptions${skippedEn}.`)
        : this.t(`审核通过 ${approved} 单，未通过 ${refused} 单（保持原状）${skippedZh}。`, `${approved} approved, ${refused} not approved (left as they were)${skippedEn}.`);
    this.renderRoot.querySelector<FulfillmentOrdersOutcome>('wb-fulfillment-orders-outcome')?.show({ heading, summary, results: answer.results });
    changes.announce('fulfillment.orders');
  }

  /** 自动审单 of the ticked rows, after saying how many of them are 待审核. */
  private async autoReviewChosen(rows: OrderRow[]): Promise<boolean> {
    const pending = rows.filter((r) => r.status === 'pending').length;
    const others = rows.length - pending;
    const ok = await confirmDialog(this, {
      heading: this.t('自动审单', 'Auto-review'),
      message: this.t(
        `审核选中的 ${rows.length} 单${others ? `（其中待审核 ${pending} 单，其余 ${others} 单不在审核范围，会跳过）` : ''}：通过的直接审核，不通过的转为异常并写明原因。`,
        `Reviews the ${rows.length} chosen orders${others ? ` (${pending} to review; the other ${others} are skipped)` : ''}: those that pass are approved, the rest become exceptions with the reasons.`,
      ),
      confirmLabel: this.t(`审核 ${rows.length} 单`, `Review ${rows.length}`),
    });
    if (!ok) return false;
    await this.batch('auto-review', { orderIds: rows.map((r) => r.id) });
    return true;
  }

  /**
   * 自动审单 with nothing ticked: the 待审核 orders of the filter on screen, counted afresh for the
   * confirmation; the server refuses (409) if that count no longer holds when it starts.
   */
  private async autoReview(): Promise<void> {
    try {
      const filter = { ...this.shown };
      const answer = await this.api.get<ListAnswer>('/fulfillment/orders', { ...filter, page: 1, pageSize: 1 });
      const states = (filter.status ?? '').split(',').filter((x) => x);
      const count = states.length === 0 || states.includes('pending') ? (answer.counts?.pending ?? 0) : 0;
      const set = Object.keys(filter).length;
      if (count === 0) {
        this.notifications.notify('info', set ? this.t('当前筛选下没有待审核订单。', 'No orders to review under the current filter.') : this.t('没有待审核订单。', 'No orders to review.'));
        return;
      }
      const scope = set ? this.t(`当前筛选出的 ${count} 个待审核订单`, `the ${count} orders to review under the current filter`) : this.t(`全部 ${count} 个待审核订单`, `all ${count} orders to review`);
      const ok = await confirmDialog(this, {
        heading: this.t('自动审单', 'Auto-review'),
        message: this.t(`按审单规则检查${scope}：通过的直接审核，不通过的转为异常并写明原因。`, `Checks ${scope} against the review rules: those that pass are approved, the rest become exceptions with the reasons.`),
        confirmLabel: this.t(`审核 ${count} 单`, `Review ${count}`),
      });
      if (!ok) return;
      await this.batch('auto-review', { filter, expectedCount: count });
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private renderFlagDialog(rows: OrderRow[]) {
    return html`<wb-dialog heading=${this.t(`给 ${rows.length} 个订单插旗`, `Flag ${rows.length} orders`)} open @close=${() => (this.flagging = undefined)}>
      <wb-fulfillment-order-flag-picker .value=${this.flagChoice} @flag-change=${(e: CustomEvent<{ flag: FlagColour }>) => (this.flagChoice = e.detail.flag)}></wb-fulfillment-order-flag-picker>
      <p class="hint">${this.t('选“无旗”即撤掉旗帜。', 'Choose “No flag” to take the flag off.')}</p>
      <button slot="actions" @click=${() => (this.flagging = undefined)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary confirm-flag" @click=${() => void this.flag(rows, this.flagChoice)}>${this.t('插旗', 'Flag')}</button>
    </wb-dialog>`;
  }

  /** Flags each order at the version the list read; a changed one is counted and named, not forced. */
  private async flag(rows: OrderRow[], flag: FlagColour): Promise<void> {
    this.flagging = undefined;
    const failed: string[] = [];
    for (const row of rows) {
      try {
        await this.api.post(`/fulfillment/orders/${row.id}/flag`, { version: row.version, flag });
      } catch (error) {
        failed.push(`${row.orderNo}：${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const done = rows.length - failed.length;
    if (failed.length) this.notifications.notify('warning', this.t(`已插旗 ${done} 单；${failed.length} 单没插上：${failed.join('；')}`, `${done} flagged; ${failed.length} not: ${failed.join('; ')}`));
    else this.notifications.notify('success', this.t(`已给 ${done} 个订单插旗`, `${done} orders flagged`));
    changes.announce('fulfillment.orders');
  }

  private openImport(): void {
    this.renderRoot.querySelector('wb-fulfillment-import-dialog')?.show();
  }
}

/** The list's filter in a table query: everything but paging and sorting. */
function shownFilter(query: TableQuery): Record<string, string> {
  const filter: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || key === 'sort' || value === undefined || value === '') continue;
    filter[key] = String(value);
  }
  return filter;
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-orders': FulfillmentOrders;
  }
}
