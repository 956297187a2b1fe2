/**
 * The public plugin API: the one module a plugin imports, as `@workbench/plugin-api`.
 * Everything else in `core/` is internal and may change without notice.
 *
 * @example
 * import { InputError, type PluginContext } from '@workbench/plugin-api';
 * export function activate(ctx: PluginContext) { ... }
 */
export {
  WorkbenchError,
  InputError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  UnavailableError,
  isWorkbenchError,
} from './errors.js';
export type { FieldProblem } from './errors.js';
export { DisposableStore, toDisposable } from './lifecycle/disposable.js';
export type { Disposable } from './lifecycle/disposable.js';
export { Turns, SLICE_MS } from './lifecycle/turns.js';
export { html } from './contributions/safe-html.js';
export { readLimited } from './contributions/read-limited.js';
export { serviceToken } from './contributions/service-token.js';
export { DEFS, ref, def, nullable, ID_PARAMS, listQuery } from './schemas/schema-helpers.js';
export { visibleText, invisibleCharacterIn } from './schemas/visible-text.js';
export { parseYuan, yuan, type MoneyProblem } from '../schemas/money.js';
export { decodeCsv, decodeCsvInTurns, encodeCsv, type CsvEncoding, type DecodedCsv } from './csv/decode.js';
export { readCsv, readCsvInTurns, type CsvRecord, type CsvRecords } from './csv/records.js';
export { readCsvHeader, csvHeaderName, unwrapCsvCell, isBlankCsvRecord, type CsvColumn, type CsvColumns, type CsvHeader, type CsvHeaderOptions } from './csv/read.js';
export { csvLayoutKey, type CsvColumnMapping, type CsvUnmappedColumn } from './csv/read.js';
export { ColumnsUnmappedError, type UnmappedFile } from './csv/columns-unmapped.js';
export { writeCsv, csvText, excelCell } from './csv/write.js';
export { moneyCellReason, type CsvProblem } from './csv/problems.js';
export { PLUGIN_API_VERSION } from './version.js';
export type { Locale, LocalizedText } from './i18n/localized-text.js';
export type { Queryable, Transaction } from './db/database.js';
export type { SqlParams, SqlValue, RunResult } from './db/sqlite.js';
export type { JsonSchema } from './schemas/schema-registry.js';
export type { Logger } from './log/logger.js';
export type { PluginManifest } from './plugins/manifest.js';
export type {
  Actor,
  DemoDataAccess,
  EventAccess,
  EventContext,
  HttpMethod,
  I18nAccess,
  ImportFile,
  ImportProgress,
  ImportRequest,
  ImporterAccess,
  JobAccess,
  JobContext,
  JobDefinition,
  JobSchedule,
  PermissionAccess,
  PluginContext,
  PluginDatabase,
  PluginModule,
  PrintRequest,
  PrintableAccess,
  PrintableDocument,
  RouteDefinition,
  RouteRegistry,
  RouteRequest,
  SafeHtml,
  SchemaAccess,
  SearchAccess,
  SearchProvider,
  SearchResult,
  ServiceAccess,
  ServiceToken,
  SettingsAccess,
} from './plugins/context.js';
