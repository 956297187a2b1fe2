/**
 * Disposables, as in VS Code: everything a plugin registers hands back one, and the plugin's
 * store disposes them all when the plugin stops.
 *
 * @example
 * const store = new DisposableStore();
 * store.add(ctx.routes.add({ ... }));
 * store.dispose(); // undoes every registration, once
 */
export interface Disposable {
  dispose(): void;
}

/** Wraps a function so it runs at most once when disposed. */
export function toDisposable(fn: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      fn();
    },
  };
}

/**
 * A bag of disposables disposed together, in reverse order of addition. A second `dispose()` does
 * nothing; adding to a disposed store disposes the newcomer at once and reports it, because that
 * registration would otherwise outlive its owner.
 */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  constructor(private readonly onLeak?: (message: string) => void) {}

  get isDisposed(): boolean {
    return this.disposed;
  }

  get size(): number {
    return this.items.length;
  }

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      this.onLeak?.('a registration was added after its owner was disposed; it was disposed at once');
      item.dispose();
      return item;
    }
    this.items.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'several disposables failed');
  }
}
