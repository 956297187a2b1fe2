/**
 * procurement's service contracts: what it publishes under `provides: [competitor-prices]`, types
 * only. Another plugin imports them with
 * `import type { CompetitorPricesService } from '@workbench/contracts/procurement'` and names
 * procurement in its manifest's `optional`.
 */
export type { CompetitorPrice } from './server/competitors/competitor-store.js';
import type { CompetitorPrice } from './server/competitors/competitor-store.js';

/** The services by the names `ctx.services` knows them. */
export interface ProcurementServices {
  'competitor-prices': CompetitorPricesService;
}

/** `competitor-prices`: what competitors ask for an item, for setting its retail price. */
export interface CompetitorPricesService {
  /** Per 商家编码, the prices noted, newest first; codes with none are absent. */
  forSkus(skuCodes: string[]): Promise<Map<string, CompetitorPrice[]>>;
}
