import type { PluginContext } from '@workbench/plugin-api';
import { listProducts, type ProductListItem, type ProductListQuery } from './product-list.js';
import { requireProductDetail, type ProductDetail } from './product-store.js';
import { createProduct, updateProduct, type ProductInput, type ProductPatch } from './product-write.js';
import { productListQuery } from './query-schemas.js';
import { CATALOG_SCHEMAS, productInputProperties, skuChangesSchema } from './schemas.js';
import { def, ID_PARAMS, ref } from '../shared/schema-refs.js';
import { listingsSettings } from '../settings.js';

/** The number of 橱窗推荐 slots, read on every use so a change in the settings applies at once. */

/** Products: list, create (with SKUs), read, change the catalog fields (with SKU changes, in one transaction). */
export function addProductRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, ProductListQuery, undefined, { items: ProductListItem[] }>({
    method: 'get',
    path: '/products',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '商品列表（可按分类、状态、待补全筛选）', en: 'Products (filter by category, status, needs completing)' },
    query: productListQuery,
    response: { allOf: [def('page')], properties: { items: { type: 'array', items: ref(CATALOG_SCHEMAS.productItem) } } },
    handler: ({ query }) => ctx.db.read((q) => listProducts(q, query)),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, ProductInput, ProductDetail>({
    method: 'post',
    path: '/products',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '新建商品（可同时建 SKU）', en: 'Create a product (optionally with its SKUs)' },
    body: {
      type: 'object',
      properties: { ...productInputProperties, skus: { type: 'array', items: ref(CATALOG_SCHEMAS.skuInput), maxItems: 600 } },
      required: ['title', 'itemCode'],
      additionalProperties: false,
    },
    response: ref(CATALOG_SCHEMAS.productDetail),
    status: 201,
    action: 'create product',
    handler: ({ body, actor }) =>
      ctx.db.transaction((tx) => createProduct(tx, body, { now: ctx.now(), actorId: actor?.id ?? null, showcaseSlots: listingsSettings(ctx).showcaseSlots })),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, ProductDetail>({
    method: 'get',
    path: '/products/:id',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '商品详情（含 SKU）', en: 'A product with its SKUs' },
    params: ID_PARAMS,
    response: ref(CATALOG_SCHEMAS.productDetail),
    handler: ({ params }) => ctx.db.read((q) => requireProductDetail(q, params.id)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, ProductPatch, ProductDetail>({
    method: 'patch',
    path: '/products/:id',
    permission: 'listings.products.edit',
    summary: {
      'zh-CN': '修改商品资料，可同时增、改、删 SKU，全部成功或全部不改（须带版本号；上下架状态在审核流程里改）',
      en: 'Change a product, optionally adding, changing and deleting SKUs, all or nothing (send the version; the listing state changes through the workflow)',
    },
    params: ID_PARAMS,
    body: { type: 'object', properties: { ...productInputProperties, skus: skuChangesSchema, version: def('version') }, required: ['version'], additionalProperties: false },
    response: ref(CATALOG_SCHEMAS.productDetail),
    action: 'update product',
    handler: ({ params, body }) => ctx.db.transaction((tx) => updateProduct(tx, params.id, body, { now: ctx.now(), showcaseSlots: listingsSettings(ctx).showcaseSlots })),
  });
}
