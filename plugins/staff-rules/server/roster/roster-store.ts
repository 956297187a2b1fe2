import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { RosterEntry, ShiftTemplate } from '../model.js';
import { addDays, shiftInstants } from './shift-times.js';

/** What may be read of shift templates and the roster, in any read or transaction. */
export interface RosterReader {
  templates(): Promise<ShiftTemplate[]>;
  template(id: number): Promise<ShiftTemplate | undefined>;
  /** The shift person `staffId` is planned to work starting on `date`, or undefined for a day off. */
  plannedShift(staffId: number, date: string): Promise<RosterEntry | undefined>;
  /** Every planned shift starting from `from` to `to` (both included), by day then person. */
  between(from: string, to: string, staffId?: number): Promise<RosterEntry[]>;
  /** Shifts running at `instant`: those starting that day or, across midnight, the day before. */
  runningAt(instant: string): Promise<RosterEntry[]>;
}

export interface RosterStore extends RosterReader {
  addTemplate(template: Omit<ShiftTemplate, 'id'>): Promise<ShiftTemplate>;
  /** Plans `templateId` for the person on the day, replacing what was planned. */
  assign(staffId: number, date: string, templateId: number, by: number | null, at: string): Promise<RosterEntry>;
  /** Makes the day a day off; true when a shift was planned. */
  clear(staffId: number, date: string): Promise<boolean>;
}

interface RosterRow {
  staffId: number;
  date: string;
  templateId: number;
  templateName: string;
  kind: ShiftTemplate['kind'];
  start: string;
  end: string;
}

const TEMPLATE_COLUMNS = 'id, name, start, end, break_minutes AS breakMinutes, kind';
const ROSTER_SELECT = `SELECT r.staff_id AS staffId, r.date, r.template_id AS templateId, t.name AS templateName, t.kind, t.start, t.end
  FROM staff_rules_roster r JOIN staff_rules_shift_templates t ON t.id = r.template_id`;

function entry(row: RosterRow): RosterEntry {
  const { start, end, ...rest } = row;
  return { ...rest, ...shiftInstants(row.date, start, end) };
}

export function rosterStore(tx: Transaction): RosterStore;
export function rosterStore(q: Queryable): RosterReader;
export function rosterStore(q: Queryable): RosterReader {
  return new DbRosterStore(q as Transaction);
}

class DbRosterStore implements RosterStore {
  constructor(private readonly tx: Transaction) {}

  templates(): Promise<ShiftTemplate[]> {
    return this.tx.all<ShiftTemplate>(`SELECT ${TEMPLATE_COLUMNS} FROM staff_rules_shift_templates ORDER BY kind, start, id`);
  }

  template(id: number): Promise<ShiftTemplate | undefined> {
    return this.tx.get<ShiftTemplate>(`SELECT ${TEMPLATE_COLUMNS} FROM staff_rules_shift_templates WHERE id = ?`, [id]);
  }

  async plannedShift(staffId: number, date: string): Promise<RosterEntry | undefined> {
    const row = await this.tx.get<RosterRow>(`${ROSTER_SELECT} WHERE r.staff_id = ? AND r.date = ?`, [staffId, date]);
    return row && entry(row);
  }

  async between(from: string, to: string, staffId?: number): Promise<RosterEntry[]> {
    const rows = staffId === undefined
      ? await this.tx.all<RosterRow>(`${ROSTER_SELECT} WHERE r.date BETWEEN ? AND ? ORDER BY r.date, r.staff_id`, [from, to])
      : await this.tx.all<RosterRow>(`${ROSTER_SELECT} WHERE r.date BETWEEN ? AND ? AND r.staff_id = ? ORDER BY r.date`, [from, to, staffId]);
    return rows.map(entry);
  }

  async runningAt(instant: string): Promise<RosterEntry[]> {
    const at = Date.parse(instant);
    const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    const candidates = await this.between(addDays(day, -1), day);
    return candidates.filter((s) => Date.parse(s.startsAt) <= at && at < Date.parse(s.endsAt));
  }

  async addTemplate(template: Omit<ShiftTemplate, 'id'>): Promise<ShiftTemplate> {
    const { lastId } = await this.tx.run(
      'INSERT INTO staff_rules_shift_templates (name, start, end, break_minutes, kind) VALUES (?, ?, ?, ?, ?)',
      [template.name.trim(), template.start, template.end, template.breakMinutes, template.kind],
    );
    return (await this.template(lastId))!;
  }

  async assign(staffId: number, date: string, templateId: number, by: number | null, at: string): Promise<RosterEntry> {
    await this.tx.run(
      `INSERT INTO staff_rules_roster (staff_id, date, template_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (staff_id, date) DO UPDATE SET template_id = excluded.template_id, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`,
      [staffId, date, templateId, by, at],
    );
    return (await this.plannedShift(staffId, date))!;
  }

  async clear(staffId: number, date: string): Promise<boolean> {
    const { changes } = await this.tx.run('DELETE FROM staff_rules_roster WHERE staff_id = ? AND date = ?', [staffId, date]);
    return changes > 0;
  }
}
