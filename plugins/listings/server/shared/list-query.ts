// The query of a `GET` list route: the core's pageQuery plus the route's own filters.
import type { JsonSchema } from '@workbench/plugin-api';
import { def } from './schema-refs.js';

// Query values arrive as arrays of text and ajv coerces them only towards a declared type, so
// page, pageSize, sort and q are declared again here although the shared pageQuery has them.
const PAGING: Record<string, JsonSchema> = {
  page: { type: 'integer', minimum: 1, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  sort: { type: 'string', pattern: '^-?[A-Za-z][A-Za-z0-9_]*$' },
  q: { type: 'string', maxLength: 200 },
};

/**
 * A list query with `filters` besides paging; give each filter a type for the same reason.
 * @example listQuery({ status: { type: 'string', enum: ['active', 'ended'] } })
 */
export function listQuery(filters: Record<string, JsonSchema> = {}): JsonSchema {
  return { allOf: [def('pageQuery')], type: 'object', properties: { ...PAGING, ...filters } };
}
