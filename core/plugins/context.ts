import type { Disposable } from '../lifecycle/disposable.js';
import type { Locale, LocalizedText } from '../i18n/localized-text.js';
import type { Queryable, Transaction } from '../db/database.js';
import type { JsonSchema } from '../schemas/schema-registry.js';
import type { Logger } from '../log/logger.js';
import type { PluginManifest } from './manifest.js';
import type { CsvColumnMapping, CsvColumns, CsvHeader, CsvHeaderOptions } from '../csv/read.js';

/** The person making a request, as plugins see them. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  /** Permission ids granted through the roles; the owner role grants all. */
  permissions: ReadonlySet<string>;
  /** True when the actor holds `permission` (the owner holds every one). */
  can(permission: string): boolean;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a route handler receives: validated input, the actor and the locale. */
export interface RouteRequest<P = Record<string, string>, Q = Record<string, unknown>, B = unknown> {
  params: P;
  query: Q;
  body: B;
  /** Undefined only on public routes when nobody is logged in. */
  actor: Actor | undefined;
  locale: Locale;
  /** The raw request, for headers or streaming. */
  raw: Request;
}

/** A route's declared permission: a permission id from the manifest, or explicitly public. */
export type RouteAccess = { permission: string; public?: never } | { public: true; permission?: never };

/**
 * One HTTP route of a plugin, mounted under `/api/<plugin-id>`. The schemas validate the request
 * (ajv, draft 2020-12), document it in `/api/openapi.json`, and may `$ref` any registered schema.
 *
 * @example
 * ctx.routes.add<{ id: string }, {}, { note: string }>({
 *   method: 'post', path: '/items/:id/notes', permission: 'example.items.edit',
 *   summary: { 'zh-CN': '添加备注', en: 'Add a note' },
 *   params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
 *   body: { type: 'object', properties: { note: { type: 'string', minLength: 1 } }, required: ['note'], additionalProperties: false },
 *   status: 201,
 *   handler: async ({ params, body, actor }) => addNote(params.id, body.note, actor!),
 * });
 */
export type RouteDefinition<P = Record<string, string>, Q = Record<string, unknown>, B = unknown, R = unknown> = RouteAccess & {
  method: HttpMethod;
  /** Hono path syntax relative to the plugin's base, e.g. `/orders/:id`. */
  path: string;
  summary: LocalizedText;
  description?: LocalizedText;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  response?: JsonSchema;
  /** Success status; 200 by default. */
  status?: number;
  /** Name written to the audit log for mutations; defaults to `METHOD path`. */
  action?: string;
  /** Answer a value (sent as JSON), or a Response for anything else. */
  handler: (request: RouteRequest<P, Q, B>) => Promise<R | Response> | R | Response;
};

/** Routes of one plugin. */
export interface RouteRegistry {
  add<P = Record<string, string>, Q = Record<string, unknown>, B = unknown, R = unknown>(route: RouteDefinition<P, Q, B, R>): Disposable;
}

/** Schemas shared by `$id`, so routes and other plugins can `$ref` them. */
export interface SchemaAccess {
  /**
   * Registers a schema. Its `$id` should be `https://workbench.local/schemas/<plugin>/<name>`.
   * Core definitions live at `https://workbench.local/schemas/defs` (`#/$defs/money`, `id`,
   * `timestamp`, `page`, `pageQuery`, `localizedText`).
   */
  add(schema: JsonSchema & { $id: string }): Disposable;
  /**
   * Validates data against a registered schema and fills in defaults; throws InputError listing
   * the fields, its messages in `locale` (default zh-CN; pass the handler's or importer's locale).
   *
   * @example
   * const row = ctx.schemas.validate<NoteLine>('https://workbench.local/schemas/example/note-line', { text }, locale);
   */
  validate<T>(schemaId: string, data: unknown, locale?: Locale): T;
}

/** The plugin's own tables (names start with `<plugin id with _>_`). */
export interface PluginDatabase {
  /** Reads committed rows (or the current transaction's rows when called inside one). */
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** A serialized write transaction; throwing rolls it back. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Migrations applied for this plugin, oldest first. */
  migrations(): Promise<{ name: string; appliedAt: string }[]>;
}

/** A name for a service with the type it carries. */
export interface ServiceToken<T> {
  readonly name: string;
  /** Never set; carries the type. */
  readonly __type?: T;
}

export interface ServiceAccess {
  /** Offers a service named in the manifest's `provides`. */
  provide<T>(token: ServiceToken<T> | string, implementation: T): Disposable;
  /** A service from a plugin named in `requires`; throws with the reason when it is not there. */
  get<T>(token: ServiceToken<T> | string): T;
  /** A service from a plugin named in `optional`; undefined when that plugin is not running. */
  optional<T>(token: ServiceToken<T> | string): T | undefined;
}

export interface EventContext {
  /** The transaction the event was emitted in; write through it so effects commit together. */
  tx: Transaction;
  /** The plugin that emitted the event. */
  source: string;
}

