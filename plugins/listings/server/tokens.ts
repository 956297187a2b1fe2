import { serviceToken } from '@workbench/plugin-api';
import type { InventoryService, OrdersService } from '@workbench/contracts/fulfillment';
import type { CompetitorPricesService } from '@workbench/contracts/procurement';
import type { CatalogService, PricingService } from './types.js';

/** `catalog`: SKUs by id, 商家编码 or barcode; stubs for unknown codes. */
export const CatalogToken = serviceToken<CatalogService>('catalog');

/** `pricing`: price a cart under the active promotions, with the explanation. */
export const PricingToken = serviceToken<PricingService>('pricing');

/** fulfillment's `inventory` (optional: [fulfillment]), typed by its contract. */
export const InventoryToken = serviceToken<InventoryService>('inventory');

/** fulfillment's `orders` (optional: [fulfillment]) for close-out sales and excess stock, typed by its contract. */
export const OrdersToken = serviceToken<OrdersService>('orders');

/** procurement's `competitor-prices` (optional: [procurement]) for the product editor, typed by its contract. */
export const CompetitorPricesToken = serviceToken<CompetitorPricesService>('competitor-prices');
