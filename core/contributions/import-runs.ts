import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '../i18n/localized-text.js';
import type { Problem } from '../http/problem.js';

/** One message of an import's progress stream, also replayed to late watchers. */
export type ImportEvent =
  | { type: 'progress'; done: number; total?: number; message?: LocalizedText }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; problem: Problem };

export interface ImportRun {
  id: string;
  owner: string;
  importer: string;
  fileName: string;
  actorId: number;
  state: 'running' | 'done' | 'failed';
  events: ImportEvent[];
  listeners: Set<(event: ImportEvent) => void>;
  /** The newest figure reported, sent or held back by the throttle. */
  latest?: { done: number; total?: number; message?: LocalizedText };
}

/** Keep finished runs this long, so a page reloaded after an import can still read its report. */
const KEEP_MS = 60 * 60 * 1000;
/** Progress may be reported per row; watchers need far fewer updates than that. */
const PROGRESS_EVERY_MS = 100;

/** Import runs in memory: their event history and who is listening. */
export class ImportRuns {
  private readonly runs = new Map<string, ImportRun>();

  start(owner: string, importer: string, fileName: string, actorId: number): ImportRun {
    this.sweep();
    const run: ImportRun = { id: randomUUID(), owner, importer, fileName, actorId, state: 'running', events: [], listeners: new Set() };
    this.runs.set(run.id, run);
    return run;
  }

  get(id: string): ImportRun | undefined {
    return this.runs.get(id);
  }

  /** A progress reporter that keeps the newest figure but sends at most one update per 100 ms. */
  progress(run: ImportRun): (p: { done: number; total?: number; message?: LocalizedText }) => void {
    let last = 0;
    return (p) => {
      const now = Date.now();
      if (run.state !== 'running') return;
      run.latest = p;
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      this.push(run, { type: 'progress', ...p });
    };
  }

  finish(run: ImportRun, event: Extract<ImportEvent, { type: 'done' | 'failed' }>): void {
    // The throttle may have held back the last figure; watchers should end on the true count.
    const sent = run.events.find((e) => e.type === 'progress');
    if (run.latest && (!sent || sent.done !== run.latest.done)) this.push(run, { type: 'progress', ...run.latest });
    run.state = event.type;
    this.push(run, event);
    run.listeners.clear();
    (run as ImportRun & { finishedAt?: number }).finishedAt = Date.now();
  }

  private push(run: ImportRun, event: ImportEvent): void {
    // Only the newest progress matters to a late watcher; keep the replay short.
    if (event.type === 'progress') run.events = run.events.filter((e) => e.type !== 'progress');
    run.events.push(event);
    for (const listener of run.listeners) listener(event);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, run] of this.runs) {
      const finishedAt = (run as ImportRun & { finishedAt?: number }).finishedAt;
      if (finishedAt !== undefined && now - finishedAt > KEEP_MS) this.runs.delete(id);
    }
  }
}
