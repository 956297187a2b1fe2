import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { changes, controlStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import { labelStyles } from './labels.js';
import { fulfillmentStyles } from './styles.js';
import { REPLENISHMENT_STATUS_NAMES, type Replenishment } from './wb-fulfillment-wave-records.js';

/**
 * Replenishment tasks (补货): move stock from a storage bin to the pick face before the wave is
 * picked. Given `items` it shows those (a wave's); without, it fetches the open tasks itself.
 * 完成 records the move (the server moves the stock and refuses when storage no longer holds it);
 * every wave panel hears of it.
 */
@customElement('wb-fulfillment-wave-replenishments')
export class FulfillmentWaveReplenishments extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, labelStyles, css`
    .move { font-family: var(--wb-font-mono, monospace); white-space: nowrap; }
    td.title { max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .compact td.title, .compact th.title { display: none; }
  `];

  /** A wave's tasks; left unset, the open tasks of every wave are fetched. */
  // Reloads when another panel announces a change to what this one shows.
  private readonly reloadOnChange = new ReloadOnChange(this, ['fulfillment.waves'], { reload: () => this.load() });
  @property({ attribute: false }) items?: Replenishment[];
  /** Narrow (the side bar): no title column. */
  @property({ type: Boolean }) compact = false;
  @state() private fetched: Replenishment[] = [];
  @state() private error = '';
  @state() private busy = new Set<number>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.items) return;
    try {
      this.fetched = (await this.api.get<{ items: Replenishment[] }>('/fulfillment/replenishments', { status: 'open', pageSize: 200 })).items;
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async done(task: Replenishment): Promise<void> {
    this.busy = new Set([...this.busy, task.id]);
    try {
      await this.api.post(`/fulfillment/replenishments/${task.id}/done`, {});
      this.notifications.notify('success', this.t(`已补货：${task.skuCode} ${task.qty} 件到 ${task.toLocationCode}`, `Replenished: ${task.qty} × ${task.skuCode} to ${task.toLocationCode}`));
      changes.announce('fulfillment.waves');
    } catch (error) {
      this.notifications.error(error);
    } finally {
      const next = new Set(this.busy);
      next.delete(task.id);
      this.busy = next;
    }
  }

  override render() {
    const list = this.items ?? this.fetched;
    if (this.error) return html`<p class="error" role="alert">${this.error} <button @click=${() => void this.load()}>${this.t('重试', 'Retry')}</button></p>`;
    if (!list.length) return html`<p class="hint">${this.items ? this.t('这个波次不用补货', 'This wave needs no replenishment') : this.t('没有待补货的任务', 'No replenishment to do')}</p>`;
    return html`<table class="list ${this.compact ? 'compact' : ''}">
      <thead><tr>
        <th>${this.t('商家编码', 'SKU')}</th><th class="title">${this.t('商品', 'Item')}</th><th>${this.t('从 → 到', 'From → to')}</th><th class="num">${this.t('数量', 'Qty')}</th><th></th>
      </tr></thead>
      <tbody>${list.map((r) => html`<tr data-id=${r.id}>
        <td>${r.skuCode}${!this.items && r.waveNo ? html`<div class="hint">${r.waveNo}</div>` : nothing}</td>
        <td class="title" title=${r.title ?? ''}>${r.title ?? ''}</td>
        <td class="move">${r.fromLocationCode} → ${r.toLocationCode}</td>
        <td class="num">${r.qty}</td>
        <td>${r.status === 'open'
          ? html`<button class="done" ?disabled=${this.busy.has(r.id)} @click=${() => void this.done(r)}>${this.t('完成', 'Done')}</button>`
          : html`<span class="wb-ful-badge ${r.status === 'done' ? 'pass' : ''}">${this.i18n.text(REPLENISHMENT_STATUS_NAMES[r.status])}</span>`}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-wave-replenishments': FulfillmentWaveReplenishments;
  }
}
