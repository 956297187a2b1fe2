import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, repeat, WbElement } from '@workbench/ui';
import { fulfillmentStyles } from './styles.js';
import type { InboundNote } from './wb-fulfillment-inventory-records.js';

interface LineDraft {
  key: number;
  skuCode: string;
  received: string;
  passed: string;
  failed: string;
  location: string;
  failureReason: string;
}

let keys = 0;
const line = (): LineDraft => ({ key: ++keys, skuCode: '', received: '', passed: '', failed: '0', location: '', failureReason: '' });
const count = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/**
 * 入库: goods counted and inspected, line by line by 商家编码 — received, passed, failed — passed
 * pieces to a bin, failed ones to 残次库 with the reason. Saved, it offers to print the 入库单.
 */
@customElement('wb-fulfillment-inbound-form')
export class FulfillmentInboundForm extends WbElement {
  static override styles = [
    controlStyles,
    fulfillmentStyles,
    css`
      .head { display: grid; grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr); gap: 6px 10px; align-items: center; margin-bottom: 10px; }
      .head label { color: var(--wb-muted, #616161); }
      table.edit { min-width: 640px; }
      table.edit td.n input { width: 56px; text-align: right; }
      table.edit td.code input, table.edit td.loc input { text-transform: uppercase; }
      table.edit th.n { text-align: right; }
      tr.bad td { background: var(--wb-danger-bg, #fde7e5); }
      .done { padding: 8px 0; }
      .done strong { font-size: 15px; }
      .problems { margin: 8px 0 0; padding-left: 18px; }
    `,
  ];

  @state() private opened = false;
  @state() private reference = '';
  @state() private supplier = '';
  @state() private lines: LineDraft[] = [line()];
  @state() private problems: string[] = [];
  @state() private badRows = new Set<number>();
  @state() private saved?: InboundNote;
  @state() private busy = false;

