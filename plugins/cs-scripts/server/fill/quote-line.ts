import type { PluginContext } from '@workbench/plugin-api';
import type { OrderDetail } from '@workbench/contracts/fulfillment';
import type { PriceResult } from '@workbench/contracts/listings';
import { CatalogToken, PricingToken } from '../tokens.js';

export type QuoteProblem = { kind: 'off' } | { kind: 'no-sku' } | { kind: 'unknown-sku'; code: string };

const yuan = (fen: number) => `${(fen / 100).toFixed(2).replace(/\.00$/u, '')} 元`;

/** 活动价 89 元（原价 99 元；双11满减 -10 元）: a priced cart of one piece, as one line a buyer reads. */
export function quoteText(result: PriceResult): string {
  const line = result.lines[0];
  const list = line ? line.subtotal : result.goodsTotal;
  const applied = result.explanation.filter((s) => s.outcome === 'applied' && s.amount > 0);
  if (applied.length === 0) return `${yuan(list)}（现在没有活动，已是到手价）`;
  const steps = applied.map((s) => `${s.name} -${yuan(s.amount)}`).join('，');
  const gifts = result.gifts.length > 0 ? '，还送赠品' : '';
  return `活动价 ${yuan(result.total - result.shipping)}（原价 ${yuan(list)}；${steps}${gifts}）`;
}

/**
 * The quote for a SKU by its 商家编码, or for the first line of the order (one piece), through
 * listings' pricing under the promotions running now.
 */
export async function quoteLine(ctx: PluginContext, skuCode: string | undefined, order: OrderDetail | undefined): Promise<string | QuoteProblem> {
  const catalog = ctx.services.optional(CatalogToken);
  const pricing = ctx.services.optional(PricingToken);
  if (!catalog || !pricing) return { kind: 'off' };
  let skuId: number | undefined;
  if (skuCode?.trim()) {
    const sku = await catalog.skuByCode(skuCode.trim());
    if (!sku) return { kind: 'unknown-sku', code: skuCode.trim() };
    skuId = sku.id;
  } else {
    skuId = order?.items.find((i) => !i.gift && i.skuId !== null)?.skuId ?? undefined;
  }
  if (skuId === undefined) return { kind: 'no-sku' };
  return quoteText(await pricing.price({ lines: [{ skuId, qty: 1 }] }));
}
