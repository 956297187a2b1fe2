import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { LocalizedText } from '../kit/i18n.js';
import { controlStyles } from '../kit/styles.js';
import { WbElement } from '../kit/wb-element.js';
import { pageStyles } from './page-styles.js';
import './wb-login-attempts.js';
import './wb-role-editor.js';

interface User {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  resetPending: boolean;
  version: number;
}
export interface Role {
  id: string;
  name: LocalizedText;
  permissions: string[];
  /** For a built-in role: what the running plugins give it by default. */
  defaults: string[];
  builtin: boolean;
  version: number;
}
export interface Permission {
  id: string;
  name: LocalizedText;
  plugin: string;
  pluginName: LocalizedText;
}

/** For the owner: staff accounts, their roles, and what each role may do. */
@customElement('wb-users-page')
export class WbUsersPage extends WbElement {
  static override styles = [
    controlStyles,
    pageStyles,
    css`
      form.create { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; }
      form.create label { display: grid; gap: 2px; font-size: 12px; }
      .roles { display: flex; gap: 10px; flex-wrap: wrap; }
      .roles label { display: flex; gap: 4px; align-items: center; }
      td input.name { width: 9em; }
      td input.password { width: 11em; }
      .badge { font-size: 11px; padding: 0 4px; border-radius: 3px; background: var(--wb-warning-bg, #fff4ce); color: var(--wb-warning-fg, #5c4400); }
    `,
  ];
  @state() private users: User[] = [];
  @state() private roles: Role[] = [];
  @state() private permissions: Permission[] = [];
  @state() private creating = false;
  /** A new create form after each account, so nothing chosen for the last one carries over. */
  @state() private createForm = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [users, roles, permissions] = await Promise.all([
        this.api.get<{ items: User[] }>('/users'),
        this.api.get<{ items: Role[] }>('/roles'),
        this.api.get<{ items: Permission[] }>('/permissions'),
      ]);
      this.users = users.items;
      this.roles = roles.items;
      this.permissions = permissions.items;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    const t = (k: string) => this.i18n.t(k);
    return html`<h1>${t('page.users')}</h1>
      <h2>${t('users.users')}</h2>
      <table>
        <thead><tr><th>${t('users.username')}</th><th>${t('users.displayName')}</th><th>${t('users.rolesOf')}</th><th>${t('users.disabled')}</th><th>${t('users.newPassword')}</th><th></th></tr></thead>
        <tbody>${this.users.map((u) => keyed(`${u.id}:${u.version}`, this.userRow(u)))}</tbody>
      </table>
      <h2>${t('users.create')}</h2>
      ${keyed(
        this.createForm,
        html`<form class="create" data-form="user" aria-busy=${this.creating ? 'true' : 'false'} @submit=${this._create}>
          <label>${t('users.username')}<input name="username" required autocomplete="off" ?disabled=${this.creating} /></label>
          <label>${t('users.displayName')}<input name="displayName" required autocomplete="off" ?disabled=${this.creating} /></label>
          <label>${t('users.password')}<input name="password" type="password" required minlength="10" autocomplete="new-password" ?disabled=${this.creating} /></label>
          <div class="roles" role="group" aria-label=${t('users.rolesOf')}>
            ${this.roles.map((r) => html`<label><input type="checkbox" name="role" value=${r.id} ?disabled=${this.creating} />${this.i18n.text(r.name)}</label>`)}
          </div>
          <button class="primary" type="submit" ?disabled=${this.creating}>${this.creating ? t('users.creating') : t('users.create')}</button>
        </form>`,
      )}
      <h2>${t('users.roles')}</h2>
      <wb-role-editor .roles=${this.roles} .permissions=${this.permissions} @roles-changed=${() => void this.load()}></wb-role-editor>
      <wb-login-attempts></wb-login-attempts>`;
  }

  private userRow(u: User) {
    const t = (k: string) => this.i18n.t(k);
    return html`<tr data-user=${u.username}>
      <td><input class="name" name="username" aria-label=${t('users.username')} .value=${u.username} autocomplete="off" /></td>
      <td><input class="name" name="displayName" aria-label=${t('users.displayName')} .value=${u.displayName} autocomplete="off" />
        ${u.resetPending ? html`<span class="badge">${t('users.resetPending')}</span>` : ''}</td>
      <td class="roles" role="group" aria-label=${`${t('users.rolesOf')} ${u.displayName}`}>
        ${this.roles.map((r) => html`<label><input type="checkbox" name="role" value=${r.id} .checked=${u.roles.includes(r.id)} />${this.i18n.text(r.name)}</label>`)}
      </td>
      <td><input type="checkbox" name="disabled" aria-label=${t('users.disabled')} .checked=${u.disabled} /></td>
      <td><input class="password" name="password" type="password" aria-label=${t('users.newPassword')} autocomplete="new-password" minlength="10" /></td>
      <td><button @click=${(e: Event) => void this.saveUser(u, (e.target as HTMLElement).closest('tr')!)}>${t('users.save')}</button></td>
    </tr>`;
  }

  private async saveUser(u: User, row: HTMLElement): Promise<void> {
    const value = (name: string) => row.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value.trim();
    const roles = [...row.querySelectorAll<HTMLInputElement>('input[name=role]:checked')].map((i) => i.value);
    const disabled = row.querySelector<HTMLInputElement>('input[name=disabled]')!.checked;
    const changes: Record<string, unknown> = { version: u.version, roles, disabled };
    if (value('username') !== u.username) changes.username = value('username');
    if (value('displayName') !== u.displayName) changes.displayName = value('displayName');
    const password = row.querySelector<HTMLInputElement>('input[name=password]')!.value;
    if (password) changes.password = password;
    try {
      await this.api.patch(`/users/${u.id}`, changes);
      this.notifications.notify('success', this.i18n.t('users.saved'));
    } catch (error) {
      this.notifications.error(error);
    }
    await this.load();
  }

  private async _create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.creating) return;
    const data = new FormData(event.target as HTMLFormElement);
    const displayName = String(data.get('displayName')).trim();
    this.creating = true;
    try {
      await this.api.post('/users', {
        username: String(data.get('username')).trim(),
        displayName,
        password: String(data.get('password')),
        roles: data.getAll('role').map(String),
      });
      this.createForm++;
      this.notifications.notify('success', this.i18n.t('users.created').replace('{name}', displayName));
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    } finally {
      this.creating = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-users-page': WbUsersPage;
  }
}
