import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, type LogLevel } from '../log/logger.js';
import type { JobContext, JobDefinition } from '../plugins/context.js';
import type { JobRunRecord, JobRunStore } from './job-run-log.js';
import { JobScheduler } from './scheduler.js';

const SHANGHAI = 'Asia/Shanghai';

function capture() {
  const lines: { level: LogLevel; line: string }[] = [];
  const log = createLogger({ level: 'debug', now: () => 'T', write: (level, line) => lines.push({ level, line }) });
  return { log, lines, at: (level: LogLevel) => lines.filter((l) => l.level === level).map((l) => l.line) };
}

function job(id: string, schedule: JobDefinition['schedule'], run: JobDefinition['run'] = () => {}): JobDefinition {
  return { id, title: { 'zh-CN': id, en: id }, schedule, run };
}

/** A promise plus its resolver, to hold a job mid-run. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let scheduler: JobScheduler | undefined;
function make(options: Partial<ConstructorParameters<typeof JobScheduler>[0]> = {}) {
  const logs = capture();
  scheduler = new JobScheduler({ timeZone: SHANGHAI, log: logs.log, ...options });
  return { scheduler, ...logs };
}

afterEach(async () => {
  // Spies first: a spy made under fake timers would otherwise put the fake setTimeout back.
  vi.restoreAllMocks();
  if (scheduler && vi.isFakeTimers()) {
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    await stopping;
  } else {
    await scheduler?.stop();
  }
  scheduler = undefined;
  vi.useRealTimers();
});

describe('every', () => {
  it('runs repeatedly on real timers', async () => {
    const { scheduler } = make();
    const contexts: JobContext[] = [];
    scheduler.schedule('demo', job('tick', { every: 20 }, (ctx) => void contexts.push(ctx)));
    await sleep(200);
    expect(contexts.length).toBeGreaterThanOrEqual(3);
    const [state] = scheduler.list();
    expect(state).toMatchObject({ owner: 'demo', id: 'tick', schedule: 'every 20ms', running: false, failures: 0 });
    expect(state!.runs).toBeGreaterThanOrEqual(3);
    expect(state!.nextRunAt).toMatch(/\+08:00$/);
  });

  it('gives the run a start time in shop time and a scoped logger', async () => {
    const { scheduler, lines } = make({ now: () => new Date('2026-11-23T04:00:00Z') });
    let seen: JobContext | undefined;
    scheduler.schedule('orders', job('sweep', { every: '1h' }, (ctx) => {
      seen = ctx;
      ctx.log.info('sweeping');
    }));
    await scheduler.runNow('orders', 'sweep');
    expect(seen!.startedAt).toBe('2026-11-23T12:00:00.000+08:00');
    expect(lines.map((l) => l.line)).toContain('T INFO  [orders/sweep] sweeping');
    expect(scheduler.list()[0]!.schedule).toBe('every 1h');
  });

  it('counts the next run from the end of the previous one', async () => {
    vi.useFakeTimers();
    const { scheduler } = make();
    const starts: number[] = [];
    scheduler.schedule('demo', job('slow', { every: '1s' }, async () => {
      starts.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 500));
    }));
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(3_900);
    expect(starts.map((t) => t - t0)).toEqual([1_000, 2_500]);
  });
});

describe('failures', () => {
  it('records sync and async failures, logs them, and keeps the job running', async () => {
    const { scheduler, at } = make();
    let calls = 0;
    scheduler.schedule('demo', job('flaky', { every: 20 }, async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom sync');
      if (calls === 2) await Promise.reject(new Error('boom async'));
    }));
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(3), { timeout: 1_000, interval: 5 });
    await vi.waitFor(() => expect(scheduler.list()[0]!.running).toBe(false));
    const state = scheduler.list()[0]!;
    expect(state.failures).toBe(2);
    expect(state.runs).toBeGreaterThanOrEqual(3);
    expect(state.lastError).toBeUndefined();
    const errors = at('error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('job demo/flaky failed owner=demo job=flaky error=');
    expect(errors[0]).toContain('boom sync');
    expect(errors[1]).toContain('boom async');
  });

  it('survives a run function that throws synchronously (not async)', async () => {
    const { scheduler } = make();
    scheduler.schedule('demo', job('sync', { every: '1h' }, () => {
      throw 'plain string';
    }));
    const state = await scheduler.runNow('demo', 'sync');
    expect(state).toMatchObject({ runs: 1, failures: 1, lastError: 'plain string', running: false });
  });
});

describe('overlap', () => {
  it('skips a cron tick while the previous run is still going', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T12:00:00+08:00'));
    const { scheduler, at } = make();
    let active = 0;
    let most = 0;
    let runs = 0;
    const held = gate();
    scheduler.schedule('demo', job('long', { cron: '* * * * *' }, async () => {
      active += 1;
      runs += 1;
      most = Math.max(most, active);
      if (runs === 1) await held.promise;
      active -= 1;
    }));
    await vi.advanceTimersByTimeAsync(60_000); // 12:01 starts and hangs
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000); // 12:02 and 12:03 are skipped
    expect(runs).toBe(1);
    expect(at('warn').filter((l) => l.includes('job demo/long skipped'))).toHaveLength(2);
    held.open();
    await vi.advanceTimersByTimeAsync(60_000); // 12:04 runs again
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('runNow during a run joins that run instead of starting another', async () => {
    const { scheduler } = make();
    const held = gate();
    let runs = 0;
    scheduler.schedule('demo', job('once', { every: '1h' }, async () => {
      runs += 1;
      await held.promise;
    }));
    const first = scheduler.runNow('demo', 'once');
    const second = scheduler.runNow('demo', 'once');
    await sleep(10);
    expect(scheduler.list()[0]!.running).toBe(true);
    held.open();
    const [a, b] = await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(a.runs).toBe(1);
    expect(b.runs).toBe(1);
  });
});

describe('cron', () => {
  it('fires on the 28th at 09:00 Shanghai time and re-arms', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T12:00:00+08:00'));
    const { scheduler } = make();
    const starts: string[] = [];
    scheduler.schedule('reports', job('monthly', { cron: '0 9 28 * *' }, (ctx) => void starts.push(ctx.startedAt)));
    expect(scheduler.list()[0]).toMatchObject({ schedule: 'cron 0 9 28 * *', nextRunAt: '2026-11-28T09:00:00.000+08:00' });
    await vi.advanceTimersByTimeAsync(new Date('2026-11-28T08:59:59+08:00').getTime() - Date.now());
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(starts).toEqual(['2026-11-28T09:00:00.000+08:00']);
    expect(scheduler.list()[0]!.nextRunAt).toBe('2026-12-28T09:00:00.000+08:00');
  });

  it('waits longer than setTimeout allows by re-arming', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T12:00:00+08:00'));
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const { scheduler } = make();
    let runs = 0;
    scheduler.schedule('reports', job('yearly', { cron: '0 0 1 1 *' }, () => void runs++));
    for (const call of setTimeoutSpy.mock.calls) expect(call[1]).toBeLessThan(2 ** 31 - 1);
    const due = new Date('2027-01-01T00:00:00+08:00').getTime();
    await vi.advanceTimersByTimeAsync(due - Date.now() - 1);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
  });
});

describe('timers', () => {
  it('are unref’d so they never keep the process alive', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const { scheduler } = make();
    scheduler.schedule('demo', job('a', { every: '1h' }));
    scheduler.schedule('demo', job('b', { cron: '0 9 * * *' }));
    const timers = setTimeoutSpy.mock.results.map((r) => r.value as NodeJS.Timeout);
    expect(timers).toHaveLength(2);
    for (const timer of timers) expect(timer.hasRef()).toBe(false);
  });
});

describe('registration', () => {
  it('dispose stops the job and removes it', async () => {
    const { scheduler } = make();
    let runs = 0;
    const handle = scheduler.schedule('demo', job('tick', { every: 20 }, () => void runs++));
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(1), { timeout: 1_000, interval: 5 });
    handle.dispose();
    const after = runs;
    await sleep(100);
    expect(runs).toBe(after);
    expect(scheduler.list()).toEqual([]);
    await expect(scheduler.runNow('demo', 'tick')).rejects.toThrow('no job "demo/tick" is scheduled');
  });

  it('lets a disposed job finish its run but not start another', async () => {
    const { scheduler } = make();
    const held = gate();
    let runs = 0;
    const handle = scheduler.schedule('demo', job('tick', { every: 20 }, async () => {
      runs += 1;
      await held.promise;
    }));
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 1_000, interval: 5 });
    handle.dispose();
    held.open();
    await sleep(100);
    expect(runs).toBe(1);
  });

  it('runNow runs a job at once and reports its state', async () => {
    const { scheduler } = make();
    let runs = 0;
    scheduler.schedule('demo', job('manual', { cron: '0 3 * * *' }, () => void runs++));
    const state = await scheduler.runNow('demo', 'manual');
    expect(runs).toBe(1);
    expect(state).toMatchObject({ owner: 'demo', id: 'manual', runs: 1, failures: 0, running: false });
    expect(state.lastStartedAt).toMatch(/\+08:00$/);
    expect(state.lastFinishedAt).toMatch(/\+08:00$/);
    expect(state.nextRunAt).toMatch(/T03:00:00\.000\+08:00$/);
  });

  it('runNow resolves with the failure rather than rejecting', async () => {
    const { scheduler, at } = make();
    scheduler.schedule('demo', job('bad', { every: '1h' }, async () => {
      throw new Error('nope');
    }));
    const state = await scheduler.runNow('demo', 'bad');
    expect(state).toMatchObject({ runs: 1, failures: 1, lastError: 'nope' });
    expect(at('error')).toHaveLength(1);
  });

  it('runNow rejects for an unknown job', async () => {
    const { scheduler } = make();
    await expect(scheduler.runNow('demo', 'ghost')).rejects.toThrow('no job "demo/ghost" is scheduled');
  });

  it('refuses a duplicate owner+id but allows the id under another owner or after dispose', () => {
    const { scheduler } = make();
    const handle = scheduler.schedule('demo', job('x', { every: '1h' }));
    expect(() => scheduler.schedule('demo', job('x', { every: '2h' }))).toThrow('job "demo/x" is already scheduled');
    expect(() => scheduler.schedule('other', job('x', { every: '1h' }))).not.toThrow();
    handle.dispose();
    expect(() => scheduler.schedule('demo', job('x', { every: '2h' }))).not.toThrow();
    expect(scheduler.list().map((s) => `${s.owner}/${s.id} ${s.schedule}`)).toEqual(['demo/x every 2h', 'other/x every 1h']);
  });

  it.each([
    [{ cron: '61 * * * *' }, 'job "demo/bad": cron "61 * * * *": minute 61 is out of range 0-59'],
    [{ cron: '0 0 31 2 *' }, 'job "demo/bad": cron "0 0 31 2 *": nothing matches'],
    [{ every: 'soon' }, 'job "demo/bad": duration "soon" is not valid'],
    [{ every: 1 }, 'job "demo/bad": duration 1ms is too short'],
    [{ every: '1s', cron: '* * * * *' }, 'exactly one of schedule.every and schedule.cron'],
    [{}, 'exactly one of schedule.every and schedule.cron'],
  ])('refuses the schedule %j', (schedule, message) => {
    const { scheduler } = make();
    expect(() => scheduler.schedule('demo', job('bad', schedule as JobDefinition['schedule']))).toThrow(message);
    expect(scheduler.list()).toEqual([]);
  });

  it('refuses an unknown time zone', () => {
    expect(() => make({ timeZone: 'Mars/Olympus' })).toThrow('unknown time zone "Mars/Olympus"');
  });
});

describe('stop', () => {
  it('waits for running jobs and stops the timers', async () => {
    const { scheduler } = make();
    let finished = false;
    let runs = 0;
    scheduler.schedule('demo', job('slow', { every: 20 }, async () => {
      runs += 1;
      await sleep(80);
      finished = true;
    }));
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 1_000, interval: 5 });
    await scheduler.stop();
    expect(finished).toBe(true);
    expect(scheduler.list()[0]).toMatchObject({ running: false, runs: 1, nextRunAt: undefined });
    await sleep(60);
    expect(runs).toBe(1);
    expect(() => scheduler.schedule('demo', job('late', { every: 20 }))).toThrow('the scheduler is stopped');
  });

  it('gives up on a job that never finishes after the timeout', async () => {
    const { scheduler, at } = make({ stopTimeoutMs: 30 });
    scheduler.schedule('demo', job('stuck', { every: '1h' }, () => new Promise<void>(() => {})));
    void scheduler.runNow('demo', 'stuck');
    const started = Date.now();
    await scheduler.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(at('warn').join('\n')).toContain('jobs=["demo/stuck"]');
  });
});

/** A run store in memory, as the core table keeps it between starts. */
function memoryRuns(records: JobRunRecord[] = []) {
  const rows = new Map(records.map((r) => [`${r.owner}/${r.id}`, { ...r }]));
  const store: JobRunStore = {
    load: async () => [...rows.values()].map((r) => ({ ...r })),
    save: async (record) => void rows.set(`${record.owner}/${record.id}`, { ...record }),
  };
  return { store, rows };
}

