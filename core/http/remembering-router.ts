import type { Result, Router } from 'hono/router';

/** Longer paths are matched afresh each time, so odd requests cannot fill the memory. */
const LONGEST_KEPT_PATH = 256;

/**
 * A router that keeps its last answers per method and path. Hono asks the router on every request,
 * and the trie walks every route and middleware pattern of six plugins each time (about a
 * twentieth of a public route's cost); the answer for a path only changes when a route is added,
 * which forgets them all. At most `limit` answers are kept; then they are forgotten and kept anew.
 */
export class RememberingRouter<T> implements Router<T> {
  readonly name: string;
  private readonly answers = new Map<string, Result<T>>();

  constructor(
    private readonly inner: Router<T>,
    private readonly limit = 2000,
  ) {
    this.name = `Remembering${inner.name}`;
  }

  add(method: string, path: string, handler: T): void {
    this.answers.clear();
    this.inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    if (path.length > LONGEST_KEPT_PATH) return this.inner.match(method, path);
    const key = `${method} ${path}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.inner.match(method, path);
      if (this.answers.size >= this.limit) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }
}
