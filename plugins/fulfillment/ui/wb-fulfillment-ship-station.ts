import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, changes, controlStyles, type LocalizedText, repeat, WbElement } from '@workbench/ui';
import { courierNames, courierText } from './courier-names.js';
import { labelStyles, statusBadge, statusName } from './labels.js';
import { beep } from './scan-input.js';
import { fulfillmentStyles } from './styles.js';
import { parseWeight, readyToShip, type CourierAnswer, type CourierOption, type ShipOrder, type Shipped } from './wb-fulfillment-ship-records.js';
import './wb-fulfillment-ship-batch.js';
import './wb-fulfillment-ship-order.js';

interface Banner {
  tone: 'fail' | 'pass' | 'info';
  text: string;
  seq: number;
}

/**
 * 发货台: scan the order (or its tracking number), check the courier the rules chose, scan the
 * waybill's tracking number, weigh, Enter ships — and the station is ready for the next parcel.
 * Below it, batch shipping from a CSV and the export for the platform's bulk-shipping upload.
 */
@customElement('wb-fulfillment-ship-station')
export class FulfillmentShipStation extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, labelStyles, css`
    :host { display: block; height: 100%; overflow: auto; }
    .station { max-width: 1100px; margin: 0 auto; padding: 16px 24px 24px; display: flex; flex-direction: column; gap: 14px; }
    header h2 { font-size: 22px; margin: 0; }
    label.big { font-size: 16px; font-weight: 600; display: block; margin-bottom: 4px; }
    input.big { font-size: 24px; padding: 8px 12px; width: 100%; box-sizing: border-box; border-width: 2px; font-family: var(--wb-font-mono, monospace); }
    .fields { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 12px 18px; align-items: start; }
    .field-error { font-size: 15px; font-weight: 600; display: block; margin-top: 4px; }
    .banner { font-size: 24px; font-weight: 800; padding: 14px 20px; border-radius: 8px; }
    .banner.info { background: var(--wb-tabs-bg, #ececec); font-size: 18px; font-weight: 600; }
    .banner.fail { background: var(--wb-danger, #b3261e); color: var(--wb-bg, #fff); }
    .banner.pass { background: var(--wb-success, #2e7d32); color: var(--wb-bg, #fff); }
    .courier { font-size: 20px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .courier strong { font-size: 24px; }
    .keys { font-size: 14px; color: var(--wb-muted, #616161); display: flex; gap: 18px; flex-wrap: wrap; margin: 0; }
    kbd { font-family: var(--wb-font-mono, monospace); border: 1px solid var(--wb-border, #d4d4d4); border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; color: var(--wb-fg, #1f1f1f); }
    .recent td { font-family: var(--wb-font-mono, monospace); }
    @media (max-width: 720px) { .fields { grid-template-columns: minmax(0, 1fr); } }
  `];

  @property() recordId = '';
  @state() private order?: ShipOrder;
  @state() private courier?: CourierAnswer;
  @state() private couriers: CourierOption[] = [];
  @state() private names = new Map<string, LocalizedText>();
  @state() private chosen = '';
  @state() private trackingNo = '';
  @state() private weight = '';
  @state() private errors: { trackingNo?: string; weight?: string } = {};
  @state() private banner: Banner = { tone: 'info', text: '', seq: 0 };
  @state() private busy = false;
  @state() private recent: Shipped[] = [];
  private lookups = 0;
  @query('#ref') private refField?: HTMLInputElement;
  @query('#tracking') private trackingField?: HTMLInputElement;
  @query('#weight') private weightField?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.banner.text) this.show('info', this.t('请扫描订单号或运单号', 'Scan the order number or the tracking number'));
    void this.loadCouriers();
    void courierNames(this.api, this.workbench).then((names) => (this.names = names));
  }

  protected override firstUpdated(): void {
    this.refField?.focus();
  }

  /** The shop's couriers, to ship with another than the rules chose. */
  private async loadCouriers(): Promise<void> {
    try {
      this.couriers = (await this.api.get<{ items: CourierOption[] }>('/fulfillment/couriers')).items;
    } catch (error) {
      console.warn('couriers for the shipping station', error);
    }
  }

  private show(tone: Banner['tone'], text: string): void {
    this.banner = { tone, text, seq: this.banner.seq + 1 };
  }

  private refuse(text: string): void {
    this.show('fail', text);
    beep('refused');
  }

  private clear(): void {
    this.order = undefined;
    this.courier = undefined;
    this.chosen = '';
    this.trackingNo = '';
    this.weight = '';
    this.errors = {};
    if (this.refField) this.refField.value = '';
    void this.updateComplete.then(() => this.refField?.focus());
  }

  private async lookUp(ref: string): Promise<void> {
    this.clear();
    // A second scan while the first is still loading wins: only the latest lookup shows.
    const seq = ++this.lookups;
    this.busy = true;
    try {
      const found = await this.api.get<{ items: { id: number; orderNo: string; trackingNo: string | null }[] }>('/fulfillment/orders', { q: ref, pageSize: 5 });
      if (seq !== this.lookups) return;
      // Order and tracking numbers are kept in capitals; the scan may come in small letters.
      const wanted = ref.replace(/\s+/g, '').toUpperCase();
      const match = found.items.find((o) => o.orderNo.toUpperCase() === wanted || o.trackingNo === wanted) ?? (found.items.length === 1 ? found.items[0] : undefined);
      if (!match) return this.refuse(found.items.length ? this.t(`「${ref}」对应多张订单，请扫描完整的订单号`, `"${ref}" matches several orders; scan the whole order number`) : this.t(`找不到订单「${ref}」，请核对订单号或运单号`, `No order "${ref}"; check the order or tracking number`));
      const loaded = await this.fetch(match.id);
      if (seq !== this.lookups) return;
      [this.order, this.courier] = loaded;
      const o = loaded[0];
      if (o.status === 'shipped') {
        this.order = undefined;
        const by = `${this.courierName(o.courier ?? '')} ${o.trackingNo ?? ''}`.trim();
        return this.refuse(this.t(`订单 ${o.orderNo} 已经发货（${by}），不要重复发货`, `Order ${o.orderNo} has already shipped (${by}); do not ship it twice`));
      }
      if (!readyToShip(o)) {
        const state = this.i18n.text(statusName(o.status));
        return this.refuse(o.status === 'picked' ? this.t(`订单 ${o.orderNo} 有多种商品，先到复核台复核再发货`, `Order ${o.orderNo} has several items; verify it at the verification station first`) : this.t(`订单 ${o.orderNo} 现在是「${state}」，还不能发货`, `Order ${o.orderNo} is "${state}" and cannot ship yet`));
      }
      this.show('info', this.t(`订单 ${o.orderNo}：请扫描运单号并称重`, `Order ${o.orderNo}: scan the tracking number and weigh the parcel`));
      await this.updateComplete;
      this.trackingField?.focus();
    } catch (error) {
      if (seq === this.lookups) this.refuse(error instanceof Error ? error.message : String(error));
    } finally {
      if (seq === this.lookups) this.busy = false;
    }
  }

  /** A courier's name from its code, as far as the station knows the shop's couriers. */
  private courierName(code: string): string {
    const fallback = this.couriers.find((c) => c.code === code)?.name ?? (this.courier?.courier?.code === code ? this.courier.courier.name : code);
    return courierText(this.names, this.i18n, code, fallback);
  }

  private fetch(id: number): Promise<[ShipOrder, CourierAnswer]> {
    return Promise.all([this.api.get<ShipOrder>(`/fulfillment/orders/${id}`), this.api.get<CourierAnswer>(`/fulfillment/orders/${id}/courier`)]);
  }

  private async ship(): Promise<void> {
    const o = this.order;
    if (!o || this.busy) return;
    const trackingNo = this.trackingNo.trim();
    const weightGrams = this.weight.trim() ? parseWeight(this.weight) : undefined;
    const errors: typeof this.errors = {};
    if (!trackingNo) errors.trackingNo = this.t('请扫描或输入运单号', 'Scan or type the tracking number');
    if (this.weight.trim() && weightGrams === undefined) errors.weight = this.t('重量按克写整数（如 350），或带上单位（如 1.2kg、2斤）', 'Weight in whole grams (350) or with a unit (1.2kg)');
    this.errors = errors;
    if (errors.trackingNo) return void this.trackingField?.focus();
    if (errors.weight) return void this.weightField?.focus();
    this.busy = true;
    try {
      const body = { version: o.version, trackingNo, ...(weightGrams !== undefined ? { weightGrams } : {}), ...(this.chosen ? { courier: this.chosen } : {}) };
      const shipped = await this.api.post<ShipOrder>(`/fulfillment/orders/${o.id}/ship`, body);
      const name = this.courierName(shipped.courier || this.chosen || this.courier?.courier?.code || '');
      this.recent = [{ orderId: o.id, orderNo: o.orderNo, courier: name, trackingNo, weightGrams: shipped.weightGrams ?? weightGrams ?? null }, ...this.recent].slice(0, 10);
      this.show('pass', this.t(`已发货：${o.orderNo} · ${name} ${trackingNo}`, `Shipped: ${o.orderNo} · ${name} ${trackingNo}`));
      beep('done');
      changes.announce('fulfillment.waves'); // a wave is done once all its orders have left
      this.clear();
    } catch (error) {
      await this.refused(error, o);
    } finally {
      this.busy = false;
    }
  }

  private async refused(error: unknown, o: ShipOrder): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ApiError && error.status === 409) {
      // A stale version: someone changed the order since it was scanned. Show it as it is now.
      const fresh = await this.api.get<ShipOrder>(`/fulfillment/orders/${o.id}`).catch(() => undefined);
      if (fresh && fresh.version !== o.version) {
        [this.order, this.courier] = await this.fetch(o.id);
        return this.refuse(this.t('订单刚被别人改过，已重新载入，请核对后再按回车发货', 'Someone just changed this order; it is reloaded — check it and press Enter again'));
      }
    }
    const fields = error instanceof ApiError ? error.fields : [];
    const onWeight = fields.some((f) => f.path.startsWith('/weight')) || (!fields.length && /重量|称重|weigh/i.test(message));
    this.errors = onWeight ? { weight: message } : { trackingNo: message };
    this.refuse(message);
    await this.updateComplete;
    if (onWeight) this.weightField?.select();
    else this.trackingField?.select();
  }

  private print(): void {
    const target = this.order ?? (this.recent[0] ? { id: this.recent[0].orderId, orderNo: this.recent[0].orderNo } : undefined);
    if (!target) return void this.show('info', this.t('先扫描一张订单，再打印发货单', 'Scan an order first, then print its packing slip'));
    this.workbench.print('fulfillment', 'packing-slip', { order: String(target.id) }, this.t(`发货单 ${target.orderNo}`, `Packing slip ${target.orderNo}`));
  }

  /**
   * 打印面单 for the order on the station: its number comes from the courier's pool (the one the
   * station shows, or the one chosen), goes into the tracking field, and the label opens to print.
   */
  private async printLabel(): Promise<void> {
    const o = this.order;
    if (!o) return void this.show('info', this.t('先扫描一张订单，再打印面单', 'Scan an order first, then print its label'));
    try {
      const taken = await this.api.post<{ courier: string | null; trackingNo: string | null; source: string }>(`/fulfillment/orders/${o.id}/tracking-number`, this.chosen ? { courier: this.chosen } : {});
      if (taken.trackingNo) {
        this.trackingNo = taken.trackingNo;
        if (taken.courier && taken.courier !== (this.courier?.courier?.code ?? '')) this.chosen = taken.courier;
      } else {
        this.show('info', this.t('这家快递没有可用的单号池：面单上不印单号，请扫描快递面单', 'No pool numbers for this courier: the label leaves the number blank; scan the waybill'));
      }
      this.workbench.print('fulfillment', 'shipping-label', { order: String(o.id) }, this.t(`快递面单 ${o.orderNo}`, `Shipping label ${o.orderNo}`));
    } catch (error) {
      this.refuse(error instanceof Error ? error.message : String(error));
    }
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0];
    if (event.key === 'Escape' && target instanceof HTMLInputElement) {
      event.preventDefault();
      this.clear();
      this.show('info', this.t('请扫描下一单的订单号或运单号', 'Scan the next order or tracking number'));
    } else if (event.key === 'F4') {
      event.preventDefault();
      this.print();
    } else if (event.key === 'Enter' && target instanceof HTMLInputElement) {
      event.preventDefault();
      if (target === this.refField) {
        const ref = target.value.trim();
        if (ref) void this.lookUp(ref);
      } else if (target === this.trackingField && this.trackingNo.trim() && !this.weight.trim()) this.weightField?.focus();
      else void this.ship();
    }
  }

  override render() {
    const o = this.order;
    return html`<div class="station" @keydown=${this.onKey}>
      <header><h2>${this.t('发货台', 'Shipping station')}</h2></header>
      <div>
        <label class="big" for="ref">${this.t('订单号或运单号', 'Order or tracking number')}</label>
        <input id="ref" class="big" autocomplete="off" spellcheck="false" />
      </div>
      ${repeat([this.banner], (b) => b.seq, (b) => html`<div class="banner ${b.tone}" role=${b.tone === 'fail' ? 'alert' : 'status'}>${b.text}</div>`)}
      ${o ? html`
        <wb-fulfillment-ship-order .order=${o}></wb-fulfillment-ship-order>
        ${readyToShip(o) ? this.renderShipping() : nothing}` : nothing}
      <p class="keys">
        <span><kbd>Enter</kbd> ${this.t('查订单 / 下一格 / 发货', 'find the order / next field / ship')}</span>
        <span><kbd>F4</kbd> ${this.t('打印发货单', 'print the packing slip')}</span>
        <span><kbd>Esc</kbd> ${this.t('换一单', 'another order')}</span>
      </p>
      ${this.recent.length ? html`<section class="recent"><h3>${this.t('刚发出的包裹', 'Just shipped')}</h3>
        <table class="list"><thead><tr><th>${this.t('订单号', 'Order')}</th><th>${this.t('快递', 'Courier')}</th><th>${this.t('运单号', 'Tracking no.')}</th><th class="num">${this.t('重量（克）', 'Weight (g)')}</th></tr></thead>
        <tbody>${this.recent.map((r) => html`<tr><td>${r.orderNo}</td><td>${r.courier}</td><td>${r.trackingNo}</td><td class="num">${r.weightGrams ?? ''}</td></tr>`)}</tbody></table></section>` : nothing}
      <wb-fulfillment-ship-batch></wb-fulfillment-ship-batch>
    </div>`;
  }

  private renderShipping() {
    const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
    return html`<div class="courier">
          <span>${this.t('快递', 'Courier')}：</span><strong class="courier-name">${this.courier?.courier ? this.courierName(this.courier.courier.code) : this.t('没有可用的快递', 'No courier')}</strong>
          <span class="hint">${this.i18n.text(this.courier?.reason)}</span>
          ${this.couriers.length ? html`<label class="hint" for="courier">${this.t('改用', 'Use instead')}</label>
            <select id="courier" @change=${value((v) => (this.chosen = v))}>
              <option value="" ?selected=${!this.chosen}>${this.t('按规则', 'As the rules say')}</option>
              ${this.couriers.map((c) => html`<option value=${c.code} ?selected=${this.chosen === c.code}>${this.courierName(c.code)}</option>`)}
            </select>` : nothing}
        </div>
        <div class="fields">
          <div>
            <label class="big" for="tracking">${this.t('运单号', 'Tracking number')}</label>
            <input id="tracking" class="big" autocomplete="off" spellcheck="false" .value=${this.trackingNo} aria-invalid=${this.errors.trackingNo ? 'true' : 'false'} aria-describedby="tracking-error" @input=${value((v) => (this.trackingNo = v))} />
            <span id="tracking-error" class="field-error" role=${this.errors.trackingNo ? 'alert' : nothing}>${this.errors.trackingNo ?? ''}</span>
          </div>
          <div>
            <label class="big" for="weight">${this.t('重量（克，或写 1.2kg）', 'Weight (g, or 1.2kg)')}</label>
            <input id="weight" class="big" inputmode="decimal" autocomplete="off" .value=${this.weight} aria-invalid=${this.errors.weight ? 'true' : 'false'} aria-describedby="weight-error" @input=${value((v) => (this.weight = v))} />
            <span id="weight-error" class="field-error">${this.errors.weight ?? ''}</span>
          </div>
        </div>
        <div class="actions">
          <button class="primary ship" ?disabled=${this.busy} @click=${() => void this.ship()}>${this.t('发货（Enter）', 'Ship (Enter)')}</button>
          <button class="slip" @click=${() => this.print()}>${this.t('打印发货单（F4）', 'Print packing slip (F4)')}</button>
          ${this.workbench.can('fulfillment.labels.print') ? html`<button class="label" @click=${() => void this.printLabel()}>${this.t('打印面单', 'Print label')}</button>` : nothing}
        </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-ship-station': FulfillmentShipStation;
  }
}
