import { AsyncLocalStorage } from 'node:async_hooks';
import { ConflictError, NotFoundError } from '../errors.js';
import { Connection, type RunResult, type SqlParams, type SqlValue } from './sqlite.js';

/** What both reads and transactions can do. */
export interface Queryable {
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
}

/** A write transaction: its reads see its own writes; nobody else sees them until commit. */
export interface Transaction extends Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  /**
   * Updates one row only if it still has the version the caller read, and bumps the version.
   * Answers the new version; a stale version is a ConflictError (409), a missing row NotFoundError.
   *
   * @example
   * const version = await tx.updateVersioned('example_notes', { id: 7, version: 3 }, { text: '改好了' });
   */
  updateVersioned(table: string, key: { id: SqlValue; version: number }, changes: Record<string, SqlValue>): Promise<number>;
  /** Marks the transaction so that it rolls back whatever its callback does afterwards. */
  setRollbackOnly(reason: unknown): void;
  /**
   * Inserts many rows into one table: `rows[i][j]` goes to `columns[j]`. The rows travel in
   * multi-row INSERTs of one fixed size, compiled once per connection and only bound after that,
   * so a big import does not make SQLite parse and plan its SQL again for every batch. Answers
   * the rows inserted. Plain identifiers only; a failing row fails the call (and the transaction,
   * unless caught).
   *
   * @example
   * await tx.insertMany('example_notes', ['text', 'amount', 'created_at'], rows.map((r) => [r.text, r.amount, now]));
   */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<number>;
}

/** SQLite's limit of bound variables in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_VARIABLES = 32_766;
/** Rows in one bulk INSERT: big enough that crossing into SQLite is rare, small enough to compile quickly once. */
const BULK_ROWS = 200;

interface TxState {
  tx: Transaction;
  depth: number;
  rollbackReason?: unknown;
  /**
   * False once the callback has settled. Timers and promises started inside a transaction keep its
   * async context; without this flag their later reads and transactions would run on the writer in
   * whatever transaction holds it then, seeing and joining someone else's uncommitted work.
   */
  open: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How long writing must pause before the WAL is folded back into the database file. */
const CHECKPOINT_IDLE_MS = 30_000;

/**
 * Each connection keeps up to 64 MiB of pages (SQLite's default is 2 MiB). A shop of 100,000
 * orders does not fit in 2 MiB: a batch review re-read the index pages it had just written, about
 * 60 ms of 5,000 orders; the office PC has the memory to spare.
 */
const CACHE = `PRAGMA cache_size = -${64 * 1024};`;

/**
 * One SQLite file: a writer connection whose transactions are serialized, and a separate reader
 * connection. sqlite3 shares one connection between all callbacks, so without the queue two
 * requests awaiting inside their transactions would interleave statements on it (sqlite3 #1761);
 * with WAL the reader only ever sees committed rows.
 */
export class Database {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly current = new AsyncLocalStorage<TxState>();
  private closed = false;
  /** Transactions queued or running; the idle checkpoint waits for none. */
  private pending = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly file: string,
    private readonly writer: Connection,
    private readonly reader: Connection,
    private readonly checkpointIdleMs: number,
  ) {}

  /**
   * `checkpointIdleMs`: how long after the last transaction the WAL is checkpointed and truncated
   * (30 s). SQLite's own checkpoints copy pages back but never shrink the `-wal` file, which keeps
   * the size of the largest burst of writes (an import, a demo shop) for as long as it runs.
   */
  static async open(file: string, options: { busyTimeoutMs?: number; checkpointIdleMs?: number } = {}): Promise<Database> {
    const busy = options.busyTimeoutMs ?? 5000;
    const writer = await Connection.open(file);
    await writer.exec(`PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${busy}; ${CACHE}`);
    const reader = await Connection.open(file, { readOnly: true });
    await reader.exec(`PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${busy}; ${CACHE}`);
    return new Database(file, writer, reader, options.checkpointIdleMs ?? CHECKPOINT_IDLE_MS);
  }

