import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement, yuan } from '@workbench/ui';

interface Summary { id: number; poNo: string; supplierName: string; status: string; total: number; expectedDate: string | null; version: number }
interface Order extends Summary {
  goodsAmount: number;
  transportCost: number;
  lines: { id: number; skuCode: string; title: string; qty: number; price: number; amount: number; passed: number; outstanding: number }[];
  approvals: { role: string; because: string; fromAmount: number; signedBy: { name: string } | null; signedAt: string | null }[];
  history: { move: string; to: string; byName: string; at: string; note: string }[];
}

const STATUS: Record<string, [string, string]> = {
  draft: ['草稿', 'Draft'], approved: ['已审批', 'Approved'], sent: ['已下单', 'Sent'], 'partly-received': ['部分到货', 'Partly received'],
  received: ['已到货', 'Received'], closed: ['已结案', 'Closed'], cancelled: ['已取消', 'Cancelled'],
};
const ROLES: Record<string, [string, string]> = { owner: ['店长', 'Owner'], purchasing: ['采购', 'Purchasing'], finance: ['财务', 'Finance'], operations: ['运营', 'Operations'], warehouse: ['仓管', 'Warehouse'], 'customer-service': ['客服', 'CS'] };

/** Purchase orders: the list, and the chosen order with its lines, approval steps, history, moves and print view. */
@customElement('wb-procurement-orders')
export class ProcurementOrders extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: grid; grid-template-columns: minmax(320px, 2fr) 3fr; align-content: start; gap: 12px; padding: 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { padding: 4px 6px; border-bottom: 1px solid var(--wb-border, #ddd); text-align: left; }
    td.num, th.num { text-align: right; }
    tbody tr.pick { cursor: pointer; }
    tbody tr.pick:hover, tr.on { background: var(--wb-hover, #f0f4fa); }
    .steps li.done { color: #2e7d32; }
    .actions { display: flex; gap: 8px; margin: 8px 0; flex-wrap: wrap; }
    @media (max-width: 1100px) { :host { grid-template-columns: 1fr; } }
  `];

  @state() private items: Summary[] = [];
  @state() private order: Order | undefined;
  @state() private printing = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: Summary[] }>('/procurement/orders?pageSize=100')).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async open(id: number): Promise<void> {
    this.order = await this.api.get<Order>(`/procurement/orders/${id}`);
    this.printing = false;
  }

  private async move(path: string, needsReason: boolean): Promise<void> {
    if (!this.order) return;
    const reason = needsReason ? prompt(this.t('请写明原因', 'Give the reason')) : undefined;
    if (needsReason && !reason) return;
    try {
      this.order = await this.api.post<Order>(`/procurement/orders/${this.order.id}/${path}`, { version: this.order.version, ...(reason ? { reason } : {}) });
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private pair(p: [string, string] | undefined, fallback: string): string {
    return p ? this.t(p[0], p[1]) : fallback;
  }

  override render() {
    const o = this.order;
    return html`<section>
        <h2>${this.t('采购单', 'Purchase orders')}</h2>
        <table>
          <thead><tr><th>${this.t('单号', 'No.')}</th><th>${this.t('供应商', 'Supplier')}</th><th>${this.t('状态', 'Status')}</th><th class="num">${this.t('金额', 'Total')}</th></tr></thead>
          <tbody>${this.items.map((i) => html`<tr class="pick ${o?.id === i.id ? 'on' : ''}" tabindex="0" @click=${() => void this.open(i.id)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void this.open(i.id)}>
            <td>${i.poNo}</td><td>${i.supplierName}</td><td>${this.pair(STATUS[i.status], i.status)}</td><td class="num">${yuan(i.total)}</td></tr>`)}</tbody>
        </table>
      </section>
      <section>
        ${o
          ? html`<h2>${o.poNo} · ${o.supplierName} · ${this.pair(STATUS[o.status], o.status)}</h2>
              <div class="actions">
                ${o.status === 'draft' ? html`<button class="primary" @click=${() => void this.move('approve', false)}>${this.t('审批', 'Approve')}</button>` : nothing}
                ${o.status === 'approved' ? html`<button class="primary" @click=${() => void this.move('send', false)}>${this.t('已发给供应商', 'Mark sent')}</button>` : nothing}
                ${['draft', 'approved', 'sent'].includes(o.status) ? html`<button @click=${() => void this.move('cancel', true)}>${this.t('取消', 'Cancel')}</button>` : nothing}
                ${['partly-received', 'received'].includes(o.status) ? html`<button @click=${() => void this.move('close', true)}>${this.t('结案', 'Close')}</button>` : nothing}
                <button @click=${() => (this.printing = !this.printing)}>${this.t('打印采购单', 'Print')}</button>
              </div>
              <table>
                <thead><tr><th>${this.t('商家编码', 'SKU code')}</th><th>${this.t('商品', 'Item')}</th><th class="num">${this.t('数量', 'Qty')}</th><th class="num">${this.t('单价', 'Price')}</th><th class="num">${this.t('金额', 'Amount')}</th><th class="num">${this.t('已收', 'Passed')}</th></tr></thead>
                <tbody>${o.lines.map((l) => html`<tr><td>${l.skuCode}</td><td>${l.title}</td><td class="num">${l.qty}</td><td class="num">${yuan(l.price)}</td><td class="num">${yuan(l.amount)}</td><td class="num">${l.passed}</td></tr>`)}</tbody>
                <tfoot><tr><td colspan="4">${this.t('货款 + 运费', 'Goods + transport')}</td><td class="num">${yuan(o.goodsAmount)} + ${yuan(o.transportCost)} = ${yuan(o.total)}</td><td></td></tr></tfoot>
              </table>
              <h3>${this.t('审批', 'Approvals')}</h3>
              <ol class="steps">${o.approvals.map((a) => html`<li class=${a.signedBy ? 'done' : ''}>${this.pair(ROLES[a.role], a.role)}
                （${a.because === 'supplier' ? this.t('供应商扣分达 50 分', "supplier's points reached 50") : this.t(`金额满 ${yuan(a.fromAmount)} 元`, `¥${yuan(a.fromAmount)} or more`)}）
                ${a.signedBy ? html`✓ ${a.signedBy.name} ${a.signedAt!.slice(0, 16).replace('T', ' ')}` : this.t('待审批', 'to sign')}</li>`)}</ol>
              <h3>${this.t('经过', 'History')}</h3>
              <ul>${o.history.map((h) => html`<li>${h.at.slice(0, 16).replace('T', ' ')} ${h.byName}：${this.pair(STATUS[h.to], h.to)} ${h.note}</li>`)}</ul>
              ${this.printing ? html`<wb-print-view heading=${`${this.t('采购单', 'Purchase order')} ${o.poNo}`} src=${`/procurement/printables/purchase-order?id=${o.id}`}></wb-print-view>` : nothing}`
          : html`<p>${this.t('选一张采购单查看明细与审批', 'Choose an order to see its lines and approvals')}</p>`}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-orders': ProcurementOrders;
  }
}
