import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { isLocale, type Locale } from '../i18n/localized-text.js';
import { isValidTimeZone } from '../i18n/time.js';
import type { WorkbenchConfig } from './config.js';
import { describeAjvErrors, say, TEXT } from './config-messages.js';
import { dottedPath, YamlLocator } from './yaml-locate.js';
import { precompiled } from '../schemas/precompiled.js';

/** One thing wrong with the configuration, located for a person to fix. */
export interface ConfigProblem {
  /** Absolute path of the config file, or the name of the environment variable at fault. */
  file: string;
  /** 1-based; 0 when the problem is not in a file (an environment variable). */
  line: number;
  column: number;
  /** Dotted path of the setting (`server.port`, `plugins.folders.0`); '' for the whole file. */
  path: string;
  /** In the config's locale. */
  message: string;
}

/** The loaded configuration, or every problem found at once and the locale they are written in. */
export type ConfigResult = { ok: true; config: WorkbenchConfig } | { ok: false; problems: ConfigProblem[]; locale: Locale };

export interface LoadConfigOptions {
  /** Path of config.yaml; default: env WORKBENCH_CONFIG, else `<cwd>/config.yaml`. */
  file?: string;
  /** Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Default: process.cwd(). */
  cwd?: string;
}

let compiled: ValidateFunction | undefined;

/**
 * The ajv that checks config.yaml. verbose gives each error its data and schema, which the
 * messages need (values, typo hints). Our own schema is not checked against the meta-schema at
 * each start (compiling that took a tenth of a second); load-config.test.ts checks it once.
 * `source`: keep the generated code, for scripts/build.mjs (see core/schemas/precompiled.ts).
 */
export function configAjv(source = false): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, useDefaults: true, verbose: true, strict: false, validateSchema: false, ...(source ? { code: { source: true, esm: true } } : {}) });
  addFormats(ajv);
  return ajv;
}

export { schema as configSchema };

function validator(): ValidateFunction {
  // The server bundle carries it compiled at build time; from the sources it is compiled here.
  compiled ??= precompiled.config ?? configAjv().compile(schema);
  return compiled;
}

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The config's own locale when it names a valid one, so the owner reads problems in their language. */
function messageLocale(doc: Document | undefined, env: Record<string, string | undefined>): Locale {
  try {
    const own: unknown = doc?.get('locale');
    if (isLocale(own)) return own;
  } catch {
    // A document too broken to read the key from falls back like a missing one.
  }
  return isLocale(env.WORKBENCH_LOCALE) ? env.WORKBENCH_LOCALE : 'zh-CN';
}

