import type { MiddlewareHandler } from 'hono';

/**
 * `Cache-Control: no-store` on every `/api` reply, whatever the route set. Answers there belong to
 * one person's session and many carry customer details (receivers, phones, addresses, accounts);
 * none is worth keeping, since the UI asks again whenever something changes. Marking all of them
 * rather than the routes that declare customer data means a new route cannot forget.
 */
export const noStore = (): MiddlewareHandler => async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
};
