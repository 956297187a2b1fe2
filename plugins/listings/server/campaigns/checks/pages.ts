import type { Queryable } from '@workbench/plugin-api';
import { LISTING_STATE_NAMES, type ListingState } from '../../../shared/state-names.js';
import type { Campaign, CampaignCheck, CheckDetail } from '../campaign-types.js';

interface PageRow {
  id: number;
  title: string;
  status: ListingState;
  scheduled_list_at: string | null;
  scheduled_delist_at: string | null;
  reviewed_at: string | null;
}

/**
 * 页面检查: every product is 已上架, or is set to list by the start; and none is set to delist
 * before the campaign ends, which would take the page away mid-campaign.
 */
export async function pagesCheck(q: Queryable, campaign: Campaign): Promise<CampaignCheck> {
  const details: CheckDetail[] = [];
  if (campaign.productIds.length === 0) {
    details.push({ message: { 'zh-CN': '活动还没有选商品', en: 'The campaign has no products yet' } });
  }
  const start = Date.parse(campaign.startsAt);
  for (const productId of campaign.productIds) {
    const p = await q.get<PageRow>('SELECT id, title, status, scheduled_list_at, scheduled_delist_at, reviewed_at FROM listings_products WHERE id = ?', [productId]);
    if (!p) continue;
    // A 上架 time only takes effect once the listing is approved (still 待审核, with a review).
    const approved = p.status === 'submitted' && p.reviewed_at !== null;
    const listsInTime = approved && p.scheduled_list_at !== null && Date.parse(p.scheduled_list_at) <= start;
    if (p.status !== 'listed' && !listsInTime) {
      const late = p.scheduled_list_at !== null && Date.parse(p.scheduled_list_at) > start;
      const when = !approved && p.scheduled_list_at ? '定时上架还要等审核通过' : late ? `定时上架在 ${p.scheduled_list_at}，晚于活动开始` : '也没有定时在活动开始前上架';
      const whenEn = !approved && p.scheduled_list_at ? 'its scheduled listing still awaits approval' : late ? `set to list at ${p.scheduled_list_at}, after the start` : 'not set to list before the start';
      details.push({
        productId: p.id,
        message: {
          'zh-CN': `「${p.title}」（#${p.id}）现在是“${LISTING_STATE_NAMES[p.status]['zh-CN']}”，${when}`,
          en: `“${p.title}” (#${p.id}) is “${LISTING_STATE_NAMES[p.status].en}” and ${whenEn}`,
        },
      });
    }
    if (p.scheduled_delist_at !== null && Date.parse(p.scheduled_delist_at) < Date.parse(campaign.endsAt)) {
      details.push({
        productId: p.id,
        message: {
          'zh-CN': `「${p.title}」（#${p.id}）定时在 ${p.scheduled_delist_at} 下架，活动还没结束`,
          en: `“${p.title}” (#${p.id}) is set to delist at ${p.scheduled_delist_at}, before the campaign ends`,
        },
      });
    }
  }
  return { id: 'pages', title: { 'zh-CN': '页面检查', en: 'Pages' }, passed: details.length === 0, details };
}
