import type { JsonSchema, PluginContext } from '@workbench/plugin-api';
import { OrdersToken } from '../tokens.js';
import { def, nullable } from '../shared/schema-refs.js';
import { type CampaignRow, campaignStore } from './campaign-store.js';

/** What fulfillment's orders say a campaign sold, per SKU; `available: false` without fulfillment. */
export interface CampaignSales {
  available: boolean;
  /** The orders counted: paid at or after `from`, before `to`. */
  window: { from: string; to: string } | null;
  skus: { skuId: number; qty: number; amount: number }[];
}

export const CAMPAIGN_SALES_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    available: { type: 'boolean' },
    window: nullable({ type: 'object', properties: { from: def('timestamp'), to: def('timestamp') }, required: ['from', 'to'], additionalProperties: false }),
    skus: {
      type: 'array',
      items: { type: 'object', properties: { skuId: def('id'), qty: { type: 'integer', minimum: 0 }, amount: def('money') }, required: ['skuId', 'qty', 'amount'], additionalProperties: false },
    },
  },
  required: ['available', 'window', 'skus'],
  additionalProperties: false,
};

/**
 * The orders a campaign sold: paid from its start up to when it ended — by its schedule or early
 * by hand — or, for one still running or ended before that time was kept, up to its planned end
 * or now, whichever comes first.
 */
function salesWindow(row: CampaignRow, now: string): { from: string; to: string } {
  const to = row.ended_at ?? (Date.parse(row.ends_at) < Date.parse(now) ? row.ends_at : now);
  return { from: row.starts_at, to };
}

/** Every SKU of the campaign with what it sold (0 when nothing), in the order given. */
export async function campaignSales(ctx: PluginContext, campaignId: number, skuIds: number[]): Promise<CampaignSales> {
  const orders = ctx.services.optional(OrdersToken);
  const row = await ctx.db.read((q) => campaignStore(q).row(campaignId));
  if (!orders || !row) return { available: false, window: null, skus: [] };
  const window = salesWindow(row, ctx.now());
  const sold = await orders.salesBySku(skuIds, window.from, window.to);
  return { available: true, window, skus: skuIds.map((skuId) => ({ skuId, qty: sold.get(skuId)?.qty ?? 0, amount: sold.get(skuId)?.amount ?? 0 })) };
}
