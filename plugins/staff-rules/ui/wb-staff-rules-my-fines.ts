import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { panelStyles, ReloadOnChange, shopDay, WbElement } from '@workbench/ui';
import { monthOf, type AmountRecord } from './money-records.js';
import './wb-staff-rules-amount.js';

/** 我的罚款与奖励: the person's own amounts of a month, each with how it was worked out. */
@customElement('wb-staff-rules-my-fines')
export class StaffRulesMyFines extends WbElement {
  static override styles = [
    panelStyles,
    css`
      :host { display: block; padding: 8px 12px; }
      .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
    `,
  ];

  @state() private month = monthOf(shopDay());
  @state() private data: { staff: { name: string; code: string } | null; items: AmountRecord[] } | null = null;
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.fines'], { reload: () => this.load(), onConnect: true });

  private async load(): Promise<void> {
    try {
      this.data = await this.api.get('/staff-rules/fines/mine', { month: this.month });
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const d = this.data;
    if (!d) return nothing;
    if (!d.staff) return html`<p class="hint">${this.t('你的账号还没有关联到员工名单，请店长在员工资料里关联。', 'Your account is not linked to anyone on the staff list yet; ask the owner to link it.')}</p>`;
    const sum = (kind: AmountRecord['kind']) => d.items.filter((a) => a.kind === kind && !a.waived).reduce((s, a) => s + a.amountFen, 0);
    return html`<div class="bar">
        <strong>${d.staff.name}</strong><span class="hint">${this.t('工号', 'No.')} ${d.staff.code}</span>
        <label for="month">${this.t('月份', 'Month')}</label>
        <input id="month" type="month" .value=${this.month} @change=${(e: Event) => { this.month = (e.target as HTMLInputElement).value; void this.load(); }} />
      </div>
      <p class="hint">${this.t('罚款', 'Fines')} ${this.i18n.money(sum('fine'))} · ${this.t('失误赔偿', 'Penalties')} ${this.i18n.money(sum('penalty'))} · ${this.t('奖励', 'Rewards')} ${this.i18n.money(sum('reward'))}</p>
      ${d.items.length
        ? repeat(d.items, (a) => a.id, (a) => html`<wb-staff-rules-amount .amount=${a}></wb-staff-rules-amount>`)
        : html`<p class="hint">${this.t('这个月没有罚款或奖励', 'Nothing this month')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-my-fines': StaffRulesMyFines;
  }
}
