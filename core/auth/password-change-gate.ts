import type { Context } from 'hono';
import { ForbiddenError } from '../errors.js';
import type { WorkbenchEnv } from '../http/request-context.js';
import type { Accounts } from './accounts.js';

/** What someone whose password the owner set may still do: see who they are, change it, leave. */
const ALLOWED = new Set(['GET /api/auth/me', 'PATCH /api/auth/me', 'POST /api/auth/logout', 'GET /api/auth/owners']);

const refusal = () =>
  new ForbiddenError(
    { 'zh-CN': '店长为你重设了密码：请先换成只有你自己知道的新密码，再继续使用', en: 'The owner reset your password: choose a new one only you know before going on' },
    { errors: [{ path: '/newPassword', in: 'body', message: 'must-change-password' }] },
  );

/**
 * After the owner sets someone's password, the owner knows it; until the person has chosen their
 * own, the API answers only the routes needed to change it. Throws the refusal; answers a promise
 * only when it has to read whose passwords were reset.
 */
export const passwordChangeGate = (accounts: Accounts): ((c: Context<WorkbenchEnv>) => Promise<void> | undefined) =>
  function passwordChange(c) {
    const actor = c.get('actor');
    if (!actor) return undefined;
    const known = accounts.mustChangePasswordKnown(actor.id);
    if (known === false || ALLOWED.has(`${c.req.method} ${c.req.path}`)) return undefined;
    if (known) throw refusal();
    return accounts.mustChangePassword(actor.id).then((must) => {
      if (must) throw refusal();
    });
  };
