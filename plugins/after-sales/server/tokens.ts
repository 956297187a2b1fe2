import { serviceToken } from '@workbench/plugin-api';
import type { OrdersService } from '@workbench/contracts/fulfillment';
import type { StaffService } from '@workbench/contracts/staff-rules';

/** fulfillment's `orders` (requires: [fulfillment]): the order and line a case is about. */
export const OrdersToken = serviceToken<OrdersService>('orders');

/** staff-rules' `staff` (optional): who a workbench account or a 工号 belongs to. */
export const StaffToken = serviceToken<StaffService>('staff');
