import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, confirmDialog, controlStyles, repeat, WbElement } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import { STOCKTAKE_STATUS_NAMES, type Stocktake, type StocktakeLine } from './wb-fulfillment-inventory-records.js';
import { stocktakeTitle } from './wb-fulfillment-stocktake-list.js';

const keyOf = (l: { locationId: number; skuId: number }) => `${l.locationId}:${l.skuId}`;
const counted = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/**
 * One stocktake (盘点) in a tab: the count sheet bin by bin in path order, a count field per line
 * (Enter goes to the next line, so a clerk reading the shelf types without the mouse), the
 * variance live, and a written reason for every variance before 过账 adjusts the stock.
 */
@customElement('wb-fulfillment-stocktake')
export class FulfillmentStocktake extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      :host { padding: 12px 16px; box-sizing: border-box; }
      .head { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
      .head .meta { color: var(--wb-muted, #616161); font-size: 12px; }
      table.edit { max-width: 980px; margin-top: 12px; }
      /* Every column as narrow as its figures; the reason takes the rest of the line. */
      table.edit th, table.edit td { white-space: nowrap; width: 1%; }
      table.edit th:last-child, table.edit td.why { width: auto; white-space: normal; }
      table.edit td.count input { width: 72px; text-align: right; }
      table.edit td.why input { min-width: 10em; }
      table.edit td.code { font-variant-numeric: tabular-nums; white-space: nowrap; }
      tr.variance td:first-child { box-shadow: inset 3px 0 0 var(--wb-warning, #9a5b00); }
      tr.variance td.diff { font-weight: 600; }
      tr.missing td.why input { border-color: var(--wb-danger, #b3261e); }
      .plus { color: var(--wb-success, #2e7d32); }
      .minus { color: var(--wb-danger, #b3261e); }
      .totals { margin: 10px 0; display: flex; gap: 16px; flex-wrap: wrap; font-variant-numeric: tabular-nums; }
      .problems { margin: 8px 0; padding-left: 18px; }
      small.moved { display: block; font-size: 11px; color: var(--wb-muted, #616161); }
      tfoot td { font-weight: 600; border-top: 1px solid var(--wb-border, #d4d4d4); }
    `,
  ];

  @property() recordId = '';
  @state() private sheet?: Stocktake;
  @state() private counts = new Map<string, string>();
  @state() private reasons = new Map<string, string>();
  @state() private dirty = false;
  @state() private busy = false;
  @state() private problems: string[] = [];
  @state() private missing = new Set<string>();
  @state() private loadError = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('recordId') && this.recordId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const sheet = await this.api.get<Stocktake>(`/fulfillment/stocktakes/${this.recordId}`);
      this.sheet = sheet;
      this.counts = new Map((sheet.lines ?? []).map((l) => [keyOf(l), l.counted === null ? '' : String(l.counted)]));
      this.reasons = new Map((sheet.lines ?? []).map((l) => [keyOf(l), l.reason ?? '']));
      this.dirty = false;
      this.loadError = '';
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    if (this.loadError) return html`<p class="error" role="alert">${this.loadError}</p>`;
    const s = this.sheet;
    if (!s) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const lines = s.lines ?? [];
    const open = s.status === 'counting' && this.workbench.can('fulfillment.stock.manage');
    const totals = this.totals(lines);
    return html`<div class="sheet" @keydown=${this.onKeyDown}><div class="head">
        <h2>${stocktakeTitle(s, this.en)}</h2>
        <span class="badge ${s.status === 'posted' ? 'pass' : ''}">${this.i18n.text(STOCKTAKE_STATUS_NAMES[s.status])}</span>
        <span class="meta">${this.t(`${s.createdByName} 开单于 ${this.i18n.dateTime(s.createdAt)}`, `Started by ${s.createdByName}, ${this.i18n.dateTime(s.createdAt)}`)}${s.postedAt ? this.t(`，${s.postedByName ?? ''} 过账于 ${this.i18n.dateTime(s.postedAt)}`, `; posted by ${s.postedByName ?? ''}, ${this.i18n.dateTime(s.postedAt)}`) : ''}</span>
      </div>
      <div class="actions">
        <button class="print" @click=${() => this.workbench.print('fulfillment', 'count-sheet', { id: String(s.id) }, this.t(`盘点表 ${s.zone} 区`, `Count sheet ${s.zone}`))}>${this.t('打印盘点表', 'Print the count sheet')}</button>
        ${open
          ? html`<button class="save-counts" ?disabled=${this.busy || !this.dirty} @click=${() => void this.saveCounts()}>${this.t('保存盘点数', 'Save counts')}</button>
              <button class="primary post" ?disabled=${this.busy} @click=${() => void this.post()}>${this.t('过账', 'Post')}</button>`
          : nothing}
      </div>
      ${open ? html`<p class="hint">${this.t('实盘数填完按 Enter 跳到下一行；有差异的行要写原因；Ctrl+S 保存', 'Enter after a count goes to the next line; every variance needs a reason; Ctrl+S saves')}</p>` : nothing}
      <table class="edit">
        <thead><tr>
          <th>${this.t('库位', 'Location')}</th><th>${this.t('商家编码', 'SKU code')}</th><th class="num">${this.t('账面', 'Book')}</th>
          <th class="num">${this.t('实盘', 'Counted')}</th><th class="num">${this.t('差异', 'Variance')}</th><th>${this.t('差异原因', 'Reason for the variance')}</th>
        </tr></thead>
        <tbody>${repeat(lines, keyOf, (l, i) => this.renderLine(l, i, open))}</tbody>
        <tfoot><tr><td colspan="2">${this.t(`共 ${lines.length} 行，已盘 ${totals.done} 行`, `${lines.length} lines, ${totals.done} counted`)}</td>
          <td class="num">${totals.book}</td><td class="num">${totals.counted}</td><td class="num diff">${this.signed(totals.counted - totals.bookCounted)}</td><td></td></tr></tfoot>
      </table>
      <p class="totals" role="status">
        <span>${this.t(`差异 ${totals.variances} 处`, `${totals.variances} variances`)}</span>
        <span class="plus">${this.t(`盘盈 +${totals.plus}`, `Surplus +${totals.plus}`)}</span>
        <span class="minus">${this.t(`盘亏 −${totals.minus}`, `Shortfall −${totals.minus}`)}</span>
      </p>
      ${this.problems.length ? html`<ul class="problems error" role="alert">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}</div>`;
  }

  private renderLine(l: StocktakeLine, i: number, open: boolean) {
    const key = keyOf(l);
    const n = counted(this.counts.get(key));
    const diff = n === undefined ? undefined : n - l.book;
    const classes = [diff ? 'variance' : '', this.missing.has(key) ? 'missing' : ''].join(' ');
    return html`<tr data-row=${i} data-location=${l.locationCode} class=${classes}>
      <td class="code">${l.locationCode}</td>
      <td class="sku" title=${l.title ?? ''}>${l.skuCode}</td>
      <td class="num">${l.book}${l.current !== l.book && open ? html`<small class="moved" title=${this.t('开单后这个库位又有进出；差异按开单时的账面算', 'Stock moved after the sheet was made; the variance is against the book at that time')}>${this.t(`现 ${l.current}`, `now ${l.current}`)}</small>` : nothing}</td>
      <td class="count num">${open
        ? html`<input name="counted" inputmode="numeric" aria-label=${this.t(`${l.locationCode} 实盘数`, `${l.locationCode} counted`)} .value=${this.counts.get(key) ?? ''}
            @input=${(e: Event) => this.setCount(key, (e.target as HTMLInputElement).value)} />`
        : (l.counted ?? '')}</td>
      <td class="num diff">${diff === undefined ? '' : html`<span class=${diff > 0 ? 'plus' : diff < 0 ? 'minus' : ''}>${this.signed(diff)}</span>`}</td>
      <td class="why">${open
        ? html`<input name="reason" aria-label=${this.t(`${l.locationCode} 差异原因`, `${l.locationCode} reason`)} ?disabled=${!diff} .value=${this.reasons.get(key) ?? ''}
            placeholder=${diff ? this.t('必填：如 漏记入库、破损、拣错', 'Required: e.g. unrecorded delivery, damaged, mispicked') : ''} aria-invalid=${this.missing.has(key) ? 'true' : 'false'}
            @input=${(e: Event) => this.setReason(key, (e.target as HTMLInputElement).value)} />`
        : (l.reason ?? '')}</td>
    </tr>`;
  }

  private signed(n: number): string {
    return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
  }

  private totals(lines: StocktakeLine[]) {
    const t = { book: 0, bookCounted: 0, counted: 0, done: 0, variances: 0, plus: 0, minus: 0 };
    for (const l of lines) {
      t.book += l.book;
      const n = counted(this.counts.get(keyOf(l)));
      if (n === undefined) continue;
      t.done++;
      t.counted += n;
      t.bookCounted += l.book;
      const d = n - l.book;
      if (d) t.variances++;
      if (d > 0) t.plus += d;
      if (d < 0) t.minus -= d;
    }
    return t;
  }

  private setCount(key: string, value: string): void {
    this.counts = new Map(this.counts).set(key, value);
    this.dirty = true;
    if (this.missing.has(key)) this.missing = new Set([...this.missing].filter((k) => k !== key));
  }

  private setReason(key: string, value: string): void {
    this.reasons = new Map(this.reasons).set(key, value);
    this.dirty = true;
  }

  /**
   * Enter in a count moves to the next line's count (the last goes to the first reason still
   * owed); Enter in a reason goes to the next reason owed, else to 过账. Ctrl+S saves.
   */
  private readonly onKeyDown = (e: KeyboardEvent) => {
    const input = e.composedPath()[0];
    if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.saveCounts();
      return;
    }
    if (e.key !== 'Enter' || !(input instanceof HTMLInputElement) || !['counted', 'reason'].includes(input.name)) return;
    e.preventDefault();
    const all = (name: string) => [...this.renderRoot.querySelectorAll<HTMLInputElement>(`tbody input[name=${name}]`)];
    void this.updateComplete.then(() => {
      const counts = all('counted');
      const owed = all('reason').filter((r) => !r.disabled && !r.value.trim());
      const next = input.name === 'counted' ? (counts[counts.indexOf(input) + 1] ?? owed[0]) : owed.find((r) => r !== input);
      (next ?? this.renderRoot.querySelector<HTMLButtonElement>('button.post'))?.focus();
      if (next) next.select();
    });
  };

  private countsBody() {
    const lines = this.sheet?.lines ?? [];
    return lines.flatMap((l) => {
      const n = counted(this.counts.get(keyOf(l)));
      const reason = (this.reasons.get(keyOf(l)) ?? '').trim();
      return n === undefined ? [] : [{ locationId: l.locationId, skuId: l.skuId, counted: n, ...(reason && n !== l.book ? { reason } : {}) }];
    });
  }

  /** Saves the counts typed so far; answers false when refused (the problem is shown). */
  private async saveCounts(): Promise<boolean> {
    const s = this.sheet;
    if (!s || s.status !== 'counting') return false;
    const bad = (s.lines ?? []).filter((l) => (this.counts.get(keyOf(l)) ?? '').trim() !== '' && counted(this.counts.get(keyOf(l))) === undefined);
    if (bad.length) {
      this.problems = bad.map((l) => this.t(`${l.locationCode}：实盘数写一个不小于 0 的整数`, `${l.locationCode}: the count is a whole number, 0 or more`));
      return false;
    }
    const counts = this.countsBody();
    if (!counts.length) {
      this.dirty = false;
      return true;
    }
    this.busy = true;
    try {
      const saved = await this.api.put<Stocktake>(`/fulfillment/stocktakes/${s.id}/counts`, { version: s.version, counts });
      // Keep what the clerk typed; take the new version and the server's figures.
      this.sheet = { ...s, ...saved, lines: saved.lines ?? s.lines };
      this.dirty = false;
      this.problems = [];
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Someone saved the sheet meanwhile: take their version, keep what this clerk typed on top.
        const fresh = await this.api.get<Stocktake>(`/fulfillment/stocktakes/${s.id}`).catch(() => undefined);
        if (fresh) this.sheet = fresh;
        this.problems = [
          fresh?.status === 'counting'
            ? this.t('别人刚保存过这张盘点表：已载入最新版本，你填的数都还在，请核对后再保存。', 'Someone else just saved this sheet: the latest is loaded with your figures kept; check them and save again.')
            : error.message,
        ];
      } else this.problems = [error instanceof ApiError ? error.message : String(error)];
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async post(): Promise<void> {
    const s = this.sheet;
    if (!s || this.busy) return;
    const lines = s.lines ?? [];
    const uncounted = lines.filter((l) => counted(this.counts.get(keyOf(l))) === undefined);
    const owed = lines.filter((l) => {
      const n = counted(this.counts.get(keyOf(l)));
      return n !== undefined && n !== l.book && !(this.reasons.get(keyOf(l)) ?? '').trim();
    });
    const problems = [
      ...(uncounted.length ? [this.t(`还有 ${uncounted.length} 个库位没填实盘数：${uncounted.slice(0, 5).map((l) => l.locationCode).join('、')}${uncounted.length > 5 ? ' …' : ''}`, `${uncounted.length} bins have no count yet: ${uncounted.slice(0, 5).map((l) => l.locationCode).join(', ')}${uncounted.length > 5 ? ' …' : ''}`)] : []),
      ...owed.map((l) => this.t(`${l.locationCode} 有差异，请写明原因`, `${l.locationCode} differs: write the reason`)),
    ];
    this.missing = new Set(owed.map(keyOf));
    this.problems = problems;
    if (problems.length) {
      const first = this.renderRoot.querySelector<HTMLInputElement>(uncounted.length ? `tr[data-location="${uncounted[0]!.locationCode}"] input[name=counted]` : `tr.missing input[name=reason]`);
      first?.focus();
      return;
    }
    const t = this.totals(lines);
    const ok = await confirmDialog(this, {
      heading: this.t('过账盘点', 'Post the stocktake'),
      message: this.t(`按实盘数调整库存：差异 ${t.variances} 处，盘盈 +${t.plus}，盘亏 −${t.minus}。过账后不能再改。`, `Stock is set to the counts: ${t.variances} variances, +${t.plus} / −${t.minus}. This cannot be changed afterwards.`),
      confirmLabel: this.t('过账', 'Post'),
    });
    if (!ok) return;
    if (this.dirty && !(await this.saveCounts())) return;
    const current = this.sheet!;
    const reasons = lines.flatMap((l) => {
      const n = counted(this.counts.get(keyOf(l)));
      return n !== undefined && n !== l.book ? [{ locationId: l.locationId, skuId: l.skuId, reason: (this.reasons.get(keyOf(l)) ?? '').trim() }] : [];
    });
    this.busy = true;
    try {
      await this.api.post(`/fulfillment/stocktakes/${current.id}/post`, { version: current.version, reasons });
      this.notifications.notify('success', this.t('盘点已过账，库存已按实盘数调整', 'Stocktake posted; stock set to the counts'));
      changes.announce('fulfillment.stock', 'fulfillment.locations', 'fulfillment.stocktakes');
      await this.load();
    } catch (error) {
      this.problems = [error instanceof ApiError ? error.message : String(error)];
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-stocktake': FulfillmentStocktake;
  }
}
