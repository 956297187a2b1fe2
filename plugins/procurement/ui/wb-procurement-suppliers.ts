import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, listPanelStyles, ReloadOnChange, WbElement, yuanToFen } from '@workbench/ui';
import type { Supplier } from '../server/model.js';
import './wb-procurement-supplier-card.js';


interface Item { id: number; skuCode: string; price: number; minQuantity: number; validUntil: string | null }
interface Rejected { row: number; column: string; reason: string }

/** 供应商: the list, and the chosen supplier's details, price list (with its CSV import) and scorecard. */
@customElement('wb-procurement-suppliers')
export class ProcurementSuppliers extends WbElement {
  static override styles = [listPanelStyles, css`
    :host { display: grid; grid-template-columns: minmax(200px, 260px) 1fr; gap: 12px; padding: 8px 12px; overflow: hidden; }
    aside { display: flex; flex-direction: column; gap: 6px; min-height: 0; overflow: auto; border-right: 1px solid var(--wb-border, #ddd); padding-right: 8px; }
    aside ul { list-style: none; margin: 0; padding: 0; }
    aside li button { width: 100%; text-align: left; display: flex; justify-content: space-between; gap: 6px; border: none; background: none; padding: 4px 6px; cursor: pointer; font: inherit; color: inherit; border-radius: 4px; }
    aside li button.current { background: var(--wb-selection, rgba(0, 90, 200, 0.12)); }
    main { overflow: auto; min-width: 0; }
    form.details { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 6px 12px; align-items: end; }
    form.details label { display: flex; flex-direction: column; font-size: 12px; gap: 2px; }
    form.details .wide { grid-column: 1 / -1; }
    .standing { font-size: 11px; padding: 0 5px; border-radius: 3px; white-space: nowrap; }
    .standing.approval { background: #fff4e0; color: #8a4b00; }
    .standing.ended { background: #fde8e8; color: #9b1c1c; }
    table { width: 100%; border-collapse: collapse; font-size: 13px; }
    th, td { padding: 3px 6px; border-bottom: 1px solid var(--wb-border, #ddd); text-align: left; }
    td.num, th.num { text-align: right; }
    .rejected { color: var(--wb-danger, #b42318); font-size: 12px; }
    .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  `];

  private readonly reloadOnChange = new ReloadOnChange(this, ['procurement.suppliers'], { reload: () => this.load(), onConnect: true });
  @state() private suppliers: Supplier[] = [];
  @state() private current: Supplier | undefined;
  @state() private items: Item[] = [];
  @state() private rejected: Rejected[] = [];
  @state() private busy = false;

