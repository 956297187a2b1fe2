import type { Database } from '../db/database.js';
import type { SqlValue } from '../db/sqlite.js';

export interface AuditEntry {
  actorId?: number;
  actorName?: string;
  /** `core` or a plugin id. */
  plugin: string;
  action: string;
  target?: string;
  outcome: 'ok' | 'error';
  status?: number;
  detail?: string;
}

export interface AuditRecord extends Required<Pick<AuditEntry, 'plugin' | 'action' | 'outcome'>> {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  /** The person's display name now (their user name at the time when the account is gone). */
  actorDisplayName?: string | null;
  target: string | null;
  status: number | null;
  detail: string | null;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  plugin?: string;
  actorId?: number;
  outcome?: 'ok' | 'error';
  /** Text anywhere in the action, target, person, plugin or detail (case aside); not a pattern. */
  q?: string;
}

/** Who did what, when, and how it ended: one row per mutation, never updated. */
export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly now: () => string,
  ) {}

  record(entry: AuditEntry): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO core_audit (at, actor_id, actor_name, plugin, action, target, outcome, status, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [this.now(), entry.actorId ?? null, entry.actorName ?? null, entry.plugin, entry.action, entry.target ?? null, entry.outcome, entry.status ?? null, entry.detail ?? null],
      );
    });
  }

  /** Newest first. */
  async page(query: AuditQuery): Promise<{ items: AuditRecord[]; total: number; page: number; pageSize: number }> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (query.plugin) {
      where.push('plugin = ?');
      params.push(query.plugin);
    }
    if (query.actorId) {
      where.push('actor_id = ?');
      params.push(query.actorId);
    }
    if (query.outcome) {
      where.push('outcome = ?');
      params.push(query.outcome);
    }
    const text = query.q?.trim().toLowerCase();
    if (text) {
      // instr, not LIKE: a % or _ the reader types is looked for as written.
      where.push(`instr(lower(action || ' ' || plugin || ' ' || coalesce(target, '') || ' ' || coalesce(actor_name, '') || ' ' || coalesce(detail, '')), ?) > 0`);
      params.push(text);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return this.db.read(async (q) => {
      const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM core_audit ${clause}`, params))?.n ?? 0;
      const items = await q.all<AuditRecord>(
        `SELECT a.id, a.at, a.actor_id AS actorId, a.actor_name AS actorName, coalesce(u.display_name, a.actor_name) AS actorDisplayName,
                a.plugin, a.action, a.target, a.outcome, a.status, a.detail
         FROM (SELECT * FROM core_audit ${clause} ORDER BY id DESC LIMIT ? OFFSET ?) a LEFT JOIN core_users u ON u.id = a.actor_id ORDER BY a.id DESC`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      );
      return { items, total, page: query.page, pageSize: query.pageSize };
    });
  }
}
