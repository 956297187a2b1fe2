import type { PluginContext } from '@workbench/plugin-api';
import { addLabelRoutes } from './label-routes.js';
import { registerShippingLabel } from './shipping-label.js';

/**
 * Shipping labels (电子面单): the couriers' number pools, the number each order's label carries,
 * and the 100 × 180 mm label printable.
 */
export function registerLabels(ctx: PluginContext): void {
  addLabelRoutes(ctx);
  registerShippingLabel(ctx);
}
