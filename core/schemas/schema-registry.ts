import { createHash } from 'node:crypto';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { check, type Checker } from './bounded-check.js';
import { dateTimeFormat } from './date-time-format.js';
import type { Locale } from '../i18n/localized-text.js';
import defs from '../../schemas/defs.schema.json' with { type: 'json' };

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = Record<string, unknown>;

export const DEFS_ID = 'https://workbench.local/schemas/defs';

export { check, type Checker };

/**
 * `vets` (on): this instance checks each schema against the meta-schema. Only one of the four
 * does: they hold the same schemas, and each compiling the meta-schema cost a start ~0.3 s.
 */
function createAjv(coerce: boolean, allErrors: boolean, vets = false): Ajv2020 {
  const ajv = new Ajv2020({
    validateSchema: vets,
    allErrors,
    strict: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
  });
  addFormats(ajv);
  ajv.addFormat('date-time', dateTimeFormat);
  return ajv;
}

type Variant = 'strict' | 'coercing' | 'strictFirst' | 'coercingFirst';

const digest = (text: string) => createHash('sha1').update(text).digest('base64');

/**
 * Validators compiled by the registries of this process, by the schema, the ajv variant and every
 * schema registered when it was compiled (a `$ref` is resolved at compile time, so these are all a
 * validator depends on). Only when `shareCompiled` is on: a server has one registry, but the test
 * kit starts a workbench per test file, and compiling the same plugins' schemas again took most
 * of a start's CPU (about 1.5 s of 2 s for listings and fulfillment).
 */
const compiled = new Map<string, ValidateFunction>();

/**
 * One schema registry for the whole server: the core's definitions and every plugin's schemas,
 * so a schema can `$ref` another by `$id`. Two ajv instances share the same schemas: one strict
 * (bodies, responses, settings), one that coerces strings (query strings and path parameters,
 * which arrive as text). Each comes twice, listing every error or stopping at the first (see
 * bounded-check.ts).
 */
export class SchemaRegistry {
  private readonly strict = createAjv(false, true, true);
  private readonly coercing = createAjv(true, true);
  private readonly strictFirst = createAjv(false, false);
  private readonly coercingFirst = createAjv(true, false);
  private readonly owners = new Map<string, string>();
  private readonly schemas = new Map<string, JsonSchema>();
  /** Counts additions and removals, so caches built from the schemas know when they are stale. */
  generation = 0;
  /** Each registered schema's digest, and of them all at `generation` (see `compiled`). */
  private readonly digests = new Map<string, string>();
  private registered: { generation: number; digest: string } | undefined;

  /**
   * On: validators compiled by any registry of this process are reused by the others for the same
   * schema over the same registered schemas (the test kit turns it on; see `compiled`).
   */
  static shareCompiled = false;

  constructor() {
    this.add(defs as JsonSchema & { $id: string }, 'core');
  }

  /** Adds a schema with an `$id`; a second schema with the same `$id` is refused. */
  add(schema: JsonSchema & { $id: string }, owner: string): () => void {
    const id = schema.$id;
    const existing = this.owners.get(id);
    if (existing) throw new Error(`schema ${id} is already registered by ${existing}`);
    for (const ajv of this.instances()) ajv.addSchema(schema);
    this.owners.set(id, owner);
    this.schemas.set(id, schema);
    if (SchemaRegistry.shareCompiled) this.digests.set(id, digest(JSON.stringify(schema)));
    this.generation++;
    return () => {
      this.generation++;
      for (const ajv of this.instances()) ajv.removeSchema(id);
      this.owners.delete(id);
      this.schemas.delete(id);
      this.digests.delete(id);
    };
  }

  /** Every registered schema by `$id` (for the OpenAPI document). */
  all(): ReadonlyMap<string, JsonSchema> {
    return this.schemas;
  }

  /** Compiles an anonymous schema; throws with ajv's message if the schema itself is invalid. */
  compile(schema: JsonSchema, options: { coerce?: boolean } = {}): ValidateFunction {
    // Only the strict instance checks a schema against the meta-schema (see createAjv).
    if (options.coerce) this.vet(schema);
    return this.compileWith(options.coerce ? 'coercing' : 'strict', schema);
  }

