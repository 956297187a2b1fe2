import { InputError, NotFoundError } from '../errors.js';
import type { SearchProviders } from '../contributions/search.js';
import type { SettingsStore } from '../contributions/settings-store.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import type { BrowserValidators } from '../schemas/browser-validator.js';
import type { SchemaRegistry } from '../schemas/schema-registry.js';
import type { CoreRouteAdder } from './core-route.js';
import { pluginUiUrl } from './plugin-ui.js';

export interface ShellRouteDeps {
  add: CoreRouteAdder;
  host: PluginHost;
  schemas: SchemaRegistry;
  settings: SettingsStore;
  search: SearchProviders;
  validators: BrowserValidators;
}

const javascript = (code: string) =>
  new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' } });

/** What the browser shell asks for: the contributions it shows, quick-open results, form validators. */
export function registerShellRoutes(d: ShellRouteDeps): void {
  d.add({
    method: 'get',
    path: '/workbench/contributions',
    authenticated: true,
    summary: { 'zh-CN': '正在运行的插件向界面贡献的视图、编辑器、命令、小部件和状态栏项', en: 'Views, editors, commands, widgets and status items of running plugins' },
    handler: ({ actor }) => ({
      plugins: d.host.activationOrder().map((id) => {
        const record = d.host.get(id)!;
        const m = record.manifest!;
        const visible = <T extends { permission?: string }>(items: T[]) => items.filter((i) => !i.permission || actor!.can(i.permission));
        return {
          id,
          name: m.name,
          version: m.version,
          ui: record.ui ? pluginUiUrl(id, record.ui.hash) : null,
          views: visible(m.contributes.views),
          editors: visible(m.contributes.editors),
          commands: visible(m.contributes.commands),
          widgets: visible(m.contributes.widgets),
          status: visible(m.contributes.status),
          importers: visible(m.contributes.importers),
          printables: visible(m.contributes.printables),
        };
      }),
    }),
  });

  d.add({
    method: 'get',
    path: '/workbench/search',
    authenticated: true,
    summary: { 'zh-CN': '快速打开：在各插件的记录中查找', en: 'Quick open: find records across plugins' },
    query: {
      type: 'object',
      properties: { q: { type: 'string', maxLength: 200, default: '' }, limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
    },
    handler: ({ query, actor, locale }) => {
      const q = query as { q: string; limit: number };
      return d.search.search(q.q.trim(), actor!, locale, q.limit);
    },
  });

  d.add({
    method: 'get',
    path: '/workbench/validators/settings/:plugin',
    permission: 'core.settings.read',
    summary: { 'zh-CN': '浏览器里校验插件设置用的脚本模块', en: 'Browser module that validates a plugin’s settings' },
    handler: async ({ params }) => {
      const id = String(params.plugin);
      if (!d.settings.has(id) || !d.host.isRunning(id)) {
        throw new NotFoundError({ 'zh-CN': `插件“${id}”没有可以修改的设置`, en: `The plugin "${id}" has no settings to change` });
      }
      return javascript(await d.validators.module(`settings:${id}`, d.settings.describe(id).schema));
    },
  });

  d.add({
    method: 'get',
    path: '/workbench/validators/schema',
    authenticated: true,
    summary: { 'zh-CN': '浏览器里按已注册的 JSON Schema 校验表单的脚本模块', en: 'Browser module that validates against a registered JSON Schema' },
    query: { type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'] },
    handler: async ({ query }) => {
      const id = String((query as { id: string }).id);
      const schema = d.schemas.all().get(id);
      if (!schema) throw new InputError({ 'zh-CN': `没有编号为 ${id} 的表单规则`, en: `No schema has the id ${id}` });
      return javascript(await d.validators.module(`schema:${id}`, schema));
    },
  });
}
