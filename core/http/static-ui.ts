import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { problem, problemResponse } from './problem.js';
import type { WorkbenchEnv } from './request-context.js';

/**
 * Serves the built shell from `dist/ui`. Any other non-API path answers the shell's index.html,
 * so links such as /setup?token=… open the right screen; unknown /api/… paths are 404 problems.
 */
export function serveUi(app: Hono<WorkbenchEnv>, uiDir: string): void {
  const indexFile = join(uiDir, 'index.html');
  app.use('/ui/*', serveStatic({ root: uiDir, rewriteRequestPath: (path) => path.slice('/ui'.length) }));
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api' || c.req.method !== 'GET') {
      return problemResponse(problem(404, undefined, c.get('locale') ?? 'zh-CN', { instance: c.req.path }));
    }
    if (!existsSync(indexFile)) return c.text('The workbench UI is not built; run npm run build.', 503);
    return c.html(readFileSync(indexFile, 'utf8'));
  });
}
