import { def, InputError, nullable, serviceToken, type PluginContext } from '@workbench/plugin-api';
import type { CompetitorPricesService } from '../../contracts.js';
import { itemsOf } from '../schemas.js';
import { CatalogToken } from '../tokens.js';
import { competitorStore, type CompetitorPrice, type CompetitorPriceInput } from './competitor-store.js';

export const CompetitorPricesToken = serviceToken<CompetitorPricesService>('competitor-prices');

const PRICE = {
  type: 'object',
  properties: { id: def('id'), skuCode: { type: 'string' }, competitor: { type: 'string' }, price: def('money'), url: nullable({ type: 'string' }), note: { type: 'string' }, notedBy: def('id'), notedAt: def('timestamp') },
  required: ['id', 'skuCode', 'competitor', 'price', 'url', 'note', 'notedBy', 'notedAt'],
};

/** Competitors' prices for a new item: recorded here, offered to listings as the `competitor-prices` service. */
export function addCompetitorPrices(ctx: PluginContext): void {
  ctx.services.provide(CompetitorPricesToken, { forSkus: (codes) => ctx.db.read((q) => competitorStore(q).forSkus(codes)) });

  ctx.routes.add<Record<string, string>, { sku: string }, undefined, { items: CompetitorPrice[] }>({
    method: 'get',
    path: '/competitor-prices',
    permission: 'procurement.competitors.read',
    summary: { 'zh-CN': '一个 SKU 的竞品价格（最新在前）', en: "Competitors' prices for a SKU, newest first" },
    query: { type: 'object', properties: { sku: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['sku'] },
    response: itemsOf(PRICE),
    handler: ({ query }) => ctx.db.read(async (q) => ({ items: (await competitorStore(q).forSkus([query.sku.trim()])).get(query.sku.trim()) ?? [] })),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, CompetitorPriceInput, CompetitorPrice>({
    method: 'post',
    path: '/competitor-prices',
    permission: 'procurement.competitors.edit',
    summary: { 'zh-CN': '记一条竞品价格', en: "Note a competitor's price" },
    body: {
      type: 'object',
      properties: { skuCode: { type: 'string', minLength: 1, maxLength: 64 }, competitor: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' }, price: def('money'), url: nullable({ type: 'string', maxLength: 500 }), note: { type: 'string', maxLength: 1000 } },
      required: ['skuCode', 'competitor', 'price'],
      additionalProperties: false,
    },
    response: PRICE,
    status: 201,
    action: 'note competitor price',
    handler: async ({ body, actor }) => {
      const code = body.skuCode.trim();
      if (!(await ctx.services.get(CatalogToken).skuByCode(code))) {
        throw new InputError({ 'zh-CN': `商品里没有商家编码“${code}”`, en: `No SKU has the code "${code}"` }, { errors: [{ path: '/skuCode', in: 'body', message: 'unknown' }] });
      }
      return ctx.db.transaction((tx) => competitorStore(tx).add({ ...body, skuCode: code }, { id: actor!.id, at: ctx.now() }));
    },
  });
}
