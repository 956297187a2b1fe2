import type { ServiceToken } from '../plugins/context.js';

/**
 * Names a service together with its type, so provider and users agree on both.
 *
 * @example
 * export const Inventory = serviceToken<InventoryService>('inventory');
 * ctx.services.provide(Inventory, impl);      // in the provider
 * const inventory = ctx.services.get(Inventory); // in a plugin that requires it
 */
export function serviceToken<T>(name: string): ServiceToken<T> {
  return { name };
}
