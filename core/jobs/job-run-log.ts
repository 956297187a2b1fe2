import type { Logger } from '../log/logger.js';

/** When a job last started, kept between starts of the workbench. */
export interface JobRunRecord {
  owner: string;
  id: string;
  /** The schedule as shown (`cron 0 9 28 * *`); a job whose schedule differs starts counting afresh. */
  schedule: string;
  /** When the job last started or, before its first run, when it was first scheduled. With offset. */
  lastRunAt: string;
}

/** Where the scheduler keeps each job's last run (the core table `core_job_runs`). */
export interface JobRunStore {
  load(): Promise<JobRunRecord[]>;
  save(record: JobRunRecord): Promise<void>;
}

/**
 * What the scheduler remembers between starts: each job's last start, read once from the store
 * and written back in order as jobs start. Without a store it remembers nothing. A store that
 * fails to save is logged; the jobs keep their schedule.
 */
export class JobRunLog {
  private readonly last = new Map<string, JobRunRecord>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: JobRunStore | undefined,
    private readonly log: Logger,
  ) {}

  get enabled(): boolean {
    return this.store !== undefined;
  }

  async load(): Promise<void> {
    if (!this.store) return;
    for (const record of await this.store.load()) this.last.set(JSON.stringify([record.owner, record.id]), record);
  }

  /** The job's last start (ms) under this schedule; undefined when never recorded or scheduled otherwise then. */
  lastStart(owner: string, id: string, schedule: string): number | undefined {
    const record = this.last.get(JSON.stringify([owner, id]));
    return record && record.schedule === schedule ? Date.parse(record.lastRunAt) : undefined;
  }

  record(record: JobRunRecord): void {
    const store = this.store;
    if (!store) return;
    this.last.set(JSON.stringify([record.owner, record.id]), record);
    this.saving = this.saving
      .then(() => store.save(record))
      .catch((error: unknown) => this.log.error(`could not record when job ${record.owner}/${record.id} ran`, { owner: record.owner, job: record.id, error }));
  }

  /** Resolves once every start recorded so far is saved (or its failure logged). */
  flush(): Promise<void> {
    return this.saving;
  }
}
