import type { Queryable } from '@workbench/plugin-api';
import type { Campaign, CampaignCheck, CheckDetail } from '../campaign-types.js';
import { windowsOverlap } from '../../shared/time.js';

interface Clash {
  id: number;
  name: string;
  starts_at: string;
  ends_at: string;
}

/**
 * 时限检查: the window ends after it starts, has not begun yet, and no other campaign that is
 * not closed out runs at the same time on any of the same products (a SKU cannot have two
 * campaign prices at once).
 */
export async function timeWindowCheck(q: Queryable, campaign: Campaign, now: string): Promise<CampaignCheck> {
  const details: CheckDetail[] = [];
  if (Date.parse(campaign.endsAt) <= Date.parse(campaign.startsAt)) {
    details.push({ message: { 'zh-CN': '结束时间不晚于开始时间，请改活动时间', en: 'The campaign does not end after it starts; fix its window' } });
  }
  if (Date.parse(campaign.startsAt) <= Date.parse(now)) {
    details.push({
      message: { 'zh-CN': `开始时间 ${campaign.startsAt} 已经过去了，请改到以后`, en: `The start ${campaign.startsAt} has already passed; move it later` },
    });
  }
  if (campaign.productIds.length > 0) {
    const marks = campaign.productIds.map(() => '?').join(', ');
    const others = await q.all<Clash>(
      `SELECT DISTINCT c.id, c.name, c.starts_at, c.ends_at FROM listings_campaigns c
         JOIN listings_campaign_products cp ON cp.campaign_id = c.id
        WHERE c.id <> ? AND c.status <> 'closed' AND cp.product_id IN (${marks}) ORDER BY c.id`,
      [campaign.id, ...campaign.productIds],
    );
    for (const other of others.filter((o) => windowsOverlap(campaign.startsAt, campaign.endsAt, o.starts_at, o.ends_at))) {
      const shared = await q.all<{ id: number; title: string }>(
        `SELECT p.id, p.title FROM listings_campaign_products cp JOIN listings_products p ON p.id = cp.product_id
          WHERE cp.campaign_id = ? AND cp.product_id IN (${marks}) ORDER BY p.id`,
        [other.id, ...campaign.productIds],
      );
      const names = shared.map((p) => `${p.title}（#${p.id}）`).join('、');
      for (const product of shared) {
        details.push({
          campaignId: other.id,
          productId: product.id,
          message: {
            'zh-CN': `和活动「${other.name}」（#${other.id}，${other.starts_at} 至 ${other.ends_at}）时间重叠，共同的商品：${names}`,
            en: `Overlaps campaign “${other.name}” (#${other.id}, ${other.starts_at} to ${other.ends_at}) on the same products: ${names}`,
          },
        });
      }
    }
  }
  return { id: 'time-window', title: { 'zh-CN': '时限检查', en: 'Time window' }, passed: details.length === 0, details };
}
