import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Connection } from './sqlite.js';

export class BackupError extends Error {}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Writes a consistent copy of the database to `target`, even while the server is writing: SQLite's
 * `VACUUM INTO` reads one snapshot, and WAL lets the server carry on meanwhile.
 */
export async function backupDatabase(source: string, target: string): Promise<void> {
  if (!(await exists(source))) throw new BackupError(`no database at ${source}`);
  if (await exists(target)) throw new BackupError(`${target} exists already; choose a new file name so no backup is overwritten`);
  const conn = await Connection.open(source, { readOnly: true });
  try {
    await conn.exec('PRAGMA busy_timeout = 10000');
    await conn.run('VACUUM INTO ?', [target]);
  } finally {
    await conn.close();
  }
}

/** Checks that a file is an intact workbench database. */
export async function checkBackup(file: string): Promise<void> {
  if (!(await exists(file))) throw new BackupError(`${file} does not exist`);
  let conn: Connection;
  try {
    conn = await Connection.open(file, { readOnly: true });
  } catch (error) {
    throw new BackupError(`${file} is not a SQLite database (${String(error)})`);
  }
  try {
    const integrity = await conn.get<{ integrity_check: string }>('PRAGMA integrity_check').catch((error: unknown) => {
      throw new BackupError(`${file} is not a SQLite database (${String(error)})`);
    });
    if (integrity?.integrity_check !== 'ok') throw new BackupError(`${file} is damaged: ${integrity?.integrity_check}`);
    const table = await conn.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'core_migrations'");
    if (!table) throw new BackupError(`${file} is a SQLite database, but not a workbench backup`);
  } finally {
    await conn.close();
  }
}

/**
 * Replaces the database with a backup. The current file is kept beside it as
 * `workbench.db.before-restore-<time>`, so a restore can itself be undone.
 */
export async function restoreDatabase(backup: string, target: string, stamp: string): Promise<string | undefined> {
  await checkBackup(backup);
  let kept: string | undefined;
  if (await exists(target)) {
    kept = `${target}.before-restore-${stamp}`;
    await rename(target, kept);
    for (const suffix of ['-wal', '-shm']) {
      if (await exists(target + suffix)) await rename(target + suffix, kept + suffix);
    }
  }
  // Restoring onto a new PC happens before the first start, when the data folder does not exist yet.
  await mkdir(dirname(target), { recursive: true });
  await copyFile(backup, target);
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  return kept;
}
