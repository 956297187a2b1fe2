// What staff call each state, on the badges in the UI and in the server's refusals alike, so a
// message never names a state differently from the screen it is about. Imports nothing: both the
// server and the browser code use it.

export type ListingState = 'draft' | 'submitted' | 'listed' | 'delisted';
export type CampaignState = 'draft' | 'prices-set' | 'checked' | 'scheduled' | 'running' | 'ended' | 'closed';

export interface StateName {
  'zh-CN': string;
  en: string;
}

export const LISTING_STATE_NAMES: Record<ListingState, StateName> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审核', en: 'Awaiting review' },
  listed: { 'zh-CN': '已上架', en: 'Listed' },
  delisted: { 'zh-CN': '已下架', en: 'Delisted' },
};

export const CAMPAIGN_STATE_NAMES: Record<CampaignState, StateName> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  'prices-set': { 'zh-CN': '已定价（待核对）', en: 'Prices set (awaiting the second check)' },
  checked: { 'zh-CN': '价格已核对', en: 'Prices checked' },
  scheduled: { 'zh-CN': '已排期', en: 'Scheduled' },
  running: { 'zh-CN': '进行中', en: 'Running' },
  ended: { 'zh-CN': '已结束', en: 'Ended' },
  closed: { 'zh-CN': '已复盘', en: 'Closed out' },
};
