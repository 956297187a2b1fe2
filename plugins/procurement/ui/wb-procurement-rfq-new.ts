import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, WbElement } from '@workbench/ui';

interface PlanSummary { id: number; title: string; lineCount: number; quantity: number }
interface SupplierSummary { id: number; name: string; standing: string }

/**
 * 发起询价: an open purchase plan's lines sent to the suppliers ticked. Fires `rfq-made` with the
 * new request's id, so the comparison opens it.
 */
@customElement('wb-procurement-rfq-new')
export class ProcurementRfqNew extends WbElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; padding: 8px; border: 1px solid var(--wb-border, #ddd); border-radius: 4px; }
    fieldset { display: flex; flex-wrap: wrap; gap: 4px 12px; border: none; margin: 0; padding: 0; }
    legend { float: left; margin-right: 8px; }
    .muted { color: var(--wb-muted, #666); font-size: 12px; }
  `];

  @state() private plans: PlanSummary[] = [];
  @state() private suppliers: SupplierSummary[] = [];
  @state() private planId = 0;
  @state() private picked = new Set<number>();
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Plans still open and suppliers not ended; called again by the comparison after a request is made. */
  async load(): Promise<void> {
    try {
      const [plans, suppliers] = await Promise.all([
        this.api.get<{ items: PlanSummary[] }>('/procurement/plans?state=open&pageSize=100'),
        this.api.get<{ items: SupplierSummary[] }>('/procurement/suppliers?pageSize=100'),
      ]);
      this.plans = plans.items;
      this.suppliers = suppliers.items.filter((s) => s.standing !== 'ended');
      if (!this.plans.some((p) => p.id === this.planId)) this.planId = this.plans[0]?.id ?? 0;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private pick(id: number, on: boolean): void {
    const next = new Set(this.picked);
    if (on) next.add(id);
    else next.delete(id);
    this.picked = next;
  }

  private async ask(e: Event): Promise<void> {
    e.preventDefault();
    this.busy = true;
    try {
      const rfq = await this.api.post<{ id: number; rfqNo: string }>('/procurement/rfqs', { planId: this.planId, supplierIds: [...this.picked] });
      this.notifications.notify('success', this.t(`已发起询价 ${rfq.rfqNo}`, `${rfq.rfqNo} sent out`));
      this.picked = new Set();
      this.dispatchEvent(new CustomEvent('rfq-made', { detail: rfq.id, bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (this.plans.length === 0) return html`<p class="muted">${this.t('没有待执行的采购计划：先在补货建议里生成一个。', 'No open purchase plan: make one from the reorder suggestions first.')}</p>`;
    return html`<form @submit=${(e: Event) => void this.ask(e)}>
      <label>${this.t('采购计划', 'Purchase plan')}
        <select name="plan" @change=${(e: Event) => (this.planId = Number((e.target as HTMLSelectElement).value))}>
          ${this.plans.map((p) => html`<option value=${p.id} ?selected=${p.id === this.planId}>#${p.id} ${p.title}（${this.t(`${p.lineCount} 行 ${p.quantity} 件`, `${p.lineCount} lines, ${p.quantity} pcs`)}）</option>`)}
        </select></label>
      <fieldset><legend>${this.t('询价供应商', 'Ask')}</legend>
        ${this.suppliers.map((s) => html`<label><input type="checkbox" name="supplier" .checked=${this.picked.has(s.id)} @change=${(e: Event) => this.pick(s.id, (e.target as HTMLInputElement).checked)} />${s.name}</label>`)}
      </fieldset>
      <button class="primary" type="submit" ?disabled=${this.busy || this.planId === 0 || this.picked.size === 0}>${this.t('发起询价', 'Ask for quotes')}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-rfq-new': ProcurementRfqNew;
  }
}
