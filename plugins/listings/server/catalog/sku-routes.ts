import type { PluginContext } from '@workbench/plugin-api';
import type { Sku } from '../types.js';
import { productStore } from './product-store.js';
import { listSkus, type SkuListItem, type SkuListQuery } from './sku-list.js';
import { addSku, deleteSku, requireSkuRow, type SkuInput, type SkuPatch } from './sku-write.js';
import { refuseSingleSkuChange, saveSkuEdit } from '../revisions/product-edit.js';
import { listingsSettings } from '../settings.js';
import { skuListQuery } from './query-schemas.js';
import { CATALOG_SCHEMAS } from './schemas.js';
import { def, ID_PARAMS, ref } from '../shared/schema-refs.js';

/** SKUs (商家编码): look-up, add to a product, change, delete. */
export function addSkuRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, SkuListQuery, undefined, { items: SkuListItem[] }>({
    method: 'get',
    path: '/skus',
    permission: 'listings.products.read',
    summary: { 'zh-CN': 'SKU 列表与查找（按商家编码、条形码、商品）', en: 'SKUs: list and look up by code, barcode or product' },
    query: skuListQuery,
    response: { allOf: [def('page')], properties: { items: { type: 'array', items: ref(CATALOG_SCHEMAS.skuItem) } } },
    handler: ({ query }) => ctx.db.read((q) => listSkus(q, query)),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, SkuInput, Sku>({
    method: 'post',
    path: '/products/:id/skus',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '给商品添加 SKU', en: 'Add a SKU to a product' },
    params: ID_PARAMS,
    body: ref(CATALOG_SCHEMAS.skuInput),
    response: ref(CATALOG_SCHEMAS.sku),
    status: 201,
    action: 'create sku',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        refuseSingleSkuChange(await productStore(tx).require(params.id));
        return addSku(tx, params.id, body, { now: ctx.now() });
      }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, SkuPatch, Sku>({
    method: 'patch',
    path: '/skus/:id',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '修改 SKU（须带版本号；补全待补全的 SKU 也用它；已上架商品的售价和属性要审核后生效）', en: 'Change a SKU (send the version; also completes a stub; on a listed product, price and attributes apply once reviewed)' },
    params: ID_PARAMS,
    body: {
      type: 'object',
      properties: {
        code: { $ref: `${CATALOG_SCHEMAS.skuInput}#/properties/code` },
        attributes: { $ref: `${CATALOG_SCHEMAS.skuInput}#/properties/attributes` },
        price: def('price'),
        cost: def('price'),
        barcode: { $ref: `${CATALOG_SCHEMAS.skuInput}#/properties/barcode` },
        weightGrams: { $ref: `${CATALOG_SCHEMAS.skuInput}#/properties/weightGrams` },
        lowStockThreshold: { $ref: `${CATALOG_SCHEMAS.skuInput}#/properties/lowStockThreshold` },
        productId: def('id'),
        version: def('version'),
      },
      required: ['version'],
      additionalProperties: false,
    },
    response: ref(CATALOG_SCHEMAS.sku),
    action: 'update sku',
    handler: ({ params, body, actor }) => {
      const settings = listingsSettings(ctx);
      return ctx.db.transaction((tx) => saveSkuEdit(tx, params.id, body, { now: ctx.now(), showcaseSlots: settings.showcaseSlots, actor, checklist: settings.checklist }));
    },
  });

  ctx.routes.add<{ id: number }>({
    method: 'delete',
    path: '/skus/:id',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '删除 SKU', en: 'Delete a SKU' },
    params: ID_PARAMS,
    status: 204,
    action: 'delete sku',
    handler: async ({ params }) => {
      await ctx.db.transaction(async (tx) => {
        const row = await requireSkuRow(tx, params.id);
        if (row.product_id !== null) refuseSingleSkuChange(await productStore(tx).require(row.product_id));
        await deleteSku(tx, params.id);
      });
      return undefined;
    },
  });
}
