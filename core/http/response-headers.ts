import type { MiddlewareHandler } from 'hono';
import { SECURITY_HEADERS } from './security-headers.js';
import { noteSourceAddress } from './source-address.js';

/** `/api` and everything under it, as Hono's `/api/*` matches. */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api';
}

/**
 * `Cache-Control: no-store` on every `/api` reply, whatever the route set. Answers there belong to
 * one person's session and many carry customer details (receivers, phones, addresses, accounts);
 * none is worth keeping, since the UI asks again whenever something changes. Marking all of them
 * rather than the routes that declare customer data means a new route cannot forget.
 */
const NO_STORE = { 'cache-control': 'no-store' };
const JSON_TYPE = { 'content-type': 'application/json' };
const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);
const PREPARED = {
  api: { json: Object.freeze({ ...JSON_TYPE, ...SECURITY_HEADERS, ...NO_STORE }), empty: Object.freeze({ ...SECURITY_HEADERS, ...NO_STORE }) },
  other: { json: Object.freeze({ ...JSON_TYPE, ...SECURITY_HEADERS }), empty: Object.freeze({ ...SECURITY_HEADERS }) },
};

/** Answers built with every header already on them, which `responseHeaders` leaves alone. */
const complete = new WeakSet<Response>();

/**
 * A JSON answer (or an empty one, `text` null) with the security headers and, under `/api`,
 * no-store already set, as one plain object: Node then writes it without building a `Headers`.
 * The same headers `responseHeaders` would add, which it therefore skips.
 */
export function completeJsonResponse(text: string | null, status: number, api: boolean): Response {
  const headers = api ? PREPARED.api : PREPARED.other;
  const res = new Response(text, { status, headers: text === null ? headers.empty : headers.json });
  complete.add(res);
  return res;
}

/**
 * Security headers on every response and no-store under `/api`; also notes where each request
 * came from. The outermost middleware, so refusals and error answers get them too.
 */
export const responseHeaders = (): MiddlewareHandler =>
  async function responseHeaders(c, next) {
    noteSourceAddress(c);
    await next();
    const res = c.res;
    if (complete.has(res)) return;
    const headers = res.headers;
    for (const [name, value] of SECURITY_ENTRIES) headers.set(name, value);
    headers.delete('x-powered-by');
    if (isApiPath(c.req.path)) headers.set('cache-control', 'no-store');
  };
