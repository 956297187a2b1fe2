import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import type { Logger } from '../log/logger.js';
import { formatTimestamp, isValidTimeZone } from '../i18n/time.js';
import type { LocalizedText } from '../i18n/localized-text.js';
import type { JobDefinition } from '../plugins/context.js';
import { parseCron, type CronSchedule } from './cron.js';
import { parseDuration } from './duration.js';
import { JobRunLog, type JobRunStore } from './job-run-log.js';

/** What the workbench shows about one scheduled job. Timestamps are in shop time. */
export interface JobState {
  owner: string;
  id: string;
  title: LocalizedText;
  /** `every 30s` or `cron 0 9 * * *`. */
  schedule: string;
  running: boolean;
  lastStartedAt?: string;
  lastFinishedAt?: string;
  /** The error of the most recent run; cleared when a run succeeds. */
  lastError?: string;
  /** Finished runs, failed ones included. */
  runs: number;
  failures: number;
  /** Absent while an `every` job runs (its next run counts from the end) and once stopped. */
  nextRunAt?: string;
}

export interface JobSchedulerOptions {
  /** IANA zone cron expressions are read in, e.g. `Asia/Shanghai`. */
  timeZone: string;
  log: Logger;
  now?: () => Date;
  /** How long `stop()` waits for running jobs; 5000 ms by default. */
  stopTimeoutMs?: number;
  /** Remembers runs between starts, so runs missed while the workbench was off catch up. */
  runs?: JobRunStore;
  /** Where the timers come from; the plugin test kit passes a clock that fires them when moved. */
  timers?: JobTimers;
}

/** setTimeout and clearTimeout, or a test clock's stand-ins for them. */
export interface JobTimers {
  set(fire: () => void, delayMs: number): unknown;
  clear(timer: unknown): void;
}

