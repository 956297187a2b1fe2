import { BusyError, TooManyRequestsError } from '../errors.js';
import { isLoopback } from '../http/source-address.js';
import { OWNER_ROLE } from './accounts.js';
import { HASH_RETRY_AFTER_SECONDS, passwordHashes, type HashQueue } from './hash-queue.js';
import type { LoginAttempts } from './login-attempts.js';
import type { LoginLimiter } from './login-limiter.js';

/** Who is trying, as far as the lock cares: the account of that name, if there is one. */
export interface LimitedUser {
  roles: string[];
  disabled: boolean;
}

/**
 * Checks a password under the limiter, per source address and user name together, so guessing
 * from one PC cannot lock the same name out at another. The attempt is counted before the hash is
 * computed, and a locked pair gets 429 without any check. The owner at the shop PC itself
 * (loopback) is never locked out. Every failure is kept for the owner to see. When the line of
 * password hashes is full, the attempt is refused with 503 before anything is hashed, and neither
 * counts nor is kept as a failure: the server was busy, the password was not wrong.
 */
export async function checkLimited(
  d: { limiter: LoginLimiter; attempts: LoginAttempts; hashes?: HashQueue },
  source: string,
  username: string,
  user: LimitedUser | undefined,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const exempt = isLoopback(source) && user !== undefined && !user.disabled && user.roles.includes(OWNER_ROLE);
  const key = `${source} ${username.trim()}`;
  const wait = exempt ? 0 : d.limiter.begin(key);
  if (wait > 0) {
    d.attempts.record({ source, username, outcome: 'refused' });
    throw new TooManyRequestsError(
      { 'zh-CN': `这台电脑上密码错误次数太多，请 ${wait} 秒后再试；忘记密码请找店长重设`, en: `Too many wrong passwords from this computer; try again in ${wait} s, or ask the owner to reset your password` },
      wait,
    );
  }
  if ((d.hashes ?? passwordHashes).full) {
    if (!exempt) d.limiter.cancel(key);
    throw new BusyError(
      {
        'zh-CN': `现在同时登录的人太多，服务器忙不过来，请 ${HASH_RETRY_AFTER_SECONDS} 秒后再试`,
        en: `Too many logins at once for the server to check; try again in ${HASH_RETRY_AFTER_SECONDS} s`,
      },
      HASH_RETRY_AFTER_SECONDS,
    );
  }
  let ok = false;
  try {
    ok = await check();
  } finally {
    if (!exempt) d.limiter.end(key, ok);
    if (!ok) d.attempts.record({ source, username, outcome: 'wrong' });
  }
  return ok;
}
