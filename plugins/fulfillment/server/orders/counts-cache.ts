import type { Queryable } from '@workbench/plugin-api';

/**
 * The counts per state of the whole shop, which every order list and the queue widget ask for,
 * kept until anything is committed: SQLite's `data_version` changes on the reading connection
 * whenever another connection (the workbench's writer) commits, so a kept answer is never stale.
 * Searches with filters are counted afresh each time.
 */
export class CountsCache<T> {
  private kept: { version: number; key: string; value: T } | undefined;

  async get(q: Queryable, key: string, count: () => Promise<T>): Promise<T> {
    const version = (await q.get<{ data_version: number }>('PRAGMA data_version'))?.data_version;
    if (version !== undefined && this.kept && this.kept.version === version && this.kept.key === key) return this.kept.value;
    const value = await count();
    if (version !== undefined) this.kept = { version, key, value };
    return value;
  }
}
