import { randomBytes, scrypt as scryptCallback, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordHashes } from './hash-queue.js';

/** scrypt's cost parameters; they are stored with each hash, so a check reads them from there. */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

/**
 * scrypt with N=2^17, r=8, p=1: about 128 MiB of memory per hash, so `maxmem` is raised above
 * Node's 32 MiB default. The parameters are stored with each hash so they can be raised later.
 * Every start-up from main.ts hashes with these; only the plugin test kit passes a lower cost.
 */
export const STRONG_PASSWORD_COST: Readonly<PasswordCost> = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEM = 256 * 1024 * 1024;
export const MIN_PASSWORD_LENGTH = 10;

/** Every hash waits its turn in `passwordHashes`, so hashing never takes the whole thread pool. */
function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return passwordHashes.run(
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url). */
export async function hashPassword(password: string, cost: PasswordCost = STRONG_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = cost;
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEM });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A fixed hash with today's parameters, of a password nobody has. Fixed rather than made at the
 * first unknown name, so that login costs one hash like any other and not two.
 */
export const DUMMY_HASH = 'scrypt$131072$8$1$b10yFjag31i0aLBVE-QGEQ$bakdQvm41l1AP0llDJvQgz2UNceRNiZ5ESC62PA9dEs';
const dummies = new Map<string, string>();
/**
 * The stand-in hash for `cost`: DUMMY_HASH for the strong one; for a lower one (the plugin test
 * kit's) one made at first use, which at such a cost takes about a millisecond.
 */
export function dummyHash(cost: PasswordCost = STRONG_PASSWORD_COST): string {
  const { N, r, p } = cost;
  if (N === STRONG_PASSWORD_COST.N && r === STRONG_PASSWORD_COST.r && p === STRONG_PASSWORD_COST.p) return DUMMY_HASH;
  const id = `${N}$${r}$${p}`;
  let hash = dummies.get(id);
  if (!hash) {
    const salt = randomBytes(16);
    const key = scryptSync(randomBytes(16).toString('base64url'), salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEM });
    hash = ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
    dummies.set(id, hash);
  }
  return hash;
}

/**
 * Spends the same time as a real check of a hash made with `cost` (the workbench's), so a login
 * for an unknown user name cannot be told apart from a wrong password by how long it takes.
 */
export async function verifyAgainstDummy(password: string, cost: PasswordCost = STRONG_PASSWORD_COST): Promise<false> {
  await verifyPassword(password, dummyHash(cost));
  return false;
}