  /**
   * Reads committed data. Inside a transaction it reads through that transaction instead, so code
   * sees its own writes.
   */
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const state = this.active();
    return fn(state ? state.tx : this.reader);
  }

  /**
   * Runs `fn` in a write transaction, after every transaction queued before it has finished.
   * Throwing rolls everything back. Called inside another transaction it becomes a savepoint.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const outer = this.active();
    if (outer) return this.savepoint(outer, fn);
    this.pending++;
    clearTimeout(this.idleTimer);
    const run = this.queue.then(() => this.runTransaction(fn));
    this.queue = run.catch(() => undefined).finally(() => {
      if (--this.pending === 0 && !this.closed) this.scheduleCheckpoint();
    });
    return run;
  }

  /** Once no transaction has come for `checkpointIdleMs`, folds the WAL back and truncates it. */
  private scheduleCheckpoint(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending > 0 || this.closed) return;
      // On the writer's queue, so it never runs inside a transaction. A reader still reading
      // leaves the WAL as it is (busy); the next pause in writing tries again. Like the checkpoint
      // at close it only tidies up: a failing disk shows in the next transaction, which reports it.
      this.queue = this.queue.then(() => this.checkpoint());
    }, this.checkpointIdleMs);
    this.idleTimer.unref();
  }

  private async checkpoint(): Promise<void> {
    if (this.closed) return;
    await this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
  }

  /** The transaction of the current async context, if any (used by events). */
  currentTransaction(): Transaction | undefined {
    return this.active()?.tx;
  }

  private active(): TxState | undefined {
    const state = this.current.getStore();
    return state?.open ? state : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    await this.queue;
    await this.reader.close();
    // Folding the WAL back into the main file only tidies up: if it fails, the next open replays the WAL.
    await this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
    await this.writer.close();
  }

  private async runTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const state: TxState = { tx: this.makeTx(() => state), depth: 0, open: true };
    await this.writer.exec('BEGIN IMMEDIATE');
    try {
      let result: T;
      try {
        result = await this.current.run(state, () => fn(state.tx));
      } finally {
        state.open = false;
      }
      if (state.rollbackReason !== undefined) throw state.rollbackReason;
      await this.writer.exec('COMMIT');
      return result;
    } catch (error) {
      await this.writer.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async savepoint<T>(state: TxState, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const name = `sp_${++state.depth}`;
    await this.writer.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(state.tx);
      await this.writer.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      await this.writer.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    } finally {
      state.depth--;
    }
  }

  private makeTx(state: () => TxState): Transaction {
    // A transaction object kept past its callback would write into whichever transaction holds the
    // writer then; refuse instead.
    const live = () => {
      if (!state().open) throw new Error('this transaction has already ended; use the transaction object only inside its callback');
      return this.writer;
    };
    return {
      get: async (sql, params) => live().get(sql, params),
      all: async (sql, params) => live().all(sql, params),
      run: async (sql, params) => live().run(sql, params),
      setRollbackOnly(reason) {
        state().rollbackReason ??= reason;
      },
      async insertMany(table, columns, rows) {
        for (const name of [table, ...columns]) {
          if (!IDENTIFIER.test(name)) throw new Error(`insertMany: "${name}" is not a plain SQL identifier`);
        }
        if (columns.length === 0) throw new Error('insertMany: no columns');
        const width = columns.length;
        for (const [i, row] of rows.entries()) {
          if (row.length !== width) throw new Error(`insertMany: row ${i} has ${row.length} values for ${width} columns`);
        }
        const size = Math.max(1, Math.min(BULK_ROWS, Math.floor(MAX_VARIABLES / width)));
        const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
        const tuple = `(${columns.map(() => '?').join(',')})`;
        const statement = (n: number) => head + Array.from({ length: n }, () => tuple).join(',');
        const writer = live();
        const whole = Math.floor(rows.length / size) * size;
        const full = statement(size);
        // Every full batch runs on the one kept statement, one after another, in order.
        let inserted = 0;
        for (let i = 0; i < whole; i += size) inserted += (await writer.run(full, rows.slice(i, i + size).flat(), true)).changes;
        if (whole < rows.length) inserted += (await writer.run(statement(rows.length - whole), rows.slice(whole).flat())).changes;
        return inserted;
      },
      async updateVersioned(table, key, changes) {
        const columns = Object.keys(changes);
        for (const name of [table, ...columns]) {
          if (!IDENTIFIER.test(name)) throw new Error(`updateVersioned: "${name}" is not a plain SQL identifier`);
        }
        const assignments = columns.map((c) => `${c} = ?`).concat('version = version + 1').join(', ');
        const values = columns.map((c) => changes[c] as SqlValue);
        const writer = live();
        const result = await writer.run(`UPDATE ${table} SET ${assignments} WHERE id = ? AND version = ?`, [...values, key.id, key.version]);
        if (result.changes === 1) return key.version + 1;
        const row = await writer.get<{ version: number }>(`SELECT version FROM ${table} WHERE id = ?`, [key.id]);
        if (!row) throw new NotFoundError({ 'zh-CN': '要修改的记录已不存在', en: 'The record to change no longer exists' });
        throw new ConflictError({
          'zh-CN': '这条记录刚被别人修改过，请刷新后再改',
          en: 'Someone else changed this record in the meantime; reload it and try again',
        });
      },
    };
  }
}
