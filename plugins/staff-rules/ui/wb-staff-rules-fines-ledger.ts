import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { changes, panelStyles, ReloadOnChange, shopDay, WbElement } from '@workbench/ui';
import { monthOf, type AmountRecord, type StaffItem } from './money-records.js';
import './wb-staff-rules-amount.js';
import './wb-staff-rules-record-form.js';

/**
 * 台账: every fine, penalty and reward of a month, each with its explanation. A supervisor records
 * fines, mistakes and rewards here with the facts; the owner waives an amount with a reason.
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
      ${canRecord ? html`<wb-staff-rules-record-form .staff=${this.staff}></wb-staff-rules-record-form>` : nothing}
      ${this.waiving ? this.renderWaive(this.waiving) : nothing}
      <section aria-label=${this.t('台账', 'Ledger')}>
        <h3>${this.t(`${this.month} 台账`, `Ledger of ${this.month}`)}</h3>
        ${this.items.length
          ? repeat(this.items, (a) => a.id, (a) => html`<wb-staff-rules-amount .amount=${a} showName ?canWaive=${canWaive} @waive=${(e: CustomEvent<{ amount: AmountRecord }>) => (this.waiving = e.detail.amount)}></wb-staff-rules-amount>`)
          : html`<p class="hint">${this.t('这个月还没有罚款或奖励', 'Nothing recorded this month')}</p>`}
      </section>`;
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
