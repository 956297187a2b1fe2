// `POST /price` and `GET /stacking-policy`.
import type { PluginContext } from '@workbench/plugin-api';
import type { CartInput, PriceResult, StackingPolicy } from '../types.js';
import { priceFromDatabase } from './pricing-service.js';
import { PROMOTION_SCHEMAS } from './schemas.js';
import { ref } from '../shared/schema-refs.js';
import { stackingPolicy } from './settings.js';

/** Adds the price calculator's routes. */
export function addPricingRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, CartInput, PriceResult>({
    method: 'post',
    path: '/price',
    permission: 'listings.price',
    summary: { 'zh-CN': '计算购物车价格（含每项优惠的说明）', en: 'Price a cart, explaining every discount' },
    description: {
      'zh-CN': '按当时有效的促销、活动价和店铺的优惠叠加规则计价；未上架商品按原价计、不参加促销。',
      en: 'Uses the promotions and campaign prices valid at `at` and the stacking policy; products not listed keep their price and get no promotion.',
    },
    body: ref(PROMOTION_SCHEMAS.cart),
    response: ref(PROMOTION_SCHEMAS.priceResult),
    action: 'price cart',
    handler: ({ body }) => priceFromDatabase(ctx, body),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, StackingPolicy>({
    method: 'get',
    path: '/stacking-policy',
    permission: 'listings.price',
    summary: { 'zh-CN': '优惠叠加规则（计算顺序、可同时享受的组合）', en: 'Stacking policy: order and combinable pairs' },
    response: ref(PROMOTION_SCHEMAS.stackingPolicy),
    handler: () => stackingPolicy(ctx),
  });
}
