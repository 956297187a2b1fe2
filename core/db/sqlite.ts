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

/** One compiled copy of a text. */
interface Prepared {
  statement: sqlite3.Statement;
  /**
   * Its last call (an `all` or a `run`) left it stepped and not reset. sqlite3 then skips a `get`
   * without parameters (it steps only a statement that was reset or gets values to bind), so such
   * a `get` resets it first.
   */
  stepped: boolean;
}

/** The compiled copies of one text that no call is using. */
interface Kept {
  /** Whether SQLite compiled the text; undefined until its first compilation is known. */
  ok: boolean | undefined;
  compiled: Promise<boolean>;
  idle: Prepared[];
  /** Let go (least recently used): copies coming back are finalized instead of kept. */
  dropped: boolean;
}

/**
 * At most this many idle copies of one text: as many as the calls of it that ran at once (16
 * concurrent requests reading the same list), so that none of them waits for another's.
 */
const COPIES_PER_TEXT = 16;

/**
 * A thin promise wrapper around one sqlite3 connection. Each SQL text is compiled once per
 * connection and its prepared statement kept (least recently used first out): a statement run
 * again is only bound and stepped, not parsed and planned again.
 *
 * A call takes an idle copy of its text and gives it back when done; when every copy is busy it
 * compiles another, kept afterwards (up to COPIES_PER_TEXT). So calls of the same text at the same
 * time each run their own statement side by side, as unprepared calls would, without compiling
 * again. (Compiling for the one call when the only copy was busy meant that under 16 concurrent
 * requests most reads were parsed and planned again; queueing them all on the one copy instead
 * cost more CPU, each call waiting for the event loop between the previous call and its own.)
 */
export class Connection {
  private readonly kept = new Map<string, Kept>();
  /** Every compiled copy not yet finalized: SQLite refuses to close while one is left. */
  private readonly live = new Set<sqlite3.Statement>();
  /** Copies being compiled, not yet in `live`. */
  private compiling = 0;
  private closing = false;
  /** Called by the last finalization once `close` waits for copies still in use. */
  private whenNoneLive: (() => void) | undefined;

  private constructor(private readonly raw: sqlite3.Database) {}

