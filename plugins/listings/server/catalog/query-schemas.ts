import type { JsonSchema } from '@workbench/plugin-api';
import { def } from '../shared/schema-refs.js';
import { listQuery } from '../shared/list-query.js';

/** The filters of `GET /products`, shared by the CSV export. */
export const productFilterProperties: Record<string, JsonSchema> = {
  q: { type: 'string', maxLength: 200 },
  categoryId: { type: 'string', pattern: '^([1-9][0-9]*|none)$', description: 'A category id, or none for 未分类' },
  status: { type: 'string', enum: ['draft', 'submitted', 'listed', 'delisted'] },
  needsCompleting: { type: 'boolean' },
};

export const productListQuery: JsonSchema = listQuery(productFilterProperties);

/** The most SKU ids one `GET /skus?ids=` asks for (a promotion names a handful; a page holds 500). */
export const MAX_SKU_IDS = 100;

export const skuListQuery: JsonSchema = listQuery({
  ids: {
    type: 'string',
    // Comma-separated ids; how many is counted in listSkus, which names the limit.
    pattern: '^ *[1-9][0-9]{0,14} *(, *[1-9][0-9]{0,14} *)*$',
    maxLength: 2000,
    description: `SKU ids, comma-separated, at most ${MAX_SKU_IDS}`,
  },
  code: { type: 'string', minLength: 1, maxLength: 64 },
  barcode: { type: 'string', minLength: 1, maxLength: 64 },
  productId: def('id'),
  needsCompleting: { type: 'boolean' },
});

export const exportQuery: JsonSchema = {
  type: 'object',
  properties: { ...productFilterProperties, encoding: { type: 'string', enum: ['utf-8', 'gbk'], default: 'utf-8' } },
};
