/** How long a slice of work may hold the event loop before other requests get a turn. */
export const SLICE_MS = 8;

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));
const settled = Promise.resolve();

/**
 * Long work on the event loop in slices of time: `await turns.pause()` between two pieces of
 * work (a row, a statement built) costs nothing until the slice has run `sliceMs`; then it lets
 * the event loop take a turn — requests waiting to be read and answered go first — and starts a
 * new slice. Slicing by time, not by a count of rows, keeps the pauses right for small and large
 * rows and on a slow or busy machine alike.
 */
export class Turns {
  private started = performance.now();

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** Whether the slice has run its time. */
  get due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** A turn of the event loop for everything else when the slice is used up. */
  pause(): Promise<void> {
    return this.due ? this.next() : settled;
  }

  /** A turn of the event loop for everything else now, then a new slice. */
  async next(): Promise<void> {
    await immediate();
    this.started = performance.now();
  }
}
