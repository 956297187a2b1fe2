/** Something to undo: a registration, a listener. */
export interface Disposable {
  dispose(): void;
}

export const toDisposable = (fn: () => void): Disposable => {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      fn();
    },
  };
};

/** A tiny event: `on(listener)` returns a Disposable; `fire(value)` calls every listener. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  on = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}
