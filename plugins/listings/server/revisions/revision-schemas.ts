import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { CATALOG_SCHEMAS, productProperties } from '../catalog/schemas.js';
import { def, nullable, ref } from '../shared/schema-refs.js';
import { CHECKLIST_SHAPE } from '../workflow/schemas.js';

const BASE = 'https://workbench.local/schemas/listings';

export const REVISION_SCHEMAS = {
  revision: `${BASE}/revision`,
  pending: `${BASE}/revision-pending`,
  queueItem: `${BASE}/revision-queue-item`,
} as const;

const attributes: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

const revisionProperties: Record<string, JsonSchema> = {
  id: def('id'),
  productId: def('id'),
  status: { enum: ['pending', 'approved', 'rejected', 'withdrawn'] },
  changes: {
    type: 'object',
    properties: {
      title: { type: 'string' },
      description: { type: 'string' },
      images: { type: 'array', items: ref(CATALOG_SCHEMAS.image) },
      attributes,
      skus: {
        type: 'object',
        properties: {
          update: { type: 'array', items: { type: 'object', properties: { id: def('id'), price: def('price'), attributes }, required: ['id'], additionalProperties: false } },
          create: { type: 'array', items: ref(CATALOG_SCHEMAS.skuInput) },
          remove: { type: 'array', items: def('id') },
        },
        required: ['update', 'create', 'remove'],
        additionalProperties: false,
      },
    },
    required: ['skus'],
    additionalProperties: false,
  },
  diff: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        field: { enum: ['title', 'description', 'images', 'attributes', 'price', 'sku'] },
        skuId: nullable(def('id')),
        code: { type: ['string', 'null'] },
        // A string, 分, an attribute map, an image list, or a SKU's { price, attributes }; null where a SKU is added or removed.
        before: {},
        after: {},
      },
      required: ['field', 'skuId', 'code', 'before', 'after'],
      additionalProperties: false,
    },
  },
  editors: {
    type: 'array',
    items: { type: 'object', properties: { id: def('id'), name: { type: 'string' } }, required: ['id', 'name'], additionalProperties: false },
  },
  createdAt: def('timestamp'),
  updatedAt: def('timestamp'),
  reviewedBy: nullable(def('id')),
  reviewerName: { type: ['string', 'null'] },
  reviewedAt: nullable(def('timestamp')),
  reviewNote: { type: ['string', 'null'] },
  version: def('version'),
};

const record = (id: string, properties: Record<string, JsonSchema>): JsonSchema & { $id: string } => ({
  $id: id,
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

const proposed: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    description: { type: 'string' },
    images: { type: 'array', items: ref(CATALOG_SCHEMAS.image) },
    attributes,
    skus: { type: 'array', items: { type: 'object', properties: { id: nullable(def('id')), code: { type: 'string' }, price: def('price') }, required: ['id', 'code', 'price'] } },
  },
  required: ['title', 'description', 'images', 'attributes', 'skus'],
};

/** Registers the revision records and the product detail that carries the pending one (after the catalog's records it refers to). */
export function addRevisionSchemas(ctx: PluginContext): void {
  ctx.schemas.add(record(REVISION_SCHEMAS.revision, revisionProperties));
  ctx.schemas.add(record(REVISION_SCHEMAS.pending, { ...revisionProperties, proposed, checklist: CHECKLIST_SHAPE }));
  ctx.schemas.add(
    record(REVISION_SCHEMAS.queueItem, {
      ...revisionProperties,
      checklist: CHECKLIST_SHAPE,
      productTitle: { type: 'string' },
      itemCode: { type: 'string' },
      productStatus: { enum: ['draft', 'submitted', 'listed', 'delisted'] },
    }),
  );
  ctx.schemas.add(record(CATALOG_SCHEMAS.productRevised, { ...productProperties, skus: { type: 'array', items: ref(CATALOG_SCHEMAS.sku) }, revision: nullable(ref(REVISION_SCHEMAS.pending)) }));
}
