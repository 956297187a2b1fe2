/**
 * Runs password hashes a few at a time. Each scrypt hash holds one of libuv's pool threads (and
 * ~128 MiB) for a few hundred milliseconds, and SQLite and file access queue for the same threads:
 * unbounded, a burst of logins would stall every database read behind it. So at most
 * `concurrency` hashes run at once and at most `maxWaiting` wait; `full` tells a caller to refuse
 * a new login before it joins the line.
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  /** True when a new hash would have to wait behind `maxWaiting` others. */
  get full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.maxWaiting;
  }

  /** Runs `work` when a slot is free. Never refuses: hashes for setup or a new account always run. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` never dips in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** At most two hashes at once: the pool's other threads (8 at start, see scripts/build.mjs) stay free for SQLite and files. */
export const HASH_CONCURRENCY = 2;
/** Logins beyond this many waiting are refused at once (503 with Retry-After) instead of queueing for seconds. */
export const HASH_QUEUE_LENGTH = 8;
/** Seconds a refused login is told to wait: about what the line ahead takes to clear. */
export const HASH_RETRY_AFTER_SECONDS = 3;

/** The one queue every password hash of this process goes through. */
export const passwordHashes = new HashQueue(HASH_CONCURRENCY, HASH_QUEUE_LENGTH);
