import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { isLocale, negotiateLocale, type Locale } from '../i18n/localized-text.js';
import type { Accounts } from '../auth/accounts.js';
import { SESSION_COOKIE, hashToken, type Sessions } from '../auth/sessions.js';
import type { Actor } from '../plugins/context.js';
import type { WorkbenchEnv } from './request-context.js';

/**
 * Finds who is asking (from the session cookie) and in which language to answer: the person's own
 * choice, else the browser's Accept-Language, else the shop's configured language. Actors are
 * cached per account until any account or role changes.
 */
export const sessionMiddleware = (options: { sessions: Sessions; accounts: Accounts; fallbackLocale: Locale }): MiddlewareHandler<WorkbenchEnv> => {
  const cache = new Map<number, { generation: number; actor: Actor | undefined; locale: string | null }>();
  return async function session(c, next) {
    let actor: Actor | undefined;
    let userLocale: string | null = null;
    const token = getCookie(c, SESSION_COOKIE);
    const tokenHash = token ? hashToken(token) : undefined;
    if (tokenHash) {
      const userId = await options.sessions.resolve(tokenHash);
      if (userId !== undefined) {
        let hit = cache.get(userId);
        if (!hit || hit.generation !== options.accounts.generation) {
          const generation = options.accounts.generation;
          const user = await options.accounts.get(userId);
          hit = { generation, actor: await options.accounts.actor(userId), locale: user?.locale ?? null };
          cache.set(userId, hit);
        }
        actor = hit.actor;
        userLocale = hit.locale;
      }
    }
    c.set('actor', actor);
    c.set('sessionTokenHash', actor ? tokenHash : undefined);
    c.set('locale', isLocale(userLocale) ? userLocale : negotiateLocale(c.req.header('accept-language'), options.fallbackLocale));
    return next();
  };
};
