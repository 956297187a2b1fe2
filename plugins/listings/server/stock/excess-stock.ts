import type { LocalizedText, Queryable } from '@workbench/plugin-api';

/** A text in both languages of the UI. */
type Both = { 'zh-CN': string; en: string };
import type { InventoryService, OrdersService } from '@workbench/contracts/fulfillment';

/** The window of `windowDays` days before `now`, as instants. */
export const excessWindow = (now: string, windowDays: number) => ({ from: new Date(Date.parse(now) - windowDays * 86_400_000).toISOString(), to: now });

/** One listed SKU holding more than its sales need, with the figures of the sum. */
export interface ExcessStockItem {
  skuId: number;
  code: string;
  productId: number;
  productTitle: string;
  /** Pieces in the bins now. */
  onHand: number;
  /** Pieces shipped in the window. */
  shipped: number;
  /** shipped ÷ window days, to 2 decimals. */
  dailySales: number;
  /** onHand ÷ daily sales, whole days rounded down; null without any sales in the window. */
  daysOfStock: number | null;
  /** What the sales justify: daily sales × the days setting, to 1 decimal. */
  limit: number;
  /** The sum in words, for the widget's hover and a reader of the API. */
  explanation: Both;
}

export interface ExcessStockAnswer {
  /** False when fulfillment, which knows the stock and the shipments, is not running. */
  available: boolean;
  reason?: LocalizedText;
  /** The settings applied: days of sales, and the window daily sales are taken over. */
  days: number;
  windowDays: number;
  /** The window: shipments at or after `from`, before `to` (now). */
  from: string | null;
  to: string | null;
  rule: Both;
  items: ExcessStockItem[];
}

/** The rule in words, with the figures of the settings. */
export const excessRule = (days: number, windowDays: number): Both => ({
  'zh-CN': `在库件数 > 日均发货 × ${days} 天算积压；日均发货 = 最近 ${windowDays} 天发出的件数 ÷ ${windowDays}；最近 ${windowDays} 天一件没发而有库存，也算积压；低于预警线的不算`,
  en: `Excess when on hand > daily shipments × ${days} days; daily shipments = pieces shipped in the last ${windowDays} days ÷ ${windowDays}; stock with nothing shipped in the last ${windowDays} days is excess too; a SKU below its low-stock line is not`,
});

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

interface ListedRow {
  id: number;
  code: string;
  low_stock_threshold: number | null;
  product_id: number;
  title: string;
}

/**
 * 库存积压: listed SKUs whose stock on hand outlasts their sales. On hand is excess when
 * `onHand × windowDays > shipped × days` — in whole numbers, so no rounding decides a borderline
 * SKU; a SKU with stock and no shipment in the window is excess however little it holds, unless it is
 * below its low-stock line (the low-stock warning already has it). Computed
 * on each read from fulfillment's figures: nothing is stored and no event is sent.
 */
export async function readExcessStock(
  q: Queryable,
  inventory: InventoryService,
  orders: OrdersService,
  settings: { days: number; windowDays: number; lowStockThreshold: number; from: string; to: string },
): Promise<ExcessStockAnswer> {
  const { days, windowDays, lowStockThreshold, from, to } = settings;
  const listed = await q.all<ListedRow>(
    `SELECT s.id, s.code, s.low_stock_threshold, p.id AS product_id, p.title FROM listings_skus s JOIN listings_products p ON p.id = s.product_id WHERE p.status = 'listed' ORDER BY s.id`,
  );
  const ids = listed.map((s) => s.id);
  const [onHand, shipped] = ids.length ? await Promise.all([inventory.onHand(ids), orders.shippedQuantities(ids, from, to)]) : [new Map<number, number>(), new Map<number, number>()];
  const items: ExcessStockItem[] = [];
  for (const sku of listed) {
    const pieces = onHand.get(sku.id) ?? 0;
    const sold = shipped.get(sku.id) ?? 0;
    // Below its low-stock line a SKU is already flagged to be checked and reordered; calling the same
    // few pieces excess as well would tell the clerk two opposite things.
    if (pieces < (sku.low_stock_threshold ?? lowStockThreshold)) continue;
    if (pieces * windowDays <= sold * days) continue;
    const daily = sold / windowDays;
    const daysOfStock = sold > 0 ? Math.floor(pieces / daily) : null;
    const limit = round(daily * days, 1);
    const dailyText = round(daily, 2);
    items.push({
      skuId: sku.id,
      code: sku.code,
      productId: sku.product_id,
      productTitle: sku.title,
      onHand: pieces,
      shipped: sold,
      dailySales: dailyText,
      daysOfStock,
      limit,
      explanation:
        daysOfStock === null
          ? { 'zh-CN': `在库 ${pieces} 件，最近 ${windowDays} 天一件没发`, en: `${pieces} on hand, none shipped in the last ${windowDays} days` }
          : {
              'zh-CN': `在库 ${pieces} 件 ÷ 日均 ${dailyText} 件（${sold} 件 ÷ ${windowDays} 天）= 够卖 ${daysOfStock} 天，超过 ${days} 天（${limit} 件）`,
              en: `${pieces} on hand ÷ ${dailyText} a day (${sold} ÷ ${windowDays} days) = ${daysOfStock} days of sales, more than ${days} days (${limit} pieces)`,
            },
    });
  }
  // Nothing sold first, then the longest-lasting stock.
  items.sort((a, b) => (b.daysOfStock ?? Infinity) - (a.daysOfStock ?? Infinity) || b.onHand - a.onHand || a.code.localeCompare(b.code));
  return { available: true, days, windowDays, from, to, rule: excessRule(days, windowDays), items };
}
