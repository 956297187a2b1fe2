import { createHash } from 'node:crypto';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { check, type Checker } from './bounded-check.js';
import { dateTimeFormat } from './date-time-format.js';
import { KeptValidators } from './kept-validators.js';
import { precompiled } from './precompiled.js';
import type { Locale } from '../i18n/localized-text.js';
import defs from '../../schemas/defs.schema.json' with { type: 'json' };

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = Record<string, unknown>;

export const DEFS_ID = 'https://workbench.local/schemas/defs';

/** ajv's default meta-schema; named here, as asking ajv for it (`defaultMeta()`) compiles it. */
export const META_SCHEMA_ID = 'https://json-schema.org/draft/2020-12/schema';

export { check, type Checker };

/**
 * `vets` (on): this instance checks each schema against the meta-schema when it adds or compiles
 * it. None of the registry's four does: the registry checks each schema once itself (`checkMeta`);
 * each compiling the meta-schema had cost a start ~0.3 s.
 * `source`: keep the generated code as a module of that kind, for scripts/build.mjs (see
 * precompiled.ts) or for the next start (see kept-validators.ts).
 */
export function createAjv(coerce: boolean, allErrors: boolean, vets = false, source?: 'esm' | 'cjs'): Ajv2020 {
  const ajv = new Ajv2020({
    ...(source ? { code: { source: true, esm: source === 'esm' } } : {}),
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
  // Checks schemas against the meta-schema through `checkMeta`, not inside ajv: see there.
  private readonly strict: Ajv2020;
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

  /** Validators compiled by earlier starts (see compileWith); none without `keepCompiledIn`. */
  private readonly kept: KeptValidators | undefined;
  /** Keys of the schemas found valid against their meta-schema, by this start or an earlier one (see checkMeta). */
  private vetted: Set<string> | undefined;
  /** Validators this registry compiled or read, by what they were compiled from (see compileWith). */
  private readonly compiledHere = new Map<string, ValidateFunction>();

  /** `keepCompiledIn`: a folder where strict validators are kept between starts (kept-validators.ts). */
  constructor(options: { keepCompiledIn?: string } = {}) {
    this.kept = options.keepCompiledIn === undefined ? undefined : new KeptValidators(options.keepCompiledIn);
    // Its generated code is kept only when there is somewhere to keep it.
    this.strict = createAjv(false, true, false, this.kept ? 'cjs' : undefined);
    this.add(defs as JsonSchema & { $id: string }, 'core');
  }

  /** Adds a schema with an `$id`; a second schema with the same `$id` is refused. */
  add(schema: JsonSchema & { $id: string }, owner: string): () => void {
    const id = schema.$id;
    const existing = this.owners.get(id);
    if (existing) throw new Error(`schema ${id} is already registered by ${existing}`);
    this.checkMeta(schema);
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
    if (options.coerce) this.vet(schema);
    else this.checkMeta(schema);
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
    // Read from the schema's text: walking the objects took longer than everything else here.
    const text = JSON.stringify(schema);
    this.checkMeta(schema, text);
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

  /**
   * Throws, as ajv would, unless `schema` is valid against its meta-schema. The server bundle
   * carries the meta-schema of JSON Schema 2020-12 compiled at build time (precompiled.ts):
   * compiling it took a twentieth of a second of each start. Another `$schema`, or a run from the
   * sources, goes to ajv, which compiles the meta-schema when first asked.
   */
  private checkMeta(schema: JsonSchema, text?: string): void {
    // A schema an earlier start found valid (kept-validators.ts) is not checked again; the key
    // holds the core's build, and with it the meta-schema's validator.
    const key = this.kept?.key(['vetted', text ?? JSON.stringify(schema)]);
    if (key !== undefined && (this.vetted ??= this.kept!.vetted()).has(key)) return;
    const meta = precompiled.meta;
    const own = schema.$schema === undefined || schema.$schema === META_SCHEMA_ID;
    const valid = meta && own ? meta(schema) : this.strict.validateSchema(schema);
    if (!valid) throw new Error(`schema is invalid: ${this.strict.errorsText(meta && own ? meta.errors : this.strict.errors)}`);
    if (key !== undefined) {
      this.vetted!.add(key);
      this.kept!.recordVetted(key);
    }
  }

  private compileWith(variant: Variant, schema: JsonSchema): ValidateFunction {
    const keeps = variant === 'strict' && this.kept !== undefined;
    const text = SchemaRegistry.shareCompiled || keeps ? JSON.stringify(schema) : '';
    // A schema with an `$id` is added to the ajv that compiles it (and refused there a second
    // time): that side effect is the registry's own, so such a schema is always compiled.
    if ((!SchemaRegistry.shareCompiled && !keeps) || text.includes('"$id"')) return this[variant].compile(schema);
    const key = `${variant} ${this.registeredDigest()} ${text}`;
    const memory = SchemaRegistry.shareCompiled ? compiled : this.compiledHere;
    let validate = memory.get(key);
    if (!validate) {
      validate = keeps ? this.compileKept(this.kept!, key, schema) : this[variant].compile(schema);
      memory.set(key, validate);
    }
    return validate;
  }

  /** A strict validator read from `kept`, or compiled and kept there for the next start. */
  private compileKept(kept: KeptValidators, key: string, schema: JsonSchema): ValidateFunction {
    const name = kept.key([key]);
    const earlier = kept.read(name);
    if (earlier) return earlier;
    const validate = this.strict.compile(schema);
    let code: string | undefined;
    try {
      code = standaloneCode(this.strict, validate);
    } catch {
      // A schema ajv cannot write out as code is compiled at each start instead; it validates the same.
      code = undefined;
    }
    if (code !== undefined) kept.keep(name, code);
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
