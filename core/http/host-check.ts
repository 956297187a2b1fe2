import type { Context } from 'hono';
import { negotiateLocale, type Locale } from '../i18n/localized-text.js';
import { problem, problemResponse } from './problem.js';

const ALWAYS = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header, lower-cased, without its port (`[::1]:7410` → `[::1]`). */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? '';
}

/**
 * Refuses requests whose Host header names a host the shop did not allow. A web page on another
 * site can point its own domain name at 127.0.0.1 (DNS rebinding) and would otherwise be able to
 * talk to the workbench; with this check its requests carry the wrong Host and are refused.
 */
export const hostCheck = (options: { allowedHosts: string[]; fallbackLocale: Locale }): ((c: Context) => Response | undefined) => {
  const allowed = new Set([...ALWAYS, ...options.allowedHosts.map((h) => hostName(h))]);
  /** The refusal, or undefined when the host is allowed. */
  return function hostCheck(c) {
    const header = c.req.header('host');
    if (header && allowed.has(hostName(header))) return undefined;
    const locale = negotiateLocale(c.req.header('accept-language'), options.fallbackLocale);
    return problemResponse(
      problem(
        403,
        {
          'zh-CN': `不允许通过“${header ?? ''}”访问工作台。若要在店里的局域网使用，请把这个名字加到 config.yaml 的 server.allowedHosts`,
          en: `The workbench may not be reached as "${header ?? ''}". To use it on the shop's LAN, add this name to server.allowedHosts in config.yaml`,
        },
        locale,
      ),
    );
  };
};