/** A scheduler over `runs`, loaded, with `jobs` scheduled, then started — one start of the workbench. */
async function boot(runs: JobRunStore, jobs: [string, JobDefinition][]) {
  const made = make({ runs });
  await made.scheduler.load();
  for (const [owner, definition] of jobs) made.scheduler.schedule(owner, definition);
  made.scheduler.start();
  return made;
}

/** Ends one start: stops the scheduler so the next `boot` is a fresh one. */
async function shutDown() {
  const stopping = scheduler!.stop();
  await vi.advanceTimersByTimeAsync(10_000);
  await stopping;
  scheduler = undefined;
}

describe('catching up after the workbench was off', () => {
  it('runs a cron job missed while off once at the next start, however many times it was missed', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-10-20T12:00:00+08:00'));
    const { store, rows } = memoryRuns();
    const starts: string[] = [];
    const monthly = job('monthly', { cron: '0 9 28 * *' }, (ctx) => void starts.push(ctx.startedAt));
    await boot(store, [['reports', monthly]]);
    await vi.advanceTimersByTimeAsync(0);
    // The first start only notes when counting begins: nothing was missed yet.
    expect(starts).toEqual([]);
    expect(rows.get('reports/monthly')).toMatchObject({ schedule: 'cron 0 9 28 * *', lastRunAt: '2026-10-20T12:00:00.000+08:00' });
    await shutDown();

    // Off over two 28ths.
    vi.setSystemTime(new Date('2026-12-29T08:00:00+08:00'));
    await boot(store, [['reports', monthly]]);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual(['2026-12-29T08:00:00.000+08:00']);
    expect(scheduler!.list()[0]).toMatchObject({ runs: 1, nextRunAt: '2027-01-28T09:00:00.000+08:00' });
    expect(rows.get('reports/monthly')!.lastRunAt).toBe('2026-12-29T08:00:00.000+08:00');
    await shutDown();

    vi.setSystemTime(new Date('2026-12-30T08:00:00+08:00'));
    await boot(store, [['reports', monthly]]);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(1);
  });

  it('a run on time counts: the next start finds nothing missed', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T12:00:00+08:00'));
    const { store } = memoryRuns();
    let runs = 0;
    const monthly = job('monthly', { cron: '0 9 28 * *' }, () => void runs++);
    await boot(store, [['reports', monthly]]);
    await vi.advanceTimersByTimeAsync(new Date('2026-11-28T10:00:00+08:00').getTime() - Date.now());
    expect(runs).toBe(1);
    await shutDown();
    vi.setSystemTime(new Date('2026-12-01T08:00:00+08:00'));
    await boot(store, [['reports', monthly]]);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
  });

  it('waits for start(): nothing catches up while plugins are still being activated', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-29T08:00:00+08:00'));
    const { store } = memoryRuns([{ owner: 'reports', id: 'monthly', schedule: 'cron 0 9 28 * *', lastRunAt: '2026-11-28T09:00:00.000+08:00' }]);
    let runs = 0;
    const { scheduler } = make({ runs: store });
    await scheduler.load();
    scheduler.schedule('reports', job('monthly', { cron: '0 9 28 * *' }, () => void runs++));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(0);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
  });

  it('a run by hand while the catch-up waits for start() makes up for it', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-29T08:00:00+08:00'));
    const { store } = memoryRuns([{ owner: 'reports', id: 'monthly', schedule: 'cron 0 9 28 * *', lastRunAt: '2026-11-28T09:00:00.000+08:00' }]);
    let runs = 0;
    const { scheduler } = make({ runs: store });
    await scheduler.load();
    scheduler.schedule('reports', job('monthly', { cron: '0 9 28 * *' }, () => void runs++));
    await scheduler.runNow('reports', 'monthly');
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    expect(scheduler.list()[0]!.nextRunAt).toBe('2027-01-28T09:00:00.000+08:00');
  });

  it('a job that opts out, or whose schedule changed, does not catch up', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-29T08:00:00+08:00'));
    const { store, rows } = memoryRuns([
      { owner: 'reports', id: 'quiet', schedule: 'cron 0 9 28 * *', lastRunAt: '2026-11-28T09:00:00.000+08:00' },
      { owner: 'reports', id: 'moved', schedule: 'cron 0 9 28 * *', lastRunAt: '2026-11-28T09:00:00.000+08:00' },
    ]);
    const runs: string[] = [];
    await boot(store, [
      ['reports', { ...job('quiet', { cron: '0 9 28 * *' }, () => void runs.push('quiet')), catchUp: false }],
      ['reports', job('moved', { cron: '0 9 5 * *' }, () => void runs.push('moved'))],
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([]);
    // The new schedule counts from now.
    expect(rows.get('reports/moved')).toMatchObject({ schedule: 'cron 0 9 5 * *', lastRunAt: '2026-12-29T08:00:00.000+08:00' });
    expect(scheduler!.list().find((j) => j.id === 'moved')!.nextRunAt).toBe('2027-01-05T09:00:00.000+08:00');
  });

  it('an every job carries its interval across a restart: overdue runs at start, otherwise when its interval is up', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00+08:00'));
    const { store } = memoryRuns([
      { owner: 'listings', id: 'overdue', schedule: 'every 1m', lastRunAt: '2026-12-01T08:00:00.000+08:00' },
      { owner: 'listings', id: 'recent', schedule: 'every 10m', lastRunAt: '2026-12-01T09:58:00.000+08:00' },
    ]);
    const runs: string[] = [];
    await boot(store, [
      ['listings', job('overdue', { every: '1m' }, () => void runs.push('overdue'))],
      ['listings', job('recent', { every: '10m' }, () => void runs.push('recent'))],
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual(['overdue']);
    await vi.advanceTimersByTimeAsync(8 * 60_000 - 1);
    expect(runs.filter((r) => r === 'recent')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.filter((r) => r === 'recent')).toEqual(['recent']);
  });

  it('an every job quicker than a minute is not recorded: it runs soon after a start anyway', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T12:00:00+08:00'));
    const { store, rows } = memoryRuns();
    let runs = 0;
    await boot(store, [['demo', job('tick', { every: '30s' }, () => void runs++)]]);
    await vi.advanceTimersByTimeAsync(65_000);
    expect(runs).toBe(2);
    expect(rows.size).toBe(0);
  });

  it('a run store that fails is logged; the jobs keep their schedule', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T12:00:00+08:00'));
    const store: JobRunStore = { load: async () => [], save: async () => Promise.reject(new Error('disk full')) };
    let runs = 0;
    const { at } = await boot(store, [['demo', job('tick', { every: '1m' }, () => void runs++)]]);
    await vi.advanceTimersByTimeAsync(150_000);
    expect(runs).toBe(2);
    expect(at('error').join('\n')).toContain('disk full');
  });
});
