import { serialize } from 'hono/utils/cookie';
import { SESSION_COOKIE } from '../auth/sessions.js';

/**
 * A JSON response that also sets (or, with `token: null`, clears) the session cookie. `secure`
 * when the workbench serves HTTPS: the browser then never sends the cookie over plain HTTP.
 */
export function jsonWithSession(data: unknown, token: string | null, status = 200, secure = false): Response {
  const cookie = serialize(SESSION_COOKIE, token ?? '', {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    ...(secure ? { secure: true } : {}),
    ...(token === null ? { maxAge: 0 } : {}),
  });
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'set-cookie': cookie, 'cache-control': 'no-store' },
  });
}
