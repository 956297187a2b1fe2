import type { Queryable, Transaction } from '@workbench/plugin-api';

/** One note, as the API sends it. */
export interface Note {
  id: number;
  text: string;
  createdAt: string;
  createdBy: number;
}

/** A page of notes, newest first. */
export interface NotePage {
  items: Note[];
  total: number;
  page: number;
  pageSize: number;
}

/** What may be read of the notes, in any read or transaction. */
export interface NoteReader {
  list(page: number, pageSize: number): Promise<NotePage>;
}

/** Everything the plugin does with its notes: named methods, one per question or change. */
export interface NoteStore extends NoteReader {
  add(note: { text: string; by: number; at: string }): Promise<Note>;
}

const COLUMNS = 'id, text, created_at AS createdAt, created_by AS createdBy';

/**
 * The store over this plugin's own table, `cs_scripts_notes`, bound to the caller's transaction
 * (or only its reader over a plain read, so a write outside a transaction does not compile).
 * Making one costs nothing: make it where the transaction starts.
 */
export function noteStore(tx: Transaction): NoteStore;
export function noteStore(q: Queryable): NoteReader;
export function noteStore(q: Queryable): NoteReader {
  return new DbNoteStore(q as Transaction);
}

class DbNoteStore implements NoteStore {
  constructor(private readonly tx: Transaction) {}

  async list(page: number, pageSize: number): Promise<NotePage> {
    const total = (await this.tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM cs_scripts_notes'))?.n ?? 0;
    const items = await this.tx.all<Note>(`SELECT ${COLUMNS} FROM cs_scripts_notes ORDER BY id DESC LIMIT ? OFFSET ?`, [pageSize, (page - 1) * pageSize]);
    return { items, total, page, pageSize };
  }

  async add(note: { text: string; by: number; at: string }): Promise<Note> {
    const { lastId } = await this.tx.run('INSERT INTO cs_scripts_notes (text, created_at, created_by) VALUES (?, ?, ?)', [note.text, note.at, note.by]);
    return (await this.tx.get<Note>(`SELECT ${COLUMNS} FROM cs_scripts_notes WHERE id = ?`, [lastId]))!;
  }
}
