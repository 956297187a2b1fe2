import { hash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';

export const SESSION_COOKIE = 'wb_session';
/** Writing last-seen on every request would make every read a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  // The one-shot hash: the same digest without a Hash object, on every logged-in request.
  return hash('sha256', token, 'hex');
}

/** A session as last read or written: whose it is, and the last use stored in the database. */
interface Known {
  userId: number;
  lastSeenMs: number;
}

/**
 * Login sessions: a random 256-bit token in an HttpOnly cookie; only its hash is stored, so a
 * copy of the database cannot be used to log in. A session ends after `idleMinutes` unused.
 *
 * Every request resolves its session, so sessions are kept in memory once read: this process is
 * the only one that writes `core_sessions`. Logout and expiry drop the one session here; an
 * account change (disabled, new password: those delete sessions in SQL) moves `accountsGeneration`,
 * which drops them all, to be read again.
 */
export class Sessions {
  private readonly known = new Map<string, Known>();
  private knownGeneration: number;
  /** Counts logouts and expiries, so a read that overlapped one does not keep what it read. */
  private ended = 0;

  constructor(
    private readonly db: Database,
    private readonly idleMinutes: number,
    private readonly now: () => string,
    private readonly clock: () => number = Date.now,
    private readonly accountsGeneration: () => number = () => 0,
  ) {
    this.knownGeneration = accountsGeneration();
  }

  async create(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction((tx) =>
      tx.run('INSERT INTO core_sessions (token_hash, user_id, created_at, last_seen_ms) VALUES (?, ?, ?, ?)', [hashToken(token), userId, this.now(), this.clock()]),
    );
    return token;
  }

  /** The user of a live session, refreshing its idle timer; undefined when unknown or expired. */
  async resolve(tokenHash: string): Promise<number | undefined> {
    const session = this.cached(tokenHash) ?? (await this.read(tokenHash));
    if (!session) return undefined;
    const now = this.clock();
    if (now - session.lastSeenMs > this.idleMinutes * 60_000) {
      await this.destroy(tokenHash);
      return undefined;
    }
    if (now - session.lastSeenMs > TOUCH_INTERVAL_MS) {
      await this.db.transaction((tx) => tx.run('UPDATE core_sessions SET last_seen_ms = ? WHERE token_hash = ?', [now, tokenHash]));
      session.lastSeenMs = now;
    }
    return session.userId;
  }

  /**
   * The user of a session kept in memory whose use now needs no write (within the idle limit and
   * within a minute of its stored last use), without a promise; undefined: ask `resolve`, which
   * reads, touches or ends it.
   */
  knownUser(tokenHash: string): number | undefined {
    const session = this.cached(tokenHash);
    if (!session) return undefined;
    const idle = this.clock() - session.lastSeenMs;
    if (idle > TOUCH_INTERVAL_MS || idle > this.idleMinutes * 60_000) return undefined;
    return session.userId;
  }

  async destroy(tokenHash: string): Promise<void> {
    this.known.delete(tokenHash);
    this.ended++;
    await this.db.transaction((tx) => tx.run('DELETE FROM core_sessions WHERE token_hash = ?', [tokenHash]));
  }

  private cached(tokenHash: string): Known | undefined {
    const generation = this.accountsGeneration();
    if (generation !== this.knownGeneration) {
      this.known.clear();
      this.knownGeneration = generation;
    }
    return this.known.get(tokenHash);
  }

  private async read(tokenHash: string): Promise<Known | undefined> {
    const generation = this.knownGeneration;
    const ended = this.ended;
    const row = await this.db.read((q) => q.get<{ user_id: number; last_seen_ms: number }>('SELECT user_id, last_seen_ms FROM core_sessions WHERE token_hash = ?', [tokenHash]));
    if (!row) return undefined;
    const session = { userId: row.user_id, lastSeenMs: row.last_seen_ms };
    // Kept only if no account changed and no session ended while it was read (either may have deleted it).
    if (generation === this.accountsGeneration() && ended === this.ended) this.known.set(tokenHash, session);
    return session;
  }
}