const REAL_TIMERS: JobTimers = {
  set: (fire, delayMs) => {
    const timer = setTimeout(fire, delayMs);
    timer.unref?.();
    return timer;
  },
  clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

type Plan = { kind: 'every'; ms: number } | { kind: 'cron'; cron: CronSchedule };

interface Entry {
  key: string;
  owner: string;
  job: JobDefinition;
  plan: Plan;
  state: JobState;
  log: Logger;
  timer?: unknown;
  current?: Promise<JobState>;
  disposed: boolean;
}

// setTimeout treats anything above 2^31-1 as 1 ms, so long waits are made of shorter hops.
const MAX_DELAY = 2 ** 31 - 2;

// An `every` job quicker than this runs soon after a start anyway; recording each of its runs
// would only add a write to the database several times a second.
const RECORDED_EVERY_MS = 60_000;

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * Runs plugins' background jobs on `every` intervals or cron expressions in shop time. A run that
 * fails is logged and recorded and the job keeps its schedule; a job never overlaps itself; timers
 * are unref'd so they never keep the process alive.
 *
 * With a run store, each job's last start is kept between starts of the workbench. A cron job
 * whose time came while the workbench was off runs once when `start()` is called — once, however
 * many times it was missed — and an `every` job of a minute or more carries its interval across
 * the restart (overdue: at start). A job with `catchUp: false`, or whose schedule changed,
 * counts from now instead.
 *
 * @example
 * const jobs = new JobScheduler({ timeZone: 'Asia/Shanghai', log });
 * const handle = jobs.schedule('reports', {
 *   id: 'monthly', title: { 'zh-CN': '月报', en: 'Monthly report' },
 *   schedule: { cron: '0 9 28 * *' },
 *   run: async ({ startedAt, log }) => { log.info('building', { startedAt }); },
 * });
 * await jobs.runNow('reports', 'monthly');
 * handle.dispose();
 * await jobs.stop();
 */
export class JobScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Set<Promise<JobState>>();
  private readonly timeZone: string;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly stopTimeoutMs: number;
  private readonly runs: JobRunLog;
  private readonly timers: JobTimers;
  /** Catch-up runs waiting for `start()`. */
  private readonly held = new Set<Entry>();
  private started = false;
  private stopped = false;

  constructor(options: JobSchedulerOptions) {
    if (!isValidTimeZone(options.timeZone)) throw new Error(`job scheduler: unknown time zone "${options.timeZone}"`);
    this.timeZone = options.timeZone;
    this.log = options.log;
    this.now = options.now ?? (() => new Date());
    this.stopTimeoutMs = options.stopTimeoutMs ?? 5000;
    this.runs = new JobRunLog(options.runs, this.log);
    this.timers = options.timers ?? REAL_TIMERS;
  }

  /** Resolves once no job is running (runs started meanwhile included). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  /** Reads the jobs' last runs from the run store; called once, before any job is scheduled. */
  load(): Promise<void> {
    return this.runs.load();
  }

  /**
   * Lets the runs missed while the workbench was off go, once every plugin is active; a job
   * scheduled later (a plugin started afterwards) catches up at once.
   */
  start(): void {
    if (this.stopped) return;
    this.started = true;
    const held = [...this.held];
    this.held.clear();
    // One run by hand while waiting already made up for the missed one.
    for (const entry of held) {
      if (entry.state.lastStartedAt === undefined) this.catchUp(entry);
      else if (!entry.current || entry.plan.kind === 'cron') this.arm(entry);
    }
  }

  /**
   * Validates the schedule (throwing on a bad one or a duplicate owner+id), starts its timer and
   * returns a Disposable that stops it. A run in progress when disposed is left to finish.
   */
  schedule(owner: string, job: JobDefinition): Disposable {
    if (this.stopped) throw new Error(`cannot schedule job "${owner}/${job?.id}": the scheduler is stopped`);
    if (typeof owner !== 'string' || owner === '') throw new Error('a job needs a non-empty owner');
    if (!job || typeof job.id !== 'string' || job.id === '') throw new Error(`a job of "${owner}" needs a non-empty string id`);
    const label = `job "${owner}/${job.id}"`;
    if (typeof job.run !== 'function') throw new Error(`${label} needs a run function`);
    const key = JSON.stringify([owner, job.id]);
    if (this.entries.has(key)) throw new Error(`${label} is already scheduled`);
    const { plan, text } = this.plan(job, label);
    const entry: Entry = {
      key,
      owner,
      job,
      plan,
      log: this.log.child(`${owner}/${job.id}`),
      disposed: false,
      state: { owner, id: job.id, title: job.title, schedule: text, running: false, runs: 0, failures: 0 },
    };
    const { since, fresh } = this.countingFrom(entry);
    // Arm before registering so an impossible cron (`0 0 31 2 *`) throws and leaves nothing behind.
    let missed: boolean;
    try {
      missed = since !== undefined && this.dueBy(entry.plan, since) <= this.now().getTime();
      if (missed) entry.state.nextRunAt = formatTimestamp(this.now(), this.timeZone);
      else this.arm(entry, undefined, since);
    } catch (error) {
      throw new Error(`${label}: ${describeError(error)}`, { cause: error });
    }
    this.entries.set(key, entry);
    if (fresh) this.record(entry, formatTimestamp(this.now(), this.timeZone));
    if (missed) {
      if (this.started) this.catchUp(entry);
      else this.held.add(entry);
    }
    return toDisposable(() => {
      entry.disposed = true;
      this.held.delete(entry);
      this.clearTimer(entry);
      entry.state.nextRunAt = undefined;
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
  }

  /**
   * Runs a job now with the same bookkeeping as a scheduled run and resolves with its state once
   * it finishes. If the job is already running, resolves when that run finishes instead of
   * starting a second one. Never rejects because the job failed; rejects for an unknown job.
   */
  async runNow(owner: string, id: string): Promise<JobState> {
    if (this.stopped) throw new Error(`cannot run job "${owner}/${id}": the scheduler is stopped`);
    const entry = this.entries.get(JSON.stringify([owner, id]));
    if (!entry) throw new Error(`no job "${owner}/${id}" is scheduled`);
    return this.execute(entry);
  }

  /** Snapshots of every scheduled job, sorted by owner then id. */
  list(): JobState[] {
    return [...this.entries.values()]
      .map((entry) => ({ ...entry.state }))
      .sort((a, b) => (a.owner === b.owner ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.owner < b.owner ? -1 : 1));
  }

  /**
   * Stops every timer and waits for running jobs to finish, giving up (with a warning) after the
   * stop timeout. Nothing can be scheduled or run afterwards.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.held.clear();
    for (const entry of this.entries.values()) {
      this.clearTimer(entry);
      entry.state.nextRunAt = undefined;
    }
    await this.waitForRuns();
    // The last starts may still be on their way to the run store.
    await this.runs.flush();
  }

  private async waitForRuns(): Promise<void> {
    if (this.inflight.size === 0) return;
    const pending = [...this.inflight];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), this.stopTimeoutMs);
      timer.unref?.();
    });
    const late = await Promise.race([Promise.all(pending).then(() => false as const), timedOut]);
    clearTimeout(timer);
    if (late) {
      const running = [...this.entries.values()].filter((e) => e.current).map((e) => `${e.owner}/${e.job.id}`);
      this.log.warn('stopped without waiting any longer for running jobs', { timeoutMs: this.stopTimeoutMs, jobs: running });
    }
  }

  private plan(job: JobDefinition, label: string): { plan: Plan; text: string } {
    // Plugins may be plain JS, so the union type is not trusted.
    const schedule = job.schedule as { every?: unknown; cron?: unknown } | undefined;
    if (!schedule || typeof schedule !== 'object') throw new Error(`${label} needs a schedule: { every } or { cron }`);
    const hasEvery = schedule.every !== undefined;
    const hasCron = schedule.cron !== undefined;
    if (hasEvery === hasCron) throw new Error(`${label} needs exactly one of schedule.every and schedule.cron`);
    try {
      if (hasEvery) {
        const ms = parseDuration(schedule.every as number | string);
        const text = typeof schedule.every === 'number' ? `${schedule.every}ms` : String(schedule.every).trim();
        return { plan: { kind: 'every', ms }, text: `every ${text}` };
      }
      const cron = parseCron(schedule.cron as string);
      return { plan: { kind: 'cron', cron }, text: `cron ${cron.expression.trim()}` };
    } catch (error) {
      throw new Error(`${label}: ${describeError(error)}`, { cause: error });
    }
  }

  /**
   * When to count the job's schedule from: its last recorded start, if the run store has one for
   * the same schedule and the job catches up. Otherwise counting starts now; `fresh` says that is
   * to be recorded (a new job, or a changed schedule).
   */
  private countingFrom(entry: Entry): { since: number | undefined; fresh: boolean } {
    if (!this.recorded(entry)) return { since: undefined, fresh: false };
    const last = this.runs.lastStart(entry.owner, entry.job.id, entry.state.schedule);
    if (last === undefined) return { since: undefined, fresh: true };
    return { since: entry.job.catchUp === false ? undefined : last, fresh: false };
  }

  private recorded(entry: Entry): boolean {
    return this.runs.enabled && (entry.plan.kind === 'cron' || entry.plan.ms >= RECORDED_EVERY_MS);
  }

  /** The first time the plan came due after `since`. */
  private dueBy(plan: Plan, since: number): number {
    return plan.kind === 'every' ? since + plan.ms : plan.cron.next(new Date(since), this.timeZone).getTime();
  }

  /** One run now for what was missed; the schedule goes on from there. */
  private catchUp(entry: Entry): void {
    if (entry.disposed || this.stopped) return;
    const now = this.now().getTime();
    entry.log.info(`job ${entry.owner}/${entry.job.id} missed a run while the workbench was off; running it now`, { owner: entry.owner, job: entry.job.id });
    this.wait(entry, now, 0, () => {
      if (entry.plan.kind === 'cron') this.fireCron(entry, now);
      else this.trigger(entry);
    });
  }

  /** Keeps the job's last start in the run store, for the jobs worth catching up. */
  private record(entry: Entry, at: string): void {
    if (this.recorded(entry)) this.runs.record({ owner: entry.owner, id: entry.job.id, schedule: entry.state.schedule, lastRunAt: at });
  }

  /**
   * Sets the entry's single timer. Cron jobs count from `from` too, because a timer may fire a
   * hair before its minute and would otherwise pick the same minute again. An `every` job's first
   * run after a restart counts from `since`, its last recorded start.
   */
  private arm(entry: Entry, from?: number, since?: number): void {
    this.clearTimer(entry);
    if (entry.disposed || this.stopped) return;
    const now = this.now().getTime();
    if (entry.plan.kind === 'every') {
      const due = since === undefined ? now + entry.plan.ms : Math.min(Math.max(since + entry.plan.ms, now), now + entry.plan.ms);
      entry.state.nextRunAt = formatTimestamp(new Date(due), this.timeZone);
      this.wait(entry, due, due - now, () => this.trigger(entry));
      return;
    }
    const due = entry.plan.cron.next(new Date(Math.max(now, from ?? now)), this.timeZone).getTime();
    entry.state.nextRunAt = formatTimestamp(new Date(due), this.timeZone);
    this.wait(entry, due, due - now, () => this.fireCron(entry, due));
  }

  /**
   * Waits `budget` ms in hops short enough for setTimeout. Between hops the clock is consulted
   * (it may have jumped, e.g. after sleep), but the budget also shrinks so a frozen test clock
   * still gets there.
   */
  private wait(entry: Entry, due: number, budget: number, fire: () => void): void {
    const delay = Math.max(0, Math.min(budget, MAX_DELAY));
    const timer = this.timers.set(() => {
      if (entry.timer !== timer) return;
      entry.timer = undefined;
      const left = Math.min(due - this.now().getTime(), budget - delay);
      if (budget > MAX_DELAY && left > 0) this.wait(entry, due, left, fire);
      else fire();
    }, delay);
    entry.timer = timer;
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer !== undefined) this.timers.clear(entry.timer);
    entry.timer = undefined;
  }

  private fireCron(entry: Entry, due: number): void {
    // Arm first: the next minute must come due even while this run is still going.
    try {
      this.arm(entry, due);
    } catch (error) {
      entry.state.nextRunAt = undefined;
      this.log.error(`job ${entry.owner}/${entry.job.id} has no next run`, { owner: entry.owner, job: entry.job.id, error });
    }
    this.trigger(entry);
  }

  private trigger(entry: Entry): void {
    if (entry.disposed || this.stopped) return;
    if (entry.current) {
      // An `every` job is re-armed when the run in progress ends, so nothing is lost here.
      this.log.warn(`job ${entry.owner}/${entry.job.id} skipped: its previous run is still going`, {
        owner: entry.owner,
        job: entry.job.id,
        startedAt: entry.state.lastStartedAt,
      });
      return;
    }
    void this.execute(entry);
  }

  private execute(entry: Entry): Promise<JobState> {
    if (entry.current) return entry.current;
    const run = this.perform(entry);
    entry.current = run;
    this.inflight.add(run);
    const settle = () => {
      this.inflight.delete(run);
      if (entry.current === run) entry.current = undefined;
      // `every` counts from the end of the run, so the chain continues here.
      if (entry.plan.kind === 'every') this.arm(entry);
    };
    void run.then(settle, settle);
    return run;
  }

  /** Never rejects: a failing job is state, not an exception. */
  private async perform(entry: Entry): Promise<JobState> {
    const { state, job, owner } = entry;
    const started = this.now();
    state.running = true;
    state.lastStartedAt = formatTimestamp(started, this.timeZone);
    this.record(entry, state.lastStartedAt);
    if (entry.plan.kind === 'every') state.nextRunAt = undefined;
    try {
      await job.run({ startedAt: state.lastStartedAt, log: entry.log });
      state.lastError = undefined;
      this.log.debug(`job ${owner}/${job.id} finished`, { ms: this.now().getTime() - started.getTime() });
    } catch (error) {
      state.failures += 1;
      state.lastError = describeError(error);
      try {
        this.log.error(`job ${owner}/${job.id} failed`, { owner, job: job.id, error });
      } catch {
        // A broken logger must not turn a recorded failure into an unhandled rejection.
      }
    }
    state.running = false;
    state.runs += 1;
    state.lastFinishedAt = formatTimestamp(this.now(), this.timeZone);
    return { ...state };
  }
}
