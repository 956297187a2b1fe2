import { beforeAll, expect, test } from 'vitest';
import { DUMMY_HASH, dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyAgainstDummy, verifyPassword } from './passwords.js';

const PASSWORD = 'correct-horse-42';
/** The test kit's cost: the parameters are read from each stored hash, so the checks below are the same at any cost. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
let strong: string;
let stored: string;

// A strong hash costs ~0.3 s (several on a busy machine) and 128 MiB: only the tests of the strong
// parameters themselves use one.
beforeAll(async () => {
  [strong, stored] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD, CHEAP)]);
});

test('a hash is scrypt N=2^17 r=8 p=1 with a 16-byte salt and a 32-byte key, hides the password, and verifies', async () => {
  const parts = strong.split('$');
  expect(parts.slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
  expect(parts).toHaveLength(6);
  expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
  expect(Buffer.from(parts[5]!, 'base64url')).toHaveLength(32);
  expect(strong).not.toContain(PASSWORD);
  expect(await verifyPassword(PASSWORD, strong)).toBe(true);
});

test('a hash at another cost keeps its parameters, salt and key lengths', () => {
  const parts = stored.split('$');
  expect(parts.slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
  expect(Buffer.from(parts[4]!, 'base64url')).toHaveLength(16);
  expect(Buffer.from(parts[5]!, 'base64url')).toHaveLength(32);
  expect(stored).not.toContain(PASSWORD);
});

test('the right password verifies, a wrong one does not', async () => {
  expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  expect(await verifyPassword('correct-horse-43', stored)).toBe(false);
  expect(await verifyPassword('Correct-horse-42', stored)).toBe(false);
  expect(await verifyPassword('', stored)).toBe(false);
});

test('the same password hashed twice gets a different salt and key', async () => {
  const again = await hashPassword(PASSWORD, CHEAP);
  expect(again).not.toBe(stored);
  expect(again.split('$')[4]).not.toBe(stored.split('$')[4]);
  expect(await verifyPassword(PASSWORD, again)).toBe(true);
});

test('passwords are compared after NFKC, so full-width input from a Chinese IME matches', async () => {
  // What a Chinese input method in full-width mode types for "correct-horse-42".
  const fullWidth = 'ｃｏｒｒｅｃｔ－ｈｏｒｓｅ－４２';
  expect(fullWidth).not.toBe(PASSWORD);
  expect(fullWidth.normalize('NFKC')).toBe(PASSWORD);
  expect(await verifyPassword(fullWidth, stored)).toBe(true);

  // Composed and decomposed accents are the same password as well.
  const composed = 'caf\u00e9-latte-99';
  const decomposed = 'cafe\u0301-latte-99';
  const hash = await hashPassword(decomposed, CHEAP);
  expect(await verifyPassword(composed, hash)).toBe(true);
  expect(await verifyPassword('cafe-latte-99', hash)).toBe(false);
});

test('a stored value that is not a scrypt hash never verifies', async () => {
  const [, n, r, p, salt, key] = stored.split('$');
  expect(await verifyPassword(PASSWORD, '')).toBe(false);
  expect(await verifyPassword(PASSWORD, PASSWORD)).toBe(false);
  expect(await verifyPassword(PASSWORD, ['bcrypt', n, r, p, salt, key].join('$'))).toBe(false);
  expect(await verifyPassword(PASSWORD, ['scrypt', n, r, p, salt].join('$'))).toBe(false);
  expect(await verifyPassword(PASSWORD, ['scrypt', n, r, p, salt, ''].join('$'))).toBe(false);
});

test('a tampered key or salt does not verify', async () => {
  const parts = stored.split('$');
  const key = Buffer.from(parts[5]!, 'base64url');
  key[0] = key[0]! ^ 1;
  expect(await verifyPassword(PASSWORD, [...parts.slice(0, 5), key.toString('base64url')].join('$'))).toBe(false);
  const salt = Buffer.from(parts[4]!, 'base64url');
  salt[0] = salt[0]! ^ 1;
  expect(await verifyPassword(PASSWORD, [...parts.slice(0, 4), salt.toString('base64url'), parts[5]].join('$'))).toBe(false);
});

test('the fixed stand-in hash for unknown names has the parameters of a new hash, so it costs the same', () => {
  expect(DUMMY_HASH.split('$').slice(0, 4)).toEqual(strong.split('$').slice(0, 4));
  expect(Buffer.from(DUMMY_HASH.split('$')[5]!, 'base64url')).toHaveLength(32);
});

test('the dummy check used for unknown accounts always refuses', async () => {
  expect(await verifyAgainstDummy('not-a-real-password')).toBe(false);
  expect(await verifyAgainstDummy(PASSWORD)).toBe(false);
});

test("with a lower cost (the test kit's) the dummy check costs what a check of such a hash costs", async () => {
  const cheap = CHEAP;
  expect(dummyHash()).toBe(DUMMY_HASH);
  const hash = dummyHash(cheap);
  expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
  expect(Buffer.from(hash.split('$')[5]!, 'base64url')).toHaveLength(32);
  expect(dummyHash(cheap)).toBe(hash);
  expect(await verifyAgainstDummy(PASSWORD, cheap)).toBe(false);
});

test('the minimum password length is 10', () => {
  expect(MIN_PASSWORD_LENGTH).toBe(10);
});
