import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, ReloadOnChange, WbElement, type LocalizedText } from '@workbench/ui';
import type { PoolCount as Pool } from '../shared/records.js';
import { fulfillmentStyles } from './styles.js';
import { courierNames, courierText } from './courier-names.js';

/**
 * 快递单号池 in the waves view: numbers left per courier (a pool below the setting's threshold
 * stands out), and a form to import a 号段 — the start and end numbers bought from the courier.
 */
@customElement('wb-fulfillment-tracking-pools')
export class FulfillmentTrackingPools extends WbElement {
  static override styles = [controlStyles, fulfillmentStyles, css`
    :host { display: block; font-size: 12px; }
    ul { list-style: none; margin: 2px 0 6px; padding: 0; }
    li { display: flex; justify-content: space-between; gap: 8px; }
    li.low { color: var(--wb-warning, #9a5b00); font-weight: 600; }
    form { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; }
    form select, form button, form .file { grid-column: 1 / -1; }
    .file input { display: block; margin-top: 2px; font-family: inherit; }
    input { min-width: 0; font-family: var(--wb-font-mono, monospace); }
  `];

  // Loads on connect and again when the wave board takes numbers for a wave's labels.
  private readonly reloadOnChange = new ReloadOnChange(this, ['fulfillment.pools'], { reload: () => this.load(), onConnect: true });
  @state() private pools: Pool[] = [];
  @state() private threshold = 0;
  @state() private courier = '';
  @state() private busy = false;
  @state() private couriers = new Map<string, LocalizedText>();

  override connectedCallback(): void {
    super.connectedCallback();
    void courierNames(this.api, this.workbench).then((names) => (this.couriers = names));
  }

  private async load(): Promise<void> {
    try {
      const answer = await this.api.get<{ items: Pool[]; threshold: number }>('/fulfillment/tracking-pools');
      this.pools = answer.items;
      this.threshold = answer.threshold;
      this.courier ||= answer.items[0]?.courier ?? '';
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    if (await this.send({ from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') })) form.reset();
  }

  /** A CSV saved as UTF-8: a 运单号 column, or 起始单号 and 结束单号 columns. */
  private async addFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.send({ csv: await file.text() });
    input.value = '';
  }

  private async send(body: Record<string, string>): Promise<boolean> {
    this.busy = true;
    try {
      const made = await this.api.post<{ added: number; skipped: unknown[]; pool: Pool }>(`/fulfillment/tracking-pools/${this.courier}`, body);
      this.notifications.notify('success', this.t(`${courierText(this.couriers, this.i18n, made.pool.courier, made.pool.name)}导入 ${made.added} 个单号${made.skipped.length ? `，${made.skipped.length} 个已有跳过` : ''}，现剩 ${made.pool.remaining} 个`, `${courierText(this.couriers, this.i18n, made.pool.courier, made.pool.name)}: ${made.added} numbers added${made.skipped.length ? `, ${made.skipped.length} already there` : ''}; ${made.pool.remaining} left`));
      await this.load();
      return true;
    } catch (error) {
      this.notifications.error(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const shown = this.pools.filter((p) => p.imported > 0);
    return html`${shown.length
        ? html`<ul>${shown.map((p) => html`<li class=${p.low ? 'low' : ''} data-courier=${p.courier}><span>${courierText(this.couriers, this.i18n, p.courier, p.name)}</span><span>${this.t(`剩 ${p.remaining} 个`, `${p.remaining} left`)}${p.low ? this.t(`（少于 ${this.threshold}）`, ` (under ${this.threshold})`) : nothing}</span></li>`)}</ul>`
        : html`<p class="hint">${this.t('还没有导入单号：面单上不印单号，在发货台扫描。', 'No numbers imported: labels leave the number to the station’s scan.')}</p>`}
      <form @submit=${(e: SubmitEvent) => void this.add(e)}>
        <select aria-label=${this.t('快递', 'Courier')} .value=${this.courier} @change=${(e: Event) => (this.courier = (e.target as HTMLSelectElement).value)}>
          ${this.pools.map((p) => html`<option value=${p.courier} ?selected=${p.courier === this.courier}>${courierText(this.couriers, this.i18n, p.courier, p.name)}</option>`)}
        </select>
        <input name="from" required placeholder=${this.t('起始单号', 'From')} aria-label=${this.t('起始单号', 'From')}>
        <input name="to" required placeholder=${this.t('结束单号', 'To')} aria-label=${this.t('结束单号', 'To')}>
        <button ?disabled=${this.busy || !this.courier}>${this.t('导入号段', 'Import the range')}</button>
        <label class="file">${this.t('或导入 CSV（运单号，或起始单号＋结束单号）：', 'Or a CSV (运单号, or 起始单号 + 结束单号):')}
          <input type="file" accept=".csv,text/csv" ?disabled=${this.busy || !this.courier} @change=${(e: Event) => void this.addFile(e)}></label>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-fulfillment-tracking-pools': FulfillmentTrackingPools;
  }
}
