import 'reflect-metadata';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { container as rootContainer } from 'tsyringe';
import { buildsFolder, type WorkbenchConfig } from './config/config.js';
import { TOKENS } from './container/tokens.js';
import { Database } from './db/database.js';
import { CORE_MIGRATIONS } from './db/core-schema.js';
import { applyMigrations, ensureMigrationTable } from './db/migrations.js';
import type { Locale } from './i18n/localized-text.js';
import { formatTimestamp } from './i18n/time.js';
import { createLogger, type Logger } from './log/logger.js';
import { SchemaRegistry } from './schemas/schema-registry.js';
import { BrowserValidators } from './schemas/browser-validator.js';
import { AuditLog } from './audit/audit-log.js';
import { Accounts } from './auth/accounts.js';
import type { PasswordCost } from './auth/passwords.js';
import { registerAuthRoutes } from './auth/auth-routes.js';
import { CORE_PERMISSION_IDS } from './auth/core-permissions.js';
import { LoginAttempts } from './auth/login-attempts.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { Sessions } from './auth/sessions.js';
import { SetupGate } from './auth/setup-gate.js';
import { registerUserRoutes } from './auth/user-routes.js';
import { DemoData } from './contributions/demo-data.js';
import { answerClientErrors } from './http/client-error.js';
import { Importers } from './contributions/importers.js';
import { ImportMappings } from './contributions/import-mappings.js';
import { RouteTable } from './contributions/route-table.js';
import { UploadArea } from './contributions/upload-area.js';
import { SearchProviders } from './contributions/search.js';
import { ServiceRegistry } from './contributions/services.js';
import { SettingsStore } from './contributions/settings-store.js';
import { EventBus } from './events/event-bus.js';
import { problemFromError, problemResponse } from './http/problem.js';
import type { WorkbenchEnv } from './http/request-context.js';
import { requestChecks } from './http/request-checks.js';
import { responseHeaders } from './http/response-headers.js';
import { RememberingRouter } from './http/remembering-router.js';
import { servePluginUi } from './http/plugin-ui.js';
import { registerShellRoutes } from './http/shell-routes.js';
import { registerShellEvents } from './http/shell-events.js';
import { registerPluginSwitchRoutes } from './http/plugin-switch-routes.js';
import { serveUi } from './http/static-ui.js';
import { registerSystemRoutes } from './http/system-routes.js';
import { databaseJobRuns } from './jobs/job-run-store.js';
import { JobScheduler, type JobTimers } from './jobs/scheduler.js';
import type { ContextDeps } from './plugins/create-context.js';
import { PluginHost } from './plugins/plugin-host.js';
import { PluginStates } from './plugins/plugin-states.js';
import { PluginSwitch } from './plugins/plugin-switch.js';
import { BusyError, isWorkbenchError, TooManyRequestsError } from './errors.js';

export interface RunningWorkbench {
  url: string;
  app: Hono<WorkbenchEnv>;
  db: Database;
  host: PluginHost;
  log: Logger;
  jobs: JobScheduler;
  /** The first-run setup link while no account exists. */
  setupUrl?: string;
  stop(): Promise<void>;
}

/**
 * What the plugin test kit (core/testing) changes about a start. main.ts passes none of these,
 * and config.yaml cannot reach them.
 */
export interface WorkbenchOptions {
  /** false: no port is opened; requests go to `app.request` in-process. */
  listen?: boolean;
  /** The clock everything reads (instead of the system clock moved by `clockStart`). */
  clock?: () => Date;
  /** The timers jobs wait on, for a clock that is moved by hand. */
  jobTimers?: JobTimers;
  /** A lower scrypt cost for test accounts. */
  passwordCost?: PasswordCost;
  /**
   * Plugins in `plugins.folders` stand in for the workbench's own plugins of the same id (test
   * doubles for the plugin test kit). Without it the workbench's own plugin is kept and the other
   * ignored, as a shop's installation must.
   */
  standIns?: boolean;
}

