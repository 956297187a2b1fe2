import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listPanelStyles, PanelWidth, ReloadOnChange, WbElement, type Column } from '@workbench/ui';
import { fulfillmentMarks } from './styles.js';
import { tone } from './wb-fulfillment-inventory-cells.js';
import type { InboundNote } from './wb-fulfillment-inventory-records.js';
import './wb-fulfillment-inbound-form.js';

type NoteRow = InboundNote & { totals?: { received: number; passed: number; failed: number } };

/**
 * 入库: the inbound notes, newest first, and the form for a new one. Enter on a note opens its
 * 入库单 for printing.
 */
@customElement('wb-fulfillment-inbound-list')
export class FulfillmentInboundList extends WbElement {
  static override styles = [listPanelStyles, fulfillmentMarks];

  private readonly width = new PanelWidth(this);
  // Refreshes the list when another panel changes what it shows.
  private readonly reload = new ReloadOnChange(this, ['fulfillment.inbound']);

  /** Opens the form for a new note (the view's 入库 button and tests call it). */
  newNote(): void {
    this.renderRoot.querySelector('wb-fulfillment-inbound-form')?.show();
  }

  override render() {
    const manage = this.workbench.can('fulfillment.stock.manage');
    const narrow = this.width.narrow;
    const columns: Column<NoteRow>[] = [
      { key: 'noteNo', title: { 'zh-CN': '入库单号', en: 'Note no.' }, width: 'minmax(120px, 1.4fr)' },
      { key: 'createdAt', title: { 'zh-CN': '时间', en: 'When' }, type: 'datetime', width: '136px', hidden: narrow },
      { key: 'reference', title: { 'zh-CN': '单据号', en: 'Reference' }, width: 'minmax(90px, 1fr)', hidden: narrow, render: (r) => [r.reference, r.supplier].filter(Boolean).join(' · ') },
      { key: 'totals', title: { 'zh-CN': '收／合格／不合格', en: 'Recv / pass / fail' }, width: '110px', render: (r) => (r.totals ? html`${r.totals.received} / ${r.totals.passed} / <span style=${tone(r.totals.failed ? 'danger' : undefined)}>${r.totals.failed}</span>` : '') },
      { key: 'actorName', title: { 'zh-CN': '经手人', en: 'By' }, width: '64px', hidden: narrow },
    ];
    return html`${manage
        ? html`<wb-toolbar label=${this.t('入库', 'Inbound')}><button class="new-inbound primary" @click=${() => this.newNote()}>${this.t('新建入库单', 'New inbound note')}</button></wb-toolbar>`
        : nothing}
      ${html`<wb-data-table source="/fulfillment/inbound" storageKey=${this.width.storageKey('fulfillment-inbound')} .columns=${columns}
        @row-open=${(e: CustomEvent<{ row: NoteRow }>) => this.print(e.detail.row)}>
        <span slot="empty">${this.t('还没有入库单', 'No inbound notes yet')}</span>
      </wb-data-table>`}
      ${manage
        ? html`<p class="hint">${this.t('选中一张按 Enter：打印入库单', 'Enter on a note: print it')}</p>
            <wb-fulfillment-inbound-form></wb-fulfillment-inbound-form>`
        : nothing}`;
  }

  private print(note: NoteRow): void {
    if (!this.workbench.can('fulfillment.stock.manage')) return;
    this.workbench.print('fulfillment', 'inbound-note', { id: String(note.id) }, this.t(`入库单 ${note.noteNo}`, `Inbound note ${note.noteNo}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-inbound-list': FulfillmentInboundList;
  }
}
