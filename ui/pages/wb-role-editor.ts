import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import '../kit/wb-tabs.js';
import type { Permission, Role } from './wb-users-page.js';

/**
 * Which permissions a role has, grouped by plugin under the plugin's name (the ids only as a
 * tooltip); a built-in role marks what its plugins give it by default. And a form for a new role.
 * @fires roles-changed
 */
@customElement('wb-role-editor')
export class WbRoleEditor extends WbElement {
  static override styles = [
    controlStyles,
    css`
      fieldset { border: 1px solid var(--wb-border, #d0d0d0); border-radius: 6px; margin: 8px 0; }
      legend { font-weight: 600; }
      label { display: flex; gap: 6px; align-items: center; padding: 2px 0; min-width: 0; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); column-gap: 12px; }
      .default { font-size: 11px; color: var(--wb-muted, #616161); }
      p.hint { color: var(--wb-muted, #616161); font-size: 12px; margin: 6px 0; }
      form.create { display: flex; gap: 8px; align-items: end; margin-top: 12px; flex-wrap: wrap; }
      form.create label { display: grid; font-size: 12px; gap: 2px; }
    `,
  ];
  @property({ attribute: false }) roles: Role[] = [];
  @property({ attribute: false }) permissions: Permission[] = [];
  @state() private selected = '';

  override render() {
    const role = this.roles.find((r) => r.id === this.selected) ?? this.roles[0];
    const groups = new Map<string, Permission[]>();
    for (const p of this.permissions) groups.set(p.plugin, [...(groups.get(p.plugin) ?? []), p]);
    const groupName = (list: Permission[]) => (list[0]!.plugin === 'core' ? this.i18n.t('users.corePlugin') : this.i18n.text(list[0]!.pluginName));
    return html`<wb-tabs .tabs=${this.roles.map((r) => ({ id: r.id, label: this.i18n.text(r.name) }))} selected=${role?.id ?? ''}
        @tab-change=${(e: CustomEvent<{ id: string }>) => (this.selected = e.detail.id)}></wb-tabs>
      ${role
        ? html`<form data-role=${role.id} @submit=${(e: SubmitEvent) => void this.save(e, role)}>
            ${role.permissions.includes('*')
              ? html`<p>${this.i18n.t('users.all')}</p>`
              : html`${role.builtin ? html`<p class="hint">${this.i18n.t('users.defaultsHint')}</p>` : nothing}
                ${[...groups].map(([plugin, list]) => html`<fieldset data-plugin=${plugin}><legend title=${plugin}>${groupName(list)}</legend><div class="grid">
                  ${list.map((p) => html`<label title=${p.id}><input type="checkbox" name="permission" value=${p.id} .checked=${role.permissions.includes(p.id)} /><span
                    >${this.i18n.text(p.name)}${role.defaults?.includes(p.id) ? html` <span class="default">${this.i18n.t('users.defaultMark')}</span>` : nothing}</span
                  ></label>`)}
                </div></fieldset>`)}`}
            ${role.permissions.includes('*') ? nothing : html`<button class="primary" type="submit">${this.i18n.t('users.savePermissions')}</button>`}
          </form>`
        : nothing}
      <form class="create" @submit=${this._create}>
        <label>${this.i18n.t('users.roleId')}<input name="id" required pattern="[a-z][a-z0-9-]{1,31}" /></label>
        <label>${this.i18n.t('users.roleName')}<input name="name" required /></label>
        <button type="submit">${this.i18n.t('users.createRole')}</button>
      </form>`;
  }

  private async save(event: SubmitEvent, role: Role): Promise<void> {
    event.preventDefault();
    const permissions = new FormData(event.target as HTMLFormElement).getAll('permission').map(String);
    try {
      await this.api.patch(`/roles/${encodeURIComponent(role.id)}`, { version: role.version, permissions });
      this.notifications.notify('success', this.i18n.t('users.saved'));
    } catch (error) {
      this.notifications.error(error);
    }
    this.dispatchEvent(new CustomEvent('roles-changed', { bubbles: true, composed: true }));
  }

  private async _create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const id = String(data.get('id')).trim();
      await this.api.post('/roles', { id, name: { [this.i18n.locale]: String(data.get('name')).trim() }, permissions: [] });
      form.reset();
      this.selected = id;
      this.dispatchEvent(new CustomEvent('roles-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-role-editor': WbRoleEditor;
  }
}
