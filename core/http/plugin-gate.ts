import type { Context } from 'hono';
import { localize } from '../i18n/localized-text.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import { problem, problemResponse } from './problem.js';
import type { WorkbenchEnv } from './request-context.js';

/**
 * Answers for plugins that are not running before any of their routes could: a disabled plugin
 * is simply not there (404); a failed one says why it failed (503), so whoever calls it can act.
 * For any path under `/api/`; answers undefined when the path names no plugin or a running one.
 */
export const pluginGate = (host: PluginHost): ((c: Context<WorkbenchEnv>) => Response | undefined) =>
  function pluginGate(c) {
    const id = c.req.path.split('/')[2] ?? '';
    const record = host.get(id);
    if (!record || record.state === 'running') return undefined;
    const locale = c.get('locale');
    const name = record.manifest ? localize(record.manifest.name, locale) : id;
    if (record.state === 'disabled') {
      return problemResponse(problem(404, { 'zh-CN': `插件“${name}”没有启用`, en: `The plugin "${name}" is not enabled` }, locale, { instance: c.req.path }));
    }
    const reason = localize(record.reason ?? '', locale);
    return problemResponse(
      problem(503, { 'zh-CN': `插件“${name}”没有运行：${reason}`, en: `The plugin "${name}" is not running: ${reason}` }, locale, { instance: c.req.path }),
    );
  };
