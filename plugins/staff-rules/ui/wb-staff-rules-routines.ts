import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, shopDay, WbElement, type LocalizedText } from '@workbench/ui';
import { DEPARTMENTS, type Department } from '../server/model.js';
import { DEPARTMENT_NAMES } from './labels.js';

type Kind = 'meeting' | 'weekly-report' | 'day-checklist';
interface Entry { key: string; title: LocalizedText; text: string; done: boolean | null; doneBy: string | null; doneAt: string | null }
interface Routine { kind: Kind; department: Department; period: string; entries: Entry[]; updatedAt: string | null }

const KINDS: { kind: Kind; title: LocalizedText }[] = [
  { kind: 'day-checklist', title: { 'zh-CN': '运营日清单', en: 'Day checklist' } },
  { kind: 'meeting', title: { 'zh-CN': '周一例会', en: 'Monday meeting' } },
  { kind: 'weekly-report', title: { 'zh-CN': '周报', en: 'Weekly report' } },
];

/** 例会与周报: the Monday meeting notes, the weekly report and the day checklist of a department. */
@customElement('wb-staff-rules-routines')
export class StaffRulesRoutinesView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 8px; padding: 8px; box-sizing: border-box; }
    .bar { display: flex; flex-wrap: wrap; gap: 6px; }
    .entry { display: grid; gap: 4px; }
    .entry label { font-weight: 600; display: flex; gap: 6px; align-items: center; }
    textarea { width: 100%; box-sizing: border-box; resize: vertical; }
    .who { font-size: 11px; color: var(--wb-muted, #616161); }
  `];

  @state() private kind: Kind = 'day-checklist';
  @state() private department: Department = 'operations';
  @state() private date = shopDay();
  @state() private routine?: Routine;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.routine = await this.api.get<Routine>(`/staff-rules/routines/${this.kind}/${this.department}/${this.date}`);
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const canWrite = this.workbench.can('staff-rules.routines.write');
    const r = this.routine;
    return html`
      <div class="bar">
        <select aria-label=${this.t('类别', 'Kind')} @change=${(e: Event) => { this.kind = (e.target as HTMLSelectElement).value as Kind; void this.load(); }}>
          ${KINDS.map((k) => html`<option value=${k.kind} ?selected=${k.kind === this.kind}>${this.i18n.text(k.title)}</option>`)}
        </select>
        <select aria-label=${this.t('部门', 'Department')} @change=${(e: Event) => { this.department = (e.target as HTMLSelectElement).value as Department; void this.load(); }}>
          ${DEPARTMENTS.map((d) => html`<option value=${d} ?selected=${d === this.department}>${this.i18n.text(DEPARTMENT_NAMES[d])}</option>`)}
        </select>
        <input type="date" aria-label=${this.t('日期', 'Date')} .value=${this.date} @change=${(e: Event) => { this.date = (e.target as HTMLInputElement).value; void this.load(); }} />
      </div>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${r ? html`<p class="who">${r.kind === 'day-checklist' ? r.period : this.t(`${r.period} 这一周`, `Week of ${r.period}`)}</p>
        ${r.entries.map((e) => html`<div class="entry" data-key=${e.key}>
          <label>${e.done !== null ? html`<input type="checkbox" .checked=${e.done} ?disabled=${!canWrite} @change=${(ev: Event) => void this.save({ key: e.key, done: (ev.target as HTMLInputElement).checked })} />` : nothing}
            ${this.i18n.text(e.title)}</label>
          ${e.doneBy ? html`<span class="who">${e.doneBy} · ${this.i18n.dateTime(e.doneAt!)}</span>` : nothing}
          <textarea rows="2" .value=${e.text} ?readonly=${!canWrite} @change=${(ev: Event) => void this.save({ key: e.key, text: (ev.target as HTMLTextAreaElement).value })}></textarea>
        </div>`)}` : nothing}`;
  }

  private async save(change: { key: string; text?: string; done?: boolean }): Promise<void> {
    try {
      this.routine = await this.api.put<Routine>(`/staff-rules/routines/${this.kind}/${this.department}/${this.date}`, { entries: [change] });
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-routines': StaffRulesRoutinesView;
  }
}
