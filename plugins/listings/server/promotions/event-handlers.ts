// What the promotions area does when something happens elsewhere: a product is delisted (its
// promotions are suspended) or fulfillment closes an order (its coupon may come back, its gifts do).
import type { PluginContext } from '@workbench/plugin-api';
import { releaseOrder } from './coupon-lifecycle.js';
import { returnGifts } from './gift-grants.js';
import { promotionStore } from './promotion-store.js';

/** The reason a promotion carries when its product went 已下架. */
export const DELISTED_REASON = '商品已下架';

/** Subscribes the handlers; both write through the emitter's transaction. */
export function handlePromotionEvents(ctx: PluginContext): void {
  ctx.events.on<{ productId: number }>('listings.product.delisted', async ({ productId }, { tx }) => {
    const skuIds = new Set((await tx.all<{ id: number }>('SELECT id FROM listings_skus WHERE product_id = ?', [productId])).map((r) => r.id));
    for (const p of await promotionStore(tx).live()) {
      if (p.status !== 'active') continue;
      const named = (p.scope.productIds ?? []).includes(productId) || (p.rule.kind === 'bundle' && p.rule.skuIds.some((id) => skuIds.has(id)));
      if (named) await promotionStore(tx).suspend(p.id, DELISTED_REASON, ctx.now());
    }
  });

  // fulfillment is optional: without it this simply never fires.
  ctx.events.on<{ orderRef?: unknown }>('fulfillment.order.closed', async ({ orderRef }, { tx }) => {
    if (typeof orderRef !== 'string' || orderRef === '') {
      ctx.log.warn('fulfillment.order.closed without an orderRef; no coupon returned', { orderRef: String(orderRef) });
      return;
    }
    const { returned } = await releaseOrder(tx, orderRef, ctx.now());
    if (returned.length > 0) ctx.log.info('coupons returned for a closed order', { orderRef, codes: returned.join(',') });
    const gifts = await returnGifts(tx, orderRef);
    if (gifts > 0) ctx.log.info('gifts returned for a closed order', { orderRef, gifts });
  });
}
