import { beforeEach, expect, test } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

const MINUTE = 60_000;
let clock = 0;
let limiter: LoginLimiter;

/** `times` failures, `stepMs` apart; the clock stays at the last one. */
function fail(username: string, times: number, stepMs = 0): void {
  for (let i = 0; i < times; i++) {
    if (i > 0) clock += stepMs;
    limiter.recordFailure(username);
  }
}

beforeEach(() => {
  clock = 1_700_000_000_000;
  limiter = new LoginLimiter(undefined, () => clock);
});

test('four wrong passwords within a minute do not lock the account', () => {
  fail('kefu1', 4, 1000);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
});

test('the fifth wrong password within a minute locks the account for five minutes', () => {
  fail('kefu1', 5, 10_000);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
  clock += 2 * MINUTE;
  expect(limiter.retryAfterSeconds('kefu1')).toBe(180);
  // Rounded up, so a client told "1 s" never comes back too early.
  clock += 3 * MINUTE - 1;
  expect(limiter.retryAfterSeconds('kefu1')).toBe(1);
  clock += 1;
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
});

test('failures older than the one-minute window are forgotten', () => {
  fail('kefu1', 4);
  clock += MINUTE;
  limiter.recordFailure('kefu1');
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
  // The window slides: the one recent failure plus three more make only four within a minute.
  fail('kefu1', 3);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
  limiter.recordFailure('kefu1');
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
});

test('failures spread just inside the window still lock', () => {
  // The first at 0 s, the fifth at 59.996 s.
  fail('kefu1', 5, 14_999);
  expect(limiter.retryAfterSeconds('kefu1')).toBeGreaterThan(0);
});

test('after the lock expires the count starts afresh', () => {
  fail('kefu1', 5);
  clock += 5 * MINUTE;
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
  limiter.recordFailure('kefu1');
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
  fail('kefu1', 3);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
  limiter.recordFailure('kefu1');
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
});

test('a successful login clears the earlier failures', () => {
  fail('kefu1', 4);
  limiter.recordSuccess('kefu1');
  fail('kefu1', 4);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
  limiter.recordFailure('kefu1');
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
});

test('a lock on one account leaves the others alone', () => {
  fail('kefu1', 5);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
  expect(limiter.retryAfterSeconds('dianzhang')).toBe(0);
  fail('dianzhang', 4);
  expect(limiter.retryAfterSeconds('dianzhang')).toBe(0);
});

test('case and surrounding spaces do not give an attacker a fresh counter', () => {
  fail('KeFu1', 2);
  fail(' kefu1 ', 2);
  limiter.recordFailure('KEFU1');
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
  expect(limiter.retryAfterSeconds('Kefu1')).toBe(300);
});

test('limits and clock can be configured', () => {
  limiter = new LoginLimiter({ maxFailures: 2, windowMs: 1000, lockMs: 10_000 }, () => clock);
  limiter.recordFailure('a');
  clock += 1000;
  limiter.recordFailure('a');
  expect(limiter.retryAfterSeconds('a')).toBe(0);
  clock += 999;
  limiter.recordFailure('a');
  expect(limiter.retryAfterSeconds('a')).toBe(10);
  clock += 10_000;
  expect(limiter.retryAfterSeconds('a')).toBe(0);
});

test('attempts still being checked count, so parallel guesses cannot outrun the limit', () => {
  for (let i = 0; i < 5; i++) expect(limiter.begin('kefu1')).toBe(0);
  expect(limiter.begin('kefu1')).toBe(300);
  // The five in flight end wrong: the lock stands.
  for (let i = 0; i < 5; i++) limiter.end('kefu1', false);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
});

test('an attempt that ends right clears the count; one that ends wrong adds to it', () => {
  fail('kefu1', 3);
  expect(limiter.begin('kefu1')).toBe(0);
  limiter.end('kefu1', true);
  fail('kefu1', 3);
  expect(limiter.begin('kefu1')).toBe(0);
  limiter.end('kefu1', false);
  expect(limiter.retryAfterSeconds('kefu1')).toBe(0);
  limiter.recordFailure('kefu1');
  expect(limiter.retryAfterSeconds('kefu1')).toBe(300);
});
