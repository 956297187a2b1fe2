import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import { DEPARTMENTS, type Department, type StaffMember } from '../server/model.js';
import { DEPARTMENT_NAMES } from './labels.js';

type Draft = { id: number | null; code: string; name: string; department: Department; position: string; hiredOn: string; phone: string; leftOn: string };
const EMPTY: Draft = { id: null, code: '', name: '', department: 'cs-presale', position: '', hiredOn: '', phone: '', leftOn: '' };

/** 员工: the people by department, and a form to add one or change one (leaving included). */
@customElement('wb-staff-rules-staff')
export class StaffRulesStaffView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 12px; padding: 12px; box-sizing: border-box; height: 100%; overflow: auto; }
    form.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px; align-items: end; }
    form label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; }
    .left { color: var(--wb-muted, #616161); }
    .actions { display: flex; gap: 8px; align-items: center; }
    table.list td, table.list th { padding: 4px 8px; text-align: left; }
  `];

  @state() private people: StaffMember[] = [];
  @state() private includeLeft = false;
  @state() private draft: Draft = { ...EMPTY };
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.people = (await this.api.get<{ items: StaffMember[] }>('/staff-rules/staff', { includeLeft: String(this.includeLeft) })).items;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const canManage = this.workbench.can('staff-rules.staff.manage');
    return html`
      ${canManage ? this.renderForm() : nothing}
      <div class="actions">
        <label><input type="checkbox" .checked=${this.includeLeft} @change=${(e: Event) => { this.includeLeft = (e.target as HTMLInputElement).checked; void this.load(); }} />
          ${this.t('显示已离职', 'Show those who left')}</label>
      </div>
      <table class="list staff">
        <thead><tr><th>${this.t('工号', 'No.')}</th><th>${this.t('姓名', 'Name')}</th><th>${this.t('部门', 'Department')}</th><th>${this.t('岗位', 'Position')}</th>
          <th>${this.t('入职', 'Hired')}</th><th>${this.t('手机', 'Phone')}</th><th>${this.t('状态', 'State')}</th>${canManage ? html`<th></th>` : nothing}</tr></thead>
        <tbody>${this.people.map((p) => html`<tr data-code=${p.code} class=${p.leftOn ? 'left' : ''}>
          <td>${p.code}</td><td>${p.name}</td><td>${this.i18n.text(DEPARTMENT_NAMES[p.department])}</td><td>${p.position ?? ''}</td>
          <td>${p.hiredOn ?? ''}</td><td>${p.phone ?? ''}</td>
          <td>${p.leftOn ? this.t(`${p.leftOn} 离职`, `Left ${p.leftOn}`) : this.t('在职', 'Active')}</td>
          ${canManage ? html`<td><button class="link" @click=${() => this.edit(p)}>${this.t('修改', 'Edit')}</button></td>` : nothing}
        </tr>`)}</tbody>
      </table>`;
  }

  private renderForm() {
    const d = this.draft;
    const field = (key: keyof Draft, zh: string, en: string, type = 'text') => html`<label>${this.t(zh, en)}
      <input name=${key} type=${type} .value=${String(d[key] ?? '')} @input=${(e: Event) => (this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement).value })} /></label>`;
    return html`<form class="grid" @submit=${(e: Event) => void this.save(e)}>
      ${field('code', '工号', 'Staff no.')}
      ${field('name', '姓名', 'Name')}
      <label>${this.t('部门', 'Department')}
        <select name="department" .value=${d.department} @change=${(e: Event) => (this.draft = { ...this.draft, department: (e.target as HTMLSelectElement).value as Department })}>
          ${DEPARTMENTS.map((dep) => html`<option value=${dep} ?selected=${dep === d.department}>${this.i18n.text(DEPARTMENT_NAMES[dep])}</option>`)}
        </select></label>
      ${field('position', '岗位', 'Position')}
      ${field('hiredOn', '入职日期', 'Hired on', 'date')}
      ${field('phone', '手机', 'Phone', 'tel')}
      ${d.id ? field('leftOn', '离职日期', 'Left on', 'date') : nothing}
      <div class="actions">
        <button class="primary" type="submit">${d.id ? this.t('保存', 'Save') : this.t('添加员工', 'Add person')}</button>
        ${d.id ? html`<button type="button" @click=${() => (this.draft = { ...EMPTY })}>${this.t('取消', 'Cancel')}</button>` : nothing}
      </div>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    </form>`;
  }

  private edit(p: StaffMember): void {
    this.draft = { id: p.id, code: p.code, name: p.name, department: p.department, position: p.position ?? '', hiredOn: p.hiredOn ?? '', phone: this.workbench.can('staff-rules.staff.phone') ? (p.phone ?? '') : '', leftOn: p.leftOn ?? '' };
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const body: Record<string, unknown> = { code: d.code, name: d.name, department: d.department, position: d.position || null, hiredOn: d.hiredOn || null };
    // A masked phone is never sent back: an empty field leaves the stored number alone.
    if (d.phone || !d.id) body.phone = d.phone || null;
    if (d.id) body.leftOn = d.leftOn || null;
    try {
      if (d.id) await this.api.patch(`/staff-rules/staff/${d.id}`, body);
      else await this.api.post('/staff-rules/staff', body);
      this.notifications.notify('success', this.t(`已保存 ${d.name}`, `Saved ${d.name}`));
      this.draft = { ...EMPTY };
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staff-rules-staff': StaffRulesStaffView;
  }
}
