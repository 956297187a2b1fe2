import { NotFoundError } from '../errors.js';
import { localize } from '../i18n/localized-text.js';
import type { AuditLog } from '../audit/audit-log.js';
import { auditNames } from '../audit/audit-names.js';
import { auditSentence } from '../audit/audit-sentences.js';
import type { Database } from '../db/database.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import type { RouteTable } from '../contributions/route-table.js';
import type { SchemaRegistry } from '../schemas/schema-registry.js';
import type { SettingsStore } from '../contributions/settings-store.js';
import type { Actor } from '../plugins/context.js';
import type { Accounts } from '../auth/accounts.js';
import type { WorkbenchConfig } from '../config/config.js';
import { WORKBENCH_VERSION } from '../version.js';
import type { CoreRouteAdder } from './core-route.js';
import { buildOpenApi } from './openapi.js';
import { listQuery } from '../schemas/schema-helpers.js';

export interface SystemRouteDeps {
  add: CoreRouteAdder;
  config: WorkbenchConfig;
  db: Database;
  host: PluginHost;
  routes: RouteTable;
  schemas: SchemaRegistry;
  settings: SettingsStore;
  jobs: JobScheduler;
  audit: AuditLog;
  accounts: Accounts;
}


/** Health, the API description, plugin states, settings, jobs and the audit log. */
export function registerSystemRoutes(d: SystemRouteDeps): void {
  d.add({
    method: 'get',
    path: '/health',
    public: true,
    summary: { 'zh-CN': '健康检查', en: 'Health check' },
    response: { type: 'object', properties: { status: { const: 'ok' }, version: { type: 'string' } }, required: ['status', 'version'] },
    handler: () => ({ status: 'ok', version: WORKBENCH_VERSION }),
  });

  d.add({
    method: 'get',
    path: '/openapi.json',
    public: true,
    summary: { 'zh-CN': '本 API 的 OpenAPI 3.1 描述', en: 'OpenAPI 3.1 description of this API' },
    handler: ({ locale }) => buildOpenApi(d.routes.list(), d.schemas.all(), locale),
  });

  d.add({
    method: 'get',
    path: '/workbench/info',
    public: true,
    summary: { 'zh-CN': '店铺名称、语言、时区，以及是否还需首次设置', en: 'Shop name, language, time zone, and whether first-run setup is pending' },
    handler: async () => ({
      shopName: (await d.db.read((q) => q.get<{ value: string }>("SELECT value FROM core_shop WHERE key = 'name'")))?.value ?? null,
      version: WORKBENCH_VERSION,
      locale: d.config.locale,
      timeZone: d.config.timeZone,
      setupNeeded: (await d.accounts.count()) === 0,
    }),
  });

  d.add({
    method: 'get',
    path: '/plugins',
    authenticated: true,
    summary: { 'zh-CN': '插件及其状态', en: 'Plugins and their state' },
    handler: ({ locale }) => ({
      items: d.host.all().map((r) => ({
        id: r.id,
        name: localize(r.manifest?.name ?? r.name ?? r.id, locale),
        version: r.manifest?.version ?? r.version ?? null,
        state: r.state,
        allowed: r.allowed ?? false,
        reason: r.reason ? localize(r.reason, locale) : null,
        activationMs: r.activationMs ?? null,
        activatedAt: r.activatedAt ?? null,
        requires: r.manifest?.requires ?? [],
        optional: r.manifest?.optional ?? [],
        provides: r.manifest?.provides ?? [],
      })),
      // Not failures: every plugin named runs, but one of its shortcuts or commands is shadowed.
      warnings: d.host.clashes().map((c) => ({ kind: c.kind, key: c.key, plugins: c.claims.map((x) => x.plugin), message: localize(c.message, locale) })),
    }),
  });

  const settingsOf = (id: string, actor: Actor | undefined) => {
    void actor;
    const record = d.host.get(id);
    if (!record || record.state !== 'running' || !d.settings.has(id)) {
      throw new NotFoundError({ 'zh-CN': `插件“${id}”没有可以修改的设置`, en: `The plugin "${id}" has no settings to change` });
    }
    return { plugin: id, name: record.manifest!.name, ...d.settings.describe(id) };
  };
  d.add({
    method: 'get',
    path: '/settings',
    permission: 'core.settings.read',
    summary: { 'zh-CN': '各插件的设置（含 JSON Schema）', en: 'Settings of every plugin, with their JSON Schemas' },
    handler: ({ actor }) => ({ items: d.host.activationOrder().filter((id) => d.settings.has(id)).map((id) => settingsOf(id, actor)) }),
  });
  d.add({
    method: 'get',
    path: '/settings/:plugin',
    permission: 'core.settings.read',
    summary: { 'zh-CN': '一个插件的设置', en: 'One plugin’s settings' },
    handler: ({ params, actor }) => settingsOf(String(params.plugin), actor),
  });
  d.add({
    method: 'put',
    path: '/settings/:plugin',
    permission: 'core.settings.manage',
    action: 'save settings',
    summary: { 'zh-CN': '保存一个插件的设置', en: 'Save one plugin’s settings' },
    body: {
      type: 'object',
      properties: { value: { type: 'object' }, version: { type: 'integer', minimum: 0 } },
      required: ['value', 'version'],
      additionalProperties: false,
    },
    handler: async ({ params, body, actor, locale }) => {
      const id = String(params.plugin);
      settingsOf(id, actor);
      const b = body as { value: Record<string, unknown>; version: number };
      return { plugin: id, ...(await d.settings.save(id, b.value, b.version, actor!.id, locale)) };
    },
  });

  d.add({
    method: 'get',
    path: '/jobs',
    permission: 'core.jobs.manage',
    summary: { 'zh-CN': '定时任务及其上次运行情况', en: 'Scheduled jobs and how they last ran' },
    handler: () => ({ items: d.jobs.list() }),
  });
  d.add({
    method: 'post',
    path: '/jobs/:owner/:job/run',
    permission: 'core.jobs.manage',
    action: 'run job',
    summary: { 'zh-CN': '立即运行一个定时任务', en: 'Run a scheduled job now' },
    handler: async ({ params }) => {
      const owner = String(params.owner);
      const job = String(params.job);
      if (!d.jobs.list().some((j) => j.owner === owner && j.id === job)) {
        throw new NotFoundError({ 'zh-CN': '没有这个定时任务', en: 'No such job' });
      }
      return d.jobs.runNow(owner, job);
    },
  });

  d.add({
    method: 'get',
    path: '/audit',
    permission: 'core.audit.read',
    summary: { 'zh-CN': '操作日志（最新在前，每条附一句中英文的说明）', en: 'Audit log, newest first, each record with a sentence in zh-CN and en' },
    description: { 'zh-CN': 'q 在操作、对象、操作人、插件和详情里查找这段文字', en: 'q finds the text in the action, target, person, plugin or detail' },
    query: listQuery({
      plugin: { type: 'string' },
      actorId: { type: 'integer', minimum: 1 },
      outcome: { type: 'string', enum: ['ok', 'error'] },
    }),
    response: { $ref: 'https://workbench.local/schemas/defs#/$defs/page' },
    handler: async ({ query }) => {
      const page = await d.audit.page(query as { page: number; pageSize: number });
      const names = auditNames(d.routes, d.host);
      return { ...page, items: page.items.map((r) => ({ ...r, sentence: auditSentence(r, names) })) };
    },
  });
}
