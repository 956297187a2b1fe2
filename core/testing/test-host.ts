import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { PasswordCost } from '../auth/passwords.js';
import { formatConfigProblems, loadConfig } from '../config/load-config.js';
import type { Queryable, Transaction } from '../db/database.js';
import { localize } from '../i18n/localized-text.js';
import { formatTimestamp } from '../i18n/time.js';
import { parseDuration } from '../jobs/duration.js';
import { createLogger, type LogLevel } from '../log/logger.js';
import { pluginBuilds } from '../plugins/build-cache.js';
import { SchemaRegistry } from '../schemas/schema-registry.js';
import { startWorkbench, type RunningWorkbench } from '../workbench.js';
import { TestClient, type TestReply } from './test-client.js';
import { TestClock } from './test-clock.js';

/** The workbench's own folder (its dist/ui, its plugins/). */
const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Cheap enough that creating and logging in a dozen accounts costs milliseconds, not seconds.
 * Only this kit passes it; a workbench started by main.ts always hashes with the strong cost.
 */
export const TEST_PASSWORD_COST: Readonly<PasswordCost> = { N: 2 ** 10, r: 8, p: 1 };

/** The owner (店长) every test host creates through the first-run setup. */
export const TEST_OWNER = { username: 'dianzhang', password: 'correct-horse-42', displayName: '王店长' } as const;
const STAFF_PASSWORD = 'staff-pass-123';

export interface TestHostOptions {
  /**
   * Plugin folders to install: each one plugin folder, or a folder of plugin folders. A plugin
   * here with the id of one of the workbench's own stands in for it (a test double).
   */
  plugins: string[];
  /**
   * The plugins to run; by default those of `plugins`. Name the workbench's own ones
   * (`listings`) here to run them too, e.g. a dependency.
   */
  enabled?: string[];
  /** Settings per plugin id, as under `settings:` in config.yaml. */
  settings?: Record<string, Record<string, unknown>>;
  /**
   * Where the clock starts, with its offset: `2026-11-11T09:00:00+08:00`; it stands still until
   * moved. Default: now. `'system'`: the system clock and real timers, as in production, for
   * tests written against a running clock; `host.clock` then cannot move it.
   */
  clock?: string;
  /** Anything else for config.yaml (`locale`, `timeZone`, `server`…). */
  config?: Record<string, unknown>;
  /** What the workbench logs is kept (see `logs()`); from `warn` by default. */
  logLevel?: LogLevel;
  /**
   * `false`: the host stays as at a first start, without accounts, for tests of the first-run
   * setup itself: `owner` is not logged in, and `setupToken` holds the one-time token.
   */
  setup?: boolean;
  /** `true`: the owner's first-run setup loads the demo shop, as ticking its box on the setup page does. */
  demoShop?: boolean;
  /**
   * `true`: the workbench also listens on a port of 127.0.0.1 (see `url`), still in this process
   * and with cheap hashes, for what only a socket carries: the Host header as sent, the peer's
   * address, a body streamed without a length. Start-up, signals and the process itself need a
   * real process (test/helpers/server.ts in the workbench's own tests).
   */
  listen?: boolean;
}

export interface TestHostClock {
  /** The time, with the shop's offset: `2026-11-11T09:00:00.000+08:00`. */
  now(): string;
  /**
   * Moves forward by a duration (`'1d'`, `'2h30m'`, or milliseconds), running every job that
   * comes due on the way, each at its own time and to its end. Answers how many timers fired.
   */
  advance(duration: string | number): Promise<number>;
  /** Moves to an instant (with its offset); forward like `advance`, backward without running anything. */
  set(instant: string): Promise<number>;
}

export interface TestHost {
  /** The Hono app; `app.request()` reaches it without a port. */
  app: RunningWorkbench['app'];
  /** Where it listens with `listen: true` (`http://127.0.0.1:PORT`); else `http://localhost`, no port. */
  url: string;
  /** One request without a login (add `host`, CSRF and cookie headers yourself), in-process. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** The owner (店长), logged in: holds every permission. Not logged in with `setup: false`. */
  owner: TestClient;
  /** The one-time setup token, while no account exists (`setup: false`). */
  setupToken?: string;
  /** A new client, not logged in. */
  anonymous(): TestClient;
  /**
   * A staff account, logged in. Give role ids (`['customer-service']`), or permission ids
   * (`['hello-shop.greet']`), which get a role of their own named after the account.
   */
  staff(username: string, rolesOrPermissions: string[]): Promise<TestClient>;
  clock: TestHostClock;
  /** Reads the database directly, for what no route shows. */
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Writes to the database directly, in one transaction: for fixtures no route builds quickly
   * (a year of orders, rows dated days back), never for what the test means to prove.
   * @example await host.write((tx) => tx.run('UPDATE fulfillment_orders SET paid_at = ? WHERE id = ?', [at, id]));
   */
  write<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Resolves once no job is running. */
  settled(): Promise<void>;
  /** The lines logged so far (from `logLevel`). */
  logs(): string[];
  /** The temporary folder: config.yaml and data/ with the SQLite file. */
  dir: string;
  /** Stops the workbench and removes the folder. */
  close(): Promise<void>;
}

/** The ids of the plugins in `folders`, as the workbench would find them. */
function pluginIds(folders: string[]): string[] {
  const idIn = (dir: string) => {
    const manifest = parse(readFileSync(join(dir, 'plugin.yaml'), 'utf8')) as { id?: unknown } | null;
    return typeof manifest?.id === 'string' ? manifest.id : basename(dir);
  };
  return folders.flatMap((folder) => {
    if (existsSync(join(folder, 'plugin.yaml'))) return [idIn(folder)];
    if (!existsSync(folder)) throw new Error(`test host: plugin folder not found: ${folder}`);
    return readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'plugin.yaml')))
      .map((d) => idIn(join(folder, d.name)));
  });
}

