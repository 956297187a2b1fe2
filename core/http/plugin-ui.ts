import type { Hono } from 'hono';
import type { PluginHost } from '../plugins/plugin-host.js';
import { problem, problemResponse } from './problem.js';
import type { WorkbenchEnv } from './request-context.js';

/** The URL of a running plugin's browser module; the hash makes each build a new URL. */
export function pluginUiUrl(id: string, hash: string): string {
  return `/ui/plugins/${id}.js?v=${hash}`;
}

/**
 * Serves each running plugin's compiled UI module at `/ui/plugins/<id>.js`. The shell imports it
 * the first time one of the plugin's panels is shown; a disabled or failed plugin has none.
 */
export function servePluginUi(app: Hono<WorkbenchEnv>, host: PluginHost): void {
  app.get('/ui/plugins/:file', (c) => {
    const id = c.req.param('file').replace(/\.js$/, '');
    const record = host.get(id);
    if (!record?.ui || record.state !== 'running') {
      return problemResponse(problem(404, undefined, c.get('locale') ?? 'zh-CN', { instance: c.req.path }));
    }
    const versioned = c.req.query('v') === record.ui.hash;
    return c.body(record.ui.code, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': versioned ? 'private, max-age=31536000, immutable' : 'no-cache',
    });
  });
}
