/**
 * Counts failed logins per account name: after `maxFailures` within `windowMs`, the account is
 * locked for `lockMs`, even for the right password, so guessing stays slow. An attempt counts from
 * `begin`, before its password is hashed, so guesses sent in parallel cannot all be tried while
 * the first ones are still being checked.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly options: { maxFailures: number; windowMs: number; lockMs: number } = { maxFailures: 5, windowMs: 60_000, lockMs: 5 * 60_000 },
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds until the account may try again; 0 when it may try now. */
  retryAfterSeconds(username: string): number {
    const until = this.lockedUntil.get(key(username)) ?? 0;
    const left = until - this.clock();
    if (left <= 0) {
      this.lockedUntil.delete(key(username));
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  /**
   * Reserves one attempt before the password is checked. 0: go ahead, then call `end` with the
   * outcome; otherwise the seconds to wait, and nothing is to be checked.
   */
  begin(username: string): number {
    const wait = this.retryAfterSeconds(username);
    if (wait > 0) return wait;
    const k = key(username);
    const now = this.clock();
    const recent = (this.failures.get(k) ?? []).filter((t) => now - t < this.options.windowMs);
    const pending = this.inFlight.get(k) ?? 0;
    if (recent.length + pending >= this.options.maxFailures) {
      this.lockedUntil.set(k, now + this.options.lockMs);
      return this.retryAfterSeconds(username);
    }
    this.inFlight.set(k, pending + 1);
    return 0;
  }

  /** Gives back an attempt `begin` let through that was never checked (the server was too busy to hash it). */
  cancel(username: string): void {
    const k = key(username);
    const pending = (this.inFlight.get(k) ?? 1) - 1;
    if (pending > 0) this.inFlight.set(k, pending);
    else this.inFlight.delete(k);
  }

  /** The outcome of an attempt `begin` let through. */
  end(username: string, ok: boolean): void {
    this.cancel(username);
    if (ok) this.recordSuccess(username);
    else this.recordFailure(username);
  }

  recordFailure(username: string): void {
    const k = key(username);
    const now = this.clock();
    const recent = (this.failures.get(k) ?? []).filter((t) => now - t < this.options.windowMs);
    recent.push(now);
    this.failures.set(k, recent);
    if (recent.length >= this.options.maxFailures) {
      this.lockedUntil.set(k, now + this.options.lockMs);
      this.failures.delete(k);
    }
  }

  recordSuccess(username: string): void {
    this.failures.delete(key(username));
  }
}

function key(username: string): string {
  return username.trim().toLowerCase();
}
