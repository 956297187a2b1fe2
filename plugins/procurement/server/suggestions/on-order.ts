import type { Queryable } from '@workbench/plugin-api';
import type { OnOrderQuantities } from '../model.js';

/**
 * Pieces on open purchase orders per 商家编码, for the reorder suggestions. The purchase-order part
 * answers it from its order lines (ordered minus received, on orders approved or sent and not yet
 * closed); while the plugin has no purchase orders, nothing is on order.
 */
export const onOrderQuantities: OnOrderQuantities = async (_q: Queryable, _skuCodes: string[]) => new Map<string, number>();
