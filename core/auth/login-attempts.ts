/** One refused login or password check, as the owner sees it; the password tried is never kept. */
export interface LoginAttempt {
  at: string;
  source: string;
  username: string;
  /** `wrong`: the password was checked and wrong; `refused`: not checked, the name was locked from that address. */
  outcome: 'wrong' | 'refused';
}

/**
 * The most recent failed logins, newest first, in memory: enough for the owner to see whether
 * someone is guessing and from which PC. A restart forgets them; the audit log keeps the logins.
 */
export class LoginAttempts {
  private readonly items: LoginAttempt[] = [];

  constructor(
    private readonly now: () => string,
    private readonly keep = 200,
  ) {}

  record(attempt: Omit<LoginAttempt, 'at'>): void {
    this.items.unshift({ at: this.now(), ...attempt });
    if (this.items.length > this.keep) this.items.length = this.keep;
  }

  list(): LoginAttempt[] {
    return [...this.items];
  }
}
