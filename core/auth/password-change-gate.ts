import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../errors.js';
import type { WorkbenchEnv } from '../http/request-context.js';
import type { Accounts } from './accounts.js';

/** What someone whose password the owner set may still do: see who they are, change it, leave. */
const ALLOWED = new Set(['GET /api/auth/me', 'PATCH /api/auth/me', 'POST /api/auth/logout', 'GET /api/auth/owners']);

/**
 * After the owner sets someone's password, the owner knows it; until the person has chosen their
 * own, the API answers only the routes needed to change it.
 */
export const passwordChangeGate = (accounts: Accounts): MiddlewareHandler<WorkbenchEnv> =>
  async function passwordChange(c, next) {
    const actor = c.get('actor');
    if (actor && !ALLOWED.has(`${c.req.method} ${c.req.path}`) && (await accounts.mustChangePassword(actor.id))) {
      throw new ForbiddenError(
        { 'zh-CN': '店长为你重设了密码：请先换成只有你自己知道的新密码，再继续使用', en: 'The owner reset your password: choose a new one only you know before going on' },
        { errors: [{ path: '/newPassword', in: 'body', message: 'must-change-password' }] },
      );
    }
    return next();
  };
