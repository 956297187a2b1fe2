import type { Queryable, SqlValue } from '@workbench/plugin-api';

const COLUMN = /^[a-z_][a-z0-9_]*$/;

/**
 * Many rows read as one JSON text that SQLite builds (`json_group_array(json_object(…))`), parsed
 * once here. sqlite3 hands each row to JavaScript by setting its columns one by one on a fresh
 * object, about a microsecond a column on the main thread; thousands of rows of a wide table (an
 * order has sixty columns) cost more there than the query itself, while `JSON.parse` builds the
 * same rows many times faster. Only for columns holding integers, text or NULL: a REAL would come
 * back through its shortest decimal, a BLOB is refused by SQLite.
 *
 * `from` is the rest of the statement after the select list (`FROM … WHERE …`), `orderBy` the
 * order of the rows in the answer.
 */
export async function jsonRows<T>(q: Queryable, columns: readonly (keyof T & string)[], from: string, params: SqlValue[], orderBy: string): Promise<T[]> {
  for (const c of columns) if (!COLUMN.test(c)) throw new Error(`jsonRows: "${c}" is not a plain column name`);
  const object = `json_object(${columns.map((c) => `'${c}', ${c}`).join(', ')})`;
  const row = await q.get<{ rows: string }>(`SELECT json_group_array(${object} ORDER BY ${orderBy}) AS rows ${from}`, params);
  return JSON.parse(row?.rows ?? '[]') as T[];
}
