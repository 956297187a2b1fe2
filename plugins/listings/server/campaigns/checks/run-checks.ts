import type { Queryable } from '@workbench/plugin-api';
import type { StackingPolicy } from '../../types.js';
import type { Campaign, CampaignChecks } from '../campaign-types.js';
import { couponsCheck } from './coupons.js';
import { pagesCheck } from './pages.js';
import { stackingCheck } from './stacking.js';
import { timeWindowCheck } from './time-window.js';

/** Every pre-launch check of the campaign, in the order a clerk works through them. */
export async function runChecks(q: Queryable, campaign: Campaign, policy: StackingPolicy, now: string): Promise<CampaignChecks> {
  const checks = [
    await timeWindowCheck(q, campaign, now),
    await pagesCheck(q, campaign),
    await couponsCheck(q, campaign),
    await stackingCheck(q, campaign, policy),
  ];
  return { campaignId: campaign.id, checkedAt: now, checks, passed: checks.every((c) => c.passed) };
}
