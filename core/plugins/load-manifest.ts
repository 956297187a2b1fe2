import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { LineCounter, parseDocument } from 'yaml';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema, SchemaRegistry } from '../schemas/schema-registry.js';
import { toFieldProblems } from '../schemas/field-problems.js';
import { localize, type LocalizedText } from '../i18n/localized-text.js';
import { pointerSegments, YamlLocator } from '../config/yaml-locate.js';
import { PLUGIN_API_VERSION } from '../version.js';
import { keepManifest, keptManifest } from './manifest-cache.js';
import { precompiled } from '../schemas/precompiled.js';
import type { PluginManifest } from './manifest.js';
import { DEFAULT_ROLE_IDS } from '../auth/role-defaults.js';
import manifestSchema from '../../schemas/plugin-manifest.schema.json' with { type: 'json' };

export { manifestSchema };

/** One thing wrong in a plugin's files, where it is. */
export interface ManifestProblem {
  /** Relative to the plugin folder, e.g. `plugin.yaml`. */
  file: string;
  line: number;
  column: number;
  message: LocalizedText;
}

export type ManifestResult =
  | { ok: true; manifest: PluginManifest; settingsSchema?: JsonSchema }
  | { ok: false; id?: string; name?: LocalizedText; version?: string; reason: LocalizedText; problems?: ManifestProblem[] };

let validator: ValidateFunction | undefined;

function fail(zh: string, en: string, raw?: unknown): ManifestResult {
  return failWith({ 'zh-CN': zh, en }, raw);
}

/** Every problem found, each with `file:line:column`, in one reason. */
function failAll(problems: ManifestProblem[], raw: unknown): ManifestResult {
  const list = (locale: 'zh-CN' | 'en') => problems.map((p) => `${p.file}:${p.line}:${p.column} ${localize(p.message, locale)}`).join(locale === 'en' ? '; ' : '；');
  const reason =
    problems.length === 1
      ? { 'zh-CN': list('zh-CN'), en: list('en') }
      : { 'zh-CN': `${problems.length} 处问题：${list('zh-CN')}`, en: `${problems.length} problems: ${list('en')}` };
  return { ...(failWith(reason, raw) as Extract<ManifestResult, { ok: false }>), problems };
}

function failWith(reason: LocalizedText, raw?: unknown): ManifestResult {
  const r = (raw ?? {}) as { id?: unknown; name?: unknown; version?: unknown };
  // Kept only when it has the shape of a name, so the plugins list can show at least that.
  const named = typeof r.name === 'string' || typeof (r.name as { 'zh-CN'?: unknown } | null)?.['zh-CN'] === 'string';
  const name = named ? (r.name as LocalizedText) : undefined;
  return {
    ok: false,
    id: typeof r.id === 'string' ? r.id : undefined,
    name,
    version: typeof r.version === 'string' ? r.version : undefined,
    reason,
  };
}

/**
 * Reads and checks `plugin.yaml` without running any plugin code: the schema, the engine range
 * against this core's plugin API, permission and contribution ids, and the settings schema.
 * With `cacheFolder`, the parsed text is kept there and read back while the text is unchanged.
 */
export async function loadManifest(dir: string, schemas: SchemaRegistry, cacheFolder?: string): Promise<ManifestResult> {
  let text: string;
  try {
    text = await readFile(join(dir, 'plugin.yaml'), 'utf8');
  } catch (error) {
    return fail(`无法读取 plugin.yaml：${String(error)}`, `cannot read plugin.yaml: ${String(error)}`);
  }
  const at = (line: number, column: number, message: LocalizedText): ManifestProblem => ({ file: 'plugin.yaml', line, column, message });
  // Parsed at an earlier start (see manifest-cache.ts): the text is parsed again only to place a problem.
  const kept = cacheFolder === undefined ? undefined : await keptManifest(cacheFolder, text);
  let locator: YamlLocator | undefined;
  const locate = (): YamlLocator => {
    if (!locator) {
      const lines = new LineCounter();
      locator = new YamlLocator(parseDocument(text, { lineCounter: lines }), lines);
    }
    return locator;
  };
  let data: unknown = kept;
  if (data === undefined) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    if (doc.errors.length) {
      return failAll(
        doc.errors.map((e) => {
          const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
          return at(pos.line, pos.col, { 'zh-CN': `YAML 语法错误：${e.message}`, en: `YAML syntax error: ${e.message}` });
        }),
        undefined,
      );
    }
    locator = new YamlLocator(doc, lines);
    data = doc.toJS() ?? {};
    // Kept before the check below fills in defaults: what is kept is what the text says.
    if (cacheFolder !== undefined) await keepManifest(cacheFolder, text, data);
  }
  const where = (pointer: string, message: LocalizedText): ManifestProblem => {
    const pos = locate().valueAt(pointerSegments(pointer));
    return at(pos.line, pos.column, message);
  };
  // The server bundle carries it compiled at build time; from the sources it is compiled here.
  validator ??= precompiled.manifest ?? schemas.compile(manifestSchema as JsonSchema);
  const problems: ManifestProblem[] = [];
  const valid = validator(data);
  if (!valid) {
    const zh = toFieldProblems(validator.errors ?? [], 'zh-CN', 'plugin.yaml');
    const en = toFieldProblems(validator.errors ?? [], 'en', 'plugin.yaml');
    zh.forEach((p, i) => problems.push(where(p.path, { 'zh-CN': `${p.path} ${p.message}`, en: `${en[i]?.path ?? p.path} ${en[i]?.message ?? p.message}` })));
  }
  // The engine and the ids are checked even when other fields are wrong, so one pass shows all.
  const engine = (data as { engine?: unknown }).engine;
  if (typeof engine === 'string') {
    if (!semver.validRange(engine)) {
      problems.push(where('/engine', { 'zh-CN': `engine “${engine}” 不是有效的版本范围（例如 ^1.0.0）`, en: `engine "${engine}" is not a valid version range (e.g. ^1.0.0)` }));
    } else if (!semver.satisfies(PLUGIN_API_VERSION, engine)) {
      problems.push(
        where('/engine', {
          'zh-CN': `插件需要插件接口 ${engine}，本工作台提供的是 ${PLUGIN_API_VERSION}；请换用与本工作台匹配的插件版本`,
          en: `the plugin needs plugin API ${engine}, but this workbench offers ${PLUGIN_API_VERSION}; use a plugin version made for this workbench`,
        }),
      );
    }
  }
  if (valid) for (const p of checkIds(data as PluginManifest)) problems.push(where(p.pointer, p.message));
  const settingsFile = (data as { settings?: unknown }).settings;
  let settingsSchema: JsonSchema | undefined;
  if (typeof settingsFile === 'string') {
    try {
      settingsSchema = await readSettingsSchema(dir, settingsFile, schemas);
    } catch (error) {
      const pos = jsonPosition(error);
      problems.push({ file: settingsFile, ...pos, message: { 'zh-CN': `设置的 JSON Schema 有误：${String(error)}`, en: `the settings schema is not valid: ${String(error)}` } });
    }
  }
  if (problems.length) return failAll(problems, data);
  const manifest = data as PluginManifest;
  return settingsSchema ? { ok: true, manifest, settingsSchema } : { ok: true, manifest };
}

