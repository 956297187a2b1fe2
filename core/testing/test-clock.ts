import type { JobTimers } from '../jobs/scheduler.js';

interface PendingTimer {
  due: number;
  order: number;
  fire: () => void;
}

/**
 * A clock that stands still until a test moves it. It also hands out the timers jobs wait on, so
 * moving it fires every timer that came due on the way, in the order they came due, with the
 * clock showing each one's own time.
 */
export class TestClock implements JobTimers {
  private current: number;
  private next = 1;
  private readonly pending = new Map<number, PendingTimer>();

  constructor(start: number) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  set(fire: () => void, delayMs: number): number {
    const id = this.next++;
    this.pending.set(id, { due: this.current + Math.max(0, delayMs), order: id, fire });
    return id;
  }

  clear(timer: unknown): void {
    this.pending.delete(timer as number);
  }

  /**
   * Moves to `target`, firing the timers due by then one at a time; `settle` runs after each, so
   * a job finishes (and sets its next timer) before the clock moves past it.
   */
  async moveTo(target: number, settle: () => Promise<void>): Promise<number> {
    let fired = 0;
    for (;;) {
      const first = [...this.pending.entries()]
        .filter(([, t]) => t.due <= target)
        .sort(([, a], [, b]) => a.due - b.due || a.order - b.order)[0];
      if (!first) break;
      // A job every 10 ms moved by a year would never end; a test asking that is mistaken.
      if (++fired > 100_000) throw new Error('the test clock fired 100000 timers in one move; move it less far');
      const [id, timer] = first;
      this.pending.delete(id);
      this.current = Math.max(this.current, timer.due);
      timer.fire();
      await settle();
    }
    this.current = Math.max(this.current, target);
    return fired;
  }

  /** Sets the time without firing anything: for a jump back, or to a moment no timer cares about. */
  jump(to: number): void {
    this.current = to;
  }
}
