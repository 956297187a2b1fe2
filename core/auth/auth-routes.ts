import { ConflictError, ForbiddenError, InputError, UnauthorizedError } from '../errors.js';
import type { Database } from '../db/database.js';
import type { DemoData } from '../contributions/demo-data.js';
import type { Logger } from '../log/logger.js';
import type { Actor } from '../plugins/context.js';
import { jsonWithSession } from '../http/cookies.js';
import { sourceAddress } from '../http/source-address.js';
import { checkLimited } from './limited-check.js';
import { def } from '../schemas/schema-helpers.js';
import type { CoreRouteAdder } from '../http/core-route.js';
import { OWNER_ROLE, type Accounts } from './accounts.js';
import type { LoginAttempts } from './login-attempts.js';
import type { LoginLimiter } from './login-limiter.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { hashToken, type Sessions } from './sessions.js';
import type { SetupGate } from './setup-gate.js';

export interface AuthRouteDeps {
  add: CoreRouteAdder;
  db: Database;
  accounts: Accounts;
  sessions: Sessions;
  limiter: LoginLimiter;
  attempts: LoginAttempts;
  setup: SetupGate;
  demo: DemoData;
  activationOrder: () => string[];
  log: Logger;
  now: () => string;
  /** The workbench serves HTTPS: the session cookie is marked Secure. */
  secureCookie: boolean;
}

const credentials = {
  username: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' },
  password: { type: 'string', minLength: 1, maxLength: 256 },
};

const meSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    /** The person's roles by name, so the status bar can say 仓管 to someone who may not read the role list. */
    roleNames: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string' } } },
    permissions: { type: 'array', items: { type: 'string' } },
    locale: { type: ['string', 'null'] },
    /** Present (true) while the owner's reset of the password waits for the person's own choice. */
    resetPending: { type: 'boolean', const: true },
  },
  required: ['id', 'username', 'displayName', 'roles', 'roleNames', 'permissions'],
};

type Me = Awaited<ReturnType<typeof readMe>>;

/**
 * The answer of GET /api/auth/me, kept per actor until any account or role changes (the actor
 * itself is kept that long by the session lookup): the UI asks for it on every page.
 */
const knownMe = new WeakMap<Actor, { generation: number; me: Promise<Me> }>();

function me(accounts: Accounts, actor: Actor): Promise<Me> {
  const generation = accounts.generation;
  const known = knownMe.get(actor);
  if (known?.generation === generation) return known.me;
  const answer = readMe(accounts, actor);
  knownMe.set(actor, { generation, me: answer });
  // A change while it was read has moved the generation, so it is read again at the next request;
  // a failed read is not kept.
  answer.catch(() => knownMe.delete(actor));
  return answer;
}

async function readMe(accounts: Accounts, actor: Actor) {
  const user = await accounts.get(actor.id);
  const roleNames = Object.fromEntries((await accounts.roles()).filter((r) => actor.roles.includes(r.id)).map((r) => [r.id, r.name]));
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    roleNames,
    permissions: [...actor.permissions].sort(),
    locale: user?.locale ?? null,
    ...(user?.resetPending ? { resetPending: true as const } : {}),
  };
}