/** Reads and compiles the settings schema; a syntax error carries its line and column. */
async function readSettingsSchema(dir: string, file: string, schemas: SchemaRegistry): Promise<JsonSchema> {
  const text = await readFile(join(dir, file), 'utf8');
  let schema: JsonSchema;
  try {
    schema = JSON.parse(text) as JsonSchema;
  } catch (error) {
    const offset = Number(/position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? 0);
    const before = text.slice(0, offset).split('\n');
    throw Object.assign(error as Error, { line: before.length, column: before.at(-1)!.length + 1 });
  }
  schemas.compile(schema);
  return schema;
}

/** Where a settings schema went wrong: its syntax error's position, else the top of the file. */
function jsonPosition(error: unknown): { line: number; column: number } {
  const e = error as { line?: unknown; column?: unknown };
  return typeof e.line === 'number' && typeof e.column === 'number' ? { line: e.line, column: e.column } : { line: 1, column: 1 };
}

/** Ids a plugin declares must live in its own namespace, and contributions may only use its own permissions. */
function checkIds(m: PluginManifest): { pointer: string; message: LocalizedText }[] {
  const found: { pointer: string; message: LocalizedText }[] = [];
  const own = new Set(m.permissions.map((p) => p.id));
  m.permissions.forEach((p, i) => {
    if (!p.id.startsWith(`${m.id}.`)) found.push({ pointer: `/permissions/${i}/id`, message: { 'zh-CN': `权限 ${p.id} 必须以 “${m.id}.” 开头`, en: `permission ${p.id} must start with "${m.id}."` } });
  });
  m.contributes.commands.forEach((c, i) => {
    if (!c.id.startsWith(`${m.id}.`)) found.push({ pointer: `/contributes/commands/${i}/id`, message: { 'zh-CN': `命令 ${c.id} 必须以 “${m.id}.” 开头`, en: `command ${c.id} must start with "${m.id}."` } });
  });
  for (const kind of ['views', 'editors', 'commands', 'widgets', 'status', 'importers', 'printables'] as const) {
    (m.contributes[kind] as { id: string; permission?: string }[]).forEach((c, i) => {
      if (c.permission !== undefined && !own.has(c.permission)) {
        found.push({
          pointer: `/contributes/${kind}/${i}/permission`,
          message: { 'zh-CN': `${c.id} 用到的权限 ${c.permission} 没有在 permissions 中声明`, en: `${c.id} uses the permission ${c.permission}, which permissions does not declare` },
        });
      }
    });
  }
  for (const [role, permissions] of Object.entries(m.roles)) {
    if (!DEFAULT_ROLE_IDS.has(role)) {
      found.push({
        pointer: `/roles/${role}`,
        message: {
          'zh-CN': `roles 只能给内置角色 ${[...DEFAULT_ROLE_IDS].join('、')} 设默认权限，没有“${role}”（店长总是拥有全部权限）`,
          en: `roles can give defaults only to the built-in roles ${[...DEFAULT_ROLE_IDS].join(', ')}, not "${role}" (the owner always holds every permission)`,
        },
      });
    }
    permissions.forEach((p, i) => {
      if (!own.has(p)) {
        found.push({
          pointer: `/roles/${role}/${i}`,
          message: { 'zh-CN': `roles.${role} 里的 ${p} 不是本插件在 permissions 中声明的权限`, en: `${p} under roles.${role} is not one of the permissions this plugin declares` },
        });
      }
    });
  }
  (['requires', 'optional'] as const).forEach((field) =>
    m[field].forEach((dep, i) => {
      if (dep === m.id) found.push({ pointer: `/${field}/${i}`, message: { 'zh-CN': '插件不能依赖自己', en: 'a plugin cannot depend on itself' } });
    }),
  );
  return found;
}
