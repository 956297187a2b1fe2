import fc from 'fast-check';
import { parse } from 'hono/utils/cookie';
import { expect, test } from 'vitest';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { sessionTokenOf } from './session.js';

const hono = (header: string | undefined) => (header ? parse(header, SESSION_COOKIE)[SESSION_COOKIE] : undefined);

test('the session token is read from the Cookie header as Hono’s cookie parser reads it', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9_-]{0,50}$/);
  const odd = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-', '%', '2', '0', 'E', '"', ' ', '\t', ';', '=', ',', '店', 'w', 'b', 's') , maxLength: 30 });
  const pair = fc.oneof(
    token.map((t) => `${SESSION_COOKIE}=${t}`),
    odd.map((v) => `${SESSION_COOKIE}=${v}`),
    fc.tuple(odd, odd).map(([n, v]) => `${n}=${v}`),
    odd,
  );
  const header = fc.oneof(
    fc.constant(undefined),
    pair,
    fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.join('; ')),
    fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.join(';')),
  );
  fc.assert(
    fc.property(header, (h) => sessionTokenOf(h) === hono(h)),
    { numRuns: 3000 },
  );
  for (const h of [undefined, '', 'wb_session=', 'wb_session=abc', ' wb_session=abc', 'wb_session="abc"', 'wb_session=a%20b', 'x=1; wb_session=abc', 'wb_session=abc; wb_session=def', 'wb_session=a b', 'wb_sessionx=abc']) {
    expect(sessionTokenOf(h), String(h)).toBe(hono(h));
  }
});
