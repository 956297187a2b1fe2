import type { PluginDatabase } from '@workbench/plugin-api';

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

/** Everything the plugin does with its notes: named methods, one per question or change. */
export interface NoteStore {
  list(page: number, pageSize: number): Promise<NotePage>;
  add(text: string, by: number): Promise<Note>;
}

const COLUMNS = 'id, text, created_at AS createdAt, created_by AS createdBy';

/** The store over this plugin's own table, `__TABLE___notes`. */
export class SqlNoteStore implements NoteStore {
  constructor(
    private readonly db: PluginDatabase,
    private readonly now: () => string,
  ) {}

  list(page: number, pageSize: number): Promise<NotePage> {
    return this.db.read(async (q) => {
      const total = (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM __TABLE___notes'))?.n ?? 0;
      const items = await q.all<Note>(`SELECT ${COLUMNS} FROM __TABLE___notes ORDER BY id DESC LIMIT ? OFFSET ?`, [pageSize, (page - 1) * pageSize]);
      return { items, total, page, pageSize };
    });
  }

  add(text: string, by: number): Promise<Note> {
    return this.db.transaction(async (tx) => {
      const { lastId } = await tx.run('INSERT INTO __TABLE___notes (text, created_at, created_by) VALUES (?, ?, ?)', [text, this.now(), by]);
      return (await tx.get<Note>(`SELECT ${COLUMNS} FROM __TABLE___notes WHERE id = ?`, [lastId]))!;
    });
  }
}
