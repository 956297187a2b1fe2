import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';

interface Line { id: number; skuCode: string; barcode: string | null; title: string; qty: number; passed: number; outstanding: number }
interface Order { id: number; poNo: string; supplierName: string; status: string; lines: Line[] }
interface Count { counted: number; failed: number; reason: string }

/**
 * The receiving station, keyboard first: open a sent order by its number, then each scan (商家编码 or
 * barcode, then Enter) counts one piece on its line; failed pieces and their reason are typed per line;
 * Ctrl+Enter posts the delivery.
 */
@customElement('wb-procurement-receiving')
export class ProcurementReceiving extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 10px; padding: 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    form { display: flex; gap: 8px; align-items: center; }
    input.scan { font-size: 18px; padding: 6px 10px; min-width: 320px; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { padding: 4px 8px; border-bottom: 1px solid var(--wb-border, #ddd); text-align: left; }
    th { white-space: nowrap; }
    td.num, th.num { text-align: right; }
    tr.hit { background: #eef7ee; }
    input.n { width: 64px; }
    .msg { font-size: 14px; }
    .msg.bad { color: #b00020; }
  `];

  @state() private order: Order | undefined;
  @state() private counts = new Map<number, Count>();
  @state() private message = '';
  @state() private bad = false;
  @state() private last = 0;

  private async open(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const no = String(new FormData(event.target as HTMLFormElement).get('poNo') ?? '').trim();
    try {
      const found = (await this.api.get<{ items: { id: number }[] }>(`/procurement/orders?q=${encodeURIComponent(no)}`)).items[0];
      if (!found) throw new Error(this.t(`没有找到采购单 ${no}`, `No purchase order ${no}`));
      this.order = await this.api.get<Order>(`/procurement/orders/${found.id}`);
      this.counts = new Map();
      this.say(this.t(`${this.order.poNo}（${this.order.supplierName}）：请扫描商品`, `${this.order.poNo} (${this.order.supplierName}): scan the goods`), false);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input.scan')?.focus();
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error), true);
    }
  }

  private scan(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input.scan')!;
    const code = input.value.trim().toUpperCase();
    input.value = '';
    const line = this.order?.lines.find((l) => l.skuCode.toUpperCase() === code || l.barcode?.toUpperCase() === code);
    if (!line) {
      this.say(this.t(`${code} 不在这张采购单上`, `${code} is not on this order`), true);
      return;
    }
    const c = this.counts.get(line.id) ?? { counted: 0, failed: 0, reason: '' };
    this.counts = new Map(this.counts).set(line.id, { ...c, counted: c.counted + 1 });
    this.last = line.id;
    this.say(`${line.skuCode} ${line.title}：${c.counted + 1} / ${line.outstanding}`, false);
  }

  private set(lineId: number, patch: Partial<Count>): void {
    const c = this.counts.get(lineId) ?? { counted: 0, failed: 0, reason: '' };
    this.counts = new Map(this.counts).set(lineId, { ...c, ...patch });
  }

  private async post(): Promise<void> {
    if (!this.order) return;
    const lines = [...this.counts.entries()].filter(([, c]) => c.counted > 0).map(([lineId, c]) => ({ lineId, counted: c.counted, failed: c.failed, ...(c.reason.trim() ? { failureReason: c.reason.trim() } : {}) }));
    try {
      const done = await this.api.post<{ receiptNo: string; returnNo: string | null; order: Order }>(`/procurement/orders/${this.order.id}/receipts`, { lines });
      this.order = done.order;
      this.counts = new Map();
      this.say(this.t(`已收货 ${done.receiptNo}${done.returnNo ? `，不合格品进退换货单 ${done.returnNo}` : ''}`, `Received ${done.receiptNo}${done.returnNo ? `; failed pieces on return ${done.returnNo}` : ''}`), false);
      this.notifications.notify('success', this.message);
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error), true);
    }
  }

  private say(text: string, bad: boolean): void {
    this.message = text;
    this.bad = bad;
  }

  private keys(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.post();
    }
  }

  override render() {
    const o = this.order;
    return html`<div @keydown=${(e: KeyboardEvent) => this.keys(e)}>
      <form @submit=${(e: SubmitEvent) => void this.open(e)}>
        <label>${this.t('采购单号', 'PO number')} <input name="poNo" autofocus placeholder="CG…" aria-label=${this.t('采购单号', 'PO number')} /></label>
        <button type="submit">${this.t('打开', 'Open')}</button>
      </form>
      ${o
        ? html`<h2>${o.poNo} · ${o.supplierName}</h2>
            <form @submit=${(e: SubmitEvent) => this.scan(e)}>
              <input class="scan" name="code" placeholder=${this.t('扫描商家编码或条码，回车', 'Scan the SKU code or barcode, Enter')} aria-label=${this.t('扫描', 'Scan')} />
              <button type="button" class="primary" @click=${() => void this.post()}>${this.t('确认收货（Ctrl+Enter）', 'Receive (Ctrl+Enter)')}</button>
            </form>
            <table>
              <thead><tr><th>${this.t('商家编码', 'SKU code')}</th><th>${this.t('商品', 'Item')}</th><th class="num">${this.t('待收', 'To come')}</th><th class="num">${this.t('点到', 'Counted')}</th><th class="num">${this.t('不合格', 'Failed')}</th><th>${this.t('不合格原因', 'Why it failed')}</th></tr></thead>
              <tbody>${o.lines.map((l) => {
                const c = this.counts.get(l.id) ?? { counted: 0, failed: 0, reason: '' };
                return html`<tr class=${l.id === this.last ? 'hit' : ''}>
                  <td>${l.skuCode}</td><td>${l.title}</td><td class="num">${l.outstanding}</td>
                  <td class="num"><input class="n" type="number" min="0" .value=${String(c.counted)} aria-label=${`${l.skuCode} ${this.t('点到', 'counted')}`} @change=${(e: Event) => this.set(l.id, { counted: Number((e.target as HTMLInputElement).value) })} /></td>
                  <td class="num"><input class="n" type="number" min="0" .value=${String(c.failed)} aria-label=${`${l.skuCode} ${this.t('不合格', 'failed')}`} @change=${(e: Event) => this.set(l.id, { failed: Number((e.target as HTMLInputElement).value) })} /></td>
                  <td><input .value=${c.reason} aria-label=${`${l.skuCode} ${this.t('不合格原因', 'why it failed')}`} @change=${(e: Event) => this.set(l.id, { reason: (e.target as HTMLInputElement).value })} /></td>
                </tr>`;
              })}</tbody>
            </table>`
        : nothing}
      ${this.message ? html`<p class="msg ${this.bad ? 'bad' : ''}" role=${this.bad ? 'alert' : 'status'}>${this.message}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-receiving': ProcurementReceiving;
  }
}