  show(): void {
    this.reference = '';
    this.supplier = '';
    this.lines = [line()];
    this.problems = [];
    this.badRows = new Set();
    this.saved = undefined;
    this.opened = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=reference]')?.focus());
  }

  override render() {
    if (!this.opened) return nothing;
    return html`<wb-dialog heading=${this.t('入库单', 'Inbound note')} open @close=${() => (this.opened = false)}>
      ${this.saved ? this.renderSaved(this.saved) : this.renderForm()}
    </wb-dialog>`;
  }

  private renderSaved(note: InboundNote) {
    return html`<div class="done" role="status">
        <p><strong>${this.t(`入库单 ${note.noteNo} 已过账`, `Inbound note ${note.noteNo} posted`)}</strong></p>
        <p class="hint">${this.t('合格的已上架，不合格的进了残次库。要打印入库单给仓管签字吗？', 'Passed pieces are in their bins, failed ones in the defective stock. Print the note for signing?')}</p>
      </div>
      <button slot="actions" @click=${() => this.show()}>${this.t('再录一张', 'Another note')}</button>
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('关闭', 'Close')}</button>
      <button slot="actions" class="primary print" @click=${() => this.print(note)}>${this.t('打印入库单', 'Print the note')}</button>`;
  }

  private renderForm() {
    return html`<form @submit=${(e: Event) => (e.preventDefault(), void this.save())} @keydown=${this.onKey}>
        <div class="head">
          <label for="reference">${this.t('单据号', 'Reference')}</label>
          <input id="reference" name="reference" placeholder=${this.t('采购单或送货单号', 'Purchase or delivery no.')} .value=${this.reference} @input=${(e: Event) => (this.reference = (e.target as HTMLInputElement).value)} />
          <label for="supplier">${this.t('供应商', 'Supplier')}</label>
          <input id="supplier" name="supplier" .value=${this.supplier} @input=${(e: Event) => (this.supplier = (e.target as HTMLInputElement).value)} />
        </div>
        <table class="edit">
          <thead><tr>
            <th>${this.t('商家编码', 'SKU code')}</th><th class="n">${this.t('收货', 'Received')}</th><th class="n">${this.t('合格', 'Passed')}</th><th class="n">${this.t('不合格', 'Failed')}</th>
            <th>${this.t('上架库位', 'Bin')}</th><th>${this.t('不合格原因', 'Why it failed')}</th><th></th>
          </tr></thead>
          <tbody>${repeat(this.lines, (l) => l.key, (l, i) => this.renderLine(l, i))}</tbody>
        </table>
        <div class="actions"><button type="button" class="add-line" @click=${() => this.addLine()}>${this.t('＋ 添加一行', '+ Add a line')}</button></div>
        <p class="hint">${this.t('合格＋不合格＝收货，改其中一个另一个自动算；Enter 过账，Esc 关闭', 'Passed + failed = received; change one and the other follows. Enter posts, Esc closes')}</p>
        ${this.problems.length ? html`<ul class="problems error" role="alert">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      </form>
      <button slot="actions" @click=${() => (this.opened = false)}>${this.t('取消', 'Cancel')}</button>
      <button slot="actions" class="primary save" ?disabled=${this.busy} @click=${() => void this.save()}>${this.t('过账入库', 'Post')}</button>`;
  }

  private renderLine(l: LineDraft, i: number) {
    const n = i + 1;
    const field = (key: keyof Omit<LineDraft, 'key'>, label: string, cls: string, extra: Record<string, string> = {}) =>
      html`<td class=${cls}><input name=${key} aria-label=${this.t(`第 ${n} 行 ${label}`, `Line ${n} ${label}`)} inputmode=${cls === 'n' ? 'numeric' : 'text'}
        placeholder=${extra.placeholder ?? ''} .value=${l[key]} @input=${(e: Event) => this.change(l.key, key, (e.target as HTMLInputElement).value)} /></td>`;
    return html`<tr data-row=${i} class=${this.badRows.has(i) ? 'bad' : ''}>
      ${field('skuCode', this.t('商家编码', 'SKU code'), 'code')}
      ${field('received', this.t('收货', 'received'), 'n')}
      ${field('passed', this.t('合格', 'passed'), 'n')}
      ${field('failed', this.t('不合格', 'failed'), 'n')}
      ${field('location', this.t('上架库位', 'bin'), 'loc', { placeholder: 'A-01-01-01' })}
      ${field('failureReason', this.t('不合格原因', 'why it failed'), 'why', { placeholder: Number(l.failed) > 0 ? this.t('必填', 'Required') : '' })}
      <td><button type="button" class="link remove" aria-label=${this.t(`删除第 ${n} 行`, `Remove line ${n}`)} ?disabled=${this.lines.length === 1} @click=${() => (this.lines = this.lines.filter((x) => x.key !== l.key))}>✕</button></td>
    </tr>`;
  }

  /** Keeps passed + failed = received: the field typed wins, the other follows. */
  private change(key: number, field: keyof Omit<LineDraft, 'key'>, value: string): void {
    this.lines = this.lines.map((l) => {
      if (l.key !== key) return l;
      const next = { ...l, [field]: value };
      const received = count(next.received);
      if (received !== undefined && (field === 'received' || field === 'failed')) {
        const failed = count(next.failed) ?? 0;
        if (failed <= received) next.passed = String(received - failed);
      } else if (received !== undefined && field === 'passed') {
        const passed = count(value);
        if (passed !== undefined && passed <= received) next.failed = String(received - passed);
      }
      return next;
    });
  }

  private addLine(): void {
    this.lines = [...this.lines, line()];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`tr[data-row="${this.lines.length - 1}"] input[name=skuCode]`)?.focus());
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void this.save();
    }
  };

  /** The body, or the problems that keep it from being sent, each naming its line. */
  private body(): { body: Record<string, unknown>; rowOf: number[] } | { problems: string[]; rows: Set<number> } {
    const problems: string[] = [];
    const rows = new Set<number>();
    const filled = this.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.skuCode.trim() || l.received.trim());
    if (!filled.length) return { problems: [this.t('至少填一行：商家编码和收货数量', 'Fill at least one line: SKU code and quantity received')], rows };
    const lines = filled.map(({ l, i }) => {
      const say = (zh: string, en: string) => (problems.push(this.t(`第 ${i + 1} 行：${zh}`, `Line ${i + 1}: ${en}`)), rows.add(i));
      const received = count(l.received);
      const passed = count(l.passed);
      const failed = count(l.failed || '0');
      if (!l.skuCode.trim()) say('请填商家编码', 'write the SKU code');
      if (received === undefined || received === 0) say('收货数量写一个正整数', 'write the quantity received, above 0');
      else if (passed === undefined || failed === undefined || passed + failed !== received) say('合格＋不合格要等于收货数量', 'passed + failed must equal received');
      if ((passed ?? 0) > 0 && !l.location.trim()) say('合格的货要上架：请填库位', 'passed pieces need a bin');
      if ((failed ?? 0) > 0 && !l.failureReason.trim()) say('有不合格的，请写明原因', 'write why pieces failed');
      return {
        skuCode: l.skuCode.trim(),
        received: received ?? 0,
        passed: passed ?? 0,
        failed: failed ?? 0,
        ...(l.location.trim() ? { location: l.location.trim().toUpperCase() } : {}),
        ...(l.failureReason.trim() ? { failureReason: l.failureReason.trim() } : {}),
      };
    });
    if (problems.length) return { problems, rows };
    return { rowOf: filled.map(({ i }) => i), body: { ...(this.reference.trim() ? { reference: this.reference.trim() } : {}), ...(this.supplier.trim() ? { supplier: this.supplier.trim() } : {}), lines } };
  }

  private async save(): Promise<void> {
    if (this.busy || this.saved) return;
    const built = this.body();
    if ('problems' in built) {
      this.problems = built.problems;
      this.badRows = built.rows;
      return;
    }
    this.problems = [];
    this.badRows = new Set();
    this.busy = true;
    try {
      this.saved = await this.api.post<InboundNote>('/fulfillment/inbound', built.body);
      changes.announce('fulfillment.stock', 'fulfillment.locations', 'fulfillment.inbound');
    } catch (error) {
      // Nothing was posted; the refused line (named by the server) is marked and the rest kept.
      this.problems = [error instanceof ApiError ? error.message : String(error)];
      if (error instanceof ApiError) this.badRows = new Set(error.fields.flatMap((f) => built.rowOf[Number(/^\/lines\/(\d+)/.exec(f.path)?.[1] ?? -1)] ?? []));
    } finally {
      this.busy = false;
    }
  }

  private print(note: InboundNote): void {
    this.workbench.print('fulfillment', 'inbound-note', { id: String(note.id) }, this.t(`入库单 ${note.noteNo}`, `Inbound note ${note.noteNo}`));
    this.opened = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-inbound-form': FulfillmentInboundForm;
  }
}
