import type { JsonSchema } from '@workbench/plugin-api';
import { def } from './schemas.js';

// Query values arrive as arrays of text; ajv coerces them only towards a declared type, so every
// property is declared here even where the shared pageQuery has it.
const paging: Record<string, JsonSchema> = {
  page: { type: 'integer', minimum: 1, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  sort: { type: 'string', pattern: '^-?[A-Za-z][A-Za-z0-9_]*$' },
  q: { type: 'string', maxLength: 200 },
};

/** The filters of `GET /products`, shared by the CSV export. */
export const productFilterProperties: Record<string, JsonSchema> = {
  q: { type: 'string', maxLength: 200 },
  categoryId: { type: 'string', pattern: '^([1-9][0-9]*|none)$', description: 'A category id, or none for 未分类' },
  status: { type: 'string', enum: ['draft', 'submitted', 'listed', 'delisted'] },
  needsCompleting: { type: 'boolean' },
};

export const productListQuery: JsonSchema = {
  allOf: [def('pageQuery')],
  type: 'object',
  properties: { ...paging, ...productFilterProperties },
};

export const skuListQuery: JsonSchema = {
  allOf: [def('pageQuery')],
  type: 'object',
  properties: {
    ...paging,
    code: { type: 'string', minLength: 1, maxLength: 64 },
    barcode: { type: 'string', minLength: 1, maxLength: 64 },
    productId: def('id'),
    needsCompleting: { type: 'boolean' },
  },
};

export const exportQuery: JsonSchema = {
  type: 'object',
  properties: { ...productFilterProperties, encoding: { type: 'string', enum: ['utf-8', 'gbk'], default: 'utf-8' } },
};
