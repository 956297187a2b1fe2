// Customer care: the customer file, return visits owed after each parcel fulfillment ships, and
// the lists exported for 千牛.
import type { PluginContext } from '@workbench/plugin-api';
import type { OrderShipped } from '@workbench/contracts/fulfillment';
import { OrdersToken } from '../care-tokens.js';
import { addCustomerRoutes } from './customer-routes.js';
import { customerStore } from './customer-store.js';
import { addReturnVisitRoutes } from './return-visit-routes.js';

export function addCustomerCare(ctx: PluginContext): void {
  addCustomerRoutes(ctx);
  addReturnVisitRoutes(ctx);
  ctx.events.on<OrderShipped>('fulfillment.order.shipped', async (shipped, { tx }) => {
    // The event carries no buyer; the order is read back (masked: only the nick is kept).
    const order = await ctx.services.optional(OrdersToken)?.byId(shipped.orderId);
    if (!order) return;
    await customerStore(tx).addVisit({ orderId: order.id, orderNo: order.orderNo, buyerNick: order.buyerNick, shippedAt: shipped.shippedAt });
  });
}
