import type { PluginContext } from '@workbench/plugin-api';
import type { OrdersService } from '../types.js';
import { fulfillmentSettings } from '../settings.js';
import { courierChoiceFor } from '../shipping/ship-order.js';
import { addRemark } from './order-notes.js';
import type { OrderRow } from './order-record.js';

/**
 * The `orders` methods the CS desk (cs-scripts) needs beyond reading: the courier the rules choose
 * with their reason, for a phrase that tells the buyer, and the remark helper's write — the same
 * code as `GET /orders/:id/courier` and `POST /orders/:id/remarks`, so the rules stay here.
 */
export function csDeskMethods(ctx: PluginContext): Pick<OrdersService, 'courierChoice' | 'addRemark'> {
  return {
    courierChoice: (id) => ctx.db.read(async (q) => {
      const row = await q.get<OrderRow>('SELECT * FROM fulfillment_orders WHERE id = ?', [id]);
      if (!row) return undefined;
      const choice = courierChoiceFor(fulfillmentSettings(ctx), row);
      return { courier: choice.courier ? { code: choice.courier.code, name: choice.courier.name } : null, rule: choice.rule, reason: choice.reason };
    }),
    addRemark: (id, input, options) => addRemark(ctx, id, input, options?.actor),
  };
}
