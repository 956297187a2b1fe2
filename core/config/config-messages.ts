import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { Locale } from '../i18n/localized-text.js';
import { pointerSegments } from './yaml-locate.js';

type Both = Record<Locale, string>;

/** The loader's own messages; `{name}` placeholders are filled by `say`. */
export const TEXT = {
  fileNotFound: { 'zh-CN': '配置文件不存在', en: 'config file not found' },
  fileUnreadable: { 'zh-CN': '无法读取配置文件：{reason}', en: 'cannot read the config file: {reason}' },
  yamlSyntax: { 'zh-CN': 'YAML 语法错误: {message}', en: 'YAML syntax error: {message}' },
  duplicateKey: { 'zh-CN': '配置项“{key}”写了两次', en: 'key "{key}" appears twice' },
  multipleDocuments: {
    'zh-CN': '文件里只能有一份配置，请删掉多余的 ---',
    en: 'the file may hold only one document; remove the extra ---',
  },
  tabIndent: { 'zh-CN': '缩进不能用 Tab 键，请改用空格', en: 'indent with spaces, not tabs' },
  badTimeZone: {
    'zh-CN': '不认识的时区“{value}”，应为 IANA 时区名，如 Asia/Shanghai',
    en: 'unknown time zone "{value}"; use an IANA name such as Asia/Shanghai',
  },
  badPort: {
    'zh-CN': '应为 0 到 65535 之间的整数，现在是“{value}”',
    en: 'must be an integer from 0 to 65535, got "{value}"',
  },
  badClockStart: {
    'zh-CN': '应为带时区的时间，如 2026-12-28T10:00:00+08:00，现在是“{value}”',
    en: 'must be a time with its offset, such as 2026-12-28T10:00:00+08:00, got "{value}"',
  },
} satisfies Record<string, Both>;

