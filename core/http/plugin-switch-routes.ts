import { ForbiddenError } from '../errors.js';
import { localize } from '../i18n/localized-text.js';
import { OWNER_ROLE } from '../auth/accounts.js';
import type { Actor } from '../plugins/context.js';
import type { PluginRecord } from '../plugins/plugin-host.js';
import type { PluginSwitch } from '../plugins/plugin-switch.js';
import type { CoreRouteAdder } from './core-route.js';

const idList = { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 }, maxItems: 100, uniqueItems: true, default: [] };
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 } }, required: ['id'] };

/** Switching plugins is the owner's alone: it changes what every member of staff can use. */
function ownerOnly(actor: Actor | undefined): Actor {
  if (!actor?.roles.includes(OWNER_ROLE)) {
    throw new ForbiddenError({ 'zh-CN': '只有店长可以停用或启用插件', en: 'Only the shop owner can switch plugins off or on' });
  }
  return actor;
}

const row = (r: PluginRecord, locale: 'zh-CN' | 'en') => ({ id: r.id, state: r.state, reason: r.reason ? localize(r.reason, locale) : null });

/** `POST /api/plugins/:id/disable` and `/enable`, without a restart. */
export function registerPluginSwitchRoutes(add: CoreRouteAdder, plugins: PluginSwitch): void {
  add({
    method: 'post',
    path: '/plugins/:id/disable',
    authenticated: true,
    action: 'disable plugin',
    summary: { 'zh-CN': '停用一个插件（店长）', en: 'Switch a plugin off (owner)' },
    description: {
      'zh-CN': '依赖它（requires）的插件会一起停用：confirm 要列出它们的 id，否则答 409，dependants 里列出它们',
      en: 'Plugins that require it go off with it: confirm must list their ids, otherwise the answer is 409 with them under dependants',
    },
    params: idParams,
    body: { type: 'object', properties: { confirm: idList }, additionalProperties: false },
    handler: async ({ params, body, actor, locale }) => {
      const owner = ownerOnly(actor);
      const b = (body ?? {}) as { confirm?: string[] };
      const changed = await plugins.disable(String(params.id), b.confirm ?? [], owner);
      return { items: changed.map((r) => row(r, locale)) };
    },
  });

  add({
    method: 'post',
    path: '/plugins/:id/enable',
    authenticated: true,
    action: 'enable plugin',
    summary: { 'zh-CN': '启用一个插件（店长）', en: 'Switch a plugin on (owner)' },
    description: {
      'zh-CN': 'with 可以列出一起启用的插件（例如随它停用的那些），按依赖顺序启动；每个插件先执行还没有执行的迁移',
      en: 'with may list plugins to switch on together (such as those that went off with it); they start in dependency order, each after its pending migrations',
    },
    params: idParams,
    body: { type: 'object', properties: { with: idList }, additionalProperties: false },
    handler: async ({ params, body, actor, locale }) => {
      const owner = ownerOnly(actor);
      const b = (body ?? {}) as { with?: string[] };
      const changed = await plugins.enable(String(params.id), b.with ?? [], owner);
      return { items: changed.map((r) => row(r, locale)) };
    },
  });
}
