/**
 * listings' service contracts: what it publishes under `provides: [catalog, pricing]`, types only.
 * Another plugin imports them with
 * `import type { CatalogService } from '@workbench/contracts/listings'` and names listings in its
 * manifest's `requires` or `optional`; the service itself comes from `ctx.services`. listings' own
 * implementations are typed by these interfaces (server/catalog/catalog-service.ts,
 * server/promotions/pricing-service.ts), so `npm run typecheck` fails when one no longer keeps what
 * is published here.
 */
import type { Transaction } from '@workbench/plugin-api';
import type { CartInput, ListingStatus, PriceResult, Product, Sku } from './server/types.js';

export type {
  AppliedDiscount,
  CartInput,
  CartLineInput,
  DiscountKind,
  ExplanationOutcome,
  ExplanationStep,
  ListingStatus,
  PricedLine,
  PriceResult,
  Product,
  ProductImage,
  PromotionKind,
  Sku,
} from './server/types.js';

/**
 * A complete SKU as a list of many SKUs needs it: no prices, barcode or weight, but its product's
 * title and listing status (`skuSummaryPage`).
 */
export interface SkuSummary {
  id: number;
  code: string;
  productId: number;
  attributes: Record<string, string>;
  productTitle: string;
  productStatus: ListingStatus;
}

/** The services by the names `ctx.services` knows them: `serviceToken<ListingsServices['catalog']>('catalog')`. */
export interface ListingsServices {
  catalog: CatalogService;
  pricing: PricingService;
}

/** The `catalog` service other plugins use (`ctx.services.get(CatalogToken)` with requires: [listings]). */
export interface CatalogService {
  skuById(id: number): Promise<Sku | undefined>;
  skuByCode(code: string): Promise<Sku | undefined>;
  skuByBarcode(barcode: string): Promise<Sku | undefined>;
  /** Many SKUs at once, by 商家编码; unknown codes are absent from the map. */
  skusByCodes(codes: string[]): Promise<Map<string, Sku>>;
  product(id: number): Promise<Product | undefined>;
  /** SKUs in id order, a page at a time: those after `afterId`, at most `limit` (default 200, at most 1000). */
  skuPage(options?: { afterId?: number; limit?: number }): Promise<Sku[]>;
  /**
   * Complete SKUs (with a product, not "needs completing") in id order, a page at a time, each
   * with its product's title and status: one query a page, for a caller that goes through the
   * whole catalogue (`skuPage` and `product` take one for the SKUs and one per product). Those
   * after `afterId`, at most `limit` (default 1000, at most 5000).
   */
  skuSummaryPage(options?: { afterId?: number; limit?: number }): Promise<SkuSummary[]>;
  /**
   * The SKU for a 商家编码, creating a stub flagged "needs completing" when the code is unknown
   * (e.g. met in an imported order). Pass the caller's transaction so the stub commits with it.
   */
  ensureSku(code: string, options?: { title?: string; tx?: Transaction }): Promise<{ sku: Sku; created: boolean }>;
}

/** `pricing` (provides: [pricing]): prices a cart under the active promotions, with the explanation. */
export interface PricingService {
  price(cart: CartInput): Promise<PriceResult>;
  /** Marks an issued coupon used for an order; refuses one used, returned, expired or unknown. */
  redeemCoupon(code: string, orderRef: string): Promise<void>;
  /** Gives the coupon back when its order closes while the coupon is still valid. */
  releaseCoupon(orderRef: string): Promise<{ returned: string[] }>;
  /**
   * Counts the gifts of a priced cart (`PriceResult.gifts`) as given to the order, inside the
   * caller's transaction when there is one; 409 when a promotion has run out since the pricing.
   * `fulfillment.order.closed` with the same `orderRef` gives them back.
   */
  grantGifts(orderRef: string, gifts: PriceResult['gifts']): Promise<void>;
}
