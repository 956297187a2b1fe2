import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { SwapRequest } from '../model.js';

export interface SwapReader {
  list(filter?: { state?: SwapRequest['state']; staffId?: number }): Promise<SwapRequest[]>;
  get(id: number): Promise<SwapRequest | undefined>;
  /** Mondays of weeks whose approved `keep` lets `staffId` stay on one kind of shift. */
  keptWeeks(staffId: number): Promise<Set<string>>;
}

export interface SwapStore extends SwapReader {
  add(request: Pick<SwapRequest, 'kind' | 'staffId' | 'otherStaffId' | 'date' | 'reason' | 'requestedBy' | 'requestedAt'>): Promise<SwapRequest>;
  decide(id: number, state: 'approved' | 'refused', by: number, at: string, note: string | null): Promise<SwapRequest>;
}

const COLUMNS = `id, kind, staff_id AS staffId, other_staff_id AS otherStaffId, date, reason, state, requested_by AS requestedBy,
  requested_at AS requestedAt, decided_by AS decidedBy, decided_at AS decidedAt, decision_note AS decisionNote`;

export function swapStore(tx: Transaction): SwapStore;
export function swapStore(q: Queryable): SwapReader;
export function swapStore(q: Queryable): SwapReader {
  return new DbSwapStore(q as Transaction);
}

class DbSwapStore implements SwapStore {
  constructor(private readonly tx: Transaction) {}

  list(filter: { state?: SwapRequest['state']; staffId?: number } = {}): Promise<SwapRequest[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.state) { where.push('state = ?'); params.push(filter.state); }
    if (filter.staffId) { where.push('(staff_id = ? OR other_staff_id = ?)'); params.push(filter.staffId, filter.staffId); }
    return this.tx.all<SwapRequest>(`SELECT ${COLUMNS} FROM staff_rules_swaps ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT 200`, params);
  }

  get(id: number): Promise<SwapRequest | undefined> {
    return this.tx.get<SwapRequest>(`SELECT ${COLUMNS} FROM staff_rules_swaps WHERE id = ?`, [id]);
  }

  async keptWeeks(staffId: number): Promise<Set<string>> {
    const rows = await this.tx.all<{ date: string }>("SELECT date FROM staff_rules_swaps WHERE kind = 'keep' AND state = 'approved' AND staff_id = ?", [staffId]);
    return new Set(rows.map((r) => r.date));
  }

  async add(r: Pick<SwapRequest, 'kind' | 'staffId' | 'otherStaffId' | 'date' | 'reason' | 'requestedBy' | 'requestedAt'>): Promise<SwapRequest> {
    const { lastId } = await this.tx.run(
      'INSERT INTO staff_rules_swaps (kind, staff_id, other_staff_id, date, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [r.kind, r.staffId, r.otherStaffId, r.date, r.reason, r.requestedBy, r.requestedAt],
    );
    return (await this.get(lastId))!;
  }

  async decide(id: number, state: 'approved' | 'refused', by: number, at: string, note: string | null): Promise<SwapRequest> {
    await this.tx.run('UPDATE staff_rules_swaps SET state = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?', [state, by, at, note, id]);
    return (await this.get(id))!;
  }
}
