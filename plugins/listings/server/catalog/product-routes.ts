import type { PluginContext } from '@workbench/plugin-api';
import { listProducts, type ProductListItem, type ProductListQuery } from './product-list.js';
import { createProduct, type ProductInput, type ProductPatch } from './product-write.js';
import { saveProductEdit } from '../revisions/product-edit.js';
import { type ProductWithRevision, revisionStore } from '../revisions/revision-store.js';
import { productListQuery } from './query-schemas.js';
import { CATALOG_SCHEMAS, productInputProperties, skuChangesSchema } from './schemas.js';
import { def, ID_PARAMS, ref } from '../shared/schema-refs.js';
import { listingsSettings } from '../settings.js';

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

  ctx.routes.add<Record<string, string>, Record<string, unknown>, ProductInput, ProductWithRevision>({
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
    response: ref(CATALOG_SCHEMAS.productRevised),
    status: 201,
    action: 'create product',
    // The same shape as GET /products/:id; a new product has nothing waiting for review.
    handler: async ({ body, actor }) => ({
      ...(await ctx.db.transaction((tx) => createProduct(tx, body, { now: ctx.now(), actorId: actor?.id ?? null, showcaseSlots: listingsSettings(ctx).showcaseSlots }))),
      revision: null,
    }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, ProductWithRevision>({
    method: 'get',
    path: '/products/:id',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '商品详情（含 SKU；已上架商品另附待审核的修改）', en: 'A product with its SKUs (and, when listed, its changes awaiting review)' },
    params: ID_PARAMS,
    response: ref(CATALOG_SCHEMAS.productRevised),
    handler: ({ params }) => ctx.db.read((q) => revisionStore(q).productWithRevision(params.id, listingsSettings(ctx).checklist)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, ProductPatch, ProductWithRevision>({
    method: 'patch',
    path: '/products/:id',
    permission: 'listings.products.edit',
    summary: {
      'zh-CN': '修改商品资料，可同时增、改、删 SKU，全部成功或全部不改（须带版本号；上下架状态在审核流程里改；已上架商品的标题、描述、图片、属性、售价和增删 SKU 要审核后生效）',
      en: 'Change a product, optionally adding, changing and deleting SKUs, all or nothing (send the version; the listing state changes through the workflow; on a listed product, title, description, images, attributes, prices and added or removed SKUs apply once reviewed)',
    },
    params: ID_PARAMS,
    body: { type: 'object', properties: { ...productInputProperties, skus: skuChangesSchema, version: def('version') }, required: ['version'], additionalProperties: false },
    response: ref(CATALOG_SCHEMAS.productRevised),
    action: 'update product',
    handler: ({ params, body, actor }) => {
      const settings = listingsSettings(ctx);
      return ctx.db.transaction((tx) => saveProductEdit(tx, params.id, body, { now: ctx.now(), showcaseSlots: settings.showcaseSlots, actor, checklist: settings.checklist }));
    },
  });
}
