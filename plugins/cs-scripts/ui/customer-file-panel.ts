import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, reportFilters, WbElement } from '@workbench/ui';
import type { CustomerFile } from '../server/customers/customer-file.js';
import type { CustomerProfile } from '../server/customers/customer-store.js';

// Taobao order numbers are long digit strings and hand-entered ones M + date + sequence; anything
// else typed is taken as a buyer's nick.
const ORDER_NO = /^(?:M?\d{10,})$/i;

/** 顾客档案: find a buyer by nick or by one of their orders; their orders, cases, notes and care. */
@customElement('wb-cs-scripts-customer')
export class CsScriptsCustomerPanel extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 10px; padding: 12px; box-sizing: border-box; max-width: 980px; }
    form { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
    form.find input { width: 18em; }
    h2 { margin: 0; font-size: 16px; }
    h3 { margin: 6px 0 0; font-size: 13px; }
    .summary { color: var(--wb-muted, #616161); }
    table { border-collapse: collapse; width: 100%; font-size: 12px; }
    th, td { text-align: left; border-bottom: 1px solid var(--wb-border, #e0e0e0); padding: 3px 6px; vertical-align: top; }
    .masked { color: var(--wb-muted, #616161); }
    ul { margin: 0; padding-left: 1.2em; }
    form.profile label { display: flex; gap: 4px; align-items: center; }
    form.profile input[name=preferences], form.profile input[name=traits] { width: 14em; }
  `];

  @state() private lookup = '';
  @state() private file: CustomerFile | undefined;
  @state() private error = '';
  @query('input[name=lookup]') private lookupInput?: HTMLInputElement;

  /** From the tab's address: `?buyerNick=…` or `?orderNo=…`. */
  @property({ attribute: false }) set filters(f: Record<string, string>) {
    const which = f.buyerNick ?? f.orderNo;
    if (!which) return;
    this.lookup = which;
    // The shell may set the filters before the element is connected, when its services are not there yet.
    if (this.hasUpdated) void this.load();
  }

  override firstUpdated(): void {
    this.lookupInput?.focus();
    if (this.lookup) void this.load();
  }

  override render() {
    const f = this.file;
    return html`
      <form class="find" @submit=${(e: Event) => { e.preventDefault(); void this.load(); }}>
        <input name="lookup" .value=${this.lookup} placeholder=${this.t('买家会员名或订单编号，回车查找', 'Buyer nick or order number; Enter finds')}
          aria-label=${this.t('买家会员名或订单编号', 'Buyer nick or order number')} @input=${(e: Event) => (this.lookup = (e.target as HTMLInputElement).value)} />
        <button class="primary" type="submit">${this.t('查找', 'Find')}</button>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${f ? this.renderFile(f) : nothing}`;
  }

  private renderFile(f: CustomerFile) {
    const p = f.profile;
    return html`
      <h2 class="nick">${f.buyerNick} ${p.level ? html`<span class="level">· ${p.level}</span>` : nothing}</h2>
      ${f.orders ? html`<p class="summary">${this.t(`${f.orders.total} 笔订单，共付 ${this.i18n.money(f.orders.spent)}`, `${f.orders.total} ${f.orders.total === 1 ? 'order' : 'orders'}, ${this.i18n.money(f.orders.spent)} paid`)}</p>` : nothing}
      <form class="profile" @submit=${(e: Event) => void this.saveProfile(e)}>
        <label>${this.t('会员等级', 'Level')}
          <select name="level">
            <option value="" ?selected=${p.level === ''}>—</option>
            ${f.memberLevels.map((l) => html`<option value=${l} ?selected=${l === p.level}>${l}</option>`)}
          </select></label>
        <label>${this.t('偏好', 'Preferences')} <input name="preferences" .value=${p.preferences} /></label>
        <label>${this.t('特点（逗号隔开）', 'Traits (comma separated)')} <input name="traits" .value=${p.traits.join('，')} /></label>
        <label><input type="checkbox" name="holidayGreetings" ?checked=${p.holidayGreetings} />${this.t('节日问候', 'Holiday greetings')}</label>
        <label><input type="checkbox" name="newProductNotices" ?checked=${p.newProductNotices} />${this.t('新品通知', 'New products')}</label>
        <button type="submit">${this.t('保存', 'Save')}</button>
      </form>
      <h3>${this.t('订单', 'Orders')}</h3>
      ${f.orders ? html`<table class="orders">
        <thead><tr><th>${this.t('订单编号', 'Order')}</th><th>${this.t('下单时间', 'Placed')}</th><th>${this.t('商品', 'Items')}</th><th>${this.t('实付', 'Paid')}</th>
          <th>${this.t('快递', 'Courier')}</th><th>${this.t('收货人', 'Receiver')}</th></tr></thead>
        <tbody>${f.orders.items.map((o) => html`<tr>
          <td>${o.orderNo}</td><td>${this.i18n.dateTime(o.placedAt)}</td><td>${o.items.map((i) => `${i.title} ×${i.quantity}`).join('；')}</td>
          <td>${this.i18n.money(o.paidAmount)}</td><td>${o.courier ?? ''} ${o.trackingNo ?? ''}</td>
          <td class=${o.receiverMasked ? 'masked' : ''}>${o.receiverName} ${o.receiverPhone}<br />${o.receiverAddress}</td></tr>`)}</tbody></table>`
        : html`<p class="summary">${this.t('订单插件未启用', 'Fulfillment is not running')}</p>`}
      ${f.cases ? html`<h3>${this.t('售后', 'After-sales')}</h3>
        ${this.list(f.cases.map((c) => html`<li>${c.caseNo} · ${c.orderNo} · ${c.title} · ${c.reason} · ${c.state}</li>`), 'cases')}` : nothing}
      <h3>${this.t('处理记录', 'Checklists')}</h3>
      ${this.list(f.runs.map((r) => html`<li>${r.procedureName} · ${r.subjectRef} · ${r.state === 'running' ? this.t('进行中', 'running') : r.state === 'finished' ? this.t('已完成', 'finished') : this.t('已放弃', 'abandoned')} · ${this.i18n.dateTime(r.startedAt)} ${r.startedByName}</li>`), 'runs')}
      <h3>${this.t('回访', 'Return visits')}</h3>
      ${this.list(f.returnVisits.map((v) => html`<li>${v.orderNo} · ${this.t('应回访', 'due')} ${v.dueDay} · ${v.doneAt ? `${this.t('已回访', 'made')} ${v.doneByName ?? ''} ${v.note}` : this.t('未回访', 'not yet')}</li>`), 'visits')}
      <h3>${this.t('备注', 'Notes')}</h3>
      <form class="note" @submit=${(e: Event) => void this.addNote(e)}>
        <input name="note" placeholder=${this.t('记一条备注，回车保存', 'Add a note; Enter saves')} aria-label=${this.t('备注', 'Note')} />
      </form>
      <ul class="notes">${f.notes.map((n) => html`<li>${n.text} <span class="summary">· ${n.createdByName} ${this.i18n.dateTime(n.createdAt)}</span></li>`)}</ul>`;
  }

  private list(items: TemplateResult[], name: string) {
    return items.length ? html`<ul class=${name}>${items}</ul>` : html`<p class="summary">${this.t('无', 'None')}</p>`;
  }

  private async load(): Promise<void> {
    const value = this.lookup.trim();
    if (!value) return;
    const query: Record<string, string> = ORDER_NO.test(value) ? { orderNo: value } : { buyerNick: value };
    try {
      this.file = await this.api.get<CustomerFile>('/cs-scripts/customers/file', query);
      this.error = '';
      reportFilters(this, query);
    } catch (error) {
      this.file = undefined;
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async saveProfile(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement);
    const f = this.file!;
    try {
      const saved = await this.api.put<CustomerProfile>('/cs-scripts/customers/profile', {
        buyerNick: f.buyerNick, version: f.profile.version, level: value('level').value, preferences: value('preferences').value,
        traits: value('traits').value.split(/[,，、\s]+/).filter(Boolean), holidayGreetings: value('holidayGreetings').checked, newProductNotices: value('newProductNotices').checked,
      });
      this.file = { ...f, profile: saved };
      this.notifications.notify('success', this.t('已保存', 'Saved'));
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private async addNote(event: Event): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('note') as HTMLInputElement;
    try {
      await this.api.post('/cs-scripts/customers/notes', { buyerNick: this.file!.buyerNick, text: input.value });
      input.value = '';
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-customer': CsScriptsCustomerPanel;
  }
}
