import type { Context } from 'hono';
import { problem, problemResponse } from './problem.js';
import type { WorkbenchEnv } from './request-context.js';

export const CSRF_HEADER = 'x-workbench-request';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request that changes something must come from the workbench's own pages: it carries
 * `X-Workbench-Request: 1` (a custom header, which another site cannot send without a CORS
 * preflight this server never grants), and when the browser says where it comes from (Origin,
 * Sec-Fetch-Site) that must be this same site. Hono's csrf middleware only looks at form posts,
 * so JSON bodies need this. Answers the refusal, or undefined when the request may go on.
 */
export function csrfCheck(c: Context<WorkbenchEnv>): Response | undefined {
  if (SAFE.has(c.req.method)) return undefined;
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const host = c.req.header('host') ?? '';
  const sameSite = !site || site === 'same-origin' || site === 'none';
  let sameOrigin = true;
  if (origin) {
    try {
      sameOrigin = new URL(origin).host.toLowerCase() === host.toLowerCase();
    } catch {
      sameOrigin = false;
    }
  }
  if (c.req.header(CSRF_HEADER) === '1' && sameSite && sameOrigin) return undefined;
  return problemResponse(
    problem(
      403,
      {
        'zh-CN': '请求被拒绝：只接受来自工作台页面本身的操作（防跨站请求伪造）',
        en: 'Request refused: changes are accepted only from the workbench pages themselves (cross-site request forgery protection)',
      },
      c.get('locale'),
    ),
  );
}
