import type { PluginContext } from '@workbench/plugin-api';
import { PricingToken } from '../tokens.js';
import { addCouponRoutes } from './coupon-routes.js';
import { handlePromotionEvents } from './event-handlers.js';
import { addPricingRoutes } from './pricing-routes.js';
import { createPricingService } from './pricing-service.js';
import { addPromotionRoutes } from './promotion-routes.js';
import { registerPromotionSchemas } from './schemas.js';

/** Promotions, coupons, the stacking policy, `POST /price` and the `pricing` service. */
export function registerPromotions(ctx: PluginContext): void {
  registerPromotionSchemas(ctx);
  addPromotionRoutes(ctx);
  addCouponRoutes(ctx);
  addPricingRoutes(ctx);
  handlePromotionEvents(ctx);
  ctx.services.provide(PricingToken, createPricingService(ctx));
}
