import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { WbElement, type TabItem } from '@workbench/ui';
import './wb-staff-rules-fines-ledger.js';
import './wb-staff-rules-fund.js';
import './wb-staff-rules-month-close.js';

/** 罚款奖励: the ledger, the fund and the month close, as tabs; each shown to who may see it. */
@customElement('wb-staff-rules-fines')
export class StaffRulesFines extends WbElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; height: 100%; overflow: auto; }
  `;

  @state() private tab = '';

  override render() {
    const tabs: TabItem[] = [
      ...(this.workbench.can('staff-rules.fines.read') ? [{ id: 'ledger', label: this.t('台账', 'Ledger') }] : []),
      { id: 'fund', label: this.t('部门基金', 'Department fund') },
      ...(this.workbench.can('staff-rules.fines.read') ? [{ id: 'month', label: this.t('月结', 'Month close') }] : []),
    ];
    const part = tabs.some((t) => t.id === this.tab) ? this.tab : tabs[0]!.id;
    return html`<wb-tabs .tabs=${tabs} selected=${part} @tab-change=${(e: CustomEvent<{ id: string }>) => (this.tab = e.detail.id)}></wb-tabs>
      ${part === 'ledger' ? html`<wb-staff-rules-fines-ledger></wb-staff-rules-fines-ledger>` : part === 'fund' ? html`<wb-staff-rules-fund></wb-staff-rules-fund>` : html`<wb-staff-rules-month-close></wb-staff-rules-month-close>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-fines': StaffRulesFines;
  }
}
