// Small builders for route and record schemas, so every plugin names the core's shared
// definitions the same way and declares list queries alike.
import type { JsonSchema } from './schema-registry.js';

/** Where the core keeps its shared definitions (`id`, `money`, `timestamp`, `page`, `pageQuery` …). */
export const DEFS = 'https://workbench.local/schemas/defs#/$defs';

/** A `$ref` to a registered schema. */
export const ref = (id: string): JsonSchema => ({ $ref: id });

/**
 * A `$ref` to one of the core's shared definitions.
 * @example properties: { id: def('id'), total: def('money'), paidAt: def('timestamp') }
 */
export const def = (name: string): JsonSchema => ({ $ref: `${DEFS}/${name}` });

/** The schema, or null. */
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** Path parameters of a route on one record, `/…/:id`. */
export const ID_PARAMS: JsonSchema = { type: 'object', properties: { id: def('id') }, required: ['id'] };

// Query values arrive as arrays of text and ajv coerces them only towards a declared type, so
// page, pageSize, sort and q are declared again here although the shared pageQuery has them.
// page has a ceiling because the offset it makes goes to SQLite, which refuses a number past its
// 64-bit integers (page=1e20 was a 500); a million pages of 500 is far beyond any shop's list.
const PAGING: Record<string, JsonSchema> = {
  page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  sort: { type: 'string', pattern: '^-?[A-Za-z][A-Za-z0-9_]*$' },
  q: { type: 'string', maxLength: 200 },
};

/**
 * A list query: the core's pageQuery plus the route's own filters; give each filter a type.
 * @example listQuery({ status: { type: 'string', enum: ['active', 'ended'] } })
 */
export function listQuery(filters: Record<string, JsonSchema> = {}): JsonSchema {
  return { allOf: [def('pageQuery')], type: 'object', properties: { ...PAGING, ...filters } };
}
