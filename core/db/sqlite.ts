import sqlite3 from 'sqlite3';

/**
 * The only file that imports `sqlite3` (deprecated upstream): everything else talks to the small
 * promise API below, so the driver can be swapped in one place.
 */
export type SqlValue = string | number | bigint | null | Uint8Array | boolean;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface RunResult {
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  changes: number;
  /** The rowid of the last inserted row. */
  lastId: number;
}

/**
 * How many prepared statements a connection keeps. A shop's routes, jobs and importers use a few
 * hundred distinct statements; a text seen once (a multi-row INSERT of an odd size) ages out.
 */
const KEPT_STATEMENTS = 500;
/**
 * Texts longer than this are compiled for the one call and let go: a multi-row INSERT written
 * out with its values is seldom seen twice, and a kept statement holds its compiled program.
 */
const KEPT_TEXT_LENGTH = 4_096;

interface Kept {
  statement: sqlite3.Statement;
  /**
   * Whether SQLite compiled the text; false when it refused, and the call runs unprepared for the
   * error SQLite gives (a statement whose compilation failed never answers its queued calls).
   * Undefined until known.
   */
  ok: boolean | undefined;
  compiled: Promise<boolean>;
  /**
   * A call is stepping it. One statement serves one call at a time (a second `get` would step on
   * from the first's row), so a call that finds it busy compiles the text for itself instead.
   */
  busy: boolean;
}

/**
 * A thin promise wrapper around one sqlite3 connection. Each SQL text is compiled once per
 * connection and its prepared statement kept (least recently used first out): a statement run
 * again is only bound and stepped, not parsed and planned again.
 */
export class Connection {
  private readonly kept = new Map<string, Kept>();

  private constructor(private readonly raw: sqlite3.Database) {}

  static open(file: string, options: { readOnly?: boolean } = {}): Promise<Connection> {
    const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const raw = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(new Connection(raw))));
    });
  }

  /** How many prepared statements the connection keeps now (for tests). */
  get keptStatements(): number {
    return this.kept.size;
  }

  private statement(sql: string): Kept {
    const found = this.kept.get(sql);
    if (found) {
      // Most recently used last, so the first entry is the one to let go.
      this.kept.delete(sql);
      this.kept.set(sql, found);
      return found;
    }
    let compiled!: (ok: boolean) => void;
    const kept: Kept = {
      busy: false,
      ok: undefined,
      compiled: new Promise<boolean>((resolve) => (compiled = resolve)),
      statement: this.raw.prepare(sql, (error: Error | null) => {
        kept.ok = !error;
        if (error && this.kept.get(sql) === kept) this.kept.delete(sql);
        compiled(!error);
      }),
    };
    this.kept.set(sql, kept);
    if (this.kept.size > KEPT_STATEMENTS) {
      const [oldest, old] = this.kept.entries().next().value as [string, Kept];
      this.kept.delete(oldest);
      old.statement.finalize();
    }
    return kept;
  }

  /**
   * The kept statement, taken for one call (`release` it when the call is done), or undefined when
   * SQLite refused the text, it is not to be kept, or another call is using it.
   */
  private async take(sql: string, keep: boolean): Promise<Kept | undefined> {
    if (!keep) return undefined;
    const kept = this.statement(sql);
    if (kept.ok === undefined) await kept.compiled;
    if (!kept.ok || kept.busy) return undefined;
    kept.busy = true;
    return kept;
  }

  /** `keep`: whether to keep the compiled statement (short texts are kept; bulk inserts ask for it). */
  async run(sql: string, params: SqlParams = [], keep = sql.length <= KEPT_TEXT_LENGTH): Promise<RunResult> {
    const kept = await this.take(sql, keep);
    if (!kept) return this.runUnprepared(sql, params);
    return new Promise((resolve, reject) => {
      kept.statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
        kept.busy = false;
        if (error) reject(error);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  async get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    const kept = await this.take(sql, sql.length <= KEPT_TEXT_LENGTH);
    if (!kept) return this.getUnprepared<T>(sql, params);
    return new Promise((resolve, reject) => {
      kept.statement.get(params, (error: Error | null, row: T | undefined) => {
        // A statement stepped once stays open until reset; an open read would hold back the WAL.
        kept.statement.reset(() => {
          kept.busy = false;
          if (error) reject(error);
          else resolve(row);
        });
      });
    });
  }

  async all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    const kept = await this.take(sql, sql.length <= KEPT_TEXT_LENGTH);
    if (!kept) return this.allUnprepared<T>(sql, params);
    return new Promise((resolve, reject) => {
      kept.statement.all(params, (error: Error | null, rows: T[]) => {
        kept.statement.reset(() => {
          kept.busy = false;
          if (error) reject(error);
          else resolve(rows);
        });
      });
    });
  }

  // The text as it is: compiled for this call only (a statement SQLite would not compile reports its own error).
  private runUnprepared(sql: string, params: SqlParams): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  private getUnprepared<T>(sql: string, params: SqlParams): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (error: Error | null, row: T | undefined) => (error ? reject(error) : resolve(row)));
    });
  }

  private allUnprepared<T>(sql: string, params: SqlParams): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)));
    });
  }

  /** Runs several statements separated by semicolons (migrations); takes no parameters. */
  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
    });
  }

  async close(): Promise<void> {
    const kept = [...this.kept.values()];
    this.kept.clear();
    await Promise.all(kept.map((k) => new Promise<void>((resolve) => k.statement.finalize(() => resolve()))));
    return new Promise((resolve, reject) => {
      this.raw.close((error: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

/** True for a sqlite3 error of the given code, e.g. `SQLITE_CONSTRAINT`. */
export function isSqliteError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export type ConstraintKind = 'unique' | 'foreign-key' | 'not-null' | 'check' | 'other';

/**
 * Which constraint a `SQLITE_CONSTRAINT` error broke, read from its message (sqlite3 reports the
 * extended result code only in the text), or undefined when the error is not a constraint error.
 */
export function constraintKind(error: unknown): ConstraintKind | undefined {
  if (!isSqliteError(error, 'SQLITE_CONSTRAINT')) return undefined;
  const message = String((error as { message?: unknown }).message ?? '');
  if (/\b(UNIQUE|PRIMARY KEY) constraint failed/.test(message)) return 'unique';
  if (/\bFOREIGN KEY constraint failed/.test(message)) return 'foreign-key';
  if (/\bNOT NULL constraint failed/.test(message)) return 'not-null';
  if (/\bCHECK constraint failed/.test(message)) return 'check';
  return 'other';
}
