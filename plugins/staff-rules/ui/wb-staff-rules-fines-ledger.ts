import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, panelStyles, ReloadOnChange, shopDay, WbElement, yuanToFen } from '@workbench/ui';
import { CONDUCT_RULES, monthOf, type AmountRecord, type StaffItem } from './money-records.js';
import './wb-staff-rules-amount.js';

/**
 * 台账: every fine, penalty and reward of a month, each with its explanation. A supervisor records
 * a conduct fine here with the facts; the owner waives an amount with a reason.
 */
@customElement('wb-staff-rules-fines-ledger')
export class StaffRulesFinesLedger extends WbElement {
  static override styles = [
    panelStyles,
    css`
      :host { display: block; padding: 8px 12px; }
      form.grid { max-width: 720px; }
      .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
    `,
  ];

  @state() private month = monthOf(shopDay());
  @state() private items: AmountRecord[] = [];
  @state() private staff: StaffItem[] = [];
  @state() private rule = 'complaint';
  @state() private problem = '';
  @state() private waiving: AmountRecord | null = null;
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.fines', 'staff-rules.settings'], { reload: () => this.load(), onConnect: true });

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: AmountRecord[] }>('/staff-rules/fines', { month: this.month })).items;
      if (this.workbench.can('staff-rules.fines.record') && !this.staff.length) this.staff = (await this.api.get<{ items: StaffItem[] }>('/staff-rules/staff')).items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const canRecord = this.workbench.can('staff-rules.fines.record');
    const canWaive = this.workbench.can('staff-rules.fines.waive');
    const total = (kind: AmountRecord['kind']) => this.items.filter((a) => a.kind === kind && !a.waived).reduce((s, a) => s + a.amountFen, 0);
    return html`<div class="bar">
        <label for="month">${this.t('月份', 'Month')}</label>
        <input id="month" type="month" .value=${this.month} @change=${(e: Event) => { this.month = (e.target as HTMLInputElement).value; void this.load(); }} />
        <span class="hint">${this.t('罚款', 'Fines')} ${this.i18n.money(total('fine'))} · ${this.t('失误赔偿', 'Penalties')} ${this.i18n.money(total('penalty'))} · ${this.t('奖励', 'Rewards')} ${this.i18n.money(total('reward'))}</span>
      </div>
      ${canRecord ? this.renderForm() : nothing}
      ${this.waiving ? this.renderWaive(this.waiving) : nothing}
      <section aria-label=${this.t('台账', 'Ledger')}>
        <h3>${this.t(`${this.month} 台账`, `Ledger of ${this.month}`)}</h3>
        ${this.items.length
          ? this.items.map((a) => html`<wb-staff-rules-amount .amount=${a} showName ?canWaive=${canWaive} @waive=${(e: CustomEvent<{ amount: AmountRecord }>) => (this.waiving = e.detail.amount)}></wb-staff-rules-amount>`)
          : html`<p class="hint">${this.t('这个月还没有罚款或奖励', 'Nothing recorded this month')}</p>`}
      </section>`;
  }

  private renderForm() {
    return html`<h3>${this.t('记一笔违纪罚款', 'Record a conduct fine')}</h3>
    <form class="grid" aria-label=${this.t('记一笔违纪罚款', 'Record a conduct fine')} @submit=${this.record}>
      <label for="staff">${this.t('员工', 'Person')}</label>
      <select id="staff" name="staffId" required>
        ${this.staff.map((p) => html`<option value=${p.id}>${p.code} ${p.name}</option>`)}
      </select>
      <label for="rule">${this.t('违反', 'Rule')}</label>
      <select id="rule" name="rule" @change=${(e: Event) => (this.rule = (e.target as HTMLSelectElement).value)}>
        ${CONDUCT_RULES.map((r) => html`<option value=${r.id} ?selected=${r.id === this.rule}>${this.i18n.text(r.title)}</option>`)}
      </select>
      <label for="date">${this.t('日期', 'Date')}</label>
      <input id="date" name="date" type="date" required .value=${shopDay()} />
      <label for="note">${this.t('事实经过', 'What happened')}</label>
      <input id="note" name="note" required maxlength="500" placeholder=${this.t('例如：买家投诉回复慢，订单 3390001', 'e.g. the buyer complained of slow replies, order 3390001')} />
      ${this.rule === 'contact-leak' ? html`<label for="amount">${this.t('金额（元）', 'Amount (元)')}</label><input id="amount" name="amount" inputmode="decimal" required />` : nothing}
      <span></span>
      <div>
        <button class="primary" type="submit">${this.t('记录罚款', 'Record the fine')}</button>
        ${this.problem ? html`<p class="field-error" role="alert">${this.problem}</p>` : nothing}
      </div>
    </form>`;
  }

  private renderWaive(a: AmountRecord) {
    return html`<form class="grid" aria-label=${this.t('免除', 'Waive')} @submit=${this.waive}>
      <span>${this.t('免除', 'Waive')}</span><strong>${a.staff?.name ?? ''} · ${this.i18n.text(a.ruleTitle)} · ${this.i18n.money(a.amountFen)}</strong>
      <label for="reason">${this.t('理由', 'Reason')}</label>
      <input id="reason" name="reason" required maxlength="500" />
      <span></span>
      <div><button class="primary" type="submit">${this.t('确认免除', 'Waive it')}</button> <button type="button" @click=${() => (this.waiving = null)}>${this.t('取消', 'Cancel')}</button></div>
    </form>`;
  }

  private readonly record = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    // Taken before any await: once the event is dispatched, its target out of the shadow root is gone.
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const body: Record<string, unknown> = { staffId: Number(data.get('staffId')), rule: data.get('rule'), date: data.get('date'), note: String(data.get('note') ?? '').trim() };
    if (this.rule === 'contact-leak') body.amountFen = yuanToFen(String(data.get('amount') ?? ''));
    this.problem = '';
    try {
      const saved = await this.api.post<AmountRecord>('/staff-rules/fines/conduct', body);
      this.notifications.notify('success', this.t(`已记录：${saved.staff?.name ?? ''} ${this.i18n.money(saved.amountFen)}`, `Recorded: ${saved.staff?.name ?? ''} ${this.i18n.money(saved.amountFen)}`));
      form.reset();
      (form.querySelector('#date') as HTMLInputElement).value = body.date as string;
      changes.announce('staff-rules.fines');
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  };

  private readonly waive = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '').trim();
    try {
      await this.api.post(`/staff-rules/fines/${this.waiving!.id}/waive`, { reason });
      this.waiving = null;
      changes.announce('staff-rules.fines');
    } catch (error) {
      this.notifications.error(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-fines-ledger': StaffRulesFinesLedger;
  }
}
