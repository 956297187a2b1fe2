import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement, yuan } from '@workbench/ui';
import type { ProcurementRfqNew } from './wb-procurement-rfq-new.js';
import './wb-procurement-rfq-new.js';
import './wb-procurement-quote-entry.js';

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

/**
 * The quote comparison: a request started from a purchase plan, each supplier's quotes entered,
 * per line their price, lead time, minimum and points side by side; the choice and its reason,
 * and the draft orders made from it.
 */
@customElement('wb-procurement-quotes')
export class ProcurementQuotes extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 10px; padding: 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { padding: 4px 6px; border: 1px solid var(--wb-border, #ddd); text-align: left; vertical-align: top; }
    td.cheapest { background: #eef7ee; }
    .tag { font-size: 11px; padding: 0 4px; border-radius: 3px; margin-left: 4px; background: #dcefdc; color: #1e5b20; }
    .warn { color: var(--wb-danger, #b42318); font-size: 12px; }
    .muted { color: var(--wb-muted, #888); font-size: 12px; }
    textarea { width: 100%; min-height: 48px; }
  `];

  @state() private list: { id: number; rfqNo: string; status: string }[] = [];
  @state() private rfq: Rfq | undefined;
  @state() private choice = new Map<number, number>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadList();
  }

  private async loadList(): Promise<void> {
    try {
      this.list = (await this.api.get<{ items: ProcurementQuotes['list'] }>('/procurement/rfqs')).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async made(id: number): Promise<void> {
    await Promise.all([this.loadList(), this.renderRoot.querySelector<ProcurementRfqNew>('wb-procurement-rfq-new')?.load()]);
    await this.open(id);
  }

  private saved(rfq: Rfq): void {
    this.rfq = rfq;
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

  /** A supplier whose points hold its orders back says so above its quotes, not only in the score. */
  private standing(standing: string) {
    if (standing === 'approval') return html`<div class="warn">${this.t('新订单须店长批准', "New orders need the owner's approval")}</div>`;
    if (standing === 'ended') return html`<div class="warn">${this.t('已终止合作', 'Ended')}</div>`;
    return nothing;
  }

  override render() {
    const r = this.rfq;
    const manage = this.workbench.can('procurement.rfqs.manage');
    return html`<h2>${this.t('比价', 'Quote comparison')}</h2>
      ${manage ? html`<wb-procurement-rfq-new @rfq-made=${(e: CustomEvent<number>) => void this.made(e.detail)}></wb-procurement-rfq-new>` : nothing}
      <label>${this.t('询价单', 'Request')}
        <select name="rfq" @change=${(e: Event) => void this.open(Number((e.target as HTMLSelectElement).value))}>
          <option value="">—</option>${this.list.map((x) => html`<option value=${x.id} ?selected=${x.id === r?.id}>${x.rfqNo}</option>`)}
        </select></label>
      ${r
        ? html`<table>
              <thead><tr><th>${this.t('商品', 'Item')}</th><th>${this.t('数量', 'Qty')}</th>${r.suppliers.map((s) => html`<th>${s.name}<div class="muted">${this.t(`扣分 ${s.points}`, `${s.points} points`)}</div>${this.standing(s.standing)}</th>`)}</tr></thead>
              <tbody>${r.lines.map((l) => html`<tr><td>${l.skuCode}<div class="muted">${l.title}</div></td><td>${l.qty}</td>${r.suppliers.map((s) => {
                const q = l.quotes.find((x) => x.supplierId === s.id);
                return q
                  ? html`<td class=${q.cheapest ? 'cheapest' : ''}><label><input type="radio" name=${`line-${l.id}`} ?disabled=${r.status !== 'open' && r.status !== 'decided'} .checked=${this.choice.get(l.id) === s.id} @change=${() => (this.choice = new Map(this.choice).set(l.id, s.id))} />
                      ¥${yuan(q.price)}</label>${q.cheapest ? html`<span class="tag">${this.t('最低', 'lowest')}</span>` : nothing}<div class="muted">${this.t(`交期 ${q.leadTimeDays} 天 · 起订 ${q.minQty} · 小计 ¥${yuan(q.amount)}`, `${q.leadTimeDays} days · min ${q.minQty} · ¥${yuan(q.amount)}`)}</div>${q.note ? html`<div class="muted">${q.note}</div>` : nothing}</td>`
                  : html`<td class="muted">${this.t('未报价', 'no quote')}</td>`;
              })}</tr>`)}</tbody>
            </table>
            ${manage && r.status === 'open' ? html`<wb-procurement-quote-entry .rfq=${r} @quotes-saved=${(e: CustomEvent<Rfq>) => this.saved(e.detail)}></wb-procurement-quote-entry>` : nothing}
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
