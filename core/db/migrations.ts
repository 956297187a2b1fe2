import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.js';

export interface Migration {
  /** File name such as `001-init.sql`; the order of application is the order of names. */
  name: string;
  sql: string;
}

/**
 * An applied migration whose file changed or disappeared: the tables no longer match what the
 * files describe, so start-up must stop rather than guess.
 */
export class MigrationChangedError extends Error {
  constructor(
    readonly owner: string,
    readonly migration: string,
    readonly kind: 'changed' | 'missing' = 'changed',
  ) {
    super(
      kind === 'changed'
        ? `migration ${owner}/${migration} was already applied to this database, but its file has changed since. ` +
            `Restore the original file, or add the change as a new migration with a higher number.`
        : `migration ${owner}/${migration} was already applied to this database, but its file is gone. ` +
            `Put the file back (a migration is never removed; undo it with a new migration with a higher number).`,
    );
  }
}

/**
 * A statement of a migration that the database refused. The message names the file, the line the
 * statement starts on and the statement itself, so the author can go straight to it; nothing of
 * that migration is kept.
 */
export class MigrationFailedError extends Error {
  constructor(
    readonly owner: string,
    readonly migration: string,
    readonly line: number,
    readonly statement: string,
    cause: unknown,
  ) {
    const shown = statement.length > 200 ? `${statement.slice(0, 200)}…` : statement;
    super(`migration ${migration} (line ${line}) failed: ${cause instanceof Error ? cause.message : String(cause)} — in: ${shown.replace(/\s+/g, ' ')}`, { cause });
  }
}

/** The 1-based line where `statement` starts in `sql`, looking from offset `from`. */
function lineOf(sql: string, statement: string, from: number): { line: number; end: number } {
  const head = statement.split('\n')[0]!.trim();
  const at = sql.indexOf(head, from);
  if (at < 0) return { line: 1, end: from };
  return { line: sql.slice(0, at).split('\n').length, end: at + head.length };
}

const MIGRATION_NAME = /^\d{3}-[a-z0-9-]+\.sql$/;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads `NNN-name.sql` files from a folder, in order; a missing folder means none. */
export async function readMigrationFolder(folder: string): Promise<Migration[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const sqlFiles = names.filter((n) => n.endsWith('.sql')).sort();
  const bad = sqlFiles.find((n) => !MIGRATION_NAME.test(n));
  if (bad) throw new Error(`migration file "${bad}" must be named like 001-create-orders.sql`);
  return Promise.all(sqlFiles.map(async (name) => ({ name, sql: await readFile(join(folder, name), 'utf8') })));
}

export async function ensureMigrationTable(db: Database): Promise<void> {
  await db.transaction((tx) =>
    tx.run(`CREATE TABLE IF NOT EXISTS core_migrations (
      owner TEXT NOT NULL, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL,
      PRIMARY KEY (owner, name))`),
  );
}

/**
 * Applies the migrations of one owner (the core or a plugin) that are not applied yet, each in its
 * own transaction, recording a checksum. Throws MigrationChangedError if an applied one changed or is gone.
 * Answers the names applied now.
 */
export async function applyMigrations(db: Database, owner: string, migrations: Migration[], now: () => string): Promise<string[]> {
  const applied = await db.read((q) =>
    q.all<{ name: string; checksum: string }>('SELECT name, checksum FROM core_migrations WHERE owner = ?', [owner]),
  );
  const known = new Map(applied.map((m) => [m.name, m.checksum]));
  for (const m of migrations) {
    const sum = known.get(m.name);
    if (sum !== undefined && sum !== checksum(m.sql)) throw new MigrationChangedError(owner, m.name);
  }
  const present = new Set(migrations.map((m) => m.name));
  const missing = applied.find((m) => !present.has(m.name));
  if (missing) throw new MigrationChangedError(owner, missing.name, 'missing');
  const done: string[] = [];
  for (const m of migrations) {
    if (known.has(m.name)) continue;
    await db.transaction(async (tx) => {
      let from = 0;
      for (const statement of splitStatements(m.sql)) {
        const { line, end } = lineOf(m.sql, statement, from);
        from = end;
        try {
          await tx.run(statement);
        } catch (error) {
          throw new MigrationFailedError(owner, m.name, line, statement, error);
        }
      }
      await tx.run('INSERT INTO core_migrations (owner, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [owner, m.name, checksum(m.sql), now()]);
    });
    done.push(m.name);
  }
  return done;
}

/**
 * Splits a migration into statements so each runs through the transaction's connection (`exec`
 * would bypass nothing, but statements keep errors pointing at the one that failed). Handles
 * quotes, comments and CREATE TRIGGER … BEGIN … END bodies.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  const tokens = sql.match(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\b(?:BEGIN|END|CASE)\b|;|[^'";\-/A-Za-z]+|[A-Za-z_]+|./gi) ?? [];
  for (const token of tokens) {
    if (token.startsWith('--') || token.startsWith('/*')) continue;
    const upper = token.toUpperCase();
    if (upper === 'BEGIN' || upper === 'CASE') depth++;
    if (upper === 'END' && depth > 0) depth--;
    if (token === ';' && depth === 0) {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += token;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
