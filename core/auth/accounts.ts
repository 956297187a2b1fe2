import { ConflictError, InputError, NotFoundError } from '../errors.js';
import type { Database, Queryable, Transaction } from '../db/database.js';
import type { LocalizedText } from '../i18n/localized-text.js';
import type { Actor } from '../plugins/context.js';
import { checkCanChangeAccount, checkCanGrantPermissions, checkCanGrantRoles } from './grant-rights.js';
import { passwordProblem } from './password-rules.js';
import type { PluginManifest } from '../plugins/manifest.js';
import { NO_ROLE_DEFAULTS, roleDefaults, type RoleDefaults } from './role-defaults.js';
import { builtInRoleEdit, readRoles, type RoleRecord } from './role-records.js';

export type { RoleRecord } from './role-records.js';
import { MIN_PASSWORD_LENGTH, STRONG_PASSWORD_COST, hashPassword, type PasswordCost } from './passwords.js';

export const OWNER_ROLE = 'owner';
/** The wildcard permission the owner role holds. */
export const ALL_PERMISSIONS = '*';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  locale: string | null;
  disabled: boolean;
  /** The password was reset by someone else: the person must choose their own before anything else. */
  resetPending: boolean;
  roles: string[];
  createdAt: string;
  version: number;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  locale: string | null;
  disabled: number;
  must_change_password: number;
  created_at: string;
  version: number;
  roles: string | null;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.locale, u.disabled, u.must_change_password, u.created_at, u.version,
  (SELECT group_concat(role_id) FROM core_user_roles r WHERE r.user_id = u.id) AS roles`;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    disabled: row.disabled === 1,
    resetPending: row.must_change_password === 1,
    roles: row.roles ? row.roles.split(',').sort() : [],
    createdAt: row.created_at,
    version: row.version,
  };
}

function checkUsername(username: string): void {
  if (!/^[^\s]{1,64}$/u.test(username)) {
    throw new InputError({ 'zh-CN': '账号不能为空，也不能有空格', en: 'The user name must not be empty or contain spaces' }, { errors: [{ path: '/username', in: 'body', message: 'no spaces' }] });
  }
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new InputError(problem, { errors: [{ path: '/password', in: 'body', message: `≥ ${MIN_PASSWORD_LENGTH}` }] });
}

/**
 * Staff accounts and roles. A role is a named set of permission ids; the owner role holds all.
 * `generation` changes whenever anything here changes, so cached actors know to reload.
 */
export class Accounts {
  private gen = 0;
  private defaultsSource: () => readonly PluginManifest[] = () => [];
  private cachedDefaults: RoleDefaults | undefined;
  private mustChange: { generation: number; ids: Promise<Set<number>>; read?: Set<number> } | undefined;

  constructor(
    private readonly db: Database,
    private readonly now: () => string,
    /** How hard new password hashes are to compute; lowered only by the plugin test kit. */
    readonly passwordCost: PasswordCost = STRONG_PASSWORD_COST,
  ) {}

  get generation(): number {
    return this.gen;
  }

  /** Where the built-in roles' defaults come from: the manifests of the plugins running now. */
  useRoleDefaults(running: () => readonly PluginManifest[]): void {
    this.defaultsSource = running;
    this.roleDefaultsChanged();
  }

  /**
   * The running plugins changed (started, switched on or off): the built-in roles' defaults are
   * read again, and cached actors reload. Until then every request reuses the same defaults.
   */
  roleDefaultsChanged(): void {
    this.cachedDefaults = undefined;
    this.gen++;
  }

  private defaults(): RoleDefaults {
    if (!this.cachedDefaults) {
      const running = this.defaultsSource();
      this.cachedDefaults = running.length ? roleDefaults(running) : NO_ROLE_DEFAULTS;
    }
    return this.cachedDefaults;
  }

  /** Whether the account must change its password first; read once per generation. */
  async mustChangePassword(userId: number): Promise<boolean> {
    const generation = this.generation;
    if (this.mustChange?.generation !== generation) {
      const entry: NonNullable<Accounts['mustChange']> = { generation, ids: Promise.resolve(new Set()) };
      entry.ids = this.db
        .read((q) => q.all<{ id: number }>('SELECT id FROM core_users WHERE must_change_password = 1'))
        .then((rows) => (entry.read = new Set(rows.map((r) => r.id))));
      this.mustChange = entry;
    }
    return (await this.mustChange.ids).has(userId);
  }

  /** What `mustChangePassword` answers, when it was read for this generation already; else undefined. */
  mustChangePasswordKnown(userId: number): boolean | undefined {
    const known = this.mustChange;
    return known?.generation === this.generation && known.read ? known.read.has(userId) : undefined;
  }

  /** Display names of the active owners: whom to ask for rights. */
  async owners(): Promise<{ displayName: string }[]> {
    const rows = await this.db.read((q) =>
      q.all<{ display_name: string }>(
        'SELECT u.display_name FROM core_users u JOIN core_user_roles r ON r.user_id = u.id WHERE r.role_id = ? AND u.disabled = 0 ORDER BY u.id',
        [OWNER_ROLE],
      ),
    );
    return rows.map((r) => ({ displayName: r.display_name }));
  }

  async count(): Promise<number> {
    return this.db.read(async (q) => (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_users'))?.n ?? 0);
  }

  /**
   * Creates an account; the caller runs this inside a transaction with whatever else belongs to it.
   * `by` is who asks (null: the workbench itself, at first-run setup).
   */
  async create(tx: Transaction, input: { username: string; displayName: string; password: string; roles: string[]; locale?: string }, by: Actor | null): Promise<UserRecord> {
    const username = input.username.trim();
    checkUsername(username);
    checkPassword(input.password, username);
    const exists = await tx.get('SELECT 1 FROM core_users WHERE username = ?', [username]);
    if (exists) throw new ConflictError({ 'zh-CN': `账号“${username}”已经有人用了`, en: `The user name "${username}" is taken` });
    await this.checkRoles(tx, input.roles);
    await this.checkGrant(tx, by, input.roles);
    const hash = await hashPassword(input.password, this.passwordCost);
    const at = this.now();
    const { lastId } = await tx.run(
      'INSERT INTO core_users (username, display_name, password_hash, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [username, input.displayName.trim(), hash, input.locale ?? null, at, at],
    );
    for (const role of input.roles) await tx.run('INSERT INTO core_user_roles (user_id, role_id) VALUES (?, ?)', [lastId, role]);
    this.gen++;
    return (await this.get(lastId, tx))!;
  }

  /** Creates an account in a transaction of its own. */
  createInTransaction(input: { username: string; displayName: string; password: string; roles: string[]; locale?: string }, by: Actor | null): Promise<UserRecord> {
    return this.db.transaction((tx) => this.create(tx, input, by));
  }

  async get(id: number, q?: Queryable): Promise<UserRecord | undefined> {
    const run = (r: Queryable) => r.get<UserRow>(`SELECT ${USER_COLUMNS} FROM core_users u WHERE u.id = ?`, [id]);
    const row = q ? await run(q) : await this.db.read(run);
    return row ? toUser(row) : undefined;
  }

  /** The account and its password hash, for login. */
  async findForLogin(username: string): Promise<(UserRecord & { passwordHash: string }) | undefined> {
    const row = await this.db.read((q) =>
      q.get<UserRow & { password_hash: string }>(`SELECT ${USER_COLUMNS}, u.password_hash FROM core_users u WHERE u.username = ?`, [username.trim()]),
    );
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.db.read((q) => q.all<UserRow>(`SELECT ${USER_COLUMNS} FROM core_users u ORDER BY u.id`));
    return rows.map(toUser);
  }

  async update(
    id: number,
    input: { version: number; username?: string; displayName?: string; roles?: string[]; disabled?: boolean; password?: string; locale?: string | null },
    by: Actor | null,
    /** The session the change comes from, kept when the password changes (one's own change). */
    keepSession?: string,
  ): Promise<UserRecord> {
    const username = input.username?.trim();
    if (username !== undefined) checkUsername(username);
    if (input.password !== undefined) {
      const target = await this.get(id);
      if (target) checkPassword(input.password, target.username);
    }
    const hash = input.password !== undefined ? await hashPassword(input.password, this.passwordCost) : undefined;
    const updated = await this.db.transaction(async (tx) => {
      const current = await this.get(id, tx);
      if (!current) throw new NotFoundError({ 'zh-CN': '没有这个账号', en: 'No such account' });
      if (by?.id !== id) checkCanChangeAccount(by, current.roles, await this.rolePermissions(tx));
      if (input.roles) {
        await this.checkRoles(tx, input.roles);
        await this.checkGrant(tx, by, input.roles.filter((r) => !current.roles.includes(r)));
      }
      const losesOwner = (input.roles && !input.roles.includes(OWNER_ROLE)) || input.disabled === true;
      if (current.roles.includes(OWNER_ROLE) && losesOwner && (await this.activeOwners(tx)) <= 1) {
        throw new ConflictError({ 'zh-CN': '这是唯一的店长账号，不能取消店长角色或停用', en: 'This is the only owner account; it must stay an active owner' });
      }
      if (username !== undefined && (await tx.get('SELECT 1 FROM core_users WHERE username = ? AND id <> ?', [username, id]))) {
        throw new ConflictError({ 'zh-CN': `账号“${username}”已经有人用了`, en: `The user name "${username}" is taken` }, { errors: [{ path: '/username', in: 'body', message: 'taken' }] });
      }
      const changes: Record<string, string | number | null> = { updated_at: this.now() };
      if (username !== undefined) changes.username = username;
      if (input.displayName !== undefined) changes.display_name = input.displayName.trim();
      if (input.disabled !== undefined) changes.disabled = input.disabled ? 1 : 0;
      if (hash !== undefined) {
        changes.password_hash = hash;
        // A password someone else set is known to them: the person replaces it at the next login.
        changes.must_change_password = by?.id === id ? 0 : 1;
      }
      if (input.locale !== undefined) changes.locale = input.locale;
      await tx.updateVersioned('core_users', { id, version: input.version }, changes);
      if (input.roles) {
        await tx.run('DELETE FROM core_user_roles WHERE user_id = ?', [id]);
        for (const role of input.roles) await tx.run('INSERT INTO core_user_roles (user_id, role_id) VALUES (?, ?)', [id, role]);
      }
      if (input.disabled || hash !== undefined) await tx.run('DELETE FROM core_sessions WHERE user_id = ? AND token_hash IS NOT ?', [id, input.disabled ? null : (keepSession ?? null)]);
      return (await this.get(id, tx))!;
    });
    // Moved once committed: what a request reads for the new generation is the changed account.
    this.gen++;
    return updated;
  }

  async roles(q?: Queryable): Promise<RoleRecord[]> {
    const defaults = this.defaults();
    return q ? readRoles(q, defaults) : this.db.read((r) => readRoles(r, defaults));
  }

  async createRole(input: { id: string; name: LocalizedText; permissions: string[] }, by: Actor | null): Promise<RoleRecord> {
    checkCanGrantPermissions(by, input.permissions);
    await this.db.transaction(async (tx) => {
      if (await tx.get('SELECT 1 FROM core_roles WHERE id = ?', [input.id])) {
        throw new ConflictError({ 'zh-CN': `角色“${input.id}”已存在`, en: `The role "${input.id}" exists already` });
      }
      await tx.run('INSERT INTO core_roles (id, name, permissions, builtin) VALUES (?, ?, ?, 0)', [input.id, JSON.stringify(input.name), JSON.stringify(input.permissions)]);
    });
    this.gen++;
    return (await this.roles()).find((r) => r.id === input.id)!;
  }

  async updateRole(id: string, input: { version: number; name?: LocalizedText; permissions?: string[] }, by: Actor | null): Promise<RoleRecord> {
    if (id === OWNER_ROLE && input.permissions) {
      throw new ConflictError({ 'zh-CN': '店长角色总是拥有全部权限，不能修改', en: 'The owner role always holds every permission' });
    }
    await this.db.transaction(async (tx) => {
      const changes: Record<string, string> = {};
      if (input.name) changes.name = JSON.stringify(input.name);
      const role = (await this.roles(tx)).find((r) => r.id === id);
      if (input.permissions && role) {
        checkCanGrantPermissions(by, input.permissions.filter((p) => !role.permissions.includes(p)));
        if (role.builtin) {
          Object.assign(changes, await builtInRoleEdit(tx, role, input.permissions, this.defaults().known));
        } else {
          changes.permissions = JSON.stringify([...new Set(input.permissions)].sort());
        }
      }
      await tx.updateVersioned('core_roles', { id, version: input.version }, changes);
    });
    this.gen++;
    return (await this.roles()).find((r) => r.id === id)!;
  }

  /** Roles and permissions of one account, as an Actor. */
  async actor(userId: number): Promise<Actor | undefined> {
    const user = await this.get(userId);
    if (!user || user.disabled) return undefined;
    const roles = await this.roles();
    const permissions = new Set(roles.filter((r) => user.roles.includes(r.id)).flatMap((r) => r.permissions));
    const all = permissions.has(ALL_PERMISSIONS);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions,
      can: (permission: string) => all || permissions.has(permission),
    };
  }

  private async activeOwners(tx: Transaction): Promise<number> {
    const row = await tx.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM core_users u JOIN core_user_roles r ON r.user_id = u.id WHERE r.role_id = ? AND u.disabled = 0`,
      [OWNER_ROLE],
    );
    return row?.n ?? 0;
  }

  /** Roles being given must lie within what `by` may hand out. */
  private async checkGrant(q: Queryable, by: Actor | null, roles: string[]): Promise<void> {
    checkCanGrantRoles(by, roles, await this.rolePermissions(q));
  }

  private async rolePermissions(q: Queryable): Promise<(role: string) => string[]> {
    const permissions = new Map((await this.roles(q)).map((r) => [r.id, r.permissions]));
    return (role) => permissions.get(role) ?? [];
  }

  private async checkRoles(q: Queryable, roles: string[]): Promise<void> {
    for (const role of roles) {
      if (!(await q.get('SELECT 1 FROM core_roles WHERE id = ?', [role]))) {
        throw new InputError({ 'zh-CN': `没有“${role}”这个角色`, en: `There is no role "${role}"` }, { errors: [{ path: '/roles', in: 'body', message: role }] });
      }
    }
  }
}
