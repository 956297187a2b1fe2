import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConfigProblems, loadConfig } from './config/load-config.js';
import type { WorkbenchConfig } from './config/config.js';
import { backupDatabase, BackupError, restoreDatabase } from './db/backup.js';
import { MigrationChangedError } from './db/migrations.js';
import { formatTimestamp } from './i18n/time.js';
import { createLogger } from './log/logger.js';
import { startWorkbench } from './workbench.js';

/** Exit codes: 0 fine, 1 could not run, 2 invalid config or usage, 3 database and code disagree. */
const EXIT = { failed: 1, usage: 2, migration: 3 } as const;

/**
 * The project folder: the nearest folder above this file whose package.json names the project
 * (dist/package.json has no name; it only makes the launcher CommonJS).
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!namesProject(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

function namesProject(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return typeof (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'string';
  } catch {
    return false;
  }
}

async function config(): Promise<WorkbenchConfig> {
  const result = await loadConfig();
  if (!result.ok) {
    const heading = result.locale === 'zh-CN' ? '配置有误，工作台没有启动：' : 'The configuration has problems; the workbench did not start:';
    process.stderr.write(`${heading}\n${formatConfigProblems(result.problems)}\n`);
    process.exit(EXIT.usage);
  }
  return result.config;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a server using this data folder, if one runs. */
function runningServer(dataDir: string): number | undefined {
  const file = join(dataDir, 'workbench.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return pid && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

async function serve(): Promise<void> {
  const cfg = await config();
  const other = runningServer(cfg.dataDir);
  if (other) {
    process.stderr.write(`another workbench (pid ${other}) is using ${cfg.dataDir}; stop it first or set WORKBENCH_DATA_DIR\n`);
    process.exit(EXIT.failed);
  }
  const log = createLogger({ level: cfg.logLevel, now: () => formatTimestamp(new Date(), cfg.timeZone) });
  const pidFile = join(cfg.dataDir, 'workbench.pid');
  // Signals are handled from the start: a stop requested while plugins are still starting (the
  // listening line is already out) waits for the start to finish, then shuts down cleanly.
  let started: Promise<Awaited<ReturnType<typeof startWorkbench>> | undefined> = Promise.resolve(undefined);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const running = await started.catch(() => undefined);
    await running?.stop().catch((error: unknown) => log.error('stopping failed', { error }));
    await rm(pidFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // The pid file claims the data folder before anything is opened, and is in place by the time
  // the listening line is printed.
  await mkdir(cfg.dataDir, { recursive: true });
  await writeFile(pidFile, String(process.pid));
  started = startWorkbench(cfg, findRoot(), log);
  try {
    await started;
  } catch (error) {
    await rm(pidFile, { force: true });
    if (error instanceof MigrationChangedError) {
      log.error(error.message);
      process.exit(EXIT.migration);
    }
    log.error('the workbench could not start', { error });
    process.exit(EXIT.failed);
  }
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error }));
}

async function backup(target: string | undefined): Promise<void> {
  if (!target) {
    process.stderr.write('usage: npm run backup -- FILE\n');
    process.exit(EXIT.usage);
  }
  const cfg = await config();
  await backupDatabase(join(cfg.dataDir, 'workbench.db'), resolve(target));
  process.stdout.write(`backup written to ${resolve(target)}\n`);
}

async function restore(source: string | undefined): Promise<void> {
  if (!source) {
    process.stderr.write('usage: npm run restore -- FILE\n');
    process.exit(EXIT.usage);
  }
  const cfg = await config();
  const other = runningServer(cfg.dataDir);
  if (other) {
    process.stderr.write(`the workbench is running (pid ${other}); stop it before restoring a backup\n`);
    process.exit(EXIT.failed);
  }
  const stamp = formatTimestamp(new Date(), cfg.timeZone).replace(/[:.]/g, '-');
  const kept = await restoreDatabase(resolve(source), join(cfg.dataDir, 'workbench.db'), stamp);
  process.stdout.write(`restored ${resolve(source)}${kept ? `; the previous database is kept as ${kept}` : ''}\n`);
}

const [command = 'serve', arg] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = { serve, backup: () => backup(arg), restore: () => restore(arg) };
const run = commands[command];
if (!run) {
  process.stderr.write(`unknown command "${command}"; use serve, backup FILE or restore FILE\n`);
  process.exit(EXIT.usage);
}
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof BackupError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(EXIT.failed);
});
