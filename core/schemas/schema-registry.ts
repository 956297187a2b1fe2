import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { InputError } from '../errors.js';
import { toFieldProblems } from './field-problems.js';
import type { Locale } from '../i18n/localized-text.js';
import defs from '../../schemas/defs.schema.json' with { type: 'json' };

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = Record<string, unknown>;

export const DEFS_ID = 'https://workbench.local/schemas/defs';

function createAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * One schema registry for the whole server: the core's definitions and every plugin's schemas,
 * so a schema can `$ref` another by `$id`. Two ajv instances share the same schemas: one strict
 * (bodies, responses, settings), one that coerces strings (query strings and path parameters,
 * which arrive as text).
 */
export class SchemaRegistry {
  private readonly strict = createAjv(false);
  private readonly coercing = createAjv(true);
  private readonly owners = new Map<string, string>();
  private readonly schemas = new Map<string, JsonSchema>();
  /** Counts additions and removals, so caches built from the schemas know when they are stale. */
  generation = 0;

  constructor() {
    this.add(defs as JsonSchema & { $id: string }, 'core');
  }

  /** Adds a schema with an `$id`; a second schema with the same `$id` is refused. */
  add(schema: JsonSchema & { $id: string }, owner: string): () => void {
    const id = schema.$id;
    const existing = this.owners.get(id);
    if (existing) throw new Error(`schema ${id} is already registered by ${existing}`);
    this.strict.addSchema(schema);
    this.coercing.addSchema(schema);
    this.owners.set(id, owner);
    this.schemas.set(id, schema);
    this.generation++;
    return () => {
      this.generation++;
      this.strict.removeSchema(id);
      this.coercing.removeSchema(id);
      this.owners.delete(id);
      this.schemas.delete(id);
    };
  }

  /** Every registered schema by `$id` (for the OpenAPI document). */
  all(): ReadonlyMap<string, JsonSchema> {
    return this.schemas;
  }

  /** Compiles an anonymous schema; throws with ajv's message if the schema itself is invalid. */
  compile(schema: JsonSchema, options: { coerce?: boolean } = {}): ValidateFunction {
    return (options.coerce ? this.coercing : this.strict).compile(schema);
  }

  /** Validates against a registered schema or throws InputError. Defaults are filled in. */
  validate<T>(schemaId: string, data: unknown, locale: Locale = 'zh-CN'): T {
    const validate = this.strict.getSchema(schemaId);
    if (!validate) throw new Error(`no schema registered with $id ${schemaId}`);
    return check<T>(validate, data, locale, 'body');
  }
}

/** Runs a compiled validator; on failure throws InputError with localized field problems. */
export function check<T>(validate: ValidateFunction, data: unknown, locale: Locale, part: string): T {
  if (validate(data)) return data as T;
  const errors = toFieldProblems(validate.errors ?? [], locale, part);
  throw new InputError(
    { 'zh-CN': '提交的内容有误，请按提示修改', en: 'Some fields are not valid; see the details' },
    { errors },
  );
}
