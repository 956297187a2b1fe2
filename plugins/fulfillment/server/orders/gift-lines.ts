// 满就送 on an order entered by hand: listings' `pricing` says which gifts its goods earn; each becomes
// a line of its own at price 0 marked 赠品, so the warehouse picks and ships it like any other.
// Imported Taobao orders get none: the platform already lists the gifts it gave in its item report.
import type { PluginContext, Transaction } from '@workbench/plugin-api';
import { CatalogToken, PricingToken } from '../tokens.js';
import type { PricingView } from '../types.js';
import { propertiesOf, type ResolvedLine } from './order-lines.js';

type Gifts = Awaited<ReturnType<PricingView['price']>>['gifts'];

/** The gifts the goods earn now, and the lines that carry them. Read before the order's transaction. */
export async function giftsFor(ctx: PluginContext, lines: readonly ResolvedLine[], shippingFee: number): Promise<{ gifts: Gifts; lines: ResolvedLine[] }> {
  // A stub SKU has no product and no price yet: listings would refuse to price it, and no promotion covers it.
  const goods = lines.filter((l) => !l.gift && !l.stub);
  if (goods.length === 0) return { gifts: [], lines: [] };
  const { gifts } = await ctx.services.get(PricingToken).price({ lines: goods.map((l) => ({ skuId: l.skuId, qty: l.quantity })), shipping: shippingFee });
  const catalog = ctx.services.get(CatalogToken);
  const giftLines: ResolvedLine[] = [];
  for (const gift of gifts) {
    const sku = await catalog.skuById(gift.skuId);
    if (!sku) continue;
    const title = sku.productId === null ? '' : ((await catalog.product(sku.productId))?.title ?? '');
    giftLines.push({ skuId: sku.id, skuCode: sku.code, title, properties: propertiesOf(sku), quantity: gift.qty, price: 0, gift: true });
  }
  return { gifts: gifts.filter((g) => giftLines.some((l) => l.skuId === g.skuId)), lines: giftLines };
}

/** Takes the gifts from their promotions' counts for `orderNo`; call it inside the order's transaction. */
export async function takeGifts(ctx: PluginContext, orderNo: string, gifts: Gifts): Promise<void> {
  if (gifts.length > 0) await ctx.services.get(PricingToken).grantGifts(orderNo, gifts);
}

/** The gift lines an order already has: an edit of its goods keeps them (the gift was promised). */
export async function storedGiftLines(tx: Transaction, orderId: number): Promise<ResolvedLine[]> {
  const rows = await tx.all<{ sku_id: number; sku_code: string; title: string; properties: string; quantity: number }>(
    'SELECT sku_id, sku_code, title, properties, quantity FROM fulfillment_order_items WHERE order_id = ? AND gift = 1 ORDER BY id',
    [orderId],
  );
  return rows.map((r) => ({ skuId: r.sku_id, skuCode: r.sku_code, title: r.title, properties: r.properties, quantity: r.quantity, price: 0, gift: true }));
}
