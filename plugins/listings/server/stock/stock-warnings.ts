import type { LocalizedText, Queryable } from '@workbench/plugin-api';

export interface StockWarning {
  skuId: number;
  code: string;
  productId: number;
  productTitle: string;
  stock: number;
  threshold: number;
}

export interface StockWarningsAnswer {
  /** False when fulfillment, which knows the stock, is not running. */
  available: boolean;
  reason?: LocalizedText;
  /** The shop-wide threshold; a SKU may have its own (each item says which applied). */
  threshold: number;
  /** When the stock was last compared, or null if never. */
  checkedAt: string | null;
  items: StockWarning[];
}

/** Why there are no warnings without fulfillment: written for the owner, who can enable it. */
export const NEEDS_FULFILLMENT: LocalizedText = {
  'zh-CN': '库存预警要用到「订单与仓储」插件里的库存数，请先启用该插件',
  en: 'Stock warnings need the stock figures kept by the Fulfillment plugin; enable it first',
};

/** Listed SKUs that were below their threshold at the last check, lowest stock first. */
export async function readStockWarnings(q: Queryable, threshold: number): Promise<StockWarningsAnswer> {
  const items = await q.all<StockWarning>(
    `SELECT s.id AS skuId, s.code, p.id AS productId, p.title AS productTitle, l.stock, l.threshold
       FROM listings_stock_levels l
       JOIN listings_skus s ON s.id = l.sku_id
       JOIN listings_products p ON p.id = s.product_id
      WHERE l.low = 1 AND p.status = 'listed'
      ORDER BY l.stock, s.code`,
  );
  const last = await q.get<{ at: string | null }>('SELECT MAX(checked_at) AS at FROM listings_stock_levels');
  return { available: true, threshold, checkedAt: last?.at ?? null, items };
}