  /**
   * Compiles a schema for checking input with `check`: the full validator now, so a bad schema
   * fails at once, the first-error one when first used.
   */
  checker(schema: JsonSchema, options: { coerce?: boolean } = {}): Checker {
    const all = this.compile(schema, options);
    let first: ValidateFunction | undefined;
    return { all, first: () => (first ??= this.compileWith(options.coerce ? 'coercingFirst' : 'strictFirst', schema)) };
  }

  /**
   * As `checker`, but both validators are compiled when first used. Compiling every route's
   * schemas took about a second of each start, mostly for routes no one calls that day. The
   * schema is still looked over now (`vet`), so a mistyped one fails its plugin at start.
   */
  lazyChecker(schema: JsonSchema, options: { coerce?: boolean } = {}): Checker {
    this.vet(schema);
    let all: ValidateFunction | undefined;
    let first: ValidateFunction | undefined;
    const compileAll = () => (all ??= this.compileWith(options.coerce ? 'coercing' : 'strict', schema));
    return {
      get all() {
        return compileAll();
      },
      first: () => (first ??= this.compileWith(options.coerce ? 'coercingFirst' : 'strictFirst', schema)),
    };
  }

  /** A strict validator compiled when first asked for; the schema is looked over now (`vet`). */
  lazyValidator(schema: JsonSchema): () => ValidateFunction {
    this.vet(schema);
    let validate: ValidateFunction | undefined;
    return () => (validate ??= this.compileWith('strict', schema));
  }

  /**
   * What compiling would refuse, found without compiling: the schema must be valid against JSON
   * Schema's meta-schema, and each `$ref` to another schema must name one registered here (or an
   * `$id` inside the schema itself). Throws with the first problem.
   */
  vet(schema: JsonSchema): void {
    if (!this.strict.validateSchema(schema)) {
      throw new Error(`schema is invalid: ${this.strict.errorsText(this.strict.errors)}`);
    }
    // Read from the schema's text: walking the objects took longer than everything else here.
    const text = JSON.stringify(schema);
    const base = typeof schema.$id === 'string' ? schema.$id : undefined;
    const ids = new Set([...text.matchAll(/"\$id":"([^"]*)"/g)].map((m) => withoutFragment(resolveUri(m[1]!, base) ?? m[1]!)));
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]*)"/g)) {
      if (ref!.startsWith('#')) continue;
      const target = resolveUri(ref!, base);
      // A reference that cannot be made absolute is left for the compiler to judge.
      if (target === undefined) continue;
      const id = withoutFragment(target);
      if (!ids.has(id) && !this.schemas.has(id)) throw new Error(`can't resolve reference ${ref}: no schema with $id ${id} is registered`);
    }
  }

  /** Validates against a registered schema or throws InputError. Defaults are filled in. */
  validate<T>(schemaId: string, data: unknown, locale: Locale = 'zh-CN'): T {
    const all = this.strict.getSchema(schemaId);
    const first = this.strictFirst.getSchema(schemaId);
    if (!all || !first) throw new Error(`no schema registered with $id ${schemaId}`);
    return check<T>({ all, first: () => first }, data, locale, 'body');
  }

  private compileWith(variant: Variant, schema: JsonSchema): ValidateFunction {
    const text = SchemaRegistry.shareCompiled ? JSON.stringify(schema) : '';
    // A schema with an `$id` is added to the ajv that compiles it (and refused there a second
    // time): that side effect is the registry's own, so such a schema is always compiled.
    if (!SchemaRegistry.shareCompiled || text.includes('"$id"')) return this[variant].compile(schema);
    const key = `${variant} ${this.registeredDigest()} ${text}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = this[variant].compile(schema);
      compiled.set(key, validate);
    }
    return validate;
  }

  private registeredDigest(): string {
    if (this.registered?.generation !== this.generation) {
      // Schemas added while sharing was off have no digest yet.
      for (const [id, schema] of this.schemas) if (!this.digests.has(id)) this.digests.set(id, digest(JSON.stringify(schema)));
      const all = [...this.digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, d]) => `${id}=${d}`);
      this.registered = { generation: this.generation, digest: digest(all.join('\n')) };
    }
    return this.registered.digest;
  }

  private instances(): Ajv2020[] {
    return [this.strict, this.coercing, this.strictFirst, this.coercingFirst];
  }
}

function resolveUri(ref: string, base: string | undefined): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? uri : uri.slice(0, hash);
}
