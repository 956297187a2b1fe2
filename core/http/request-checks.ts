import type { MiddlewareHandler, Next } from 'hono';
import type { Accounts } from '../auth/accounts.js';
import { passwordChangeGate } from '../auth/password-change-gate.js';
import type { Sessions } from '../auth/sessions.js';
import type { Locale } from '../i18n/localized-text.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import { csrfCheck } from './csrf.js';
import { hostCheck } from './host-check.js';
import { pluginGate } from './plugin-gate.js';
import type { WorkbenchEnv } from './request-context.js';
import { isApiPath } from './response-headers.js';
import { sessionLookup } from './session.js';

type Ctx = Parameters<MiddlewareHandler<WorkbenchEnv>>[0];

/**
 * Every check a request passes before its route, in this order: the Host header (every path);
 * then, under `/api`, the session and language, the password-change gate, CSRF, and the plugin
 * gate. One middleware rather than five, and waiting only where a check has to read something:
 * each Hono middleware costs a dispatch and a promise on every request.
 */
export const requestChecks = (options: {
  allowedHosts: string[];
  fallbackLocale: Locale;
  sessions: Sessions;
  accounts: Accounts;
  plugins: PluginHost;
}): MiddlewareHandler<WorkbenchEnv> => {
  const host = hostCheck(options);
  const session = sessionLookup(options);
  const passwordChange = passwordChangeGate(options.accounts);
  const plugin = pluginGate(options.plugins);

  const afterPasswordGate = (c: Ctx, next: Next): Promise<Response | void> => {
    const refused = csrfCheck(c) ?? plugin(c);
    return refused ? Promise.resolve(refused) : next();
  };
  const afterSession = (c: Ctx, next: Next): Promise<Response | void> => {
    const pending = passwordChange(c);
    return pending ? pending.then(() => afterPasswordGate(c, next)) : afterPasswordGate(c, next);
  };

  return function requestChecks(c, next) {
    const refused = host(c);
    if (refused) return Promise.resolve(refused);
    if (!isApiPath(c.req.path)) return next();
    const pending = session(c);
    return pending ? pending.then(() => afterSession(c, next)) : afterSession(c, next);
  };
};
