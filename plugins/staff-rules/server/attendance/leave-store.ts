import { ConflictError, NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { ApprovedLeave } from './classify-day.js';

export type LeaveKind = 'personal' | 'sick' | 'special';
export type LeaveState = 'pending' | 'approved' | 'refused';

/** A leave request as the API sends it. */
export interface LeaveRecord {
  id: number;
  staffId: number;
  kind: LeaveKind;
  from: string;
  to: string;
  reason: string;
  state: LeaveState;
  withoutNeed: boolean;
  decisionNote: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  requestedBy: number;
  requestedAt: string;
  version: number;
}

export interface LeaveQuery {
  /** Requests touching the days `from`–`to`. */
  from?: string;
  to?: string;
  staffId?: number;
  state?: LeaveState;
}

export interface LeaveReader {
  require(id: number): Promise<LeaveRecord>;
  list(query: LeaveQuery): Promise<LeaveRecord[]>;
  /** Approved leave of the people (all when null) touching `from`–`to`, as the classification reads it. */
  approved(staffIds: number[] | null, from: string, to: string): Promise<ApprovedLeave[]>;
}

export interface LeaveStore extends LeaveReader {
  request(input: { staffId: number; kind: LeaveKind; from: string; to: string; reason: string }, by: number, now: string): Promise<LeaveRecord>;
  decide(id: number, decision: { approve: boolean; note: string; withoutNeed: boolean; version: number }, by: number, now: string): Promise<LeaveRecord>;
}

const COLUMNS = `id, staff_id AS staffId, kind, from_date AS "from", to_date AS "to", reason, state, without_need AS withoutNeed,
  decision_note AS decisionNote, decided_by AS decidedBy, decided_at AS decidedAt, requested_by AS requestedBy, requested_at AS requestedAt, version`;

type LeaveRow = Omit<LeaveRecord, 'withoutNeed'> & { withoutNeed: number };
const record = (r: LeaveRow): LeaveRecord => ({ ...r, withoutNeed: r.withoutNeed === 1 });

export function leaveStore(tx: Transaction): LeaveStore;
export function leaveStore(q: Queryable): LeaveReader;
export function leaveStore(q: Queryable): LeaveReader {
  return new DbLeaveStore(q as Transaction);
}

class DbLeaveStore implements LeaveStore {
  constructor(private readonly tx: Transaction) {}

  async require(id: number): Promise<LeaveRecord> {
    const row = await this.tx.get<LeaveRow>(`SELECT ${COLUMNS} FROM staff_rules_leave WHERE id = ?`, [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到请假单 #${id}`, en: `Leave request #${id} was not found` });
    return record(row);
  }

  async list(query: LeaveQuery): Promise<LeaveRecord[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const filter = (clause: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params.push(value);
    };
    filter('from_date <= ?', query.to);
    filter('to_date >= ?', query.from);
    filter('staff_id = ?', query.staffId);
    filter('state = ?', query.state);
    const rows = await this.tx.all<LeaveRow>(`SELECT ${COLUMNS} FROM staff_rules_leave ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY from_date, id`, params);
    return rows.map(record);
  }

  async approved(staffIds: number[] | null, from: string, to: string): Promise<ApprovedLeave[]> {
    const who = staffIds ? `AND staff_id IN (${staffIds.map(() => '?').join(', ') || 'NULL'})` : '';
    const rows = await this.tx.all<Omit<ApprovedLeave, 'withoutNeed'> & { withoutNeed: number }>(
      `SELECT id, staff_id AS staffId, kind, from_date AS "from", to_date AS "to", without_need AS withoutNeed FROM staff_rules_leave
       WHERE state = 'approved' AND from_date <= ? AND to_date >= ? ${who} ORDER BY from_date`,
      [to, from, ...(staffIds ?? [])],
    );
    return rows.map((r) => ({ ...r, withoutNeed: r.withoutNeed === 1 }));
  }

  async request(input: { staffId: number; kind: LeaveKind; from: string; to: string; reason: string }, by: number, now: string): Promise<LeaveRecord> {
    const overlapping = await this.tx.get<{ id: number; from: string; to: string }>(
      `SELECT id, from_date AS "from", to_date AS "to" FROM staff_rules_leave WHERE staff_id = ? AND state <> 'refused' AND from_date <= ? AND to_date >= ?`,
      [input.staffId, input.to, input.from],
    );
    if (overlapping) {
      throw new ConflictError({
        'zh-CN': `这几天已经有请假单 #${overlapping.id}（${overlapping.from} 至 ${overlapping.to}），请改那一张或换日期`,
        en: `Leave request #${overlapping.id} (${overlapping.from} to ${overlapping.to}) already covers these days; change it or pick other days`,
      });
    }
    const { lastId } = await this.tx.run(
      'INSERT INTO staff_rules_leave (staff_id, kind, from_date, to_date, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [input.staffId, input.kind, input.from, input.to, input.reason, by, now],
    );
    return this.require(lastId);
  }

  async decide(id: number, decision: { approve: boolean; note: string; withoutNeed: boolean; version: number }, by: number, now: string): Promise<LeaveRecord> {
    const leave = await this.require(id);
    if (leave.state !== 'pending') {
      throw new ConflictError({ 'zh-CN': `请假单 #${id} 已经${leave.state === 'approved' ? '批准' : '驳回'}了`, en: `Leave request #${id} was already ${leave.state}` });
    }
    await this.tx.updateVersioned('staff_rules_leave', { id, version: decision.version }, {
      state: decision.approve ? 'approved' : 'refused',
      without_need: decision.approve && decision.withoutNeed ? 1 : 0,
      decision_note: decision.note,
      decided_by: by,
      decided_at: now,
    });
    return this.require(id);
  }
}
