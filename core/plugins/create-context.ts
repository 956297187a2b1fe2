import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DisposableStore, toDisposable } from '../lifecycle/disposable.js';
import { format, isLocale, type Locale } from '../i18n/localized-text.js';
import { formatTimestamp } from '../i18n/time.js';
import type { Database } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../log/logger.js';
import type { SchemaRegistry } from '../schemas/schema-registry.js';
import type { DemoData } from '../contributions/demo-data.js';
import type { Importers } from '../contributions/importers.js';
import { registerPrintable } from '../contributions/printables.js';
import type { RouteTable, TableRoute } from '../contributions/route-table.js';
import type { SearchProviders } from '../contributions/search.js';
import type { ServiceRegistry } from '../contributions/services.js';
import type { SettingsStore } from '../contributions/settings-store.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { PluginContext } from './context.js';
import type { PluginManifest } from './manifest.js';

export interface ContextDeps {
  db: Database;
  schemas: SchemaRegistry;
  routes: RouteTable;
  events: EventBus;
  services: ServiceRegistry;
  settings: SettingsStore;
  jobs: JobScheduler;
  importers: Importers;
  demo: DemoData;
  search: SearchProviders;
  log: Logger;
  timeZone: string;
  locale: Locale;
  now: () => string;
}

/** Reads `i18n/<locale>.json` of a plugin; a missing file is an empty catalog. */
function readCatalogs(dir: string): Record<Locale, Record<string, string>> {
  const read = (locale: Locale) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

/**
 * Builds the PluginContext of one plugin. Every registration goes into the returned store, so
 * disposing the store undoes everything the plugin did through its context.
 */
export function createPluginContext(manifest: PluginManifest, dir: string, deps: ContextDeps): { ctx: PluginContext; store: DisposableStore } {
  const log = deps.log.child(manifest.id);
  const store = new DisposableStore((message) => log.warn(message));
  const permissions = new Set(manifest.permissions.map((p) => p.id));
  const catalogs = readCatalogs(dir);
  const base = `/api/${manifest.id}`;

  const ctx: PluginContext = {
    id: manifest.id,
    manifest,
    timeZone: deps.timeZone,
    now: deps.now,
    shopTime: (instant) => formatTimestamp(new Date(instant), deps.timeZone),
    log,
    routes: {
      add: (route) => store.add(deps.routes.add(manifest.id, base, route as unknown as TableRoute, permissions)),
    },
    schemas: {
      add: (schema) => {
        const remove = deps.schemas.add(schema, manifest.id);
        return store.add(toDisposable(remove));
      },
      validate: (schemaId, data, locale) => deps.schemas.validate(schemaId, data, locale),
    },
    db: {
      read: (fn) => deps.db.read(fn),
      transaction: (fn) => deps.db.transaction(fn),
      migrations: () =>
        deps.db.read((q) => q.all<{ name: string; appliedAt: string }>('SELECT name, applied_at AS appliedAt FROM core_migrations WHERE owner = ? ORDER BY name', [manifest.id])),
    },
    services: {
      provide: (token, impl) => store.add(deps.services.provide(manifest, token, impl)),
      get: (token) => deps.services.get(manifest, token, false)!,
      optional: (token) => deps.services.get(manifest, token, true),
    },
    events: {
      emit: (name, payload) => {
        if (!name.startsWith(`${manifest.id}.`)) {
          return Promise.reject(new Error(`plugin ${manifest.id} may only emit events named "${manifest.id}.<entity>.<verb>", not "${name}"`));
        }
        return deps.events.emit(manifest.id, name, payload);
      },
      on: (name, handler) => store.add(deps.events.on(manifest.id, name, handler as (payload: unknown, c: Parameters<typeof handler>[1]) => Promise<void> | void)),
    },
    settings: {
      get: () => (deps.settings.has(manifest.id) ? deps.settings.get(manifest.id) : {}),
      onDidChange: (listener) => store.add(deps.settings.has(manifest.id) ? deps.settings.onDidChange(manifest.id, listener) : toDisposable(() => undefined)),
    },
    permissions: {
      declared: () => manifest.permissions,
    },
    jobs: {
      schedule: (job) => store.add(deps.jobs.schedule(manifest.id, job)),
    },
    importers: {
      register: (id, handler) => store.add(deps.importers.register(manifest, id, handler, permissions)),
    },
    printables: {
      register: (id, render) => store.add(registerPrintable(deps.routes, manifest, id, render, permissions)),
    },
    search: {
      provide: (provider) => store.add(deps.search.provide(manifest.id, permissions, provider)),
    },
    demo: {
      register: (fill) => store.add(deps.demo.register(manifest.id, fill)),
      owner: () => deps.demo.owner(),
    },
    i18n: {
      t: (key, params, locale) => {
        const l = locale && isLocale(locale) ? locale : deps.locale;
        return format(catalogs[l][key] ?? catalogs['zh-CN'][key] ?? key, params);
      },
    },
    onDispose: (fn) => store.add(toDisposable(fn)),
  };
  return { ctx, store };
}