/** Picks the locale's text and fills `{name}` placeholders. */
export function say(text: Both, locale: Locale, params: Record<string, unknown> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

const TYPE_NAMES: Record<string, Both> = {
  integer: { 'zh-CN': '应为整数', en: 'must be an integer' },
  number: { 'zh-CN': '应为数字', en: 'must be a number' },
  string: { 'zh-CN': '应为文字', en: 'must be text' },
  boolean: { 'zh-CN': '应为 true 或 false', en: 'must be true or false' },
  object: { 'zh-CN': '应为一组设置（名称: 值）', en: 'must be a group of settings (name: value)' },
  array: { 'zh-CN': '应为列表', en: 'must be a list' },
  null: { 'zh-CN': '应为空', en: 'must be empty' },
};

const PLUGIN_ID = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
const PATTERNS: Record<string, Both> = {
  [PLUGIN_ID]: {
    'zh-CN': '“{value}”不是有效的插件 id：以小写字母开头，只用小写字母、数字和连字符，如 my-plugin',
    en: '"{value}" is not a valid plugin id: lowercase letters, digits and hyphens, starting with a letter, e.g. my-plugin',
  },
  '^[A-Za-z0-9.:\\[\\]-]+$': {
    'zh-CN': '“{value}”不是主机名或 IP 地址：只能用字母、数字和 . : - [ ]',
    en: '"{value}" is not a host name or IP address: only letters, digits and . : - [ ]',
  },
};

/** oneOf failures whose branches only confuse a reader get one sentence instead. */
const ONE_OF: Record<string, Both> = {
  'plugins.enabled': { 'zh-CN': '应为 "all" 或插件 id 列表', en: 'must be "all" or a list of plugin ids' },
};

/** An ajv error turned into what a shop owner reads, before it is given a line. */
export interface RawProblem {
  /** Path of the value, or of the mapping when `key` is set. */
  segments: string[];
  /** Point at this key of the mapping rather than at a value. */
  key?: string;
  message: string;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function branchAccepts(branch: unknown, type: string): boolean {
  const declared = (branch as { type?: unknown } | null)?.type;
  const types = Array.isArray(declared) ? declared : [declared];
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** A known key close enough to a typo (`prot` → `port`, `Port` → `port`) to suggest. */
function closestKey(unknown: string, known: string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = key.toLowerCase() === unknown.toLowerCase() ? 0 : editDistance(unknown, key);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/**
 * Rewrites ajv's errors (run with `verbose`, so `data` and `parentSchema` are there) into short,
 * located messages. ajv-i18n's zh is the fallback for keywords the config schema does not use yet.
 */
export function describeAjvErrors(errors: readonly ErrorObject[], locale: Locale): RawProblem[] {
  // For a oneOf, keep the branch that fits the value's type (its errors say what is wrong inside
  // the list); with no such branch, the whole oneOf becomes one sentence.
  const dropped = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'oneOf') continue;
    const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
    const fitting = branches.findIndex((b) => branchAccepts(b, jsonType(e.data)));
    for (const other of errors) {
      if (other === e || !other.schemaPath.startsWith(`${e.schemaPath}/`)) continue;
      if (fitting < 0 || !other.schemaPath.startsWith(`${e.schemaPath}/${fitting}/`)) dropped.add(other);
    }
    if (fitting >= 0) dropped.add(e);
  }

  const zh = errors.map((e) => ({ ...e }));
  if (locale === 'zh-CN') localizeZh(zh);

  const out: RawProblem[] = [];
  errors.forEach((e, index) => {
    if (dropped.has(e)) return;
    // The keyword inside propertyNames repeats what the propertyNames error says, minus the name.
    if (e.schemaPath.includes('/propertyNames/')) return;
    const segments = pointerSegments(e.instancePath);
    const params = e.params as Record<string, unknown>;
    const fallback = (locale === 'zh-CN' ? zh[index]!.message : e.message) ?? e.keyword;
    const text = (both: Both, values: Record<string, unknown> = {}) => say(both, locale, values);

    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const hint = closestKey(key, known);
        const message =
          text({ 'zh-CN': '不认识的配置项“{key}”', en: 'unknown key "{key}"' }, { key }) +
          (hint ? text({ 'zh-CN': '，是不是“{hint}”？', en: '; did you mean "{hint}"?' }, { hint }) : '');
        out.push({ segments, key, message });
        return;
      }
      case 'propertyNames': {
        const key = String(params.propertyName);
        const pattern = (e.schema as { pattern?: string } | undefined)?.pattern;
        const both = pattern ? PATTERNS[pattern] : undefined;
        out.push({ segments, key, message: both ? text(both, { value: key }) : fallback });
        return;
      }
      case 'required': {
        const key = String(params.missingProperty);
        out.push({ segments, message: text({ 'zh-CN': '缺少必填项“{key}”', en: 'missing required key "{key}"' }, { key }) });
        return;
      }
      case 'uniqueItems': {
        const later = Math.max(Number(params.i), Number(params.j));
        const value = Array.isArray(e.data) ? e.data[later] : undefined;
        out.push({
          segments: [...segments, String(later)],
          message: text({ 'zh-CN': '重复了：“{value}”已在列表中', en: 'duplicate: "{value}" is already in the list' }, { value }),
        });
        return;
      }
    }

    let message = fallback;
    if (e.keyword === 'type') message = TYPE_NAMES[String(params.type)]?.[locale] ?? fallback;
    else if (e.keyword === 'oneOf') message = ONE_OF[segments.join('.')]?.[locale] ?? fallback;
    else if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      const values = params.allowedValues.map(String).join(locale === 'zh-CN' ? '、' : ', ');
      message = text({ 'zh-CN': '应为以下之一：{values}', en: 'must be one of: {values}' }, { values });
    } else if (e.keyword === 'const') {
      message = text({ 'zh-CN': '应为 {value}', en: 'must be {value}' }, { value: JSON.stringify(params.allowedValue) });
    } else if (e.keyword === 'minimum' || e.keyword === 'maximum') {
      const both: Both =
        e.keyword === 'minimum'
          ? { 'zh-CN': '不能小于 {limit}', en: 'must be at least {limit}' }
          : { 'zh-CN': '不能大于 {limit}', en: 'must be at most {limit}' };
      message = text(both, { limit: params.limit });
    } else if (e.keyword === 'minLength') {
      message =
        params.limit === 1
          ? text({ 'zh-CN': '不能为空', en: 'must not be empty' })
          : text({ 'zh-CN': '至少要 {limit} 个字符', en: 'must be at least {limit} characters' }, { limit: params.limit });
    } else if (e.keyword === 'pattern') {
      const both = PATTERNS[String(params.pattern)];
      if (both) message = text(both, { value: e.data });
    }
    out.push({ segments, message });
  });
  return out;
}
