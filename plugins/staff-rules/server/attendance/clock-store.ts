import { ConflictError, NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { ClockRow } from './classify-day.js';

/** One clock as the API sends it: the time, where it came from, and any correction beside it. */
export interface ClockRecord {
  id: number;
  staffId: number;
  at: string;
  source: 'button' | 'import' | 'supervisor';
  createdAt: string;
  originalAt: string | null;
  correctedAt: string | null;
  correctedBy: number | null;
  correctionReason: string | null;
  version: number;
}

export interface ClockReader {
  require(id: number): Promise<ClockRecord>;
  /** The clocks of the people (all when `staffIds` is null) from `from` up to `to` (instants, shop time). */
  between(staffIds: number[] | null, from: string, to: string): Promise<ClockRecord[]>;
  /** The same, in the shape the classification reads. */
  rowsBetween(staffIds: number[] | null, from: string, to: string): Promise<ClockRow[]>;
  last(staffId: number): Promise<ClockRecord | undefined>;
}

export interface ClockStore extends ClockReader {
  /** A clock; one a supervisor adds for a person who forgot carries the reason, as a correction does. */
  add(row: { staffId: number; at: string; source: ClockRecord['source']; reason?: string }, by: number | null, now: string): Promise<ClockRecord>;
  /** Adds the rows a time clock's file holds, skipping those already there; answers how many were new. */
  addMany(rows: { staffId: number; at: string }[], by: number | null, now: string): Promise<number>;
  correct(id: number, change: { at: string; reason: string; version: number }, by: number, now: string): Promise<ClockRecord>;
}

const COLUMNS = `id, staff_id AS staffId, at, source, created_at AS createdAt, original_at AS originalAt,
  corrected_at AS correctedAt, corrected_by AS correctedBy, correction_reason AS correctionReason, version`;

export function clockStore(tx: Transaction): ClockStore;
export function clockStore(q: Queryable): ClockReader;
export function clockStore(q: Queryable): ClockReader {
  return new DbClockStore(q as Transaction);
}

export function asClockRow(r: ClockRecord): ClockRow {
  return {
    id: r.id,
    staffId: r.staffId,
    at: r.at,
    correction: r.correctedAt !== null ? { clockRowId: r.id, originalAt: r.originalAt, at: r.at, reason: r.correctionReason ?? '', by: r.correctedBy, correctedAt: r.correctedAt } : null,
  };
}

class DbClockStore implements ClockStore {
  constructor(private readonly tx: Transaction) {}

  async require(id: number): Promise<ClockRecord> {
    const row = await this.tx.get<ClockRecord>(`SELECT ${COLUMNS} FROM staff_rules_clock_rows WHERE id = ?`, [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到打卡记录 #${id}`, en: `Clock record #${id} was not found` });
    return row;
  }

  between(staffIds: number[] | null, from: string, to: string): Promise<ClockRecord[]> {
    const who = staffIds ? `AND staff_id IN (${staffIds.map(() => '?').join(', ') || 'NULL'})` : '';
    return this.tx.all<ClockRecord>(`SELECT ${COLUMNS} FROM staff_rules_clock_rows WHERE at >= ? AND at < ? ${who} ORDER BY staff_id, at`, [from, to, ...(staffIds ?? [])]);
  }

  async rowsBetween(staffIds: number[] | null, from: string, to: string): Promise<ClockRow[]> {
    return (await this.between(staffIds, from, to)).map(asClockRow);
  }

  last(staffId: number): Promise<ClockRecord | undefined> {
    return this.tx.get<ClockRecord>(`SELECT ${COLUMNS} FROM staff_rules_clock_rows WHERE staff_id = ? ORDER BY at DESC LIMIT 1`, [staffId]);
  }

  async add(row: { staffId: number; at: string; source: ClockRecord['source']; reason?: string }, by: number | null, now: string): Promise<ClockRecord> {
    const same = await this.tx.get<{ id: number }>('SELECT id FROM staff_rules_clock_rows WHERE staff_id = ? AND at = ?', [row.staffId, row.at]);
    if (same) throw new ConflictError({ 'zh-CN': '这个时间已经打过卡了', en: 'There is already a clock at this time' });
    const byHand = row.source === 'supervisor';
    const { lastId } = await this.tx.run(
      'INSERT INTO staff_rules_clock_rows (staff_id, at, source, created_at, created_by, corrected_at, corrected_by, correction_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [row.staffId, row.at, row.source, now, by, byHand ? now : null, byHand ? by : null, byHand ? (row.reason ?? '') : null],
    );
    return this.require(lastId);
  }

  async addMany(rows: { staffId: number; at: string }[], by: number | null, now: string): Promise<number> {
    let added = 0;
    for (const row of rows) {
      const { changes } = await this.tx.run("INSERT OR IGNORE INTO staff_rules_clock_rows (staff_id, at, source, created_at, created_by) VALUES (?, ?, 'import', ?, ?)", [row.staffId, row.at, now, by]);
      added += changes;
    }
    return added;
  }

  async correct(id: number, change: { at: string; reason: string; version: number }, by: number, now: string): Promise<ClockRecord> {
    const before = await this.require(id);
    const same = await this.tx.get<{ id: number }>('SELECT id FROM staff_rules_clock_rows WHERE staff_id = ? AND at = ? AND id <> ?', [before.staffId, change.at, id]);
    if (same) throw new ConflictError({ 'zh-CN': '这个人在这个时间已经有一条打卡记录了', en: 'This person already has a clock at that time' });
    // The first time replaced is the one kept: a second correction still shows what the clock said.
    await this.tx.updateVersioned('staff_rules_clock_rows', { id, version: change.version }, {
      at: change.at,
      original_at: before.correctedAt ? before.originalAt : before.at,
      corrected_at: now,
      corrected_by: by,
      correction_reason: change.reason,
    });
    return this.require(id);
  }
}
