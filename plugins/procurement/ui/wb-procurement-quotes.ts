import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement, yuan } from '@workbench/ui';

interface Quote { supplierId: number; price: number; leadTimeDays: number; minQty: number; note: string; amount: number; cheapest: boolean }
interface Rfq {
  id: number;
  rfqNo: string;
  status: string;
  version: number;
  choiceReason: string | null;
  suppliers: { id: number; name: string; points: number; standing: string }[];
  lines: { id: number; skuCode: string; title: string; qty: number; chosenSupplierId: number | null; quotes: Quote[] }[];
}

/** The quote comparison: per line each supplier's price, lead time, minimum and points; the choice and its reason. */
@customElement('wb-procurement-quotes')
export class ProcurementQuotes extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 10px; padding: 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { padding: 4px 6px; border: 1px solid var(--wb-border, #ddd); text-align: left; vertical-align: top; }
    td.cheapest { background: #eef7ee; }
    .muted { color: var(--wb-muted, #888); font-size: 12px; }
    textarea { width: 100%; min-height: 48px; }
  `];

  @state() private list: { id: number; rfqNo: string; status: string }[] = [];
  @state() private rfq: Rfq | undefined;
  @state() private choice = new Map<number, number>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<{ items: ProcurementQuotes['list'] }>('/procurement/rfqs').then((r) => (this.list = r.items), (e: unknown) => this.notifications.error(e));
  }

  private async open(id: number): Promise<void> {
    this.rfq = await this.api.get<Rfq>(`/procurement/rfqs/${id}`);
    this.choice = new Map(this.rfq.lines.filter((l) => l.chosenSupplierId).map((l) => [l.id, l.chosenSupplierId!]));
  }

  private async decide(): Promise<void> {
    const rfq = this.rfq!;
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.value ?? '';
    try {
      this.rfq = await this.api.post<Rfq>(`/procurement/rfqs/${rfq.id}/decision`, { version: rfq.version, reason, choices: [...this.choice].map(([lineId, supplierId]) => ({ lineId, supplierId })) });
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async order(): Promise<void> {
    try {
      const made = await this.api.post<{ orders: { poNo: string }[] }>(`/procurement/rfqs/${this.rfq!.id}/orders`, { version: this.rfq!.version });
      this.notifications.notify('success', `${this.t('已生成采购单草稿', 'Drafted')} ${made.orders.map((o) => o.poNo).join('、')}`);
      await this.open(this.rfq!.id);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const r = this.rfq;
    return html`<h2>${this.t('比价', 'Quote comparison')}</h2>
      <label>${this.t('询价单', 'Request')}
        <select @change=${(e: Event) => void this.open(Number((e.target as HTMLSelectElement).value))}>
          <option value="">—</option>${this.list.map((x) => html`<option value=${x.id}>${x.rfqNo}</option>`)}
        </select></label>
      ${r
        ? html`<table>
              <thead><tr><th>${this.t('商品', 'Item')}</th><th>${this.t('数量', 'Qty')}</th>${r.suppliers.map((s) => html`<th>${s.name}<div class="muted">${this.t(`扣分 ${s.points}`, `${s.points} points`)}</div></th>`)}</tr></thead>
              <tbody>${r.lines.map((l) => html`<tr><td>${l.skuCode}<div class="muted">${l.title}</div></td><td>${l.qty}</td>${r.suppliers.map((s) => {
                const q = l.quotes.find((x) => x.supplierId === s.id);
                return q
                  ? html`<td class=${q.cheapest ? 'cheapest' : ''}><label><input type="radio" name=${`line-${l.id}`} ?disabled=${r.status !== 'open' && r.status !== 'decided'} .checked=${this.choice.get(l.id) === s.id} @change=${() => (this.choice = new Map(this.choice).set(l.id, s.id))} />
                      ¥${yuan(q.price)}</label><div class="muted">${this.t(`交期 ${q.leadTimeDays} 天 · 起订 ${q.minQty} · 小计 ¥${yuan(q.amount)}`, `${q.leadTimeDays} days · min ${q.minQty} · ¥${yuan(q.amount)}`)}</div>${q.note ? html`<div class="muted">${q.note}</div>` : nothing}</td>`
                  : html`<td class="muted">${this.t('未报价', 'no quote')}</td>`;
              })}</tr>`)}</tbody>
            </table>
            ${r.status === 'ordered'
              ? html`<p>${this.t('选择理由', 'Reason')}：${r.choiceReason}</p>`
              : html`<label>${this.t('选择理由', 'Why this choice')}<textarea .value=${r.choiceReason ?? ''}></textarea></label>
                  <div><button @click=${() => void this.decide()}>${this.t('记录选择', 'Record the choice')}</button>
                  ${r.status === 'decided' ? html`<button class="primary" @click=${() => void this.order()}>${this.t('生成采购单', 'Draft the orders')}</button>` : nothing}</div>`}`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-quotes': ProcurementQuotes;
  }
}
