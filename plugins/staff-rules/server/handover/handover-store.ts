import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { Department, HandoverNote } from '../model.js';

export interface HandoverReader {
  get(id: number): Promise<HandoverNote | undefined>;
  /** Notes of a shop day (optionally one department's), oldest first. */
  ofDay(date: string, department?: Department): Promise<HandoverNote[]>;
  /**
   * Notes written since `since` that `accountId` neither wrote nor read, oldest first; with
   * `department`, only that department's and those for everyone.
   */
  unread(accountId: number, since: string, department?: Department): Promise<HandoverNote[]>;
}

export interface HandoverStore extends HandoverReader {
  add(note: { date: string; department: Department | null; text: string; by: number; byName: string; at: string }): Promise<HandoverNote>;
  /** Records that `accountId` read the note; reading twice keeps the first time. */
  markRead(id: number, accountId: number, name: string, at: string): Promise<HandoverNote>;
}

const COLUMNS = 'id, date, department, text, written_by AS writtenBy, written_by_name AS writtenByName, written_at AS writtenAt';
type NoteRow = Omit<HandoverNote, 'reads'>;

export function handoverStore(tx: Transaction): HandoverStore;
export function handoverStore(q: Queryable): HandoverReader;
export function handoverStore(q: Queryable): HandoverReader {
  return new DbHandoverStore(q as Transaction);
}

class DbHandoverStore implements HandoverStore {
  constructor(private readonly tx: Transaction) {}

  private async withReads(rows: NoteRow[]): Promise<HandoverNote[]> {
    if (rows.length === 0) return [];
    const reads = await this.tx.all<{ noteId: number; accountId: number; name: string; readAt: string }>(
      `SELECT note_id AS noteId, account_id AS accountId, name, read_at AS readAt FROM staff_rules_handover_reads
       WHERE note_id IN (${rows.map(() => '?').join(',')}) ORDER BY read_at`,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, reads: reads.filter((x) => x.noteId === r.id).map(({ noteId: _, ...read }) => read) }));
  }

  async get(id: number): Promise<HandoverNote | undefined> {
    const row = await this.tx.get<NoteRow>(`SELECT ${COLUMNS} FROM staff_rules_handover_notes WHERE id = ?`, [id]);
    return row && (await this.withReads([row]))[0];
  }

  async ofDay(date: string, department?: Department): Promise<HandoverNote[]> {
    const rows = department
      ? await this.tx.all<NoteRow>(`SELECT ${COLUMNS} FROM staff_rules_handover_notes WHERE date = ? AND (department = ? OR department IS NULL) ORDER BY written_at, id`, [date, department])
      : await this.tx.all<NoteRow>(`SELECT ${COLUMNS} FROM staff_rules_handover_notes WHERE date = ? ORDER BY written_at, id`, [date]);
    return this.withReads(rows);
  }

  async unread(accountId: number, since: string, department?: Department): Promise<HandoverNote[]> {
    const rows = await this.tx.all<NoteRow>(
      `SELECT ${COLUMNS} FROM staff_rules_handover_notes n
       WHERE written_at >= ? AND written_by <> ? ${department ? 'AND (department = ? OR department IS NULL)' : ''}
         AND NOT EXISTS (SELECT 1 FROM staff_rules_handover_reads r WHERE r.note_id = n.id AND r.account_id = ?)
       ORDER BY written_at, id`,
      department ? [since, accountId, department, accountId] : [since, accountId, accountId],
    );
    return this.withReads(rows);
  }

  async add(note: { date: string; department: Department | null; text: string; by: number; byName: string; at: string }): Promise<HandoverNote> {
    const { lastId } = await this.tx.run(
      'INSERT INTO staff_rules_handover_notes (date, department, text, written_by, written_by_name, written_at) VALUES (?, ?, ?, ?, ?, ?)',
      [note.date, note.department, note.text, note.by, note.byName, note.at],
    );
    return (await this.get(lastId))!;
  }

  async markRead(id: number, accountId: number, name: string, at: string): Promise<HandoverNote> {
    await this.tx.run('INSERT INTO staff_rules_handover_reads (note_id, account_id, name, read_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [id, accountId, name, at]);
    return (await this.get(id))!;
  }
}
