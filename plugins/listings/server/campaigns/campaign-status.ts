import { ConflictError } from '@workbench/plugin-api';
import { CAMPAIGN_STATE_NAMES as STATUS_NAMES } from '../../shared/state-names.js';
import type { Campaign, CampaignPrice, CampaignStatus } from './campaign-types.js';


/** States in which prices, products, coupons and the window may still change. */
export const PREPARING: readonly CampaignStatus[] = ['draft', 'prices-set', 'checked'];

/**
 * Refuses the move with a 409 that names the campaign's state and what the move needs, so the
 * clerk knows which step comes first.
 */
export function assertStatus(campaign: Campaign, allowed: readonly CampaignStatus[], action: { 'zh-CN': string; en: string }): void {
  if (allowed.includes(campaign.status)) return;
  const now = STATUS_NAMES[campaign.status];
  const need = allowed.map((s) => STATUS_NAMES[s]);
  throw new ConflictError({
    'zh-CN': `活动「${campaign.name}」现在是“${now['zh-CN']}”，不能${action['zh-CN']}；需要是“${need.map((s) => s['zh-CN']).join('”或“')}”`,
    en: `Campaign “${campaign.name}” is “${now.en}”, so it cannot ${action.en}; it must be ${need.map((s) => `“${s.en}”`).join(' or ')}`,
  });
}

/**
 * Where a preparing campaign stands from its prices: some SKU without a price → draft; all priced
 * but some not confirmed by a second person → prices-set; all confirmed → checked.
 */
export function pricingStatus(skuIds: readonly number[], prices: readonly Pick<CampaignPrice, 'skuId' | 'confirmedBy'>[]): CampaignStatus {
  const bySku = new Map(prices.map((p) => [p.skuId, p]));
  if (skuIds.length === 0 || skuIds.some((id) => !bySku.has(id))) return 'draft';
  return skuIds.every((id) => bySku.get(id)!.confirmedBy !== null) ? 'checked' : 'prices-set';
}
