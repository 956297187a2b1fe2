import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';

export const SESSION_COOKIE = 'wb_session';
/** Writing last-seen on every request would make every read a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Login sessions: a random 256-bit token in an HttpOnly cookie; only its hash is stored, so a
 * copy of the database cannot be used to log in. A session ends after `idleMinutes` unused.
 */
export class Sessions {
  constructor(
    private readonly db: Database,
    private readonly idleMinutes: number,
    private readonly now: () => string,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction((tx) =>
      tx.run('INSERT INTO core_sessions (token_hash, user_id, created_at, last_seen_ms) VALUES (?, ?, ?, ?)', [hashToken(token), userId, this.now(), this.clock()]),
    );
    return token;
  }

  /** The user of a live session, refreshing its idle timer; undefined when unknown or expired. */
  async resolve(tokenHash: string): Promise<number | undefined> {
    const row = await this.db.read((q) => q.get<{ user_id: number; last_seen_ms: number }>('SELECT user_id, last_seen_ms FROM core_sessions WHERE token_hash = ?', [tokenHash]));
    if (!row) return undefined;
    const now = this.clock();
    if (now - row.last_seen_ms > this.idleMinutes * 60_000) {
      await this.destroy(tokenHash);
      return undefined;
    }
    if (now - row.last_seen_ms > TOUCH_INTERVAL_MS) {
      await this.db.transaction((tx) => tx.run('UPDATE core_sessions SET last_seen_ms = ? WHERE token_hash = ?', [now, tokenHash]));
    }
    return row.user_id;
  }

  async destroy(tokenHash: string): Promise<void> {
    await this.db.transaction((tx) => tx.run('DELETE FROM core_sessions WHERE token_hash = ?', [tokenHash]));
  }
}
