import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, type Column, listPanelStyles, ReloadOnChange, styleMap, WbElement } from '@workbench/ui';
import { WAVE_CLASS_NAMES } from '../shared/state-names.js';
import { fulfillmentMarks } from './styles.js';
import { WAVE_CLASSES, WAVE_STATUS_NAMES, type WaveDetail, type WaveRow } from './wb-fulfillment-wave-records.js';
import './wb-fulfillment-tracking-pools.js';
import './wb-fulfillment-wave-preview.js';
import './wb-fulfillment-wave-replenishments.js';

// Cells live in the data table's shadow root, where this panel's classes do not reach: their
// look is set inline, from the theme's variables.
const LINE = { display: 'block', lineHeight: '15px', overflow: 'hidden', textOverflow: 'ellipsis' };
const SMALL = { ...LINE, fontSize: '11px', color: 'var(--wb-muted, #616161)' };
const TONE: Record<WaveRow['status'], Record<string, string>> = {
  picking: { color: 'var(--wb-warning, #9a5b00)', boxShadow: 'inset 0 0 0 1px var(--wb-warning, #9a5b00)' },
  picked: { color: 'var(--wb-success, #2e7d32)', background: 'var(--wb-success-bg, #e2f4e3)' },
  done: { background: 'var(--wb-selected, #dbeafe)' },
  cancelled: { color: 'var(--wb-muted, #616161)', background: 'var(--wb-border-soft, #ececec)' },
};
const BADGE = { display: 'inline-block', padding: '0 6px', borderRadius: '8px', fontSize: '12px', lineHeight: '17px' };

/**
 * 波次 in the side bar: build a wave from the approved orders (and read which ones it left out
 * and why), the waves with their orders per class, and the replenishment tasks still open. Enter
 * or a double-click on a wave opens its board.
 */
@customElement('wb-fulfillment-waves')
export class FulfillmentWaves extends WbElement {
  static override styles = [listPanelStyles, fulfillmentMarks, css`
    wb-data-table { min-height: 220px; }
    .made { border: 1px solid var(--wb-border, #d4d4d4); border-radius: 6px; padding: 6px 8px; font-size: 12px; }
    .made p { margin: 0 0 4px; }
    .made ul { margin: 0; padding-left: 16px; max-height: 120px; overflow: auto; }
    .refused { color: var(--wb-danger, #b3261e); }
    h3 { margin: 6px 0 2px; }
    .tasks { max-height: 35%; overflow: auto; }
  `];

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['fulfillment.waves']);
  @state() private made?: WaveDetail;
  @state() private refusal = '';
  @state() private busy = false;
  @state() private previewing = false;

  /** 新建波次 first shows what the wave would take; the clerk chooses, then the wave is made. */
  private preview(): void {
    this.refusal = '';
    this.made = undefined;
    this.previewing = true;
  }

  private async build(orderIds: number[]): Promise<void> {
    this.busy = true;
    this.refusal = '';
    this.made = undefined;
    try {
      this.made = await this.api.post<WaveDetail>('/fulfillment/waves', { orderIds });
      this.previewing = false;
      this.notifications.notify('success', this.t(`已建波次 ${this.made.waveNo}，共 ${this.made.orders} 单`, `Wave ${this.made.waveNo} made with ${this.made.orders} orders`));
      changes.announce('fulfillment.waves');
    } catch (error) {
      this.refusal = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private open(wave: { id: number; waveNo: string }): void {
    this.workbench.openEditor({ opens: 'wave', id: String(wave.id), title: wave.waveNo });
  }

  override render() {
    const columns: Column<WaveRow>[] = [
      {
        key: 'waveNo', title: { 'zh-CN': '波次', en: 'Wave' }, width: 'minmax(0, 1fr)',
        render: (w) => html`<span style=${styleMap({ ...LINE, fontWeight: '600', fontFamily: 'var(--wb-font-mono, monospace)' })} title=${w.waveNo}>${w.waveNo}</span>
          <span style=${styleMap(SMALL)}>${w.createdByName} · ${this.i18n.dateTime(w.createdAt, { year: false })}</span>`,
      },
      {
        key: 'status', title: { 'zh-CN': '状态', en: 'Status' }, width: '68px',
        render: (w) => html`<span style=${styleMap({ ...BADGE, ...TONE[w.status] })}>${this.i18n.text(WAVE_STATUS_NAMES[w.status])}</span>
          <span style=${styleMap(SMALL)}>${this.t(`共 ${w.orders} 单`, `${w.orders} orders`)}</span>`,
      },
      {
        key: 'classes', title: { 'zh-CN': '分类', en: 'Classes' }, width: '84px',
        render: (w) => WAVE_CLASSES.map((c) => html`<span style=${styleMap({ ...SMALL, lineHeight: '13px' })}>${this.i18n.text(WAVE_CLASS_NAMES[c])} ${w.classes?.[c] ?? 0}</span>`),
      },
    ];
    const m = this.made;
    return html`<wb-toolbar label=${this.t('波次', 'Waves')}>
        <button class="primary new-wave" ?disabled=${this.busy || this.previewing} @click=${() => this.preview()}>${this.t('新建波次', 'New wave')}</button>
      </wb-toolbar>
      <p class="hint">${this.t('先看可组波次的订单（按类型、快递），选好再建波次。', 'Shows the orders a wave could take, by class and courier; choose, then make it.')}</p>
      ${this.refusal ? html`<div class="made refused" role="alert">${this.refusal}</div>` : nothing}
      ${this.previewing ? html`<wb-fulfillment-wave-preview @make-wave=${(e: CustomEvent<{ orderIds: number[] }>) => void this.build(e.detail.orderIds)}
        @cancel=${() => (this.previewing = false)}></wb-fulfillment-wave-preview>` : nothing}
      ${m ? html`<div class="made" role="status">
          <p>${this.t(`已建 ${m.waveNo}：${m.orders} 单`, `Made ${m.waveNo}: ${m.orders} orders`)} <button class="link open-made" @click=${() => this.open(m)}>${this.t('打开', 'Open')}</button></p>
          ${m.skipped?.length ? html`<p class="warn">${this.t(`${m.skipped.length} 单没排进来：`, `${m.skipped.length} orders left out:`)}</p>
            <ul class="skipped">${m.skipped.map((s) => html`<li><strong>${s.orderNo}</strong> ${this.i18n.text(s.reason)}</li>`)}</ul>` : nothing}
        </div>` : nothing}
      <wb-data-table source="/fulfillment/waves" storageKey="fulfillment-waves" rowHeight="46" .columns=${columns}
        @row-open=${(e: CustomEvent<{ row: WaveRow }>) => this.open(e.detail.row)}>
        <span slot="empty">${this.t('还没有波次', 'No waves yet')}</span>
      </wb-data-table>
      <div class="tasks">
        <h3>${this.t('待补货', 'Replenishment to do')}</h3>
        <wb-fulfillment-wave-replenishments compact></wb-fulfillment-wave-replenishments>
        ${this.workbench.can('fulfillment.labels.print') ? html`<h3>${this.t('快递单号池', 'Tracking number pools')}</h3><wb-fulfillment-tracking-pools></wb-fulfillment-tracking-pools>` : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-waves': FulfillmentWaves;
  }
}
