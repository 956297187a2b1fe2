import type { RouteTable } from '../contributions/route-table.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import type { AuditNames } from './audit-sentences.js';

/**
 * Names for the audit log's sentences, read from what is registered now: a route by the action it
 * records (its `action`, else `METHOD path`), importers and plugins by their manifest titles. A
 * plugin switched off since has no routes here; its records fall back to their raw action.
 */
export function auditNames(routes: RouteTable, host: PluginHost): AuditNames {
  const summaries = new Map(routes.list().map((r) => [`${r.owner} ${r.route.action ?? `${r.route.method.toUpperCase()} ${r.route.path || '/'}`}`, r.route.summary]));
  return {
    route: (plugin, action) => summaries.get(`${plugin} ${action}`),
    importer: (plugin, id) => host.get(plugin)?.manifest?.contributes.importers.find((i) => i.id === id)?.title,
    plugin: (id) => host.get(id)?.manifest?.name,
  };
}
