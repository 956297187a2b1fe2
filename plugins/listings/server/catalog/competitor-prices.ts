import type { PluginContext } from '@workbench/plugin-api';
import { def, ID_PARAMS, nullable } from '../shared/schema-refs.js';
import { CompetitorPricesToken } from '../tokens.js';
import { productStore } from './product-store.js';

/** One competitor's price for one of the product's SKUs, as procurement noted it. */
export interface SkuCompetitorPrice {
  skuId: number;
  skuCode: string;
  competitor: string;
  /** 分. */
  price: number;
  url: string | null;
  note: string;
  notedAt: string;
}

const ITEM = {
  type: 'object',
  properties: {
    skuId: def('id'),
    skuCode: { type: 'string' },
    competitor: { type: 'string' },
    price: def('money'),
    url: nullable({ type: 'string' }),
    note: { type: 'string' },
    notedAt: def('timestamp'),
  },
  required: ['skuId', 'skuCode', 'competitor', 'price', 'url', 'note', 'notedAt'],
};

/**
 * `GET /products/:id/competitor-prices`: what competitors ask for the product's SKUs, for setting
 * the retail price. procurement notes them; without it running the list is empty, not an error.
 */
export function addCompetitorPriceRoute(ctx: PluginContext): void {
  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, { items: SkuCompetitorPrice[] }>({
    method: 'get',
    path: '/products/:id/competitor-prices',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '商品各 SKU 的竞品价格（采购记录，最新在前；未启用采购时为空）', en: "Competitors' prices for the product's SKUs (noted in procurement, newest first; empty without it)" },
    params: ID_PARAMS,
    response: { type: 'object', properties: { items: { type: 'array', items: ITEM } }, required: ['items'] },
    handler: async ({ params }) => {
      const skus = await ctx.db.read(async (q) => {
        await productStore(q).require(params.id);
        return productStore(q).skus(params.id);
      });
      // Looked up at each request: procurement starts after listings, and may be switched on or off later.
      const service = ctx.services.optional(CompetitorPricesToken);
      if (!service || skus.length === 0) return { items: [] };
      const byCode = await service.forSkus(skus.map((s) => s.code));
      return {
        items: skus.flatMap((sku) =>
          (byCode.get(sku.code) ?? []).map((p) => ({ skuId: sku.id, skuCode: sku.code, competitor: p.competitor, price: p.price, url: p.url, note: p.note, notedAt: p.notedAt })),
        ),
      };
    },
  });
}
