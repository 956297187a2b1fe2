import type { Database } from '../db/database.js';
import type { JobRunRecord, JobRunStore } from './job-run-log.js';

/**
 * The jobs' last starts in `core_job_runs`, one row per job, overwritten at each start.
 *
 * @example
 * const jobs = new JobScheduler({ timeZone, log, runs: databaseJobRuns(db) });
 * await jobs.load();
 */
export function databaseJobRuns(db: Database): JobRunStore {
  return {
    load: () =>
      db.read((q) => q.all<JobRunRecord>('SELECT owner, job AS id, schedule, last_run_at AS lastRunAt FROM core_job_runs ORDER BY owner, job')),
    save: (record) =>
      db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO core_job_runs (owner, job, schedule, last_run_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (owner, job) DO UPDATE SET schedule = excluded.schedule, last_run_at = excluded.last_run_at`,
          [record.owner, record.id, record.schedule, record.lastRunAt],
        );
      }),
  };
}
