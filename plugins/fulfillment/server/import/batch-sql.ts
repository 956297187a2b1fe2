import type { SqlValue, Transaction } from '@workbench/plugin-api';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkNames(table: string, columns: readonly string[]): void {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`batch SQL: "${name}" is not a plain identifier`);
}

/**
 * Rows for one or more tables, one table's rows at a time in the caller's transaction, through
 * the plugin API's bulk insert (`tx.insertMany`: fixed-size statements compiled once and kept):
 * the next table's rows are queued while SQLite still writes the last ones.
 */
export class InsertPipe {
  private running: { result: Promise<number>; table: string; count: number } | undefined;
  private readonly written = new Map<string, number>();

  constructor(
    private readonly tx: Transaction,
    /** Rows written to a table so far, after each statement. */
    private readonly afterBatch?: (table: string, written: number) => void,
  ) {}

  /** Queues the rows; answers once they are under way (`flush` waits for them). */
  async insert(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    checkNames(table, columns);
    await this.settle();
    const result = this.tx.insertMany(table, columns, rows);
    // Awaited at the next settle; until then a failure must not count as unhandled.
    result.catch(() => undefined);
    this.running = { result, table, count: rows.length };
  }

  /** Waits for the last statement; a failed one throws here. */
  flush(): Promise<void> {
    return this.settle();
  }

  private async settle(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    const changes = await running.result;
    if (changes !== running.count) throw new Error(`batch SQL: ${running.table} took ${changes} of ${running.count} rows`);
    const total = (this.written.get(running.table) ?? 0) + changes;
    this.written.set(running.table, total);
    this.afterBatch?.(running.table, total);
  }
}

/** Inserts rows with multi-row INSERT statements (see InsertPipe). */
export async function insertRows(tx: Transaction, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
  const pipe = new InsertPipe(tx);
  await pipe.insert(table, columns, rows);
  await pipe.flush();
}

/**
 * Updates many rows by id in a few statements: each batch travels as one JSON array of
 * `[id, value …]` and `UPDATE … FROM json_each` sets the columns, so nothing is read per row.
 * `extra` is SQL appended to the SET list (e.g. `version = version + 1`).
 */
export async function updateRows(tx: Transaction, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], extra: { sql: string; params: SqlValue[] } = { sql: '', params: [] }): Promise<void> {
  checkNames(table, columns);
  const set = columns.map((c, i) => `${c} = c.value ->> ${i + 1}`).join(', ');
  for (let i = 0; i < rows.length; i += 5_000) {
    const json = JSON.stringify(rows.slice(i, i + 5_000));
    await tx.run(`UPDATE ${table} SET ${set}${extra.sql ? `, ${extra.sql}` : ''} FROM json_each(?) AS c WHERE ${table}.id = c.value ->> 0`, [...extra.params, json]);
  }
}