  static open(file: string, options: { readOnly?: boolean } = {}): Promise<Connection> {
    const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const raw = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(new Connection(raw))));
    });
  }

  /** How many texts the connection keeps compiled now (for tests). */
  get keptStatements(): number {
    return this.kept.size;
  }

  /** A newly compiled copy of `sql`, or undefined when SQLite refused it. */
  private prepare(sql: string): Promise<Prepared | undefined> {
    this.compiling++;
    return new Promise((resolve) => {
      const statement = this.raw.prepare(sql, (error: Error | null) => {
        this.compiling--;
        if (error) {
          this.noneLive();
          return resolve(undefined);
        }
        this.live.add(statement);
        resolve({ statement, stepped: false });
      });
    });
  }

  private entry(sql: string): Kept {
    const found = this.kept.get(sql);
    if (found) {
      // Most recently used last, so the first entry is the one to let go.
      this.kept.delete(sql);
      this.kept.set(sql, found);
      return found;
    }
    const kept: Kept = { ok: undefined, compiled: Promise.resolve(false), idle: [], dropped: false };
    kept.compiled = this.prepare(sql).then((first) => {
      kept.ok = first !== undefined;
      if (first) this.giveBack(kept, first);
      else if (this.kept.get(sql) === kept) this.kept.delete(sql);
      return kept.ok;
    });
    this.kept.set(sql, kept);
    if (this.kept.size > KEPT_STATEMENTS) {
      const [oldest, old] = this.kept.entries().next().value as [string, Kept];
      this.kept.delete(oldest);
      old.dropped = true;
      for (const p of old.idle.splice(0)) this.finalize(p);
    }
    return kept;
  }

  /**
   * A compiled copy of `sql` for one call (give it back when the call is done), or undefined when
   * the text is not to be kept or SQLite refused it: the call then runs unprepared, for SQLite's
   * own error (a statement whose compilation failed never answers its queued calls).
   */
  private async take(sql: string, keep: boolean): Promise<{ kept: Kept; copy: Prepared } | undefined> {
    // Once closing, nothing more is compiled to keep: sqlite3 runs such a call before it closes, or answers its error.
    if (!keep || this.closing) return undefined;
    const kept = this.entry(sql);
    if (kept.ok === undefined) await kept.compiled;
    if (!kept.ok || this.closing) return undefined;
    const copy = kept.idle.pop() ?? (await this.prepare(sql));
    return copy && { kept, copy };
  }

  private giveBack(kept: Kept, copy: Prepared): void {
    if (!kept.dropped && !this.closing && kept.idle.length < COPIES_PER_TEXT) kept.idle.push(copy);
    else this.finalize(copy);
  }

  private finalize(copy: Prepared): void {
    copy.statement.finalize(() => {
      this.live.delete(copy.statement);
      this.noneLive();
    });
  }

  private noneLive(): void {
    if (this.live.size === 0 && this.compiling === 0) this.whenNoneLive?.();
  }

  /** `keep`: whether to keep the compiled statement (short texts are kept; bulk inserts ask for it). */
  async run(sql: string, params: SqlParams = [], keep = sql.length <= KEPT_TEXT_LENGTH): Promise<RunResult> {
    const taken = await this.take(sql, keep);
    if (!taken) return this.runUnprepared(sql, params);
    const { kept, copy } = taken;
    copy.stepped = true;
    const giveBack = () => this.giveBack(kept, copy);
    return new Promise((resolve, reject) => {
      copy.statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
        giveBack();
        if (error) reject(error);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  async get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    const taken = await this.take(sql, sql.length <= KEPT_TEXT_LENGTH);
    if (!taken) return this.getUnprepared<T>(sql, params);
    const { kept, copy } = taken;
    const { statement } = copy;
    if (copy.stepped && isEmpty(params)) statement.reset();
    copy.stepped = false;
    return new Promise((resolve, reject) => {
      statement.get(params, (error: Error | null, row: T | undefined) => {
        // A statement stepped to a row stays open until reset, and an open read would hold back
        // the WAL (and keep this connection's later reads on the snapshot it saw).
        statement.reset(() => {
          this.giveBack(kept, copy);
          if (error) reject(error);
          else resolve(row);
        });
      });
    });
  }

  async all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    const taken = await this.take(sql, sql.length <= KEPT_TEXT_LENGTH);
    if (!taken) return this.allUnprepared<T>(sql, params);
    const { kept, copy } = taken;
    return new Promise((resolve, reject) => {
      copy.statement.all(params, (error: Error | null, rows: T[]) => {
        if (error) {
          // Stopped by an error: reset before it is reported, as any call did before.
          copy.statement.reset(() => {
            this.giveBack(kept, copy);
            reject(error);
          });
          return;
        }
        // Stepped to its end, the statement holds no read open: no reset after it (sqlite3
        // resets it before the next `all` or `run`; a `get` without parameters resets it first).
        copy.stepped = true;
        this.giveBack(kept, copy);
        resolve(rows);
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
    this.closing = true;
    const kept = [...this.kept.values()];
    this.kept.clear();
    for (const k of kept) {
      k.dropped = true;
      for (const p of k.idle.splice(0)) this.finalize(p);
    }
    // A copy still in use, or still being compiled, is finalized when its call gives it back;
    // SQLite refuses to close before (SQLITE_BUSY, "unfinalized statements").
    if (this.live.size > 0 || this.compiling > 0) await new Promise<void>((resolve) => (this.whenNoneLive = resolve));
    return new Promise((resolve, reject) => {
      this.raw.close((error: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

function isEmpty(params: SqlParams): boolean {
  return Array.isArray(params) ? params.length === 0 : Object.keys(params).length === 0;
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