export interface EventAccess {
  /**
   * Emits `<this plugin>.<entity>.<verb>` inside the current transaction; every handler runs in
   * that transaction before `emit` resolves. A handler that throws rolls the whole transaction
   * back, and `emit` rejects with its error.
   */
  emit(name: string, payload: unknown): Promise<void>;
  on<T = unknown>(name: string, handler: (payload: T, context: EventContext) => Promise<void> | void): Disposable;
}

export interface SettingsAccess<T = Record<string, unknown>> {
  /** Current values: schema defaults, then config.yaml, then values saved in the settings UI. */
  get(): T;
  onDidChange(listener: (value: T) => void): Disposable;
}

export interface JobContext {
  /** When this run started. */
  startedAt: string;
  log: Logger;
}

/** `every` is milliseconds or a duration like `30s`, `5m`, `2h`; `cron` has five fields (min hour dom month dow) in shop time. */
export type JobSchedule = { every: number | string; cron?: never } | { cron: string; every?: never };

export interface JobDefinition {
  id: string;
  title: LocalizedText;
  schedule: JobSchedule;
  run: (context: JobContext) => Promise<void> | void;
  /**
   * Whether a run missed while the workbench was off happens once at the next start (default
   * true). Set false where a late run makes no sense, e.g. a reminder only useful at its hour.
   * Added in plugin API 1.3.
   */
  catchUp?: boolean;
}

export interface JobAccess {
  /** Schedules work; a failing run is logged and recorded, and the next run still happens. */
  schedule(job: JobDefinition): Disposable;
}

export interface ImportProgress {
  /** Reports progress to everyone watching the import. */
  report(progress: { done: number; total?: number; message?: LocalizedText }): void;
}

export interface ImportFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface ImportRequest {
  /** The first file uploaded. */
  file: ImportFile;
  /**
   * Every file of the upload, in the order sent (the field `file` repeated), for imports made of
   * several files, e.g. an order report with its item report. Added in plugin API 1.2.
   */
  files: ImportFile[];
  actor: Actor;
  locale: Locale;
  progress: ImportProgress;
  /**
   * `readCsvHeader` with the column mapping a clerk saved for this importer and this
   * header's layout applied. A required column still missing ends the import with
   * `ColumnsUnmappedError` (`file` names the file; the first file by default), so the
   * import dialog asks which column holds it, saves the answer, and uploads again. Added in
   * plugin API 1.5.
   *
   * @example const header = request.readHeader(records[0]?.cells ?? [], COLUMNS);
   */
  readHeader<K extends string>(cells: readonly string[], columns: CsvColumns<K>, options?: CsvHeaderOptions<K> & { file?: string }): CsvHeader<K>;
  /**
   * The mapping saved for this importer and a header (by its cells), to pass as `mapping` to
   * `readCsvHeader` when an import of several files collects every file's header before asking
   * once with `ColumnsUnmappedError`. Added in plugin API 1.5.
   */
  columnMapping(cells: readonly string[]): CsvColumnMapping | undefined;
}

export interface ImporterAccess {
  /** Handles uploads to an importer declared in the manifest's `contributes.importers`. */
  register(id: string, handler: (request: ImportRequest) => Promise<unknown>): Disposable;
}

export interface PrintRequest {
  query: Record<string, string>;
  actor: Actor;
  locale: Locale;
}

/** Printable HTML; build `body` with the `html` tag so values are escaped. */
export interface PrintableDocument {
  title: string;
  body: SafeHtml;
}

export interface PrintableAccess {
  register(id: string, render: (request: PrintRequest) => Promise<PrintableDocument> | PrintableDocument): Disposable;
}

/** One record quick open (Ctrl+P) offers; choosing it opens the editor that `opens` this kind. */
export interface SearchResult {
  title: string;
  /** A second line, e.g. the SKU code or the buyer. */
  detail?: string;
  /** The record kind, as an editor contribution's `opens`. */
  opens: string;
  id: string | number;
}

export interface SearchProvider {
  /** Only people holding this permission get this provider's results. */
  permission: string;
  search(request: { text: string; limit: number; actor: Actor; locale: Locale }): Promise<SearchResult[]> | SearchResult[];
}

export interface SearchAccess {
  provide(provider: SearchProvider): Disposable;
}

export interface DemoDataAccess {
  /** Fills this plugin's tables with a small demo shop when the owner asks for one at setup. */
  register(fill: (tx: Transaction, context: { locale: Locale; now: string }) => Promise<void>): Disposable;
  /**
   * During a fill, the owner account made at setup that asked for the demo: for demo rows that must
   * name an account (who entered, who approved). Outside a fill it throws.
   */
  owner(): { id: number; name: string };
}

export interface I18nAccess {
  /** Looks a key up in the plugin's `i18n/<locale>.json`, with `{name}` placeholders. */
  t(key: string, params?: Record<string, unknown>, locale?: Locale): string;
}

export interface PermissionAccess {
  /** The permissions the manifest declares. */
  declared(): { id: string; name: LocalizedText }[];
}

