import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { Group, Phrase, Stage } from '../../shared/phrase-types.js';

/** A phrase as written to the table (shortcut without its `:`; tags as a list). */
export interface PhraseInput {
  groupId: number;
  ownerId: number | null;
  shortcut: string | null;
  text: string;
  tags: string[];
}

/** What may be read of the library, in any read or transaction. */
export interface PhraseReader {
  groups(): Promise<Group[]>;
  group(id: number): Promise<Group | undefined>;
  groupByName(stage: Stage, name: string): Promise<Group | undefined>;
  /** The shared phrases and `accountId`'s own, each with whether `accountId` starred it. */
  visibleTo(accountId: number): Promise<Phrase[]>;
  /** Only the shared phrases (`accountId` for the stars), for export. */
  shared(accountId: number): Promise<Phrase[]>;
  phrase(id: number, accountId: number): Promise<Phrase | undefined>;
  /** The phrase (shared, or `ownerId`'s own) already using a shortcut. */
  byShortcut(shortcut: string, ownerId: number | null): Promise<Phrase | undefined>;
}

/** Everything the plugin does with its library: named methods, one per question or change. */
export interface PhraseStore extends PhraseReader {
  addGroup(stage: Stage, name: string): Promise<Group>;
  renameGroup(id: number, name: string): Promise<void>;
  removeGroup(id: number): Promise<void>;
  phrasesInGroup(id: number): Promise<number>;
  add(phrase: PhraseInput, by: number, at: string): Promise<number>;
  update(id: number, version: number, phrase: PhraseInput, at: string): Promise<void>;
  remove(id: number): Promise<void>;
  setFavourite(accountId: number, phraseId: number, on: boolean): Promise<void>;
  countUse(id: number, at: string): Promise<void>;
}

const PHRASE_COLUMNS = `p.id, p.group_id AS groupId, g.stage, g.name AS groupName, p.owner_id AS ownerId, p.shortcut, p.text,
  p.tags, p.uses, p.last_used_at AS lastUsedAt, p.updated_at AS updatedAt, p.version,
  EXISTS (SELECT 1 FROM cs_scripts_favourites f WHERE f.phrase_id = p.id AND f.account_id = ?) AS favourite`;
const FROM = 'FROM cs_scripts_phrases p JOIN cs_scripts_groups g ON g.id = p.group_id';
const ORDER = 'ORDER BY g.stage, g.position, g.id, p.uses DESC, p.id';

type PhraseRow = Omit<Phrase, 'tags' | 'favourite' | 'shared'> & { tags: string; favourite: number };

const toPhrase = (r: PhraseRow): Phrase => ({ ...r, shared: r.ownerId === null, tags: JSON.parse(r.tags) as string[], favourite: r.favourite === 1 });

/**
 * The store over the plugin's library tables, bound to the caller's transaction (or only its
 * reader over a plain read, so a write outside a transaction does not compile).
 */
export function phraseStore(tx: Transaction): PhraseStore;
export function phraseStore(q: Queryable): PhraseReader;
export function phraseStore(q: Queryable): PhraseReader {
  return new DbPhraseStore(q as Transaction);
}

class DbPhraseStore implements PhraseStore {
  constructor(private readonly tx: Transaction) {}

  groups(): Promise<Group[]> {
    return this.tx.all<Group>('SELECT id, stage, name, position FROM cs_scripts_groups ORDER BY stage, position, id');
  }

  group(id: number): Promise<Group | undefined> {
    return this.tx.get<Group>('SELECT id, stage, name, position FROM cs_scripts_groups WHERE id = ?', [id]);
  }

  groupByName(stage: Stage, name: string): Promise<Group | undefined> {
    return this.tx.get<Group>('SELECT id, stage, name, position FROM cs_scripts_groups WHERE stage = ? AND name = ?', [stage, name]);
  }

  async visibleTo(accountId: number): Promise<Phrase[]> {
    const rows = await this.tx.all<PhraseRow>(`SELECT ${PHRASE_COLUMNS} ${FROM} WHERE p.owner_id IS NULL OR p.owner_id = ? ${ORDER}`, [accountId, accountId]);
    return rows.map(toPhrase);
  }

  async shared(accountId: number): Promise<Phrase[]> {
    return (await this.tx.all<PhraseRow>(`SELECT ${PHRASE_COLUMNS} ${FROM} WHERE p.owner_id IS NULL ${ORDER}`, [accountId])).map(toPhrase);
  }

  async phrase(id: number, accountId: number): Promise<Phrase | undefined> {
    const row = await this.tx.get<PhraseRow>(`SELECT ${PHRASE_COLUMNS} ${FROM} WHERE p.id = ?`, [accountId, id]);
    return row && toPhrase(row);
  }

  async byShortcut(shortcut: string, ownerId: number | null): Promise<Phrase | undefined> {
    const row = await this.tx.get<PhraseRow>(`SELECT ${PHRASE_COLUMNS} ${FROM} WHERE p.shortcut = ? AND IFNULL(p.owner_id, 0) = ?`, [ownerId ?? 0, shortcut, ownerId ?? 0]);
    return row && toPhrase(row);
  }

  async addGroup(stage: Stage, name: string): Promise<Group> {
    const next = (await this.tx.get<{ n: number }>('SELECT IFNULL(MAX(position), 0) + 1 AS n FROM cs_scripts_groups WHERE stage = ?', [stage]))!.n;
    const { lastId } = await this.tx.run('INSERT INTO cs_scripts_groups (stage, name, position) VALUES (?, ?, ?)', [stage, name, next]);
    return (await this.group(lastId))!;
  }

  async renameGroup(id: number, name: string): Promise<void> {
    await this.tx.run('UPDATE cs_scripts_groups SET name = ? WHERE id = ?', [name, id]);
  }

  async removeGroup(id: number): Promise<void> {
    await this.tx.run('DELETE FROM cs_scripts_groups WHERE id = ?', [id]);
  }

  async phrasesInGroup(id: number): Promise<number> {
    return (await this.tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM cs_scripts_phrases WHERE group_id = ?', [id]))!.n;
  }

  async add(p: PhraseInput, by: number, at: string): Promise<number> {
    const { lastId } = await this.tx.run(
      'INSERT INTO cs_scripts_phrases (group_id, owner_id, shortcut, text, tags, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [p.groupId, p.ownerId, p.shortcut, p.text, JSON.stringify(p.tags), at, by, at],
    );
    return lastId;
  }

  async update(id: number, version: number, p: PhraseInput, at: string): Promise<void> {
    await this.tx.updateVersioned('cs_scripts_phrases', { id, version }, { group_id: p.groupId, owner_id: p.ownerId, shortcut: p.shortcut, text: p.text, tags: JSON.stringify(p.tags), updated_at: at });
  }

  async remove(id: number): Promise<void> {
    await this.tx.run('DELETE FROM cs_scripts_favourites WHERE phrase_id = ?', [id]);
    await this.tx.run('DELETE FROM cs_scripts_phrases WHERE id = ?', [id]);
  }

  async setFavourite(accountId: number, phraseId: number, on: boolean): Promise<void> {
    await this.tx.run(on ? 'INSERT OR IGNORE INTO cs_scripts_favourites (account_id, phrase_id) VALUES (?, ?)' : 'DELETE FROM cs_scripts_favourites WHERE account_id = ? AND phrase_id = ?', [accountId, phraseId]);
  }

  async countUse(id: number, at: string): Promise<void> {
    await this.tx.run('UPDATE cs_scripts_phrases SET uses = uses + 1, last_used_at = ? WHERE id = ?', [at, id]);
  }
}