/** First-run setup, login, logout, and the current person. */
export function registerAuthRoutes(d: AuthRouteDeps): void {
  d.add({
    method: 'post',
    path: '/auth/setup',
    public: true,
    action: 'setup',
    auditTarget: ({ body }) => (body as { username: string }).username,
    summary: { 'zh-CN': '首次设置：创建店长账号', en: 'First-run setup: create the owner account' },
    body: {
      type: 'object',
      properties: {
        token: { type: 'string', minLength: 1 },
        ...credentials,
        username: { ...def('visibleText'), ...credentials.username },
        password: { type: 'string', minLength: 1, maxLength: 256 },
        displayName: { type: 'string', minLength: 1, maxLength: 64 },
        shopName: { type: 'string', minLength: 1, maxLength: 64 },
        locale: { enum: ['zh-CN', 'en'] },
        demo: { type: 'boolean', default: false },
      },
      required: ['token', 'username', 'password', 'displayName'],
      additionalProperties: false,
    },
    status: 201,
    handler: async ({ body, locale }) => {
      const b = body as { token: string; username: string; password: string; displayName: string; shopName?: string; locale?: 'zh-CN' | 'en'; demo: boolean };
      if (!d.setup.isOpen && (await d.accounts.count()) > 0) {
        throw new ConflictError({ 'zh-CN': '工作台已经设置过了，请直接登录', en: 'The workbench is already set up; please log in' });
      }
      if (!d.setup.matches(b.token)) {
        throw new ForbiddenError({ 'zh-CN': '设置链接无效，请使用控制台最新打印的链接', en: 'This setup link is not valid; use the newest link printed on the console' });
      }
      const user = await d.db.transaction(async (tx) => {
        const existing = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_users');
        if ((existing?.n ?? 0) > 0) throw new ConflictError({ 'zh-CN': '工作台已经设置过了，请直接登录', en: 'The workbench is already set up; please log in' });
        const created = await d.accounts.create(tx, { username: b.username, displayName: b.displayName, password: b.password, roles: [OWNER_ROLE], locale: b.locale }, null);
        if (b.shopName) await tx.run("INSERT INTO core_shop (key, value) VALUES ('name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [b.shopName]);
        return created;
      });
      d.setup.close();
      let demo: { filled: string[] } | { failed: string } | null = null;
      if (b.demo) {
        try {
          demo = { filled: await d.demo.fill(d.db, d.activationOrder(), { locale: b.locale ?? locale, now: d.now(), owner: { id: user.id, name: user.displayName || user.username } }) };
        } catch (error) {
          d.log.error('the demo shop could not be filled', { error });
          demo = { failed: error instanceof Error ? error.message : String(error) };
        }
      }
      const token = await d.sessions.create(user.id);
      return jsonWithSession({ id: user.id, username: user.username, displayName: user.displayName, demo }, token, 201, d.secureCookie);
    },
  });

  d.add({
    method: 'post',
    path: '/auth/login',
    public: true,
    action: 'login',
    auditTarget: ({ body }) => (body as { username: string }).username,
    summary: { 'zh-CN': '登录', en: 'Log in' },
    body: { type: 'object', properties: credentials, required: ['username', 'password'], additionalProperties: false },
    response: meSchema,
    handler: async ({ body, raw }) => {
      const started = performance.now();
      const { username, password } = body as { username: string; password: string };
      const user = await d.accounts.findForLogin(username);
      const hashStarted = performance.now();
      const ok = await checkLimited(d, sourceAddress(raw), username, user, () => (user && !user.disabled ? verifyPassword(password, user.passwordHash) : verifyAgainstDummy(password, d.accounts.passwordCost)));
      const hashMs = performance.now() - hashStarted;
      if (!ok || !user) throw new UnauthorizedError({ 'zh-CN': '账号或密码不对', en: 'Wrong user name or password' });
      const token = await d.sessions.create(user.id);
      const actor = await d.accounts.actor(user.id);
      const response = jsonWithSession(await me(d.accounts, actor!), token, 200, d.secureCookie);
      // How long the password check took (its wait in the hash queue included) against the whole:
      // a login is meant to answer within a second, and this shows where the time went.
      response.headers.set('server-timing', `password;dur=${hashMs.toFixed(1)}, total;dur=${(performance.now() - started).toFixed(1)}`);
      return response;
    },
  });

  d.add({
    method: 'get',
    path: '/auth/login-attempts',
    authenticated: true,
    summary: { 'zh-CN': '最近的登录失败（时间、来源地址、账号），仅店长可看', en: 'Recent failed logins (time, source address, user name), for the owner only' },
    handler: ({ actor }) => {
      if (!actor!.roles.includes(OWNER_ROLE)) {
        throw new ForbiddenError({ 'zh-CN': '只有店长能查看登录失败记录', en: 'Only the owner can see the failed logins' });
      }
      return { items: d.attempts.list() };
    },
  });

  d.add({
    method: 'get',
    path: '/auth/owners',
    authenticated: true,
    summary: { 'zh-CN': '店长的显示名（找谁开通权限）', en: 'The owners’ display names (whom to ask for rights)' },
    handler: async () => ({ items: await d.accounts.owners() }),
  });

  d.add({
    method: 'post',
    path: '/auth/logout',
    authenticated: true,
    action: 'logout',
    summary: { 'zh-CN': '退出登录', en: 'Log out' },
    handler: async ({ raw }) => {
      const hash = sessionHash(raw);
      if (hash) await d.sessions.destroy(hash);
      return jsonWithSession({ ok: true }, null, 200, d.secureCookie);
    },
  });

  d.add({
    method: 'get',
    path: '/auth/me',
    authenticated: true,
    summary: { 'zh-CN': '当前登录的人', en: 'The person logged in' },
    response: meSchema,
    handler: ({ actor }) => me(d.accounts, actor!),
  });

  d.add({
    method: 'patch',
    path: '/auth/me',
    authenticated: true,
    action: 'update own profile',
    summary: { 'zh-CN': '修改自己的显示名、语言或密码', en: 'Change own display name, language or password' },
    body: {
      type: 'object',
      properties: {
        displayName: { type: 'string', minLength: 1, maxLength: 64 },
        locale: { enum: ['zh-CN', 'en', null] },
        currentPassword: { type: 'string' },
        newPassword: { type: 'string', minLength: 1, maxLength: 256 },
      },
      dependentRequired: { newPassword: ['currentPassword'] },
      additionalProperties: false,
    },
    response: meSchema,
    handler: async ({ body, actor, raw }) => {
      const b = body as { displayName?: string; locale?: 'zh-CN' | 'en' | null; currentPassword?: string; newPassword?: string };
      const user = await d.accounts.findForLogin(actor!.username);
      if (!user) throw new UnauthorizedError({ 'zh-CN': '请重新登录', en: 'Please log in again' });
      if (b.newPassword !== undefined && !(await checkLimited(d, sourceAddress(raw), user.username, user, () => verifyPassword(b.currentPassword ?? '', user.passwordHash)))) {
        throw new ForbiddenError({ 'zh-CN': '当前密码不对', en: 'The current password is wrong' }, { errors: [{ path: '/currentPassword', in: 'body', message: '×' }] });
      }
      if (b.newPassword !== undefined && b.newPassword === b.currentPassword) {
        throw new InputError({ 'zh-CN': '新密码要和现在的不一样', en: 'The new password must differ from the current one' }, { errors: [{ path: '/newPassword', in: 'body', message: 'same' }] });
      }
      await d.accounts.update(user.id, { version: user.version, displayName: b.displayName, locale: b.locale, password: b.newPassword }, actor!, sessionHash(raw));
      return me(d.accounts, (await d.accounts.actor(user.id))!);
    },
  });
}

function sessionHash(raw: Request): string | undefined {
  const cookie = raw.headers.get('cookie') ?? '';
  const match = /(?:^|;\s*)wb_session=([^;]+)/.exec(cookie);
  if (!match) return undefined;
  return hashToken(decodeURIComponent(match[1]!));
}
