import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { Department } from '../model.js';
import type { RoutineEntry, RoutineKind } from './routine-skeletons.js';

export interface Routine {
  kind: RoutineKind;
  department: Department;
  period: string;
  entries: RoutineEntry[];
  /** Null while nothing was saved: the entries are the skeleton. */
  updatedBy: number | null;
  updatedAt: string | null;
}

export interface RoutineReader {
  get(kind: RoutineKind, department: Department, period: string): Promise<Routine | undefined>;
}

export interface RoutineStore extends RoutineReader {
  save(routine: Routine & { updatedBy: number; updatedAt: string }): Promise<Routine>;
}

export function routineStore(tx: Transaction): RoutineStore;
export function routineStore(q: Queryable): RoutineReader;
export function routineStore(q: Queryable): RoutineReader {
  return new DbRoutineStore(q as Transaction);
}

class DbRoutineStore implements RoutineStore {
  constructor(private readonly tx: Transaction) {}

  async get(kind: RoutineKind, department: Department, period: string): Promise<Routine | undefined> {
    const row = await this.tx.get<{ entries: string; updatedBy: number; updatedAt: string }>(
      'SELECT entries, updated_by AS updatedBy, updated_at AS updatedAt FROM staff_rules_routines WHERE kind = ? AND department = ? AND period = ?',
      [kind, department, period],
    );
    return row && { kind, department, period, entries: JSON.parse(row.entries) as RoutineEntry[], updatedBy: row.updatedBy, updatedAt: row.updatedAt };
  }

  async save(r: Routine & { updatedBy: number; updatedAt: string }): Promise<Routine> {
    await this.tx.run(
      `INSERT INTO staff_rules_routines (kind, department, period, entries, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, department, period) DO UPDATE SET entries = excluded.entries, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [r.kind, r.department, r.period, JSON.stringify(r.entries), r.updatedBy, r.updatedAt],
    );
    return (await this.get(r.kind, r.department, r.period))!;
  }
}
