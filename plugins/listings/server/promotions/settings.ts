import type { PluginContext } from '@workbench/plugin-api';
import { listingsSettings } from '../settings.js';
import type { StackingPolicy } from '../types.js';
import { policyFromSettings } from './policy.js';

/** The stacking policy in the settings now (`promotions.stackingOrder` and `promotions.combinable`). */
export function stackingPolicy(ctx: PluginContext): StackingPolicy {
  return policyFromSettings(listingsSettings(ctx).promotions);
}
