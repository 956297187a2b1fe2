import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { parseDocument } from 'yaml';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema, SchemaRegistry } from '../schemas/schema-registry.js';
import { toFieldProblems } from '../schemas/field-problems.js';
import type { LocalizedText } from '../i18n/localized-text.js';
import { PLUGIN_API_VERSION } from '../version.js';
import type { PluginManifest } from './manifest.js';
import manifestSchema from '../../schemas/plugin-manifest.schema.json' with { type: 'json' };

export type ManifestResult =
  | { ok: true; manifest: PluginManifest; settingsSchema?: JsonSchema }
  | { ok: false; id?: string; name?: LocalizedText; version?: string; reason: LocalizedText };

let validator: ValidateFunction | undefined;

function fail(zh: string, en: string, raw?: unknown): ManifestResult {
  return failWith({ 'zh-CN': zh, en }, raw);
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
 */
export async function loadManifest(dir: string, schemas: SchemaRegistry): Promise<ManifestResult> {
  let text: string;
  try {
    text = await readFile(join(dir, 'plugin.yaml'), 'utf8');
  } catch (error) {
    return fail(`无法读取 plugin.yaml：${String(error)}`, `cannot read plugin.yaml: ${String(error)}`);
  }
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    return fail(`plugin.yaml 有 YAML 语法错误：${first.message}`, `plugin.yaml has a YAML syntax error: ${first.message}`);
  }
  const data: unknown = doc.toJS() ?? {};
  validator ??= schemas.compile(manifestSchema as JsonSchema);
  if (!validator(data)) {
    const list = (locale: 'zh-CN' | 'en') =>
      toFieldProblems(validator!.errors ?? [], locale, 'plugin.yaml')
        .map((p) => `${p.path} ${p.message}`)
        .join('; ');
    return fail(`plugin.yaml 不符合格式：${list('zh-CN')}`, `plugin.yaml is not valid: ${list('en')}`, data);
  }
  const manifest = data as PluginManifest;
  if (!semver.validRange(manifest.engine)) {
    return fail(`engine “${manifest.engine}” 不是有效的版本范围（例如 ^1.0.0）`, `engine "${manifest.engine}" is not a valid version range (e.g. ^1.0.0)`, data);
  }
  if (!semver.satisfies(PLUGIN_API_VERSION, manifest.engine)) {
    return fail(
      `插件需要插件接口 ${manifest.engine}，本工作台提供的是 ${PLUGIN_API_VERSION}；请换用与本工作台匹配的插件版本`,
      `the plugin needs plugin API ${manifest.engine}, but this workbench offers ${PLUGIN_API_VERSION}; use a plugin version made for this workbench`,
      data,
    );
  }
  const problem = checkIds(manifest);
  if (problem) return failWith(problem, data);
  if (manifest.settings === undefined) return { ok: true, manifest };
  try {
    const settingsSchema = JSON.parse(await readFile(join(dir, manifest.settings), 'utf8')) as JsonSchema;
    schemas.compile(settingsSchema);
    return { ok: true, manifest, settingsSchema };
  } catch (error) {
    return fail(`设置的 JSON Schema（${manifest.settings}）有误：${String(error)}`, `the settings schema (${manifest.settings}) is not valid: ${String(error)}`, data);
  }
}

/** Ids a plugin declares must live in its own namespace, and contributions may only use its own permissions. */
function checkIds(m: PluginManifest): LocalizedText | undefined {
  const own = new Set(m.permissions.map((p) => p.id));
  for (const p of m.permissions) {
    if (!p.id.startsWith(`${m.id}.`)) return { 'zh-CN': `权限 ${p.id} 必须以 “${m.id}.” 开头`, en: `permission ${p.id} must start with "${m.id}."` };
  }
  for (const c of m.contributes.commands) {
    if (!c.id.startsWith(`${m.id}.`)) return { 'zh-CN': `命令 ${c.id} 必须以 “${m.id}.” 开头`, en: `command ${c.id} must start with "${m.id}."` };
  }
  const all = [...m.contributes.views, ...m.contributes.editors, ...m.contributes.commands, ...m.contributes.widgets, ...m.contributes.status, ...m.contributes.importers, ...m.contributes.printables];
  for (const c of all) {
    if (c.permission !== undefined && !own.has(c.permission)) {
      return { 'zh-CN': `${c.id} 用到的权限 ${c.permission} 没有在 permissions 中声明`, en: `${c.id} uses the permission ${c.permission}, which permissions does not declare` };
    }
  }
  for (const dep of [...m.requires, ...m.optional]) {
    if (dep === m.id) return { 'zh-CN': '插件不能依赖自己', en: 'a plugin cannot depend on itself' };
  }
  return undefined;
}
