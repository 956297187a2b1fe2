/** One page of a list, as list routes answer (`$defs/page` in schemas/defs.schema.json). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The standard list query: `page` from 1, `pageSize`, `sort` (`field` / `-field`), `q`, and filters. */
export interface TableQuery {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  [filter: string]: string | number | undefined;
}

/**
 * The pages of a data table fetched so far. A reset (new sort, search, filter) starts a new
 * generation; answers to requests of an older generation are dropped, so a slow reply can never
 * show rows of a query the user has already changed.
 */
export class PageCache<T> {
  private pages = new Map<number, T[]>();
  private pending = new Set<number>();
  private generation = 0;
  private fetch: (page: number) => Promise<Page<T>> = () => Promise.reject(new Error('no source'));
  total: number | undefined;
  error = '';

  constructor(private readonly changed: () => void) {}

  reset(fetch: (page: number) => Promise<Page<T>>): void {
    this.generation++;
    this.fetch = fetch;
    this.pages = new Map();
    this.pending = new Set();
    this.total = undefined;
    this.error = '';
  }

  /** The row at a 0-based index, if its page is loaded. */
  row(index: number, pageSize: number): T | undefined {
    return this.pages.get(Math.floor(index / pageSize) + 1)?.[index % pageSize];
  }

  loadedRows(): T[] {
    return [...this.pages.keys()].sort((a, b) => a - b).flatMap((p) => this.pages.get(p)!);
  }

  /** Starts fetching every page that rows `from`..`to` (exclusive) fall on. */
  ensure(from: number, to: number, size: number): void {
    const firstPage = Math.floor(from / size) + 1;
    const lastPage = Math.max(firstPage, Math.floor(Math.max(from, to - 1) / size) + 1);
    for (let p = firstPage; p <= lastPage; p++) this.load(p);
  }

  private load(page: number): void {
    if (this.pages.has(page) || this.pending.has(page) || this.error) return;
    const generation = this.generation;
    this.pending.add(page);
    this.fetch(page).then(
      (result) => {
        if (generation !== this.generation) return;
        this.pending.delete(page);
        this.pages.set(page, result.items);
        this.total = result.total;
        this.changed();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.pending.delete(page);
        this.error = error instanceof Error ? error.message : String(error);
        this.changed();
      },
    );
  }
}