/**
 * Builds the whole server from a validated config, in the order things depend on each other:
 * database → core tables → services → HTTP middleware → core routes → plugins → UI → listen.
 */
export async function startWorkbench(config: WorkbenchConfig, rootDir: string, log?: Logger, options: WorkbenchOptions = {}): Promise<RunningWorkbench> {
  // A clock moved to WORKBENCH_CLOCK_START keeps running from there, for everything that reads the time.
  const offset = config.clockStart === undefined ? 0 : Date.parse(config.clockStart) - Date.now();
  const clock = options.clock ?? (() => new Date(Date.now() + offset));
  const now = () => formatTimestamp(clock(), config.timeZone);
  log ??= createLogger({ level: config.logLevel, now });
  // Read before anything is opened, so a wrong path stops the start with nothing to undo.
  const tls = config.server.tls ? await readTls(config.server.tls, config.locale) : undefined;
  await mkdir(config.dataDir, { recursive: true });
  const uploads = new UploadArea(join(config.dataDir, 'tmp', 'uploads'), config.server.uploadSlots);
  await uploads.sweep();
  const db = await Database.open(join(config.dataDir, 'workbench.db'));
  try {
    await ensureMigrationTable(db);
    await applyMigrations(db, 'core', CORE_MIGRATIONS, now);

    // Strict validators compiled by the last start are read back rather than compiled again.
    const schemas = new SchemaRegistry({ keepCompiledIn: buildsFolder(config) });
    const audit = new AuditLog(db, now);
    const accounts = new Accounts(db, now, options.passwordCost);
    const sessions = new Sessions(db, config.server.sessionIdleMinutes, now, Date.now, () => accounts.generation);
    const setup = new SetupGate();
    const demo = new DemoData();
    const search = new SearchProviders(log.child('search'));
    const jobs = new JobScheduler({ timeZone: config.timeZone, log: log.child('jobs'), now: clock, runs: databaseJobRuns(db), timers: options.jobTimers });
    await jobs.load();
    const settings = new SettingsStore(db, schemas, config.settings, now);

    // The trie router takes new routes after the first request, for plugins switched on at runtime.
    const app = new Hono<WorkbenchEnv>({ router: new RememberingRouter(new TrieRouter()) });
    const routes = new RouteTable(app, schemas, audit, log.child('http'), {
      bodyLimitBytes: config.server.bodyLimitBytes,
      uploadLimitBytes: config.server.uploadLimitBytes,
      uploads,
    });
    const importers = new Importers(routes, audit, log.child('import'), new ImportMappings(db, now));

    const container = rootContainer.createChildContainer();
    container.register(TOKENS.Config, { useValue: config });
    container.register(TOKENS.RootDir, { useValue: rootDir });
    container.register(TOKENS.Logger, { useValue: log });
    container.register(TOKENS.Schemas, { useValue: schemas });
    container.register(TOKENS.Settings, { useValue: settings });
    let host: PluginHost | undefined;
    const services = new ServiceRegistry(
      () => host?.manifests() ?? [],
      (id) => host?.isRunning(id) ?? false,
    );
    const events = new EventBus(db);
    const contextDeps: ContextDeps = { db, schemas, routes, events, services, settings, jobs, importers, demo, search, log, timeZone: config.timeZone, locale: config.locale, now };
    container.register(TOKENS.ContextDeps, { useValue: contextDeps });
    host = container.resolve(PluginHost);
    if (options.standIns) host.foldersFirst = true;
    const plugins = host;
    accounts.useRoleDefaults(() => plugins.manifests().filter((m) => plugins.isRunning(m.id)));
    plugins.onDidChange(() => accounts.roleDefaultsChanged());

    app.onError((error, c) => {
      const locale = c.get('locale') ?? config.locale;
      const headers: Record<string, string> = error instanceof TooManyRequestsError || error instanceof BusyError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
      if (!isWorkbenchError(error)) headers['cache-control'] = 'no-store';
      return problemResponse(problemFromError(error, locale, log!.child('http'), c.req.path), headers);
    });
    app.use('*', responseHeaders());
    app.use('*', requestChecks({ allowedHosts: config.server.allowedHosts, fallbackLocale: config.locale, sessions, accounts, plugins }));

    const add = (route: Parameters<RouteTable['add']>[2]) => routes.add('core', '/api', route, CORE_PERMISSION_IDS);
    registerSystemRoutes({ add, config, db, host: plugins, routes, schemas, settings, jobs, audit, accounts });
    registerAuthRoutes({ add, db, accounts, sessions, limiter: new LoginLimiter(), attempts: new LoginAttempts(now), setup, demo, activationOrder: () => plugins.activationOrder(), log, now, secureCookie: tls !== undefined });
    registerUserRoutes(add, accounts, () => plugins.manifests());
    registerShellRoutes({ add, host: plugins, schemas, settings, search, validators: new BrowserValidators(schemas, rootDir) });
    registerShellEvents(add, plugins);
    registerPluginSwitchRoutes(add, new PluginSwitch(plugins, new PluginStates(db, now), audit));

    await plugins.start();
    accounts.roleDefaultsChanged();
    // Runs missed while the workbench was off go once every plugin is active.
    jobs.start();
    servePluginUi(app, plugins);
    serveUi(app, join(rootDir, 'dist', 'ui'));

    // Counted before listening, so the setup link is printed right after the listening line.
    const needsSetup = (await accounts.count()) === 0;
    const server = options.listen === false ? undefined : await listen(app, config.server.host, config.server.port, tls);
    const address = server?.address() as AddressInfo | undefined;
    const shownHost = address === undefined ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = address === undefined ? 'http://localhost' : `${tls ? 'https' : 'http'}://${shownHost}:${address.port}`;
    if (server) {
      answerClientErrors(server, config.locale);
      log.info(`listening on ${url}`);
    }
    const beyondThisPc = !['127.0.0.1', 'localhost', '::1'].includes(config.server.host);
    if (beyondThisPc && config.server.allowedHosts.length === 0) {
      log.warn('the workbench listens beyond this PC, but server.allowedHosts is empty: other PCs will be refused until their host name is listed there');
    }
    if (beyondThisPc && !tls) {
      log.warn('the workbench listens beyond this PC over plain HTTP: passwords and customer details cross the network unencrypted; set server.tls (see README)');
    }

    let setupUrl: string | undefined;
    if (needsSetup) {
      setupUrl = `${url.replace('0.0.0.0', '127.0.0.1')}/setup?token=${setup.open()}`;
      log.info(config.locale === 'zh-CN' ? `首次使用：请在浏览器中打开 ${setupUrl} 创建店长账号` : `First run: open ${setupUrl} in a browser to create the owner account`);
    }

    let stopped = false;
    return {
      url,
      app,
      db,
      host: plugins,
      jobs,
      log,
      setupUrl,
      async stop() {
        if (stopped) return;
        stopped = true;
        if (server) {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
        }
        await jobs.stop();
        await plugins.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/** The certificate and key of `server.tls`; a file that cannot be read stops the start, naming it. */
async function readTls(files: { certFile: string; keyFile: string }, locale: Locale): Promise<TlsFiles> {
  const read = async (setting: string, file: string) => {
    try {
      return await readFile(file);
    } catch (error) {
      const reason = (error as Error).message;
      throw new Error(locale === 'en' ? `server.tls.${setting}: cannot read ${file} (${reason})` : `server.tls.${setting}：读不到文件 ${file}（${reason}）`);
    }
  };
  return { cert: await read('certFile', files.certFile), key: await read('keyFile', files.keyFile) };
}

function listen(app: Hono<WorkbenchEnv>, hostname: string, port: number, tls: TlsFiles | undefined): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const secure = tls ? { createServer: createHttpsServer, serverOptions: { cert: tls.cert, key: tls.key } } : {};
    const server = serve({ fetch: app.fetch, hostname, port, ...secure }, () => resolve(server));
    server.once('error', reject);
  });
}
