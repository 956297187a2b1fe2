import { serviceToken } from '@workbench/plugin-api';
import type { CartInput, CatalogService, InventoryView, OrdersView, PriceResult } from './types.js';

/** `catalog`: SKUs by id, 商家编码 or barcode; stubs for unknown codes. */
export const CatalogToken = serviceToken<CatalogService>('catalog');

/** `pricing`: price a cart under the active promotions, with the explanation. */
export const PricingToken = serviceToken<PricingService>('pricing');

/** fulfillment's `inventory`, as far as listings uses it. */
export const InventoryToken = serviceToken<InventoryView>('inventory');

/** fulfillment's `orders`, as far as listings uses it (close-out sales, excess stock). */
export const OrdersToken = serviceToken<OrdersView>('orders');

export interface PricingService {
  price(cart: CartInput): Promise<PriceResult>;
  /** Marks an issued coupon used for an order; refuses one used, returned, expired or unknown. */
  redeemCoupon(code: string, orderRef: string): Promise<void>;
  /** Gives the coupon back when its order closes while the coupon is still valid. */
  releaseCoupon(orderRef: string): Promise<{ returned: string[] }>;
  /**
   * Counts the gifts of a priced cart (`PriceResult.gifts`) as given to the order, inside the
   * caller's transaction when there is one; 409 when a promotion has run out since the pricing.
   * `fulfillment.order.closed` with the same `orderRef` gives them back.
   */
  grantGifts(orderRef: string, gifts: PriceResult['gifts']): Promise<void>;
}
