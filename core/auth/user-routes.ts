import type { CoreRouteAdder } from '../http/core-route.js';
import type { LocalizedText } from '../i18n/localized-text.js';
import type { PluginManifest } from '../plugins/manifest.js';
import type { Accounts } from './accounts.js';
import { def } from '../schemas/schema-helpers.js';
import { CORE_PERMISSIONS } from './core-permissions.js';

const localizedText = { $ref: 'https://workbench.local/schemas/defs#/$defs/localizedText' };
const version = { $ref: 'https://workbench.local/schemas/defs#/$defs/version' };
const roleList = { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, uniqueItems: true };
const permissionList = { type: 'array', items: { type: 'string', pattern: '^([a-z][a-z0-9-]*(\\.[a-zA-Z0-9-]+)+|\\*)$' }, uniqueItems: true };
/** How the permission grid names the core's own group. */
const CORE_NAME: LocalizedText = { 'zh-CN': '工作台', en: 'Workbench' };
const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };

/** Staff accounts, roles and the list of every permission, for the owner. */
export function registerUserRoutes(add: CoreRouteAdder, accounts: Accounts, manifests: () => PluginManifest[]): void {
  const permission = 'core.users.manage';
  add({
    method: 'get',
    path: '/users',
    permission,
    summary: { 'zh-CN': '员工账号列表', en: 'Staff accounts' },
    handler: async () => ({ items: await accounts.list() }),
  });
  add({
    method: 'post',
    path: '/users',
    permission,
    action: 'create user',
    status: 201,
    summary: { 'zh-CN': '新建员工账号', en: 'Create a staff account' },
    body: {
      type: 'object',
      properties: {
        username: { ...def('visibleText'), minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' },
        displayName: { type: 'string', minLength: 1, maxLength: 64 },
        password: { type: 'string', minLength: 1, maxLength: 256 },
        roles: { ...roleList, default: [] },
        locale: { enum: ['zh-CN', 'en'] },
      },
      required: ['username', 'displayName', 'password'],
      additionalProperties: false,
    },
    handler: async ({ body, actor }) => {
      const b = body as { username: string; displayName: string; password: string; roles: string[]; locale?: string };
      return accounts.createInTransaction(b, actor!);
    },
  });
  add({
    method: 'patch',
    path: '/users/:id',
    permission,
    action: 'update user',
    summary: { 'zh-CN': '修改员工账号（改名、角色、停用、重设密码：本人下次登录须先改密码）', en: 'Change a staff account (rename, roles, disable, reset password: the person must change it at the next login)' },
    params: idParams,
    body: {
      type: 'object',
      properties: {
        version,
        username: { ...def('visibleText'), minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' },
        displayName: { type: 'string', minLength: 1, maxLength: 64 },
        roles: roleList,
        disabled: { type: 'boolean' },
        password: { type: 'string', minLength: 1, maxLength: 256 },
      },
      required: ['version'],
      additionalProperties: false,
    },
    handler: ({ params, body, actor }) => accounts.update(Number(params.id), body as { version: number }, actor!),
  });
  add({
    method: 'get',
    path: '/roles',
    permission,
    summary: { 'zh-CN': '角色列表', en: 'Roles' },
    handler: async () => ({ items: await accounts.roles() }),
  });
  add({
    method: 'post',
    path: '/roles',
    permission,
    action: 'create role',
    status: 201,
    summary: { 'zh-CN': '新建角色', en: 'Create a role' },
    body: {
      type: 'object',
      properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,31}$' }, name: localizedText, permissions: { ...permissionList, default: [] } },
      required: ['id', 'name'],
      additionalProperties: false,
    },
    handler: ({ body, actor }) => accounts.createRole(body as { id: string; name: LocalizedText; permissions: string[] }, actor!),
  });
  add({
    method: 'patch',
    path: '/roles/:id',
    permission,
    action: 'update role',
    summary: { 'zh-CN': '修改角色的名称或权限', en: 'Change a role’s name or permissions' },
    params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    body: {
      type: 'object',
      properties: { version, name: localizedText, permissions: permissionList },
      required: ['version'],
      additionalProperties: false,
    },
    handler: ({ params, body, actor }) => accounts.updateRole(String(params.id), body as { version: number }, actor!),
  });
  add({
    method: 'get',
    path: '/permissions',
    permission,
    summary: { 'zh-CN': '所有权限（核心和各插件）', en: 'Every permission (core and plugins)' },
    handler: () => ({
      items: [
        ...CORE_PERMISSIONS.map((p) => ({ ...p, plugin: 'core', pluginName: CORE_NAME })),
        ...manifests().flatMap((m) => m.permissions.map((p) => ({ ...p, plugin: m.id, pluginName: m.name }))),
      ],
    }),
  });
}
