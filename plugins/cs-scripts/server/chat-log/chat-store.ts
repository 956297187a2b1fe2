import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { ChatLine } from '../kpis/kpi-rules.js';
import type { ChatRow } from './chat-file.js';

/** What may be read of the chat log, in any read or transaction. */
export interface ChatReader {
  /** The lines from `from` up to (not including) `to`, by time. */
  between(from: string, to: string): Promise<ChatLine[]>;
  /** How many lines, and the first and last instant, of the whole log. */
  extent(): Promise<{ lines: number; first: string | null; last: string | null }>;
}

export interface ChatStore extends ChatReader {
  /** Adds the lines not there yet; answers how many were new. */
  addMany(rows: readonly ChatRow[], by: number | null, at: string): Promise<number>;
}

// Seven parameters a row: well under SQLite's limit per statement.
const CHUNK = 500;

/** The store over `cs_scripts_chat_lines`, bound to the caller's transaction (only its reader over a plain read). */
export function chatStore(tx: Transaction): ChatStore;
export function chatStore(q: Queryable): ChatReader;
export function chatStore(q: Queryable): ChatReader {
  return new DbChatStore(q as Transaction);
}

class DbChatStore implements ChatStore {
  constructor(private readonly tx: Transaction) {}

  between(from: string, to: string): Promise<ChatLine[]> {
    return this.tx.all<ChatLine>('SELECT at, buyer, agent, direction, text FROM cs_scripts_chat_lines WHERE at >= ? AND at < ? ORDER BY at, id', [from, to]);
  }

  async extent(): Promise<{ lines: number; first: string | null; last: string | null }> {
    return (await this.tx.get<{ lines: number; first: string | null; last: string | null }>('SELECT COUNT(*) AS lines, MIN(at) AS first, MAX(at) AS last FROM cs_scripts_chat_lines'))!;
  }

  async addMany(rows: readonly ChatRow[], by: number | null, at: string): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const { changes } = await this.tx.run(
        `INSERT OR IGNORE INTO cs_scripts_chat_lines (at, buyer, agent, direction, text, seq, imported_at, imported_by) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [r.at, r.buyer, r.agent, r.direction, r.text, r.seq, at, by]),
      );
      added += changes;
    }
    return added;
  }
}