/** HTML whose interpolated values were escaped. */
export interface SafeHtml {
  readonly __html: string;
}

/**
 * The one door into the core. Everything registered through it is disposed when the plugin stops.
 */
export interface PluginContext {
  /** The plugin's id from plugin.yaml, e.g. `fulfillment`. */
  readonly id: string;
  /** The validated manifest, with defaults filled in. */
  readonly manifest: PluginManifest;
  /** The shop's time zone, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  /**
   * Now, as ISO 8601 with the shop's offset.
   * @example ctx.now() // '2026-11-23T19:30:00.000+08:00'
   */
  now(): string;
  /**
   * Any instant written as ISO 8601 in the shop's time zone, as `now()` writes it: store times in
   * this form whatever offset a client sent, so they read as shop time and sort within one offset.
   * Throws RangeError for a string that is not a time (validate with `$defs/timestamp` first).
   * @example ctx.shopTime('2026-11-23T11:30:00Z') // '2026-11-23T19:30:00.000+08:00'
   * @example ctx.shopTime(Date.parse(order.paidAt) + 15 * 86_400_000) // fifteen days later
   */
  shopTime(instant: string | number | Date): string;
  /**
   * HTTP routes under `/api/<id>`; see {@link RouteDefinition}.
   * @example ctx.routes.add({ method: 'get', path: '/orders', permission: 'fulfillment.orders.read', summary: '订单列表', handler: () => list() });
   */
  routes: RouteRegistry;
  /**
   * Schemas by `$id`, shared with other plugins and the OpenAPI document.
   * @example ctx.schemas.add({ $id: 'https://workbench.local/schemas/listings/sku', type: 'object', … });
   */
  schemas: SchemaAccess;
  /**
   * The plugin's tables; migrations in `migrations/NNN-name.sql` are applied before `activate`.
   * @example const rows = await ctx.db.read((q) => q.all('SELECT * FROM listings_products LIMIT 20'));
   * @example await ctx.db.transaction((tx) => tx.run('UPDATE listings_skus SET price = ? WHERE id = ?', [9900, 7]));
   */
  db: PluginDatabase;
  /**
   * Services between plugins, as the manifests declare them.
   * @example ctx.services.provide('inventory', inventory);  // provides: [inventory]
   * @example const catalog = ctx.services.get<Catalog>('catalog');  // requires: [listings]
   */
  services: ServiceAccess;
  /**
   * Domain events inside the emitting transaction.
   * @example await ctx.events.emit('fulfillment.order.shipped', { orderId });  // inside ctx.db.transaction
   * @example ctx.events.on('fulfillment.order.shipped', async (p, { tx }) => { … });
   */
  events: EventAccess;
  /**
   * The plugin's settings (schema in plugin.yaml `settings`).
   * @example const threshold = Number(ctx.settings.get().lowStockThreshold);
   */
  settings: SettingsAccess;
  /**
   * The permissions plugin.yaml declares.
   * @example ctx.permissions.declared().map((p) => p.id);
   */
  permissions: PermissionAccess;
  /**
   * Scheduled work; failures are logged and never stop the server.
   * @example ctx.jobs.schedule({ id: 'stocktake', title: '盘点提醒', schedule: { cron: '0 9 28 * *' }, run: remind });
   */
  jobs: JobAccess;
  /**
   * File imports with progress streamed to the browser.
   * @example ctx.importers.register('taobao-orders', async ({ file, progress }) => { … return report; });
   */
  importers: ImporterAccess;
  /**
   * Printable HTML pages, served at `/api/<id>/printables/<printable>`.
   * @example ctx.printables.register('pick-list', async ({ query }) => ({ title: '拣货单', body: html`…` }));
   */
  printables: PrintableAccess;
  /**
   * Records for quick open (Ctrl+P): the shell asks every provider as the user types.
   * @example ctx.search.provide({ permission: 'listings.products.read', search: ({ text, limit }) => findProducts(text, limit) });
   */
  search: SearchAccess;
  /**
   * Demo data filled at first-run setup when the owner asks for a demo shop.
   * @example ctx.demo.register(async (tx, { now }) => { await tx.run('INSERT INTO …', […]); });
   */
  demo: DemoDataAccess;
  /**
   * Strings from the plugin's `i18n/<locale>.json`.
   * @example ctx.i18n.t('stock.low', { sku: 'A-1', count: 3 }, request.locale);
   */
  i18n: I18nAccess;
  /**
   * A logger whose lines carry `[<id>]`.
   * @example ctx.log.warn('courier statement has unknown numbers', { count: 3 });
   */
  log: Logger;
  /**
   * Registers anything else that must be undone when the plugin stops.
   * @example const timer = setInterval(poll, 60_000); ctx.onDispose(() => clearInterval(timer));
   */
  onDispose(fn: () => void): Disposable;
}

/** What a plugin's `server/index.ts` exports. */
export interface PluginModule {
  activate(ctx: PluginContext): void | Promise<void>;
  deactivate?(): void | Promise<void>;
}