function instant(text: string): number {
  const ms = Date.parse(text);
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(text) || !Number.isFinite(ms)) throw new Error(`test host: "${text}" is not an instant with an offset, e.g. 2026-11-11T09:00:00+08:00`);
  return ms;
}

/**
 * Starts a workbench in this process with just the given plugins: a real SQLite file in a
 * temporary folder, the real middleware, route table and plugin host, no port. The clock stands
 * still until the test moves it, and passwords are hashed cheaply. The owner is set up and
 * logged in. Throws, with the reason, when one of the enabled plugins does not start.
 */
export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const folders = options.plugins.map((f) => resolve(f));
  const enabled = options.enabled ?? pluginIds(folders);
  const dir = await mkdtemp(join(tmpdir(), 'workbench-kit-'));
  const system = options.clock === 'system';
  const clock = new TestClock(options.clock === undefined || system ? Date.now() : instant(options.clock));
  const now = () => (system ? new Date() : clock.now());
  let running: RunningWorkbench | undefined;
  try {
    const file = join(dir, 'config.yaml');
    const config = { ...options.config, plugins: { folders, enabled }, ...(options.settings ? { settings: options.settings } : {}) };
    await writeFile(file, stringify(config));
    const loaded = await loadConfig({ file, env: { WORKBENCH_DATA_DIR: join(dir, 'data'), WORKBENCH_PORT: '0' } });
    if (!loaded.ok) throw new Error(`test host: the configuration has problems:\n${formatConfigProblems(loaded.problems)}`);
    const timeZone = loaded.config.timeZone;
    const lines: string[] = [];
    const log = createLogger({ level: options.logLevel ?? 'warn', now: () => formatTimestamp(now(), timeZone), write: (_, line) => lines.push(line) });
    // A test file starts hosts over the same plugins again and again: their validators are
    // compiled once per test process (see SchemaRegistry.shareCompiled).
    SchemaRegistry.shareCompiled = true;
    // Their bundles too, while their files stay unchanged (see pluginBuilds).
    pluginBuilds.reuse = true;
    running = await startWorkbench(loaded.config, ROOT, log, {
      listen: options.listen === true,
      passwordCost: TEST_PASSWORD_COST,
      // A folder given here replaces the workbench's own plugin of its id: a stand-in for a test.
      standIns: true,
      ...(system ? {} : { clock: () => clock.now(), jobTimers: clock }),
    });
    const notRunning = enabled.map((id) => running!.host.get(id)).filter((r) => r?.state !== 'running');
    if (notRunning.length > 0) {
      const why = enabled.map((id) => ({ id, record: running!.host.get(id) })).filter(({ record }) => record?.state !== 'running');
      throw new Error(`test host: ${why.map(({ id, record }) => `${id} ${record ? `${record.state}: ${record.reason ? localize(record.reason, 'en') : ''}` : 'not installed'}`).join('; ')}\n${lines.join('\n')}`);
    }
    const app = running.app;
    const fetcher = (request: Request) => app.request(request);
    const owner = new TestClient(fetcher);
    const token = running.setupUrl === undefined ? undefined : new URL(running.setupUrl).searchParams.get('token');
    if (options.setup !== false) {
      const setup = await owner.post('/api/auth/setup', { token, ...TEST_OWNER, ...(options.demoShop ? { demo: true } : {}) });
      if (setup.status !== 201) throw new Error(`test host: setting up the owner failed: ${setup.status} ${setup.text}`);
    }

    const jobs = running.jobs;
    const move = (to: number) => {
      if (system) return Promise.reject(new Error("test host: the system clock (clock: 'system') cannot be moved"));
      return to < clock.now().getTime() ? (clock.jump(to), Promise.resolve(0)) : clock.moveTo(to, () => jobs.settled());
    };
    const started = running;
    const expect201 = (what: string, reply: TestReply) => {
      if (reply.status !== 201 && reply.status !== 200) throw new Error(`test host: could not ${what}: ${reply.status} ${reply.text}`);
    };
    return {
      app,
      url: options.listen === true ? running.url : 'http://localhost',
      request: (path, init) => Promise.resolve(app.request(path, init)),
      owner,
      ...(options.setup === false && token ? { setupToken: token } : {}),
      anonymous: () => new TestClient(fetcher),
      async staff(username, rolesOrPermissions) {
        let roles = rolesOrPermissions;
        if (rolesOrPermissions.some((r) => r.includes('.') || r === '*')) {
          const role = `${username}-role`;
          expect201(`create a role for ${username}`, await owner.post('/api/roles', { id: role, name: { 'zh-CN': `${username} 的岗位`, en: `${username}'s post` }, permissions: rolesOrPermissions }));
          roles = [role];
        }
        expect201(`create ${username}`, await owner.post('/api/users', { username, displayName: username, password: STAFF_PASSWORD, roles }));
        const client = new TestClient(fetcher);
        expect201(`log in ${username}`, await client.login(username, STAFF_PASSWORD));
        return client;
      },
      clock: {
        now: () => formatTimestamp(now(), timeZone),
        advance: (duration) => move(clock.now().getTime() + (typeof duration === 'number' ? duration : parseDuration(duration))),
        set: (to) => move(instant(to)),
      },
      read: (fn) => started.db.read(fn),
      write: (fn) => started.db.transaction(fn),
      settled: () => jobs.settled(),
      logs: () => [...lines],
      dir,
      async close() {
        await started.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await running?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
