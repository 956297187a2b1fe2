import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, changes, confirmDialog, controlStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import { WAVE_CLASS_NAMES } from '../shared/state-names.js';
import { labelStyles } from './labels.js';
import { fulfillmentStyles } from './styles.js';
import { WAVE_CLASSES, WAVE_STATUS_NAMES, WAVE_STATUS_TONE, type WaveDetail, type WaveOrder } from './wb-fulfillment-wave-records.js';
import './wb-fulfillment-wave-orders.js';

/** `POST /waves/:id/tracking-numbers`, as the board reads it. */
interface LabelNumbers {
  items: { orderNo: string; trackingNo: string | null; source: 'pool' | 'shipped' | 'scan' }[];
  pools: { courier: string; name: string; remaining: number; low: boolean }[];
}
import './wb-fulfillment-wave-pick-list.js';
import './wb-fulfillment-wave-replenishments.js';

/**
 * One wave's board (editor tab, id = wave id): its orders by class with their seeding slots, the
 * pick list in path order, the replenishments it needs, the printouts (pick list, seeding sheet,
 * packing slips, shipping labels), and the two steps: 拣货完成 (after a confirmation) and 取消波次. Orders Taobao closed or is refunding
 * stand out, each with 放回库位.
 */
@customElement('wb-fulfillment-wave-board')
export class FulfillmentWaveBoard extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, labelStyles, css`
    :host { padding: 12px 16px; box-sizing: border-box; height: 100%; overflow: auto; }
    header { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    header h2 { margin: 0; font-family: var(--wb-font-mono, monospace); font-size: 18px; }
    .meta { color: var(--wb-muted, #616161); font-size: 12px; display: flex; gap: 14px; flex-wrap: wrap; }
    .classes { display: flex; gap: 14px; font-size: 13px; }
    .classes strong { font-variant-numeric: tabular-nums; }
    .columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 24px; align-items: start; margin-top: 8px; }
    @media (max-width: 960px) { .columns { grid-template-columns: minmax(0, 1fr); } }
  `];

  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['fulfillment.waves'], { reload: () => this.load() });
  @property() recordId = '';
  @state() private wave?: WaveDetail;
  @state() private error = '';
  @state() private busy = false;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('recordId') && this.recordId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.wave = await this.api.get<WaveDetail>(`/fulfillment/waves/${encodeURIComponent(this.recordId)}`);
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private print(printable: 'pick-list' | 'seeding-sheet' | 'packing-slip', title: string): void {
    this.workbench.print('fulfillment', printable, { wave: String(this.wave!.id) }, `${title} ${this.wave!.waveNo}`);
  }

  /**
   * 打印面单: every order of the wave takes its number from its courier's pool first (in one
   * request), then the labels open in the print view. Orders without a pool number print with a
   * box for the station's scan; a pool running low is said aloud.
   */
  private async printLabels(): Promise<void> {
    const w = this.wave!;
    this.busy = true;
    try {
      const taken = await this.api.post<LabelNumbers>(`/fulfillment/waves/${w.id}/tracking-numbers`, {});
      const scan = taken.items.filter((i) => i.source === 'scan').length;
      if (scan) this.notifications.notify('info', this.t(`${scan} 单的快递没有可用的单号池，面单上不印单号，到发货台扫描快递面单`, `${scan} orders have no pool number for their courier; their labels leave the number to the station's scan`));
      const low = taken.pools.filter((p) => p.low);
      if (low.length) {
        this.notifications.notify('warning', this.t(`单号池快用完了：${low.map((p) => `${p.name}剩 ${p.remaining} 个`).join('，')}，请及时导入新号段`, `Number pools running low: ${low.map((p) => `${p.name} ${p.remaining} left`).join(', ')} — import new numbers soon`));
      }
      changes.announce('fulfillment.pools');
      this.workbench.print('fulfillment', 'shipping-label', { wave: String(w.id) }, `${this.t('快递面单', 'Shipping labels')} ${w.waveNo}`);
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.busy = false;
    }
  }

  private async step(action: 'picked' | 'cancel'): Promise<void> {
    const w = this.wave!;
    if (action === 'picked') {
      const open = w.replenishments.filter((r) => r.status === 'open').length;
      const sure = await confirmDialog(this, {
        heading: this.t('确认拣货完成', 'Confirm picking done'),
        message: this.t(
          `${w.waveNo} 的 ${w.orders} 张订单都拣齐了吗？确认后订单转为“已拣货”，拣货人记为你，不能撤回。${open ? `还有 ${open} 个补货任务没完成。` : ''}`,
          `Are all ${w.orders} orders of ${w.waveNo} picked? They become Picked with you as the picker; this cannot be undone.${open ? ` ${open} replenishments are still open.` : ''}`,
        ),
        confirmLabel: this.t('拣齐了', 'All picked'),
        cancelLabel: this.t('还没有', 'Not yet'),
      });
      if (!sure) return;
    }
    if (action === 'cancel') {
      const sure = await confirmDialog(this, {
        heading: this.t('取消波次', 'Cancel the wave'),
        message: this.t(`取消 ${w.waveNo} 后，其中 ${w.orders} 张订单回到“已审核”，可以再排进别的波次。`, `Cancelling ${w.waveNo} sends its ${w.orders} orders back to Approved, ready for another wave.`),
        confirmLabel: this.t('取消波次', 'Cancel the wave'),
        cancelLabel: this.t('不取消', 'Keep it'),
        danger: true,
      });
      if (!sure) return;
    }
    await this.send(`/fulfillment/waves/${w.id}/${action}`, { version: w.version },
      action === 'picked' ? this.t(`${w.waveNo} 拣货完成，订单已转为“已拣货”`, `${w.waveNo} picked; its orders are now Picked`) : this.t(`${w.waveNo} 已取消`, `${w.waveNo} cancelled`));
  }

  /** Posts a wave action, shows the wave as the server answers it, and tells the other panels. */
  private async send(path: string, body: object, done: string): Promise<void> {
    this.busy = true;
    try {
      this.wave = await this.api.post<WaveDetail>(path, body);
      this.notifications.notify('success', done);
      changes.announce('fulfillment.waves');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) await this.load();
      this.notifications.error(error);
    } finally {
      this.busy = false;
    }
  }

  /** 放回库位: the order's goods go back to their bins; the server says where the order goes. */
  private async putBack(order: WaveOrder): Promise<void> {
    await this.send(`/fulfillment/waves/${this.wave!.id}/orders/${order.orderId}/put-back`, {}, order.platformStatus === 'closed'
      ? this.t(`${order.orderNo} 的货已放回库位，订单已关闭`, `${order.orderNo}: goods back on the shelf, order closed`)
      : this.t(`${order.orderNo} 的货已放回库位，订单转为异常（退款中）`, `${order.orderNo}: goods back on the shelf, order set to exception (refunding)`));
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error} <button @click=${() => void this.load()}>${this.t('重试', 'Retry')}</button></p>`;
    const w = this.wave;
    if (!w) return html`<p class="hint">${this.t('加载中…', 'Loading…')}</p>`;
    const picking = w.status === 'picking';
    const openTasks = w.replenishments.filter((r) => r.status === 'open').length;
    const held = w.orderList.filter((o) => o.mustPutBack).length;
    return html`<header>
        <h2>${w.waveNo}</h2>
        <span class="wb-ful-badge status ${WAVE_STATUS_TONE[w.status]}">${this.i18n.text(WAVE_STATUS_NAMES[w.status])}</span>
        <span class="classes">${WAVE_CLASSES.map((c) => html`<span>${this.i18n.text(WAVE_CLASS_NAMES[c])} <strong>${w.classes[c] ?? 0}</strong></span>`)}</span>
      </header>
      <div class="meta">
        <span>${this.t(`${w.createdByName} 建于 ${this.i18n.dateTime(w.createdAt)}`, `Made by ${w.createdByName}, ${this.i18n.dateTime(w.createdAt)}`)}</span>
        ${w.pickedAt ? html`<span>${this.t(`${w.pickedByName ?? ''} 拣货完成于 ${this.i18n.dateTime(w.pickedAt)}`, `Picked by ${w.pickedByName ?? ''}, ${this.i18n.dateTime(w.pickedAt)}`)}</span>` : nothing}
      </div>
      <wb-toolbar label=${this.t('波次操作', 'Wave actions')}>
        <button class="print-pick" @click=${() => this.print('pick-list', this.t('拣货单', 'Pick list'))}>${this.t('打印拣货单', 'Print pick list')}</button>
        <button class="print-seed" @click=${() => this.print('seeding-sheet', this.t('播种单', 'Seeding sheet'))}>${this.t('打印播种单', 'Print seeding sheet')}</button>
        ${this.workbench.can('fulfillment.ship') ? html`<button class="print-slips" @click=${() => this.print('packing-slip', this.t('发货单', 'Packing slips'))}>${this.t('打印发货单', 'Print packing slips')}</button>` : nothing}
        ${this.workbench.can('fulfillment.labels.print') ? html`<button class="print-labels" ?disabled=${this.busy} @click=${() => void this.printLabels()}>${this.t('打印面单', 'Print labels')}</button>` : nothing}
        ${picking ? html`<button class="primary picked" ?disabled=${this.busy} @click=${() => void this.step('picked')}>${this.t('拣货完成', 'Picking done')}</button>` : nothing}
        ${picking ? html`<button class="danger cancel" ?disabled=${this.busy} @click=${() => void this.step('cancel')}>${this.t('取消波次', 'Cancel the wave')}</button>` : nothing}
      </wb-toolbar>
      ${picking && openTasks ? html`<p class="warn">${this.t(`还有 ${openTasks} 个补货任务没完成，先补货再拣货。`, `${openTasks} replenishments are still open; replenish before picking.`)}</p>` : nothing}
      ${held ? html`<p class="warn held" role="status">${this.t(`${held} 张订单在淘宝上已关闭或退款中，不能发货：请点“放回库位”把货放回去。`, `${held} orders are closed or refunding on Taobao and do not ship: use “Put back” to return their goods to the shelf.`)}</p>` : nothing}
      <div class="columns">
        <section>
          <h3>${this.t('订单与播种位', 'Orders and slots')}</h3>
          <wb-fulfillment-wave-orders .orders=${w.orderList} ?busy=${this.busy} @put-back=${(e: CustomEvent<WaveOrder>) => void this.putBack(e.detail)}></wb-fulfillment-wave-orders>
        </section>
        <section>
          <h3>${this.t('拣货单（按拣货路线）', 'Pick list (in walking order)')}</h3>
          <wb-fulfillment-wave-pick-list .lines=${w.pickList}></wb-fulfillment-wave-pick-list>
          <h3>${this.t('补货', 'Replenishment')}</h3>
          <wb-fulfillment-wave-replenishments .items=${w.replenishments}></wb-fulfillment-wave-replenishments>
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-wave-board': FulfillmentWaveBoard;
  }
}
