import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, WbElement } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import type { StockRow } from './wb-fulfillment-inventory-records.js';

export type MoveKind = 'transfer' | 'adjust' | 'defective';

interface Draft {
  from: string;
  to: string;
  qty: string;
  reason: string;
  override: boolean;
}

const blank = (row: StockRow): Draft => ({ from: row.bins[0]?.locationCode ?? '', to: '', qty: '', reason: '', override: false });

/**
 * 移库 / 调整 / 转残次 for one SKU: the three stock movements a clerk makes by hand, each with a
 * written reason. Only holders of 允许负库存 see the override box, with what it does spelled out.
 */
@customElement('wb-fulfillment-inventory-move-dialog')
export class FulfillmentInventoryMoveDialog extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      fieldset.kinds { border: none; padding: 0; margin: 0 0 10px; display: flex; gap: 14px; flex-wrap: wrap; }
      fieldset.kinds label { display: inline-flex; gap: 4px; align-items: center; }
      .bins { margin: 0 0 10px; }
      .override { display: flex; gap: 6px; align-items: center; grid-column: 1 / -1; color: var(--wb-fg, #1f1f1f); }
      .grid input[type='checkbox'] { width: auto; }
      .override-warning { grid-column: 1 / -1; font-size: 12px; padding: 6px 8px; border-radius: 4px; border: 1px solid var(--wb-warning, #9a5b00); color: var(--wb-warning, #9a5b00); margin: 0; }
      .problem { margin: 8px 0 0; }
      input.code { text-transform: uppercase; }
    `,
  ];

  @state() private row?: StockRow;
  @state() private kind: MoveKind = 'transfer';
  @state() private draft?: Draft;
  @state() private invalid = new Set<string>();
  @state() private problem = '';
  @state() private busy = false;

  /** Opens the dialog for a SKU, on one of the three movements. */
  show(row: StockRow, kind: MoveKind = 'transfer'): void {
    this.row = row;
    this.kind = kind;
    this.draft = blank(row);
    this.invalid = new Set();
    this.problem = '';
  }

  override render() {
    const row = this.row;
    const d = this.draft;
    if (!row || !d) return nothing;
    const manage = this.workbench.can('fulfillment.stock.manage');
    const mayOverride = this.workbench.can('fulfillment.stock.override');
    const bad = (field: string) => (this.invalid.has(field) ? 'true' : 'false');
    const set = (patch: Partial<Draft>) => (this.draft = { ...d, ...patch });
    const text = (key: 'from' | 'to' | 'qty' | 'reason') => (e: Event) => set({ [key]: (e.target as HTMLInputElement).value });
    const binOptions = html`${row.bins.map((b) => html`<option value=${b.locationCode} ?selected=${d.from === b.locationCode}>${b.locationCode}（${b.qty}）</option>`)}`;
    return html`<wb-dialog heading=${`${row.skuCode} · ${this.t('库存变动', 'Move stock')}`} open @close=${() => (this.row = undefined)}>
      <form @submit=${(e: Event) => (e.preventDefault(), void this.save())} @keydown=${this.onKey}>
        <fieldset class="kinds" aria-label=${this.t('变动类型', 'Kind of movement')}>
          ${(['transfer', 'adjust', 'defective'] as const).map(
            (k) => html`<label><input type="radio" name="kind" value=${k} .checked=${this.kind === k} ?disabled=${!manage} @change=${() => ((this.kind = k), (this.invalid = new Set()), (this.problem = ''))} />${this.kindName(k)}</label>`,
          )}
        </fieldset>
        <p class="bins hint">${row.title} · ${this.t(`在库 ${row.onHand}，可用 ${row.available}，残次 ${row.defective}`, `On hand ${row.onHand}, available ${row.available}, defective ${row.defective}`)}</p>
        <div class="grid">
          ${this.kind === 'transfer'
            ? html`<label for="from">${this.t('从库位', 'From')}</label>
                <select id="from" name="from" aria-invalid=${bad('from')} @change=${text('from')}>${binOptions}</select>
                <label for="to">${this.t('到库位', 'To')}</label>
                <input id="to" name="to" class="code" placeholder="A-01-02-03" .value=${d.to} aria-invalid=${bad('to')} @input=${text('to')} />`
            : this.kind === 'adjust'
              ? html`<label for="location">${this.t('库位', 'Location')}</label>
                  <input id="location" name="location" class="code" list="bins" placeholder="A-01-02-03" .value=${d.from} aria-invalid=${bad('from')} @input=${text('from')} />
                  <datalist id="bins">${binOptions}</datalist>`
              : html`<label for="from">${this.t('从库位', 'From')}</label>
                  <select id="from" name="from" aria-invalid=${bad('from')} @change=${text('from')}>${binOptions}</select>`}
          <label for="qty">${this.kind === 'adjust' ? this.t('增减数量', 'Change (±)') : this.t('数量', 'Quantity')}</label>
          <input id="qty" name="qty" inputmode="numeric" .value=${d.qty} aria-invalid=${bad('qty')} placeholder=${this.kind === 'adjust' ? this.t('如 -2 或 5', 'e.g. -2 or 5') : ''} @input=${text('qty')} />
          <label for="reason">${this.t('原因', 'Reason')}</label>
          <input id="reason" name="reason" .value=${d.reason} aria-invalid=${bad('reason')} placeholder=${this.t('必填，写明为什么', 'Required: say why')} @input=${text('reason')} />
          ${this.kind === 'adjust' && mayOverride
            ? html`<label class="override"><input type="checkbox" name="override" .checked=${d.override} @change=${(e: Event) => set({ override: (e.target as HTMLInputElement).checked })} />${this.t('允许库存变成负数', 'Allow the stock to go below zero')}</label>
                ${d.override
                  ? html`<p class="override-warning" role="note">${this.t('负库存说明账和实物对不上：这一笔会在流水里标成“强制”，记下你的名字和原因。请尽快盘点核实。', 'Negative stock means the books and the shelf disagree: this movement is marked as forced in the ledger with your name and reason. Count the bin soon.')}</p>`
                  : nothing}`
            : nothing}
        </div>
        ${this.problem ? html`<p class="problem error" role="alert">${this.problem}</p>` : nothing}
      </form>
      <button slot="actions" @click=${() => (this.row = undefined)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary save" ?disabled=${this.busy || !manage} @click=${() => void this.save()}>${this.t('确定', 'Confirm')}</button>
    </wb-dialog>`;
  }

  /** Enter in any field confirms, as in every form of the workbench. */
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void this.save();
    }
  };

  private kindName(kind: MoveKind): string {
    return kind === 'transfer' ? this.t('移库', 'Transfer') : kind === 'adjust' ? this.t('调整', 'Adjust') : this.t('转残次', 'To defective');
  }

  /** Checks the fields the way the server would, so the clerk is told before anything is sent. */
  private check(d: Draft): { qty: number } | undefined {
    const invalid = new Set<string>();
    const problems: string[] = [];
    const qty = Number(d.qty.trim());
    const signed = this.kind === 'adjust';
    if (!/^-?\d+$/.test(d.qty.trim()) || qty === 0 || (!signed && qty < 0)) {
      invalid.add('qty');
      problems.push(signed ? this.t('增减数量写一个不为 0 的整数，减少用负数', 'Write a whole number other than 0; negative to take away') : this.t('数量写一个正整数', 'Write a whole number above 0'));
    }
    if (!d.from.trim()) {
      invalid.add('from');
      problems.push(this.t('请选择库位', 'Choose a location'));
    }
    if (this.kind === 'transfer' && !d.to.trim()) {
      invalid.add('to');
      problems.push(this.t('请填写要移到的库位', 'Write the location to move to'));
    }
    if (!d.reason.trim()) {
      invalid.add('reason');
      problems.push(this.t('请写明原因', 'Write the reason'));
    }
    this.invalid = invalid;
    this.problem = problems.join('；');
    return invalid.size ? undefined : { qty };
  }

  private async save(): Promise<void> {
    const row = this.row;
    const d = this.draft;
    if (!row || !d || this.busy) return;
    const ok = this.check(d);
    if (!ok) return;
    const reason = d.reason.trim();
    const from = d.from.trim().toUpperCase();
    this.busy = true;
    try {
      if (this.kind === 'transfer') await this.api.post('/fulfillment/stock/transfer', { skuId: row.skuId, from, to: d.to.trim().toUpperCase(), qty: ok.qty, reason });
      else if (this.kind === 'adjust') await this.api.post('/fulfillment/stock/adjust', { skuId: row.skuId, location: from, qty: ok.qty, reason, ...(d.override ? { override: true } : {}) });
      else await this.api.post('/fulfillment/stock/defective', { skuId: row.skuId, location: from, qty: ok.qty, reason });
      this.notifications.notify('success', this.t(`${row.skuCode} 已${this.kindName(this.kind)}`, `${row.skuCode}: ${this.kindName(this.kind).toLowerCase()} done`));
      changes.announce('fulfillment.stock', 'fulfillment.locations');
      this.row = undefined;
    } catch (error) {
      // Nothing moved: the form stays as typed, with the server's words beside it.
      this.problem = error instanceof ApiError ? error.message : String(error);
      if (error instanceof ApiError) this.invalid = new Set(error.fields.map((f) => f.path.replace(/^\//, '').replace('location', 'from')));
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-inventory-move-dialog': FulfillmentInventoryMoveDialog;
  }
}
