import { join } from 'node:path';
import { inject, injectable } from 'tsyringe';
import { isWorkbenchError } from '../errors.js';
import { localize, type LocalizedText } from '../i18n/localized-text.js';
import { toDisposable, type Disposable, type DisposableStore } from '../lifecycle/disposable.js';
import { applyMigrations, MigrationChangedError } from '../db/migrations.js';
import { buildsFolder, type WorkbenchConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { SchemaRegistry } from '../schemas/schema-registry.js';
import type { SettingsStore } from '../contributions/settings-store.js';
import { TOKENS } from '../container/tokens.js';
import { importPluginModule } from './compile-plugin.js';
import type { PluginUiModule } from './compile-plugin-ui.js';
import { readPluginFiles, type PluginFiles } from './plugin-files.js';
import { createPluginContext, type ContextDeps } from './create-context.js';
import { discoverPlugins } from './discover.js';
import { loadManifest, type ManifestResult } from './load-manifest.js';
import type { PluginManifest } from './manifest.js';
import type { PluginModule } from './context.js';
import { findClashes, type ContributionClash } from './contribution-clashes.js';
import { PluginStates } from './plugin-states.js';
import { settingsSource } from './settings-source.js';
import { resolveOrder } from './resolve-order.js';
import { foreignObject, tablePrefix } from './table-prefix.js';

export type PluginState = 'running' | 'failed' | 'disabled';

export interface PluginRecord {
  id: string;
  dir: string;
  manifest?: PluginManifest;
  /** Name and version as far as they could be read, for plugins whose manifest is not valid. */
  name?: LocalizedText;
  version?: string;
  state: PluginState;
  /** Listed in config.yaml's `plugins.enabled`: only such a plugin may be switched on at runtime. */
  allowed?: boolean;
  reason?: LocalizedText;
  activationMs?: number;
  activatedAt?: string;
  store?: DisposableStore;
  module?: PluginModule;
  /** The compiled browser module, when the plugin has a UI. */
  ui?: PluginUiModule;
}

/** How long `activate` may take before the plugin is marked failed. */
const ACTIVATE_TIMEOUT_MS = 30_000;

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * Discovers, checks, orders and activates plugins. A plugin that cannot start is marked failed
 * with a reason a person can act on, and the others carry on; only a changed migration (which
 * means the database and the code disagree) stops start-up.
 */
@injectable()
export class PluginHost {
  private readonly records = new Map<string, PluginRecord>();
  private readonly settingsSchemas = new Map<string, Record<string, unknown>>();
  private readonly listeners = new Set<() => void>();
  private order: string[] = [];
  /** Set before `start`: the configured folders are read before the workbench's own `plugins/`, so one of theirs wins an id. */
  foldersFirst = false;

  constructor(
    @inject(TOKENS.Config) private readonly config: WorkbenchConfig,
    @inject(TOKENS.RootDir) private readonly rootDir: string,
    @inject(TOKENS.Schemas) private readonly schemas: SchemaRegistry,
    @inject(TOKENS.Settings) private readonly settings: SettingsStore,
    @inject(TOKENS.ContextDeps) private readonly deps: ContextDeps,
    @inject(TOKENS.Logger) private readonly log: Logger,
  ) {}

  get(id: string): PluginRecord | undefined {
    return this.records.get(id);
  }

  all(): PluginRecord[] {
    return [...this.records.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Ids of running plugins, dependencies first. */
  activationOrder(): string[] {
    return this.order.filter((id) => this.records.get(id)?.state === 'running');
  }

  isRunning(id: string): boolean {
    return this.records.get(id)?.state === 'running';
  }

  /** Keybindings and command ids that more than one running plugin claims. */
  clashes(): ContributionClash[] {
    return findClashes(this.activationOrder().map((id) => this.records.get(id)!.manifest!));
  }

  private logClashes(): void {
    for (const clash of this.clashes()) this.log.warn('plugins clash', { [clash.kind]: clash.key, plugins: clash.claims.map((c) => c.plugin).join(','), problem: localize(clash.message, this.deps.locale) });
  }

  manifests(): PluginManifest[] {
    return [...this.records.values()].flatMap((r) => (r.manifest ? [r.manifest] : []));
  }

  async start(): Promise<void> {
    const own = join(this.rootDir, 'plugins');
    // The first plugin found with an id keeps it; see `foldersFirst`.
    const roots = this.foldersFirst ? [...this.config.plugins.folders, own] : [own, ...this.config.plugins.folders];
    const { found, missingRoots } = await discoverPlugins(roots);
    for (const root of missingRoots) this.log.warn('plugin folder not found', { folder: root });

    const settingsSchemas = this.settingsSchemas;
    const stored = await new PluginStates(this.deps.db, this.deps.now).all();
    // Read side by side; taken in the order found, which decides who keeps an id.
    const results = await Promise.all(
      found.map(({ dir }) =>
        loadManifest(dir, this.schemas, this.buildsFolder()).catch(
          (error: unknown): ManifestResult => ({
            ok: false as const,
            reason: text(`读取 plugin.yaml 时出错：${String(error)}`, `reading plugin.yaml failed: ${String(error)}`),
          }),
        ),
      ),
    );
    for (const [i, { dir, folderName }] of found.entries()) {
      const result = results[i]!;
      const id = result.ok ? result.manifest.id : (result.id ?? folderName);
      if (this.records.has(id)) {
        this.log.error('two plugins share one id; the second is ignored', { id, first: this.records.get(id)!.dir, second: dir });
        continue;
      }
      const allowed = this.config.plugins.enabled === 'all' || this.config.plugins.enabled.includes(id);
      if (!result.ok) {
        this.records.set(id, { id, dir, name: result.name, version: result.version, allowed, state: 'failed', reason: result.reason });
        // One line per problem, with the full path, so an editor or terminal can jump to each.
        for (const p of result.problems ?? []) {
          this.log.error('plugin problem', { plugin: id, at: `${join(dir, p.file)}:${p.line}:${p.column}`, problem: localize(p.message, this.deps.locale) });
        }
        if (!result.problems) this.log.error('plugin failed', { plugin: id, reason: localize(result.reason, this.deps.locale) });
        continue;
      }
      if (result.settingsSchema) settingsSchemas.set(id, result.settingsSchema);
      // The owner's switch from the Plugins view applies within config.yaml's list.
      const enabled = allowed && stored.get(id)?.enabled !== false;
      this.records.set(id, { id, dir, manifest: result.manifest, allowed, state: enabled ? 'running' : 'disabled' });
    }
    if (Array.isArray(this.config.plugins.enabled)) {
      for (const id of this.config.plugins.enabled) {
        if (!this.records.has(id)) this.log.warn('config.yaml enables a plugin that is not installed', { id });
      }
    }

    const candidates = [...this.records.values()].filter((r) => r.state === 'running' && r.manifest);
    const { order, cycles } = resolveOrder(candidates.map((r) => ({ id: r.id, requires: r.manifest!.requires, optional: r.manifest!.optional })));
    // Every installed plugin has its place, so one switched on later stops in the right order too.
    this.order = this.resolveAll();
    // Every plugin's files are read (and bundled, if changed) from now on, beside the activations.
    const files = new Map(order.filter((id) => !cycles.has(id)).map((id) => [id, this.readFiles(this.records.get(id)!)]));
    for (const id of order) {
      const record = this.records.get(id)!;
      const cycle = cycles.get(id);
      if (cycle) {
        this.fail(record, text(`插件之间循环依赖：${cycle.join(' → ')}。请去掉其中一个 requires`, `dependency cycle: ${cycle.join(' → ')}; remove one of these requires`));
        continue;
      }
      const blocker = this.blockingDependency(record.manifest!);
      if (blocker) {
        this.fail(record, blocker);
        continue;
      }
      await this.activate(record, settingsSchemas.get(id), false, files.get(id));
    }
    this.logClashes();
  }

  /** Stops plugins in reverse order: `deactivate`, then everything they registered. */
  async stop(): Promise<void> {
    for (const id of [...this.order].reverse()) {
      const record = this.records.get(id);
      if (!record || record.state !== 'running') continue;
      try {
        await record.module?.deactivate?.();
        record.store?.dispose();
      } catch (error) {
        this.log.error('plugin did not stop cleanly', { plugin: id, error });
      }
    }
  }

  /**
   * Plugins running now that need `id` through `requires`, directly or through each other, in the
   * order they would stop (the last to start first).
   */
  dependantsOf(id: string): string[] {
    const found = new Set<string>();
    const visit = (target: string) => {
      for (const r of this.records.values()) {
        if (r.state === 'running' && !found.has(r.id) && r.manifest?.requires.includes(target)) {
          found.add(r.id);
          visit(r.id);
        }
      }
    };
    visit(id);
    return [...this.order].reverse().filter((o) => found.has(o));
  }

  /** Calls `listener` whenever a plugin is switched on or off while the workbench runs. */
  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  /**
   * Starts an installed plugin while the workbench runs: pending migrations, settings, then
   * `activate`. Whatever stops it leaves the plugin failed with its reason, as at start-up.
   */
  async switchOn(id: string): Promise<PluginRecord> {
    const record = this.records.get(id);
    if (!record?.manifest || record.state === 'running') throw new Error(`plugin ${id} cannot be started: it is ${record?.state ?? 'not installed'}`);
    record.state = 'running';
    record.reason = undefined;
    const blocker = this.blockingDependency(record.manifest);
    if (blocker) this.fail(record, blocker);
    else await this.activate(record, this.settingsSchemas.get(id), true);
    if (record.state === 'running') this.logClashes();
    this.changed();
    return record;
  }

  /**
   * Stops a running (or failed) plugin while the workbench runs: its `deactivate`, then every
   * registration it made. Its routes answer 404 from then on; its tables and data stay.
   */
  async switchOff(id: string): Promise<void> {
    const record = this.records.get(id);
    if (!record || record.state === 'disabled') return;
    if (record.state === 'running') {
      try {
        await record.module?.deactivate?.();
      } catch (error) {
        this.log.error('plugin deactivate() failed; its registrations are removed anyway', { plugin: id, error });
      }
      try {
        record.store?.dispose();
      } catch (error) {
        this.log.error('plugin did not stop cleanly', { plugin: id, error });
      }
    }
    record.state = 'disabled';
    record.reason = undefined;
    record.store = undefined;
    record.activationMs = undefined;
    record.activatedAt = undefined;
    this.log.info('plugin switched off', { plugin: id });
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.log.error('a listener of plugin changes failed', { error });
      }
    }
  }

  /** Where plugin bundles and parsed manifests are kept between starts. */
  private buildsFolder(): string {
    return buildsFolder(this.config);
  }

  private resolveAll(): string[] {
    const known = [...this.records.values()].filter((r) => r.manifest);
    return resolveOrder(known.map((r) => ({ id: r.id, requires: r.manifest!.requires, optional: r.manifest!.optional }))).order;
  }

  private blockingDependency(manifest: PluginManifest): LocalizedText | undefined {
    for (const dep of manifest.requires) {
      const r = this.records.get(dep);
      if (!r) return text(`需要插件“${dep}”，但没有安装它`, `requires the plugin "${dep}", which is not installed`);
      if (r.state === 'disabled' && r.allowed) {
        return text(`需要插件“${dep}”，但它已被停用（请在“插件”页面先启用它）`, `requires the plugin "${dep}", which is switched off (switch it on in the Plugins view first)`);
      }
      if (r.state === 'disabled') {
        return text(`需要插件“${dep}”，但它没有启用（在 config.yaml 的 plugins.enabled 中加上它）`, `requires the plugin "${dep}", which is disabled (add it to plugins.enabled in config.yaml)`);
      }
      if (r.state === 'failed') {
        return text(
          `需要插件“${dep}”，但它启动失败：${localize(r.reason ?? '', 'zh-CN')}`,
          `requires the plugin "${dep}", which failed: ${localize(r.reason ?? '', 'en')}`,
        );
      }
    }
    return undefined;
  }

  private readFiles(record: PluginRecord): PluginFiles {
    return readPluginFiles(record.manifest!, record.dir, { builds: this.buildsFolder(), modules: join(this.config.dataDir, 'cache', 'plugins') });
  }

  /** `files`: read ahead by `start`; read now when not given. */
  private async activate(record: PluginRecord, settingsSchema: Record<string, unknown> | undefined, atRuntime = false, files = this.readFiles(record)): Promise<void> {
    const manifest = record.manifest!;
    const started = performance.now();
    const { ctx, store } = createPluginContext(manifest, record.dir, this.deps);
    try {
      const migrations = await files.migrations;
      const others = [...this.records.keys()].filter((id) => id !== manifest.id).map(tablePrefix);
      for (const m of migrations) {
        const foreign = foreignObject(m.sql, tablePrefix(manifest.id), others);
        if (foreign) {
          throw new Error(`migration ${m.name} touches "${foreign}"; a plugin's tables must start with "${tablePrefix(manifest.id)}"`);
        }
      }
      await applyMigrations(this.deps.db, manifest.id, migrations, this.deps.now);
      if (settingsSchema) {
        const source = settingsSource(this.config.file, this.config.settings[manifest.id], manifest.id);
        store.add(await this.settings.register(manifest.id, settingsSchema, source));
      }
      const ui = await files.ui;
      if (ui) record.ui = ui;
      const moduleFile = await files.serverModule;
      if (moduleFile !== undefined) {
        record.module = await importPluginModule(moduleFile, join(record.dir, manifest.main));
        await withTimeout(Promise.resolve(record.module.activate(ctx)), ACTIVATE_TIMEOUT_MS);
      }
      record.store = store;
      record.activationMs = Math.round((performance.now() - started) * 10) / 10;
      record.activatedAt = this.deps.now();
      this.log.info('plugin running', { plugin: manifest.id, version: manifest.version, ms: record.activationMs });
    } catch (error) {
      // At start-up a changed migration stops everything; once running, only this plugin fails.
      if (error instanceof MigrationChangedError && !atRuntime) throw error;
      try {
        store.dispose();
      } catch (disposeError) {
        this.log.error('cleaning up a failed plugin failed too', { plugin: manifest.id, error: disposeError });
      }
      const reason = isWorkbenchError(error)
        ? error.text
        : text(`启动时出错：${error instanceof Error ? error.message : String(error)}`, `failed to start: ${error instanceof Error ? error.message : String(error)}`);
      this.fail(record, reason, error);
    }
  }

  private fail(record: PluginRecord, reason: LocalizedText, error?: unknown): void {
    record.state = 'failed';
    record.ui = undefined;
    record.reason = reason;
    this.log.error('plugin failed', { plugin: record.id, reason: localize(reason, this.deps.locale), ...(error instanceof Error && !isWorkbenchError(error) ? { stack: error.stack } : {}) });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`activate() did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
