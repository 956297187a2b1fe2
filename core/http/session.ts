import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';
import { isLocale, negotiateLocale, type Locale } from '../i18n/localized-text.js';
import type { Accounts } from '../auth/accounts.js';
import { SESSION_COOKIE, hashToken, type Sessions } from '../auth/sessions.js';
import type { Actor } from '../plugins/context.js';
import type { WorkbenchEnv } from './request-context.js';

/** A header holding only the session cookie, as the workbench sets it (base64url). */
const ONLY_THE_SESSION = new RegExp(`^${SESSION_COOKIE}=([A-Za-z0-9_-]+)$`);

/**
 * The session token in a Cookie header, as Hono's cookie parser reads it. A browser that keeps
 * only the workbench's cookie for this host sends just that one, which is read without splitting
 * the header (test: core/http/session-cookie.test.ts).
 */
export function sessionTokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return ONLY_THE_SESSION.exec(header)?.[1] ?? parse(header, SESSION_COOKIE)[SESSION_COOKIE];
}

interface KnownActor {
  generation: number;
  actor: Actor | undefined;
  locale: string | null;
}

/**
 * Finds who is asking (from the session cookie) and in which language to answer: the person's own
 * choice, else the browser's Accept-Language, else the shop's configured language. Actors are
 * cached per account until any account or role changes. Answers a promise only when something
 * has to be read or written (a session not yet in memory, one to touch, an actor to load), so a
 * request of someone already known goes on without waiting.
 */
export const sessionLookup = (options: { sessions: Sessions; accounts: Accounts; fallbackLocale: Locale }): ((c: Context<WorkbenchEnv>) => Promise<void> | undefined) => {
  const cache = new Map<number, KnownActor>();
  const settle = (c: Context<WorkbenchEnv>, tokenHash: string | undefined, known: KnownActor | undefined) => {
    const actor = known?.actor;
    c.set('actor', actor);
    c.set('sessionTokenHash', actor ? tokenHash : undefined);
    const userLocale = known?.locale ?? null;
    c.set('locale', isLocale(userLocale) ? userLocale : negotiateLocale(c.req.header('accept-language'), options.fallbackLocale));
  };
  const load = async (userId: number): Promise<KnownActor> => {
    const generation = options.accounts.generation;
    const user = await options.accounts.get(userId);
    const hit = { generation, actor: await options.accounts.actor(userId), locale: user?.locale ?? null };
    cache.set(userId, hit);
    return hit;
  };
  const forUser = (c: Context<WorkbenchEnv>, tokenHash: string, userId: number): Promise<void> | undefined => {
    const hit = cache.get(userId);
    if (hit && hit.generation === options.accounts.generation) {
      settle(c, tokenHash, hit);
      return undefined;
    }
    return load(userId).then((loaded) => settle(c, tokenHash, loaded));
  };
  return function session(c) {
    const token = sessionTokenOf(c.req.header('cookie'));
    const tokenHash = token ? hashToken(token) : undefined;
    if (!tokenHash) {
      settle(c, undefined, undefined);
      return undefined;
    }
    const userId = options.sessions.knownUser(tokenHash);
    if (userId !== undefined) return forUser(c, tokenHash, userId);
    return options.sessions.resolve(tokenHash).then((resolved) => (resolved === undefined ? settle(c, tokenHash, undefined) : forUser(c, tokenHash, resolved)));
  };
};
