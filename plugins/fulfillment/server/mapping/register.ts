import type { PluginContext } from '@workbench/plugin-api';
import { addMappingRoutes } from './mapping-routes.js';

/**
 * Platform item mappings: which SKU a Taobao item is when its lines carry no usable 商家编码. The
 * import applies them (`import-codes.ts`); the routes list, create and remove them.
 */
export function registerMapping(ctx: PluginContext): void {
  addMappingRoutes(ctx);
}