/** yaml marks a duplicate key by its first character only; the key node has the whole name. */
function keyStartingAt(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Turns yaml's parse errors into problems; a couple of common slips get a plainer message. */
function syntaxProblems(doc: Document, source: string, locator: YamlLocator, file: string, locale: Locale): ConfigProblem[] {
  return doc.errors.map((error) => {
    const [start, end] = error.pos;
    let detail = error.message;
    if (error.code === 'DUPLICATE_KEY') detail = say(TEXT.duplicateKey, locale, { key: keyStartingAt(doc, start) ?? source.slice(start, end) });
    else if (error.code === 'TAB_AS_INDENT') detail = say(TEXT.tabIndent, locale);
    else if (error.code === 'MULTIPLE_DOCS') detail = say(TEXT.multipleDocuments, locale);
    return { file, ...locator.offset(start), path: '', message: say(TEXT.yamlSyntax, locale, { message: detail }) };
  });
}

/**
 * Reads config.yaml, validates it against schemas/config.schema.json (filling defaults), applies
 * WORKBENCH_PORT and WORKBENCH_DATA_DIR, and makes paths absolute. Every problem is reported at
 * once, each with a line and column. Reads only: nothing is created, not even dataDir.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ConfigResult> {
  const env = options.env ?? process.env;
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const named = given(options.file) ?? given(env.WORKBENCH_CONFIG);
  const file = path.resolve(cwd, named ?? 'config.yaml');

  let source: string | undefined;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    // Running without a config file is normal; asking for one that is not there is a mistake.
    if (!missing || named !== undefined) {
      const locale = messageLocale(undefined, env);
      const message = missing
        ? say(TEXT.fileNotFound, locale)
        : say(TEXT.fileUnreadable, locale, { reason: (error as Error).message });
      return { ok: false, locale, problems: [{ file, line: 1, column: 1, path: '', message }] };
    }
  }

  const lines = new LineCounter();
  const doc = source === undefined ? undefined : parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const locale = messageLocale(doc, env);
  const locator = new YamlLocator(doc, lines);
  if (doc && source !== undefined && doc.errors.length > 0) {
    return { ok: false, locale, problems: syntaxProblems(doc, source, locator, file, locale) };
  }

  let data: unknown;
  try {
    data = doc?.toJS() ?? {};
  } catch (error) {
    // e.g. an alias bomb or an alias to nothing: yaml throws only when building the value.
    const message = say(TEXT.yamlSyntax, locale, { message: (error as Error).message });
    return { ok: false, locale, problems: [{ file, line: 1, column: 1, path: '', message }] };
  }
  if (isRecord(data)) {
    // `server:` with every line under it commented out is null; the owner meant "defaults".
    for (const key of ['server', 'plugins', 'settings']) if (data[key] === null) data[key] = {};
    if (isRecord(data.settings)) for (const [id, value] of Object.entries(data.settings)) if (value === null) data.settings[id] = {};
  }

  const problems: ConfigProblem[] = [];
  const validate = validator();
  if (!validate(data)) {
    for (const raw of describeAjvErrors(validate.errors ?? [], locale)) {
      const where = raw.key === undefined ? locator.valueAt(raw.segments) : locator.keyAt(raw.segments, raw.key);
      const at = raw.key === undefined ? raw.segments : [...raw.segments, raw.key];
      problems.push({ file, ...where, path: dottedPath(at), message: raw.message });
    }
  }
  const record = isRecord(data) ? data : {};
  const timeZone = record.timeZone;
  if (typeof timeZone === 'string' && timeZone !== '' && !isValidTimeZone(timeZone)) {
    problems.push({ file, ...locator.valueAt(['timeZone']), path: 'timeZone', message: say(TEXT.badTimeZone, locale, { value: timeZone }) });
  }
  const unique = dedupe(problems).sort((a, b) => a.line - b.line || a.column - b.column);

  let port: number | undefined;
  const envPort = given(env.WORKBENCH_PORT);
  if (envPort !== undefined) {
    const value = envPort.trim();
    if (/^\d{1,5}$/.test(value) && Number(value) <= 65535) port = Number(value);
    else unique.push({ file: 'WORKBENCH_PORT', line: 0, column: 0, path: 'server.port', message: say(TEXT.badPort, locale, { value: envPort }) });
  }
  const clockStart = given(env.WORKBENCH_CLOCK_START)?.trim();
  if (clockStart !== undefined && !(/(Z|[+-]\d{2}:\d{2})$/.test(clockStart) && Number.isFinite(Date.parse(clockStart)))) {
    unique.push({ file: 'WORKBENCH_CLOCK_START', line: 0, column: 0, path: 'clockStart', message: say(TEXT.badClockStart, locale, { value: clockStart }) });
  }
  if (unique.length > 0) return { ok: false, locale, problems: unique };

  const valid = data as Omit<WorkbenchConfig, 'file'>;
  const folder = path.dirname(file);
  const envDataDir = given(env.WORKBENCH_DATA_DIR);
  const buildsDir = given(env.WORKBENCH_BUILDS_DIR);
  return {
    ok: true,
    config: {
      file,
      server: {
        ...valid.server,
        port: port ?? valid.server.port,
        ...(valid.server.tls ? { tls: { certFile: path.resolve(folder, valid.server.tls.certFile), keyFile: path.resolve(folder, valid.server.tls.keyFile) } } : {}),
      },
      dataDir: envDataDir === undefined ? path.resolve(folder, valid.dataDir) : path.resolve(cwd, envDataDir),
      locale: valid.locale,
      timeZone: valid.timeZone,
      logLevel: valid.logLevel,
      plugins: { enabled: valid.plugins.enabled, folders: valid.plugins.folders.map((f) => path.resolve(folder, f)) },
      settings: valid.settings,
      ...(clockStart === undefined ? {} : { clockStart }),
      ...(buildsDir === undefined ? {} : { buildsDir: path.resolve(cwd, buildsDir) }),
    },
  };
}

/** ajv can say the same thing twice about one value (e.g. once per failing branch). */
function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.path}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One line per problem, e.g. `config.yaml:3:9 server.port: 应为整数`. Files inside the current
 * folder are shown relative to it; environment variables have no line.
 */
export function formatConfigProblems(problems: ConfigProblem[]): string {
  const cwd = process.cwd();
  return problems
    .map((p) => {
      let file = p.file;
      if (path.isAbsolute(file)) {
        const relative = path.relative(cwd, file);
        if (relative && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative)) file = relative;
      }
      const where = p.line > 0 ? `${file}:${p.line}:${p.column}` : file;
      return `${where} ${p.path ? `${p.path}: ` : ''}${p.message}`;
    })
    .join('\n');
}
