import { describe, expect, it } from 'vitest';
import { BusyError, TooManyRequestsError } from '../errors.js';
import { HashQueue } from './hash-queue.js';
import { checkLimited } from './limited-check.js';
import { LoginAttempts } from './login-attempts.js';
import { LoginLimiter } from './login-limiter.js';

const OWNER = { roles: ['owner'], disabled: false };
const STAFF = { roles: ['warehouse'], disabled: false };
const SHOP_PC = '127.0.0.1';
const OTHER_PC = '192.168.1.23';
const THIRD_PC = '192.168.1.40';

function parts() {
  let now = 0;
  return { limiter: new LoginLimiter(undefined, () => now), attempts: new LoginAttempts(() => '2026-12-07T09:00:00+08:00'), tick: (ms: number) => (now += ms) };
}
const wrong = () => Promise.resolve(false);
const right = () => Promise.resolve(true);

describe('the login lock, by source address and user together', () => {
  it('five wrong passwords from another PC lock that PC out of that name, not the shop PC nor a third PC', async () => {
    const d = parts();
    for (let i = 0; i < 5; i++) expect(await checkLimited(d, OTHER_PC, 'dianzhang', OWNER, wrong)).toBe(false);
    await expect(checkLimited(d, OTHER_PC, 'dianzhang', OWNER, right)).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(await checkLimited(d, SHOP_PC, 'dianzhang', OWNER, right)).toBe(true);
    expect(await checkLimited(d, THIRD_PC, 'dianzhang', OWNER, right)).toBe(true);
    // The lock ends after its five minutes.
    d.tick(5 * 60_000 + 1);
    expect(await checkLimited(d, OTHER_PC, 'dianzhang', OWNER, right)).toBe(true);
  });

  it('never locks the owner out at the shop PC; staff there are locked as anywhere', async () => {
    const d = parts();
    for (let i = 0; i < 20; i++) expect(await checkLimited(d, SHOP_PC, 'dianzhang', OWNER, wrong)).toBe(false);
    expect(await checkLimited(d, SHOP_PC, 'dianzhang', OWNER, right)).toBe(true);
    expect(await checkLimited(d, '::1', 'dianzhang', OWNER, right)).toBe(true);
    for (let i = 0; i < 5; i++) await checkLimited(d, SHOP_PC, 'cangku', STAFF, wrong);
    await expect(checkLimited(d, SHOP_PC, 'cangku', STAFF, right)).rejects.toBeInstanceOf(TooManyRequestsError);
    // A disabled owner account, or a name with no account, gets no exemption.
    for (let i = 0; i < 5; i++) await checkLimited(d, SHOP_PC, 'old-owner', { roles: ['owner'], disabled: true }, wrong);
    await expect(checkLimited(d, SHOP_PC, 'old-owner', { roles: ['owner'], disabled: true }, right)).rejects.toBeInstanceOf(TooManyRequestsError);
    for (let i = 0; i < 5; i++) await checkLimited(d, SHOP_PC, 'nobody', undefined, wrong);
    await expect(checkLimited(d, SHOP_PC, 'nobody', undefined, wrong)).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('keeps every failure for the owner, with where it came from, and never the password', async () => {
    const d = parts();
    for (let i = 0; i < 5; i++) await checkLimited(d, OTHER_PC, 'dianzhang', OWNER, wrong);
    await checkLimited(d, OTHER_PC, 'dianzhang', OWNER, right).catch(() => undefined);
    const seen = d.attempts.list();
    expect(seen[0]).toMatchObject({ source: OTHER_PC, username: 'dianzhang', outcome: 'refused' });
    expect(seen.filter((a) => a.outcome === 'wrong')).toHaveLength(5);
    expect(Object.keys(seen[0]!).sort()).toEqual(['at', 'outcome', 'source', 'username']);
  });
});

describe('when the line of password hashes is full', () => {
  it('refuses with 503 before checking, and neither counts it nor keeps it as a failure', async () => {
    const d = parts();
    const full = { ...d, hashes: new HashQueue(0, 0) };
    let checked = 0;
    const count = () => ((checked += 1), Promise.resolve(false));
    for (let i = 0; i < 10; i++) await expect(checkLimited(full, OTHER_PC, 'cangku', STAFF, count)).rejects.toBeInstanceOf(BusyError);
    expect(checked).toBe(0);
    expect(d.attempts.list()).toEqual([]);
    // Ten refusals later the pair is not locked: the right password still gets in.
    expect(await checkLimited(d, OTHER_PC, 'cangku', STAFF, right)).toBe(true);
  });

  it('still answers 429 first to a pair that is locked', async () => {
    const d = parts();
    for (let i = 0; i < 5; i++) await checkLimited(d, OTHER_PC, 'cangku', STAFF, wrong);
    await expect(checkLimited({ ...d, hashes: new HashQueue(0, 0) }, OTHER_PC, 'cangku', STAFF, right)).rejects.toBeInstanceOf(TooManyRequestsError);
  });
});
