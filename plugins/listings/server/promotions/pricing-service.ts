// The `pricing` service: the cart priced from the database, and coupons redeemed and returned.
// `POST /price` answers exactly what `price()` answers.
import { InputError, type PluginContext } from '@workbench/plugin-api';
import type { CartInput, PriceResult } from '../types.js';
import type { PricingService } from '../types.js';
import { redeemCode, releaseOrder } from './coupon-lifecycle.js';
import { priceCart } from './engine.js';
import { grantGifts } from './gift-grants.js';
import { loadPricingInputs } from './pricing-inputs.js';
import { stackingPolicy } from './settings.js';
import { reasons } from './texts.js';

/** The money ceiling of the shared `price` definition: 10 亿元 in 分. */
const MONEY_CEILING = 100_000_000_000;

/**
 * Each price fits the ceiling, but quantities and shipping can add up past it: such a cart is
 * refused as input rather than answered with amounts no other record could hold.
 */
function refuseBeyondCeiling(result: PriceResult): void {
  if (Math.max(result.goodsTotal, result.costTotal, result.total, result.shipping) <= MONEY_CEILING) return;
  throw new InputError(
    { 'zh-CN': '这个购物车的金额超过了 10 亿元的上限，请减少数量或运费', en: 'The amounts of this cart pass the 1,000,000,000 yuan limit; lower the quantities or the shipping' },
    { errors: [{ path: '/lines', in: 'body', message: `≤ ${MONEY_CEILING}` }] },
  );
}

/** Prices a cart at `cart.at` (default now) under the promotions live then and the settings' policy. */
export async function priceFromDatabase(ctx: PluginContext, cart: CartInput): Promise<PriceResult> {
  const at = cart.at ? ctx.shopTime(cart.at) : ctx.now();
  const inputs = await ctx.db.read((q) => loadPricingInputs(q, cart, at));
  const result = priceCart({
    cart: { ...cart, at },
    skus: inputs.skus,
    promotions: inputs.promotions,
    ...(inputs.coupon ? { coupon: inputs.coupon } : {}),
    policy: stackingPolicy(ctx),
    at,
  });
  if (inputs.unknownCoupon !== undefined) {
    // A mistyped code must not fail the whole price: the buyer pays without it, and is told why.
    result.explanation.push({ kind: 'coupon', couponCode: inputs.unknownCoupon, name: inputs.unknownCoupon, outcome: 'not-eligible', amount: 0, reason: reasons.couponUnknown() });
  }
  refuseBeyondCeiling(result);
  return result;
}

/** The implementation other plugins get with `ctx.services.get(PricingToken)`. */
export function createPricingService(ctx: PluginContext): PricingService {
  return {
    price: (cart) => priceFromDatabase(ctx, cart),
    redeemCoupon: async (code, orderRef) => {
      await ctx.db.transaction((tx) => redeemCode(tx, code, orderRef, ctx.now()));
    },
    releaseCoupon: (orderRef) => ctx.db.transaction((tx) => releaseOrder(tx, orderRef, ctx.now())),
    // Called inside the caller's transaction, this one is a savepoint of it: the gifts commit with the order.
    grantGifts: (orderRef, gifts) => ctx.db.transaction((tx) => grantGifts(tx, orderRef, gifts, ctx.now())),
  };
}
