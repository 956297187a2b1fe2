import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one-time setup link. While no account exists, start-up makes a random token and prints a
 * link with it; only someone who can read the console (the person at the shop PC) can create the
 * owner account. There is never a default password.
 */
export class SetupGate {
  private token: string | undefined;

  /** Makes a fresh token; called at start-up when there are no accounts. */
  open(): string {
    this.token = randomBytes(24).toString('base64url');
    return this.token;
  }

  close(): void {
    this.token = undefined;
  }

  get isOpen(): boolean {
    return this.token !== undefined;
  }

  matches(candidate: string): boolean {
    if (!this.token) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
