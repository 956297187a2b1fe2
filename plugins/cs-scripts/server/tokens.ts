import { serviceToken } from '@workbench/plugin-api';
import type { OrdersService } from '@workbench/contracts/fulfillment';
import type { CatalogService, PricingService } from '@workbench/contracts/listings';
import type { StaffService } from '@workbench/contracts/staff-rules';

// Every one is optional (plugin.yaml): a phrase that needs a missing one says so instead of failing.

/** fulfillment's `orders`: the order a phrase is filled from, and the remark helper's writes. */
export const OrdersToken = serviceToken<OrdersService>('orders');
/** listings' `catalog`: a SKU by its 商家编码, for a quote. */
export const CatalogToken = serviceToken<CatalogService>('catalog');
/** listings' `pricing`: the promotional price and its explanation. */
export const PricingToken = serviceToken<PricingService>('pricing');
/** staff-rules' `staff`: the agent's 工号 and name. */
export const StaffToken = serviceToken<StaffService>('staff');
