import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement, type LocalizedText } from '@workbench/ui';
import { WAVE_CLASS_NAMES, type WaveClass } from '../shared/state-names.js';
import { fulfillmentStyles } from './styles.js';
import { courierNames, courierText } from './courier-names.js';
import { WAVE_CLASSES } from './wb-fulfillment-wave-records.js';

/** `GET /fulfillment/wave-preview`, as the preview reads it. */
export interface WavePreview {
  max: number;
  orders: { orderId: number; orderNo: string; class: WaveClass; courier: string | null; courierName: string | null; pieces: number }[];
  skipped: { orderId: number; orderNo: string; reason: string }[];
  classes: Record<WaveClass, number>;
  couriers: { code: string | null; name: string | null; count: number }[];
}

/**
 * What a new wave would take, before it is made: the waiting orders counted by class and courier,
 * each group ticked on or off, and each order too; 建波次 sends the ticked ones (at most one wave's
 * worth, in queue order). Orders that cannot be picked are listed with the reason.
 *
 * @fires make-wave - detail: `{ orderIds: number[] }`
 * @fires cancel
 */
@customElement('wb-fulfillment-wave-preview')
export class FulfillmentWavePreview extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, css`
    :host { display: block; border: 1px solid var(--wb-border, #d4d4d4); border-radius: 6px; padding: 8px; font-size: 12px; }
    .groups { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 4px 0; }
    .groups label { display: inline-flex; gap: 4px; align-items: center; white-space: nowrap; }
    ul { list-style: none; margin: 4px 0; padding: 0; max-height: 180px; overflow: auto; }
    li label { display: flex; gap: 6px; align-items: center; }
    li .no { font-family: var(--wb-font-mono, monospace); }
    li .meta { color: var(--wb-muted, #616161); }
    .actions { display: flex; gap: 8px; margin-top: 6px; }
    .skipped { color: var(--wb-warning, #9a5b00); }
    h4 { margin: 6px 0 2px; font-size: 12px; }
  `];

  @state() private preview?: WavePreview;
  @state() private chosen = new Set<number>();
  @state() private error = '';
  @state() private couriers = new Map<string, LocalizedText>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    void courierNames(this.api, this.workbench).then((names) => (this.couriers = names));
  }

  private courier(code: string | null, fallback: string | null): string | null {
    return courierText(this.couriers, this.i18n, code, fallback);
  }

  private async load(): Promise<void> {
    try {
      this.preview = await this.api.get<WavePreview>('/fulfillment/wave-preview');
      // The queue from the top, as many as one wave holds: what 新建波次 took before the preview.
      this.chosen = new Set(this.preview.orders.slice(0, this.preview.max).map((o) => o.orderId));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Ticks or unticks every order of a group (a class or a courier). */
  private toggleGroup(match: (o: WavePreview['orders'][number]) => boolean, on: boolean): void {
    const next = new Set(this.chosen);
    for (const o of this.preview!.orders.filter(match)) {
      if (on) next.add(o.orderId);
      else next.delete(o.orderId);
    }
    this.chosen = next;
  }

  private groupState(match: (o: WavePreview['orders'][number]) => boolean): { checked: boolean; indeterminate: boolean } {
    const members = this.preview!.orders.filter(match);
    const on = members.filter((o) => this.chosen.has(o.orderId)).length;
    return { checked: on > 0 && on === members.length, indeterminate: on > 0 && on < members.length };
  }

  private make(): void {
    const orderIds = this.preview!.orders.filter((o) => this.chosen.has(o.orderId)).map((o) => o.orderId);
    this.dispatchEvent(new CustomEvent('make-wave', { detail: { orderIds }, bubbles: true, composed: true }));
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const p = this.preview;
    if (!p) return html`<p class="hint">${this.t('正在看有哪些订单…', 'Looking at the waiting orders…')}</p>`;
    const count = this.chosen.size;
    const over = count > p.max;
    const group = (label: string, match: (o: WavePreview['orders'][number]) => boolean, n: number, kind: string) => {
      const s = this.groupState(match);
      return html`<label data-group=${kind}><input type="checkbox" .checked=${s.checked} .indeterminate=${s.indeterminate} ?disabled=${n === 0}
        @change=${(e: Event) => this.toggleGroup(match, (e.target as HTMLInputElement).checked)}>${label} <strong>${n}</strong></label>`;
    };
    return html`<strong>${this.t(`可组波次的订单 ${p.orders.length} 单`, `${p.orders.length} orders can go into a wave`)}</strong>
      <h4>${this.t('按类型', 'By class')}</h4>
      <div class="groups classes">${WAVE_CLASSES.map((c) => group(this.i18n.text(WAVE_CLASS_NAMES[c]), (o) => o.class === c, p.classes[c] ?? 0, c))}</div>
      <h4>${this.t('按快递', 'By courier')}</h4>
      <div class="groups couriers">${p.couriers.map((c) => group(this.courier(c.code, c.name) ?? this.t('无快递可达', 'No courier reaches'), (o) => o.courier === c.code, c.count, c.code ?? 'none'))}</div>
      <ul aria-label=${this.t('订单', 'Orders')}>${p.orders.map((o) => html`<li><label><input type="checkbox" data-order=${o.orderNo} .checked=${this.chosen.has(o.orderId)}
          @change=${(e: Event) => this.toggleGroup((x) => x.orderId === o.orderId, (e.target as HTMLInputElement).checked)}>
          <span class="no">${o.orderNo}</span><span class="meta">${this.i18n.text(WAVE_CLASS_NAMES[o.class])} · ${this.courier(o.courier, o.courierName) ?? '—'} · ${this.t(`${o.pieces} 件`, o.pieces === 1 ? '1 piece' : `${o.pieces} pieces`)}</span></label></li>`)}</ul>
      ${p.skipped.length ? html`<p class="skipped">${this.t(`${p.skipped.length} 单不能组波次：`, `${p.skipped.length} orders cannot go in:`)} ${p.skipped.map((s, i) => html`${i ? this.t('；', '; ') : nothing}<span><strong>${s.orderNo}</strong> ${s.reason}</span>`)}</p>` : nothing}
      ${over ? html`<p class="warn" role="status">${this.t(`一个波次最多 ${p.max} 单，已选 ${count} 单`, `A wave holds at most ${p.max} orders; ${count} are chosen`)}</p>` : nothing}
      <div class="actions">
        <button class="primary make" ?disabled=${count === 0 || over} @click=${() => this.make()}>${this.t(`建波次（${count} 单）`, `Make the wave (${count})`)}</button>
        <button class="cancel" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>${this.t('不建了', 'Not now')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-wave-preview': FulfillmentWavePreview;
  }
}
