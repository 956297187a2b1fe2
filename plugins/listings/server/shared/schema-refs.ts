// `$ref` helpers for the route and record schemas of every area, so each schema file names the
// core's shared definitions the same way.
import type { JsonSchema } from '@workbench/plugin-api';

/** Where the core keeps its shared definitions (`id`, `price`, `timestamp`, `page`, `pageQuery` …). */
export const DEFS = 'https://workbench.local/schemas/defs#/$defs';

/** A `$ref` to a registered schema. */
export const ref = (id: string): JsonSchema => ({ $ref: id });
/** A `$ref` to one of the core's shared definitions. */
export const def = (name: string): JsonSchema => ({ $ref: `${DEFS}/${name}` });
/** The schema, or null. */
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
/** Path parameters of a route on one record, `/…/:id`. */
export const ID_PARAMS: JsonSchema = { type: 'object', properties: { id: def('id') }, required: ['id'] };
