import { serviceToken } from '@workbench/plugin-api';
import type { CatalogView, InventoryService, OrdersService } from './types.js';

/** listings' `catalog`, as far as fulfillment uses it. */
export const CatalogToken = serviceToken<CatalogView>('catalog');

/** `orders`: read-only orders for other plugins. */
export const OrdersToken = serviceToken<OrdersService>('orders');

/** `inventory`: stock by SKU, reservations and the ledger. */
export const InventoryToken = serviceToken<InventoryService>('inventory');
