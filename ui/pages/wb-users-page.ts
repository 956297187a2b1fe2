import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
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
  version: number;
}
export interface Role {
  id: string;
  name: LocalizedText;
  permissions: string[];
  builtin: boolean;
  version: number;
}
export interface Permission {
  id: string;
  name: LocalizedText;
  plugin: string;
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
    `,
  ];
  @state() private users: User[] = [];
  @state() private roles: Role[] = [];
  @state() private permissions: Permission[] = [];

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
        <thead><tr><th>${t('users.username')}</th><th>${t('users.displayName')}</th><th>${t('users.rolesOf')}</th><th>${t('users.disabled')}</th><th></th></tr></thead>
        <tbody>${this.users.map((u) => this.userRow(u))}</tbody>
      </table>
      <h2>${t('users.create')}</h2>
      <form class="create" data-form="user" @submit=${this._create}>
        <label>${t('users.username')}<input name="username" required autocomplete="off" /></label>
        <label>${t('users.displayName')}<input name="displayName" required /></label>
        <label>${t('users.password')}<input name="password" type="password" required minlength="10" autocomplete="new-password" /></label>
        <div class="roles" role="group" aria-label=${t('users.rolesOf')}>
          ${this.roles.map((r) => html`<label><input type="checkbox" name="role" value=${r.id} />${this.i18n.text(r.name)}</label>`)}
        </div>
        <button class="primary" type="submit">${t('users.create')}</button>
      </form>
      <h2>${t('users.roles')}</h2>
      <wb-role-editor .roles=${this.roles} .permissions=${this.permissions} @roles-changed=${() => void this.load()}></wb-role-editor>
      <wb-login-attempts></wb-login-attempts>`;
  }

  private userRow(u: User) {
    return html`<tr data-user=${u.username}>
      <td>${u.username}</td>
      <td>${u.displayName}</td>
      <td class="roles" role="group" aria-label=${`${this.i18n.t('users.rolesOf')} ${u.displayName}`}>
        ${this.roles.map((r) => html`<label><input type="checkbox" name="role" value=${r.id} .checked=${u.roles.includes(r.id)} />${this.i18n.text(r.name)}</label>`)}
      </td>
      <td><input type="checkbox" name="disabled" aria-label=${this.i18n.t('users.disabled')} .checked=${u.disabled} /></td>
      <td><button @click=${(e: Event) => void this.saveUser(u, (e.target as HTMLElement).closest('tr')!)}>${this.i18n.t('users.saveRoles')}</button></td>
    </tr>`;
  }

  private async saveUser(u: User, row: HTMLElement): Promise<void> {
    const roles = [...row.querySelectorAll<HTMLInputElement>('input[name=role]:checked')].map((i) => i.value);
    const disabled = row.querySelector<HTMLInputElement>('input[name=disabled]')!.checked;
    try {
      await this.api.patch(`/users/${u.id}`, { version: u.version, roles, disabled });
      this.notifications.notify('success', this.i18n.t('users.saved'));
    } catch (error) {
      this.notifications.error(error);
    }
    await this.load();
  }

  private async _create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const displayName = String(data.get('displayName')).trim();
      await this.api.post('/users', {
        username: String(data.get('username')).trim(),
        displayName,
        password: String(data.get('password')),
        roles: data.getAll('role').map(String),
      });
      form.reset();
      this.notifications.notify('success', this.i18n.t('users.created').replace('{name}', displayName));
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-users-page': WbUsersPage;
  }
}
