import { serviceToken } from '@workbench/plugin-api';
import type { CasesService } from '@workbench/contracts/after-sales';
import type { OrdersService } from '@workbench/contracts/fulfillment';

/** fulfillment's `orders` (optional): the orders a procedure runs against and a customer's file lists. */
export const OrdersToken = serviceToken<OrdersService>('orders');

/** after-sales' `cases` (optional): the cases a procedure runs against and a customer's file lists. */
export const CasesToken = serviceToken<CasesService>('cases');
