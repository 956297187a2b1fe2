import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changes, controlStyles, panelStyles, ReloadOnChange, WbElement } from '@workbench/ui';
import { leaveKindText } from './attendance-text.js';
import type { Leave } from './attendance-types.js';

/** Leave waiting for a decision: the supervisor writes a note and approves or refuses each. */
@customElement('wb-staff-rules-leave-approvals')
export class StaffRulesLeaveApprovals extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: block; }
    article { border: 1px solid var(--wb-border, #ddd); border-radius: 4px; padding: 8px 12px; margin-bottom: 8px; }
    form { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    form input[name='note'] { flex: 1; min-width: 14em; }
  `];

  @state() private pending: Leave[] = [];
  @state() private errors: Record<number, string> = {};
  private readonly reloadOnChange = new ReloadOnChange(this, ['staff-rules.leave'], { reload: () => this.load(), onConnect: true });

  async load(): Promise<void> {
    this.pending = (await this.api.get<{ items: Leave[] }>('/staff-rules/leave', { state: 'pending' })).items;
  }

  override render() {
    if (this.pending.length === 0) return html`<p class="hint">${this.t('没有待审批的请假。', 'No leave is waiting for a decision.')}</p>`;
    return this.pending.map((l) => html`<article data-leave=${l.id}>
      <p><strong>${l.staffName}</strong>（${l.staffCode}）${leaveKindText((zh, en) => this.t(zh, en), l.kind)}
        ${l.from === l.to ? l.from : `${l.from} – ${l.to}`}：${l.reason}</p>
      <form @submit=${(e: Event) => e.preventDefault()}>
        <input name="note" aria-label=${this.t('审批意见', 'Decision note')} placeholder=${this.t('审批意见（必填）', 'Your note (required)')} />
        <label><input type="checkbox" name="withoutNeed" /> ${this.t('无紧要事请假（按规定扣款）', 'Without real need (costs extra)')}</label>
        <button class="primary" @click=${(e: Event) => void this.decide(e, l, true)}>${this.t('批准', 'Approve')}</button>
        <button class="danger" @click=${(e: Event) => void this.decide(e, l, false)}>${this.t('驳回', 'Refuse')}</button>
      </form>
      ${this.errors[l.id] ? html`<p class="field-error" role="alert">${this.errors[l.id]}</p>` : nothing}
    </article>`);
  }

  private async decide(event: Event, leave: Leave, approve: boolean): Promise<void> {
    event.preventDefault();
    const form = new FormData((event.target as HTMLElement).closest('form')!);
    try {
      await this.api.post(`/staff-rules/leave/${leave.id}/decide`, { approve, note: String(form.get('note') ?? ''), withoutNeed: form.get('withoutNeed') === 'on', version: leave.version });
      this.notifications.notify('success', approve ? this.t('已批准', 'Approved') : this.t('已驳回', 'Refused'));
      changes.announce('staff-rules.leave');
    } catch (error) {
      this.errors = { ...this.errors, [leave.id]: error instanceof Error ? error.message : String(error) };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-leave-approvals': StaffRulesLeaveApprovals;
  }
}
