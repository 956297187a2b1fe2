import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { def, nullable, ref, visibleText } from '../shared/schema-refs.js';

const BASE = 'https://workbench.local/schemas/listings';

/** `$ref`s to the catalog's record schemas, for route definitions in this area and others. */
export const CATALOG_SCHEMAS = {
  category: `${BASE}/catalog-category`,
  image: `${BASE}/catalog-image`,
  product: `${BASE}/catalog-product`,
  productDetail: `${BASE}/catalog-product-detail`,
  /** The product detail with its pending revision (`GET` and `PATCH /products/:id`), registered by the revisions area. */
  productRevised: `${BASE}/catalog-product-revised`,
  productItem: `${BASE}/catalog-product-item`,
  sku: `${BASE}/catalog-sku`,
  skuItem: `${BASE}/catalog-sku-item`,
  skuInput: `${BASE}/catalog-sku-input`,
} as const;

const text = (max: number): JsonSchema => ({ type: 'string', maxLength: max });
const attributeMap: JsonSchema = { type: 'object', additionalProperties: { type: 'string', maxLength: 200 }, maxProperties: 50 };

/** 商家编码, 货号, barcode: visible text (no line breaks, NUL or zero-width characters); surrounding spaces are trimmed by the handlers. */
export const codeSchema: JsonSchema = visibleText(1, 64);

const category: JsonSchema = {
  $id: CATALOG_SCHEMAS.category,
  type: 'object',
  properties: {
    id: def('id'),
    name: { type: 'string' },
    parentId: nullable(def('id')),
    sortOrder: { type: 'integer', minimum: 1 },
    version: def('version'),
  },
  required: ['id', 'name', 'parentId', 'sortOrder', 'version'],
  additionalProperties: false,
};

const image: JsonSchema = {
  $id: CATALOG_SCHEMAS.image,
  type: 'object',
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2000 },
    kind: { enum: ['main', 'detail'] },
    width: { type: 'integer', minimum: 1, maximum: 20000 },
    height: { type: 'integer', minimum: 1, maximum: 20000 },
    watermark: { type: 'boolean' },
  },
  required: ['url', 'kind'],
  additionalProperties: false,
};

export const productProperties: Record<string, JsonSchema> = {
  id: def('id'),
  title: { type: 'string' },
  itemCode: { type: 'string' },
  categoryId: nullable(def('id')),
  description: { type: 'string' },
  images: { type: 'array', items: ref(CATALOG_SCHEMAS.image) },
  attributes: { type: 'object', additionalProperties: { type: 'string' } },
  shippingTemplate: nullable({ type: 'string' }),
  showcaseSlot: nullable({ type: 'integer', minimum: 1 }),
  status: { enum: ['draft', 'submitted', 'listed', 'delisted'] },
  commissionPercent: nullable({ type: 'number' }),
  scheduledListAt: nullable(def('timestamp')),
  scheduledDelistAt: nullable(def('timestamp')),
  submittedBy: nullable(def('id')),
  submittedAt: nullable(def('timestamp')),
  submitReason: nullable({ type: 'string' }),
  reviewedBy: nullable(def('id')),
  reviewedAt: nullable(def('timestamp')),
  reviewNote: nullable({ type: 'string' }),
  listedAt: nullable(def('timestamp')),
  delistedAt: nullable(def('timestamp')),
  version: def('version'),
  createdAt: def('timestamp'),
  updatedAt: def('timestamp'),
};

const skuProperties: Record<string, JsonSchema> = {
  id: def('id'),
  productId: nullable(def('id')),
  code: { type: 'string' },
  attributes: { type: 'object', additionalProperties: { type: 'string' } },
  price: def('price'),
  cost: def('price'),
  barcode: nullable({ type: 'string' }),
  weightGrams: nullable({ type: 'integer', minimum: 0 }),
  lowStockThreshold: nullable({ type: 'integer', minimum: 0 }),
  needsCompleting: { type: 'boolean' },
  version: def('version'),
  createdAt: def('timestamp'),
  updatedAt: def('timestamp'),
};

const record = (id: string, properties: Record<string, JsonSchema>): JsonSchema & { $id: string } => ({
  $id: id,
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

const skuInputProperties: Record<string, JsonSchema> = {
  code: codeSchema,
  attributes: attributeMap,
  price: def('price'),
  cost: def('price'),
  barcode: nullable(codeSchema),
  weightGrams: nullable({ type: 'integer', minimum: 0, maximum: 1000000 }),
  lowStockThreshold: nullable({ type: 'integer', minimum: 0, maximum: 100000 }),
};

const skuInput: JsonSchema & { $id: string } = {
  $id: CATALOG_SCHEMAS.skuInput,
  type: 'object',
  properties: skuInputProperties,
  required: ['code', 'price', 'cost'],
  additionalProperties: false,
};

/**
 * `skus` of a product save (`PATCH /products/:id`): SKUs to add, the product's SKUs to change (each
 * with the version read; the same fields as SkuInput, all optional) and ids to delete. The limits
 * match the 600 SKUs a new product may bring.
 */
export const skuChangesSchema: JsonSchema = {
  type: 'object',
  properties: {
    create: { type: 'array', items: ref(CATALOG_SCHEMAS.skuInput), maxItems: 600 },
    update: {
      type: 'array',
      maxItems: 600,
      items: { type: 'object', properties: { id: def('id'), ...skuInputProperties, version: def('version') }, required: ['id', 'version'], additionalProperties: false },
    },
    remove: { type: 'array', items: def('id'), maxItems: 600 },
  },
  additionalProperties: false,
};

/** The editable product fields, shared by create (with `title`, `itemCode` required) and patch. */
export const productInputProperties: Record<string, JsonSchema> = {
  title: { type: 'string', minLength: 1, maxLength: 200 },
  itemCode: codeSchema,
  categoryId: nullable(def('id')),
  description: text(50000),
  images: { type: 'array', items: ref(CATALOG_SCHEMAS.image), maxItems: 60 },
  attributes: attributeMap,
  shippingTemplate: nullable(text(100)),
  showcaseSlot: nullable({ type: 'integer', minimum: 1 }),
};

/** Registers the catalog's record schemas; the other areas may `$ref` them. */
export function registerCatalogSchemas(ctx: PluginContext): void {
  ctx.schemas.add(category as JsonSchema & { $id: string });
  ctx.schemas.add(image as JsonSchema & { $id: string });
  ctx.schemas.add(record(CATALOG_SCHEMAS.product, productProperties));
  ctx.schemas.add(record(CATALOG_SCHEMAS.sku, skuProperties));
  ctx.schemas.add(record(CATALOG_SCHEMAS.productDetail, { ...productProperties, skus: { type: 'array', items: ref(CATALOG_SCHEMAS.sku) } }));
  ctx.schemas.add(
    record(CATALOG_SCHEMAS.productItem, {
      ...productProperties,
      skuCount: { type: 'integer', minimum: 0 },
      priceMin: nullable(def('price')),
      priceMax: nullable(def('price')),
      categoryName: nullable({ type: 'string' }),
      needsCompleting: { type: 'boolean' },
    }),
  );
  ctx.schemas.add(
    record(CATALOG_SCHEMAS.skuItem, {
      ...skuProperties,
      productTitle: nullable({ type: 'string' }),
      itemCode: nullable({ type: 'string' }),
      stubTitle: nullable({ type: 'string' }),
    }),
  );
  ctx.schemas.add(skuInput);
}
