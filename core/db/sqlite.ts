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

/** A thin promise wrapper around one sqlite3 connection. */
export class Connection {
  private constructor(private readonly raw: sqlite3.Database) {}

  static open(file: string, options: { readOnly?: boolean } = {}): Promise<Connection> {
    const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const raw = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(new Connection(raw))));
    });
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (error: Error | null, row: T | undefined) => (error ? reject(error) : resolve(row)));
    });
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
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

  close(): Promise<void> {
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
