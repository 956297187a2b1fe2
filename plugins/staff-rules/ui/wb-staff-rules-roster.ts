import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { classMap, controlStyles, panelStyles, shopDay, WbElement } from '@workbench/ui';
import type { RosterEntry, RosterGap, RosterProblem, ShiftTemplate, StaffMember } from '../server/model.js';
import { DEPARTMENT_NAMES } from './labels.js';
import { addDays, mondayOf, WEEKDAYS } from './week.js';
import './wb-staff-rules-swaps.js';

/** 白班 08:30–17:30; a name that already says its start (晚班 15:30) gets only its end. */
function shiftLabel(t: ShiftTemplate): string {
  const end = t.end === '00:00' ? '24:00' : t.end;
  return t.name.includes(t.start) ? `${t.name}–${end}` : `${t.name} ${t.start}–${end}`;
}

/** What a cell is given: a template's id, or a day off. */
type Pick = number | 'off';

/**
 * 排班: one week, a row per person and a column per day. A shift is dragged from the palette onto
 * a day, or picked in the palette and then put with a click (or Enter) on the day; the hours a
 * post is left empty are shown in red under the grid, with the rules the week breaks.
 */
@customElement('wb-staff-rules-roster')
export class StaffRulesRosterView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 10px; padding: 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    .bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .week { font-weight: 600; min-width: 180px; text-align: center; }
    .palette { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
    .chip { border: 1px solid var(--wb-border, #c8c8c8); border-radius: 12px; padding: 2px 10px; cursor: grab; background: var(--wb-bg, #fff); }
    .chip[aria-pressed='true'] { outline: 2px solid var(--wb-accent, #0f6cbd); }
    table.week-grid { border-collapse: collapse; width: 100%; table-layout: fixed; }
    table.week-grid th, table.week-grid td { border: 1px solid var(--wb-border, #e0e0e0); padding: 2px; font-size: 12px; vertical-align: top; }
    table.week-grid th.person { width: 140px; text-align: left; padding: 4px 6px; font-weight: 400; }
    td.day button { width: 100%; min-height: 32px; border: none; background: transparent; cursor: pointer; text-align: center; color: inherit; font: inherit; }
    td.day.night { background: color-mix(in srgb, var(--wb-accent, #0f6cbd) 12%, transparent); }
    td.day.off button { color: var(--wb-muted, #616161); }
    td.day.over { outline: 2px dashed var(--wb-accent, #0f6cbd); }
    td.day.today, th.today { box-shadow: inset 0 2px 0 var(--wb-accent, #0f6cbd); }
    tr.gaps td { background: transparent; }
    tr.gaps td.gap { background: #fde7e9; color: #a4262c; }
    .gap-item { display: block; color: #a4262c; font-weight: 600; }
    ul.problems { margin: 0; padding-left: 18px; color: #a4262c; }
    .muted { color: var(--wb-muted, #616161); }
  `];

  @state() private monday = mondayOf(shopDay());
  @state() private people: StaffMember[] = [];
  @state() private templates: ShiftTemplate[] = [];
  @state() private entries: RosterEntry[] = [];
  @state() private gaps: RosterGap[] = [];
  @state() private problems: RosterProblem[] = [];
  @state() private picked: Pick | null = null;
  @state() private over = '';
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get days(): string[] {
    return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(this.monday, i));
  }

  private async load(): Promise<void> {
    const from = this.monday;
    const to = addDays(from, 6);
    try {
      const [people, templates, roster, check] = await Promise.all([
        this.api.get<{ items: StaffMember[] }>('/staff-rules/staff', { includeLeft: 'true' }),
        this.api.get<{ items: ShiftTemplate[] }>('/staff-rules/shift-templates'),
        this.api.get<{ items: RosterEntry[] }>('/staff-rules/roster', { from, to }),
        this.api.get<{ gaps: RosterGap[]; problems: RosterProblem[] }>('/staff-rules/roster/check', { from, to }),
      ]);
      // Someone who left this week still shows the days they worked; someone hired later does not show yet.
      this.people = people.items.filter((p) => (!p.leftOn || p.leftOn > from) && (!p.hiredOn || p.hiredOn <= to));
      this.templates = templates.items;
      this.entries = roster.items;
      this.gaps = check.gaps;
      this.problems = check.problems;
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const canPlan = this.workbench.can('staff-rules.roster.manage');
    const today = shopDay();
    return html`
      <div class="bar">
        <button class="prev" @click=${() => this.move(-7)} aria-label=${this.t('上一周', 'Previous week')}>‹</button>
        <span class="week">${this.monday} – ${addDays(this.monday, 6)}</span>
        <button class="next" @click=${() => this.move(7)} aria-label=${this.t('下一周', 'Next week')}>›</button>
        <button @click=${() => { this.monday = mondayOf(today); void this.load(); }}>${this.t('本周', 'This week')}</button>
      </div>
      ${canPlan ? this.renderPalette() : nothing}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      <table class="week-grid" aria-label=${this.t('本周排班', 'This week\'s roster')}>
        <thead><tr><th class="person">${this.t('员工', 'Person')}</th>
          ${this.days.map((d, i) => html`<th class=${d === today ? 'today' : ''}>${this.i18n.text(WEEKDAYS[i]!)}<br /><span class="muted">${d.slice(5)}</span></th>`)}</tr></thead>
        <tbody>
          ${this.people.map((p) => html`<tr data-staff=${p.code}>
            <th class="person" scope="row">${p.name} <span class="muted">${p.code} · ${this.i18n.text(DEPARTMENT_NAMES[p.department])}</span></th>
            ${this.days.map((d) => this.renderCell(p, d, canPlan, today))}
          </tr>`)}
          <tr class="gaps"><th class="person" scope="row">${this.t('缺岗', 'Empty posts')}</th>
            ${this.days.map((d) => {
              const gaps = this.gaps.filter((g) => g.date === d);
              return html`<td class=${classMap({ gap: gaps.length > 0 })} data-date=${d}>${gaps.map((g) => html`<span class="gap-item">${this.i18n.text(DEPARTMENT_NAMES[g.department])} ${g.from}–${g.to}</span>`)}</td>`;
            })}
          </tr>
        </tbody>
      </table>
      ${this.problems.length ? html`<section><h3>${this.t('排班规则提醒', 'Roster rules broken')}</h3><ul class="problems">${this.problems.map((p) => html`<li>${this.problemText(p)}</li>`)}</ul></section>` : nothing}
      <section><h3>${this.t('换班申请', 'Swap requests')}</h3>
        <wb-staff-rules-swaps .people=${this.people} @roster-changed=${() => void this.load()}></wb-staff-rules-swaps></section>`;
  }

  private renderPalette() {
    const chip = (pick: Pick, label: string) => html`<button class="chip" draggable="true" data-pick=${String(pick)} aria-pressed=${this.picked === pick ? 'true' : 'false'}
      @click=${() => (this.picked = this.picked === pick ? null : pick)}
      @dragstart=${(e: DragEvent) => e.dataTransfer?.setData('text/plain', String(pick))}>${label}</button>`;
    return html`<div class="palette" role="toolbar" aria-label=${this.t('班次', 'Shifts')}>
      <span class="muted">${this.t('拖到某一天，或先选中再点那一天：', 'Drag onto a day, or pick one and click the day:')}</span>
      ${this.templates.map((t) => chip(t.id, shiftLabel(t)))}
      ${chip('off', this.t('休息', 'Day off'))}
    </div>`;
  }

  private renderCell(p: StaffMember, date: string, canPlan: boolean, today: string) {
    const entry = this.entries.find((e) => e.staffId === p.id && e.date === date);
    const key = `${p.id}/${date}`;
    const label = entry ? entry.templateName : this.t('休', 'Off');
    return html`<td class=${classMap({ day: true, night: entry?.kind === 'night', off: !entry, over: this.over === key, today: date === today })} data-date=${date}
      @dragover=${canPlan ? (e: DragEvent) => { e.preventDefault(); this.over = key; } : undefined}
      @dragleave=${() => { if (this.over === key) this.over = ''; }}
      @drop=${canPlan ? (e: DragEvent) => { e.preventDefault(); this.over = ''; const data = e.dataTransfer?.getData('text/plain'); if (data) void this.assign(p, date, data === 'off' ? 'off' : Number(data)); } : undefined}>
      <button ?disabled=${!canPlan} aria-label=${`${p.name} ${date} ${label}`} @click=${() => this.picked !== null && void this.assign(p, date, this.picked)}>${label}</button>
    </td>`;
  }

  private async assign(p: StaffMember, date: string, pick: Pick): Promise<void> {
    try {
      if (pick === 'off') await this.api.delete(`/staff-rules/roster/${p.id}/${date}`);
      else await this.api.put(`/staff-rules/roster/${p.id}/${date}`, { templateId: pick });
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }

  private move(days: number): void {
    this.monday = addDays(this.monday, days);
    void this.load();
  }

  private problemText(p: RosterProblem): string {
    const name = this.people.find((x) => x.id === p.staffId)?.name ?? `#${p.staffId}`;
    switch (p.kind) {
      case 'no-rotation':
        return this.t(`${name}：连续两周都是${p.shiftKind === 'day' ? '白班' : '晚班'}（${p.week} 这周应轮换，或批准例外）`, `${name}: ${p.shiftKind} shifts two weeks running (the week of ${p.week} should swap, or approve an exception)`);
      case 'too-many-days':
        return this.t(`${name}：${p.from} 至 ${p.to} 连续上班 ${p.days} 天，最多 ${p.max} 天`, `${name}: ${p.days} days on in a row from ${p.from} to ${p.to}; at most ${p.max}`);
      case 'too-few-rest-days':
        return this.t(`${name}：${p.month} 只休 ${p.restDays} 天，至少 ${p.min} 天`, `${name}: only ${p.restDays} days off in ${p.month}; at least ${p.min}`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-roster': StaffRulesRosterView;
  }
}
