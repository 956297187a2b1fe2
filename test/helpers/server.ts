import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURE_PLUGINS = join(ROOT, 'test', 'fixtures', 'plugins');
export const WORKBENCH = join(ROOT, 'dist', 'workbench.js');
/**
 * Every test server keeps its plugin bundles here, not in its own data folder: each start then
 * reuses what an earlier one built from the same files (see core/plugins/build-cache.ts).
 */
export const TEST_BUILDS = join(ROOT, 'node_modules', '.cache', 'workbench-test-builds');

const SETUP_LINK = /setup\?token=([A-Za-z0-9_-]+)/;

export interface TestServer {
  url: string;
  /** The token of the one-time setup link, while no account exists. */
  setupToken?: string;
  dir: string;
  dataDir: string;
  configFile: string;
  /** The server process's id, e.g. to read its memory in /proc/<pid>/status. */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<number | null>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  /** config.yaml content; `plugins.folders` defaults to the fixture plugins. */
  config?: Record<string, unknown>;
  /** Reuse an existing folder (and its data) instead of a new one. */
  dir?: string;
  env?: Record<string, string>;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they came. */
  output: string;
}

/**
 * Runs `node dist/workbench.js CMD …` to completion with the given config/data env (port 0 unless
 * set). Without a command that is the server itself: used to check that it refuses to start, so
 * one that starts serving instead is killed after `timeoutMs`.
 */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 15_000): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [WORKBENCH, ...args], { cwd: ROOT, env: { ...process.env, WORKBENCH_PORT: '0', WORKBENCH_BUILDS_DIR: TEST_BUILDS, ...env } });
    const result: CliResult = { code: null, stdout: '', stderr: '', output: '' };
    child.stdout.on('data', (d: Buffer) => ((result.stdout += d.toString()), (result.output += d.toString())));
    child.stderr.on('data', (d: Buffer) => ((result.stderr += d.toString()), (result.output += d.toString())));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ ...result, code });
    });
  });
}

/** The ids of the plugins in `folders`: each entry is a plugin folder or a folder of plugin folders. */
function pluginIds(folders: string[]): string[] {
  const idIn = (dir: string) => {
    try {
      const manifest = parse(readFileSync(join(dir, 'plugin.yaml'), 'utf8')) as { id?: unknown } | null;
      return typeof manifest?.id === 'string' ? manifest.id : basename(dir);
    } catch {
      // A manifest that does not parse (a fixture that is broken on purpose) goes by its folder.
      return basename(dir);
    }
  };
  return folders.flatMap((folder) => {
    if (existsSync(join(folder, 'plugin.yaml'))) return [idIn(folder)];
    if (!existsSync(folder)) return [];
    return readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'plugin.yaml')))
      .map((d) => idIn(join(folder, d.name)));
  });
}

/**
 * Writes config.yaml. Unless the test says which plugins to enable, only the plugins of
 * `plugins.folders` (the fixtures by default) run: the repository's business plugins are
 * installed but disabled, since each would add its start-up (compiling its code and schemas) to
 * every core test. Their own tests enable them.
 */
export async function writeConfig(dir: string, config: Record<string, unknown> = {}): Promise<string> {
  const file = join(dir, 'config.yaml');
  const given = (config.plugins as { folders?: string[]; enabled?: unknown } | undefined) ?? {};
  const folders = given.folders ?? [FIXTURE_PLUGINS];
  const plugins = { ...given, folders, enabled: given.enabled ?? pluginIds(folders.map((f) => resolve(dir, f))) };
  await writeFile(file, stringify({ logLevel: 'info', ...config, plugins }));
  return file;
}

/** Starts the built workbench on port 0 with its own folder, and waits until it listens. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'workbench-test-')));
  const configFile = await writeConfig(dir, options.config);
  const dataDir = join(dir, 'data');
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', WORKBENCH], {
    cwd: ROOT,
    env: { ...process.env, WORKBENCH_CONFIG: configFile, WORKBENCH_DATA_DIR: dataDir, WORKBENCH_PORT: '0', WORKBENCH_BUILDS_DIR: TEST_BUILDS, ...options.env },
  });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

  // Generous: on a two-core machine running three test files at once, a start-up compiling two
  // plugins (server and UI) can take many seconds.
  const waitFor = (pattern: RegExp, timeoutMs = 45_000) =>
    new Promise<RegExpMatchArray>((resolveMatch, reject) => {
      const check = () => {
        const m = out.match(pattern);
        if (m) {
          waiters.delete(check);
          clearTimeout(timer);
          resolveMatch(m);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`server did not print ${pattern} within ${timeoutMs} ms; output:\n${out}`));
      }, timeoutMs);
      waiters.add(check);
      void exited.then((code) => {
        if (waiters.has(check)) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`server exited (${code}) before printing ${pattern}; output:\n${out}`));
        }
      });
      check();
    });

  const [, url] = (await waitFor(/listening on (https?:\/\/[^\s]+)/)) as RegExpMatchArray & [string, string];
  // A new folder has no accounts, so its server prints the setup link; a reused one may not.
  const setup = options.dir ? (await new Promise((r) => setTimeout(r, 20)), out.match(SETUP_LINK)) : await waitFor(SETUP_LINK, 5_000);
  let stopped: Promise<number | null> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    })();
    return stopped;
  };
  return {
    url: url!,
    setupToken: setup?.[1],
    dir,
    dataDir,
    configFile,
    pid: child.pid!,
    output: () => out,
    waitFor,
    stop,
    async dispose() {
      await stop();
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
