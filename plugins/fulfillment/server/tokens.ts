import { serviceToken } from '@workbench/plugin-api';
import type { CatalogView, InventoryService, OrdersService, PricingView } from './types.js';

/** listings' `catalog`, as far as fulfillment uses it. */
export const CatalogToken = serviceToken<CatalogView>('catalog');

/** listings' `pricing`, as far as fulfillment uses it (满就送 gifts of orders entered by hand). */
export const PricingToken = serviceToken<PricingView>('pricing');

/** `orders`: read-only orders for other plugins. */
export const OrdersToken = serviceToken<OrdersService>('orders');

/** `inventory`: stock by SKU, reservations and the ledger. */
export const InventoryToken = serviceToken<InventoryService>('inventory');