  private async load(): Promise<void> {
    try {
      this.suppliers = (await this.api.get<{ items: Supplier[] }>('/procurement/suppliers?pageSize=500')).items;
      if (this.current) await this.pick(this.current.id);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async pick(id: number): Promise<void> {
    this.current = await this.api.get<Supplier>(`/procurement/suppliers/${id}`);
    this.items = (await this.api.get<{ items: Item[] }>(`/procurement/suppliers/${id}/items`)).items;
    this.rejected = [];
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (k: string) => String(data.get(k) ?? '');
    const body = {
      name: text('name'), contact: text('contact'), phone: text('phone'), paymentTerms: text('paymentTerms'), note: text('note'),
      categories: text('categories').split(/[,，、]/).map((c) => c.trim()).filter(Boolean), leadTimeDays: Number(text('leadTimeDays') || 0),
    };
    this.busy = true;
    try {
      const saved = this.current
        ? await this.api.patch<Supplier>(`/procurement/suppliers/${this.current.id}`, { ...body, version: this.current.version })
        : await this.api.post<Supplier>('/procurement/suppliers', body);
      this.notifications.notify('success', this.t('已保存', 'Saved'));
      this.suppliers = (await this.api.get<{ items: Supplier[] }>('/procurement/suppliers?pageSize=500')).items;
      await this.pick(saved.id);
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.busy = false;
    }
  }

  private async addItem(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const price = yuanToFen(String(data.get('price') ?? ''));
    if (price === undefined) {
      this.notifications.notify('error', this.t('进货价请写成 42.50 这样的元', 'Write the price in yuan, like 42.50'));
      return;
    }
    try {
      await this.api.put(`/procurement/suppliers/${this.current!.id}/items`, {
        skuCode: String(data.get('skuCode') ?? ''), price, minQuantity: Number(data.get('minQuantity') || 1), validUntil: String(data.get('validUntil') ?? '') || null,
      });
      form.reset();
      await this.pick(this.current!.id);
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !this.current) return;
    const form = new FormData();
    form.append('file', file);
    this.rejected = [];
    try {
      const done = await this.api.post<{ created: number; updated: number; unchanged: number }>(`/procurement/suppliers/${this.current.id}/price-list`, form);
      this.notifications.notify('success', this.t(`价格表已导入：新增 ${done.created}，更新 ${done.updated}，未变 ${done.unchanged}`, `Price list imported: ${done.created} added, ${done.updated} changed, ${done.unchanged} unchanged`));
      await this.pick(this.current.id);
    } catch (error) {
      const rejected = error instanceof ApiError ? (error.problem as { rejected?: Rejected[] }).rejected : undefined;
      if (rejected) this.rejected = rejected;
      this.notifications.error(error);
    } finally {
      input.value = '';
    }
  }

  private standing(s: Supplier) {
    if (s.standing === 'active') return nothing;
    return html`<span class="standing ${s.standing}">${s.standing === 'ended' ? this.t('已终止', 'Ended') : this.t('需店长批准', 'Owner approval')}</span>`;
  }

  override render() {
    const s = this.current;
    return html`
      <aside>
        <button class="primary" @click=${() => { this.current = undefined; this.items = []; }}>${this.t('新建供应商', 'New supplier')}</button>
        <ul>${this.suppliers.map((x) => html`<li><button class=${x.id === s?.id ? 'current' : ''} @click=${() => void this.pick(x.id)}><span>${x.name}</span>${this.standing(x)}</button></li>`)}</ul>
      </aside>
      <main>
        <h2>${s ? s.name : this.t('新建供应商', 'New supplier')} ${s ? this.standing(s) : nothing}</h2>
        <form class="details" @submit=${(e: SubmitEvent) => void this.save(e)}>
          <label>${this.t('名称', 'Name')}<input name="name" required .value=${s?.name ?? ''}></label>
          <label>${this.t('联系人', 'Contact')}<input name="contact" .value=${s?.contact ?? ''}></label>
          <label>${this.t('电话', 'Phone')}<input name="phone" .value=${s?.phone ?? ''}></label>
          <label>${this.t('经营类目（逗号分隔）', 'Categories (comma-separated)')}<input name="categories" .value=${s?.categories.join('，') ?? ''}></label>
          <label>${this.t('到货天数', 'Lead time (days)')}<input name="leadTimeDays" type="number" min="0" .value=${String(s?.leadTimeDays ?? 7)}></label>
          <label>${this.t('付款方式', 'Payment terms')}<input name="paymentTerms" .value=${s?.paymentTerms ?? ''} placeholder=${this.t('月结 30 天', 'Monthly, 30 days')}></label>
          <label class="wide">${this.t('备注', 'Note')}<input name="note" .value=${s?.note ?? ''}></label>
          <div><button class="primary" ?disabled=${this.busy}>${this.t('保存', 'Save')}</button></div>
        </form>
        ${s ? html`
          <h3>${this.t('价格表', 'Price list')}</h3>
          <table>
            <thead><tr><th>${this.t('商家编码', 'SKU code')}</th><th class="num">${this.t('进货价', 'Price')}</th><th class="num">${this.t('起订量', 'Minimum')}</th><th>${this.t('有效期至', 'Valid until')}</th></tr></thead>
            <tbody>${this.items.map((i) => html`<tr><td>${i.skuCode}</td><td class="num">${this.i18n.money(i.price)}</td><td class="num">${i.minQuantity}</td><td>${i.validUntil ?? '—'}</td></tr>`)}</tbody>
          </table>
          <form class="row" @submit=${(e: SubmitEvent) => void this.addItem(e)}>
            <input name="skuCode" required placeholder=${this.t('商家编码', 'SKU code')} aria-label=${this.t('商家编码', 'SKU code')}>
            <input name="price" required placeholder=${this.t('进货价（元）', 'Price (yuan)')} aria-label=${this.t('进货价', 'Price')}>
            <input name="minQuantity" type="number" min="1" placeholder=${this.t('起订量', 'Minimum')} aria-label=${this.t('起订量', 'Minimum')}>
            <input name="validUntil" type="date" aria-label=${this.t('有效期至', 'Valid until')}>
            <button>${this.t('加入价格表', 'Add to the list')}</button>
            <label>${this.t('或导入价格表 CSV（商家编码、进货价、起订量、有效期至；有一行不对整份不导入）：', 'Or import a price list CSV (商家编码, 进货价, 起订量, 有效期至; one bad row and nothing is imported):')}
              <input type="file" accept=".csv,text/csv" data-action="price-list" @change=${(e: Event) => void this.importFile(e)}></label>
          </form>
          ${this.rejected.length ? html`<ul class="rejected">${this.rejected.map((r) => html`<li>${this.t(`第 ${r.row} 行 ${r.column}：`, `Row ${r.row}, ${r.column}: `)}${r.reason}</li>`)}</ul>` : nothing}
          <wb-procurement-supplier-card .supplierId=${s.id} @changed=${() => void this.load()}></wb-procurement-supplier-card>` : nothing}
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-procurement-suppliers': ProcurementSuppliers;
  }
}
