import type { I18n, LocalizedText } from './i18n.js';
import type { MoneyProblem } from './money.js';
import type { JsonSchema } from './settings-service.js';

/**
 * How `<wb-schema-form>` shows a schema: one kind per field, read from the JSON Schema and the
 * workbench's own markers — `x-title` (label), `x-description` (help), `x-labels` (a label per enum value),
 * `x-unit: "fen"` (an integer of 分 edited in 元) and `format: "regex"` (a pattern, with a tester).
 */
export type FieldKind =
  | 'group' // an object with properties: a fieldset
  | 'map' // an object of free keys to strings: key → value rows
  | 'rows' // an array of objects: a table of editable rows
  | 'choice' // one of an enum / oneOf consts: a select with labels
  | 'choices' // a set of enum values: checkboxes with labels
  | 'order' // every enum value once, in an order that matters: a list to reorder
  | 'lines' // an array of strings: one per line
  | 'boolean'
  | 'money'
  | 'number'
  | 'pattern'
  | 'text';

export interface Choice {
  value: unknown;
  label: string;
}

const items = (schema: JsonSchema): JsonSchema | undefined => schema.items as JsonSchema | undefined;

/** The enum values of a schema (or of its `oneOf` consts), or undefined when it is free. */
function enumOf(schema: JsonSchema | undefined): unknown[] | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum as unknown[];
  if (Array.isArray(schema.oneOf) && (schema.oneOf as JsonSchema[]).every((o) => 'const' in o)) return (schema.oneOf as JsonSchema[]).map((o) => o.const);
  return undefined;
}

export function fieldKind(schema: JsonSchema): FieldKind {
  const type = schema.type;
  if (schema['x-choices'] && type === 'string') return 'choice';
  if (type === 'object') return schema.properties ? 'group' : typeof schema.additionalProperties === 'object' ? 'map' : 'group';
  if (type === 'array') {
    const item = items(schema);
    const values = enumOf(item);
    if (values) return schema.uniqueItems && schema.minItems === values.length ? 'order' : 'choices';
    if (item?.type === 'object') return 'rows';
    return 'lines';
  }
  if (enumOf(schema)) return 'choice';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer' && schema['x-unit'] === 'fen') return 'money';
  if (type === 'integer' || type === 'number') return 'number';
  if (schema.format === 'regex') return 'pattern';
  return 'text';
}

/**
 * Choices taken from rows elsewhere in the same form: `x-choices: { from: "/couriers", value:
 * "code", label: "name" }` offers each row of the array at `from` (a JSON Pointer into the form's
 * value) by its label, so a setting that names a courier shows 申通, not STO, and follows the rows
 * as they are edited. `label` may name a column per language (`{ zh-CN: "name", en: "nameEn" }`);
 * a row whose column for the reader's language is empty shows its zh-CN one.
 */
export interface ChoicesFrom {
  from: string;
  value: string;
  label: string | { 'zh-CN': string; en?: string };
}

function rowsAt(root: unknown, from: string): Record<string, unknown>[] {
  let at: unknown = root;
  for (const part of from.split('/').slice(1)) at = (at as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return Array.isArray(at) ? (at as Record<string, unknown>[]) : [];
}

/** The values a choice field offers, each with its label in the reader's language (the raw value when none is given). */
export function choicesOf(schema: JsonSchema, i18n: Pick<I18n, 'text'>, root?: unknown, current?: unknown): Choice[] {
  const from = schema['x-choices'] as ChoicesFrom | undefined;
  if (from) {
    const column = i18n.text(from.label);
    const fallback = typeof from.label === 'string' ? from.label : from.label['zh-CN'];
    const choices = rowsAt(root, from.from)
      .filter((r) => r[from.value] !== undefined && r[from.value] !== '')
      .map((r) => ({ value: r[from.value], label: String(r[column] || r[fallback] || r[from.value]) }));
    // A value no row offers any more (its row was removed) stays visible, to be changed.
    return current === undefined || current === '' || choices.some((c) => c.value === current) ? choices : [...choices, { value: current, label: String(current) }];
  }
  const own = enumOf(schema) ? schema : items(schema);
  const labels = ((own?.['x-labels'] ?? schema['x-labels']) as Record<string, LocalizedText> | undefined) ?? {};
  if (Array.isArray(own?.oneOf)) {
    return (own.oneOf as JsonSchema[]).map((o) => ({ value: o.const, label: i18n.text((o['x-title'] as LocalizedText | undefined) ?? (o.title as string | undefined) ?? labels[String(o.const)] ?? String(o.const)) }));
  }
  return (enumOf(own) ?? []).map((value) => ({ value, label: labels[String(value)] ? i18n.text(labels[String(value)]) : String(value) }));
}

/** A field's label: `x-title`, else `title`, else its key. */
export function labelOf(schema: JsonSchema, key: string, i18n: Pick<I18n, 'text'>): string {
  return i18n.text((schema['x-title'] as LocalizedText | undefined) ?? (schema.title as string | undefined) ?? key);
}

/** A field's help text in the reader's language: `x-description`, else `description`; empty when none. */
export function helpOf(schema: JsonSchema, i18n: Pick<I18n, 'text'>): string {
  const text = (schema['x-description'] as LocalizedText | undefined) ?? (schema.description as string | undefined);
  return text ? i18n.text(text) : '';
}

/** A JSON Pointer one step down (RFC 6901 escapes), as ajv and the server's problems write paths. */
export function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** What a money field says when its text is not an amount in 元. */
export function moneyProblemText(problem: MoneyProblem, locale: string): string {
  const en = locale === 'en';
  switch (problem) {
    case 'negative': return en ? 'cannot be negative' : '不能是负数';
    case 'too-precise': return en ? 'at most two decimals (元.角分)' : '最多两位小数（元.角分）';
    case 'too-large': return en ? 'is too large' : '金额太大';
    default: return en ? 'write an amount in 元, e.g. 4.50' : '请写金额（元），如 4.50';
  }
}

/** Whether `sample` matches `pattern` as the validator reads patterns; undefined when the pattern itself is broken. */
export function testPattern(pattern: string, sample: string): boolean | undefined {
  try {
    return new RegExp(pattern, 'u').test(sample);
  } catch {
    return undefined;
  }
}

/** `list` with items `i` and `j` swapped; as it is when `j` is outside it. */
export function swapped<T>(list: T[], i: number, j: number): T[] {
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** A text area's lines, trimmed, without the empty ones. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** A new row: each property's default, where the schema gives one. */
export function defaultsOf(item: JsonSchema): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, p] of Object.entries((item.properties ?? {}) as Record<string, JsonSchema>)) if ('default' in p) row[k] = structuredClone(p.default);
  return row;
}
