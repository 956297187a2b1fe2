import type { OnOrderQuantities } from '../model.js';
import { orderStore } from '../orders/order-store.js';

/**
 * Pieces on open purchase orders per 商家编码, for the reorder suggestions: ordered minus passed,
 * on orders approved, sent or partly received (drafts, closed and cancelled ones count nothing).
 */
export const onOrderQuantities: OnOrderQuantities = (q, skuCodes) => orderStore(q).onOrderByCode(skuCodes);
