// The services procurement uses, typed by their providers' published contracts.
import type { CatalogService } from '@workbench/contracts/listings';
import type { InventoryService, OrdersService } from '@workbench/contracts/fulfillment';
import { serviceToken } from '@workbench/plugin-api';

export const CatalogToken = serviceToken<CatalogService>('catalog');
export const OrdersToken = serviceToken<OrdersService>('orders');
export const InventoryToken = serviceToken<InventoryService>('inventory');
