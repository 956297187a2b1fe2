// One name per order state, platform state and flag, shared by the server's refusals and the
// UI's badges so both always say the same thing.
/** A name in both languages of the UI. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

/** The shop's own states of an order (审单 and the warehouse), beside the platform's. */
export type OrderStatus = 'pending' | 'approved' | 'exception' | 'fraud' | 'picked' | 'verified' | 'shipped' | 'closed';
export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'approved', 'exception', 'fraud', 'picked', 'verified', 'shipped', 'closed'];

export const ORDER_STATUS_NAMES: Record<OrderStatus, Bilingual> = {
  pending: { 'zh-CN': '待审核', en: 'To review' },
  approved: { 'zh-CN': '已审核', en: 'Approved' },
  exception: { 'zh-CN': '异常', en: 'Exception' },
  fraud: { 'zh-CN': '欺诈', en: 'Fraud' },
  picked: { 'zh-CN': '已拣货', en: 'Picked' },
  verified: { 'zh-CN': '已复核', en: 'Verified' },
  shipped: { 'zh-CN': '已发货', en: 'Shipped' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};

/** The platform's state of an order, as Taobao's exports write it (see PLATFORM_STATUS_TEXTS). */
export type PlatformStatus = 'unpaid' | 'paid' | 'shipped' | 'completed' | 'closed' | 'refunding';
export const PLATFORM_STATUSES: readonly PlatformStatus[] = ['unpaid', 'paid', 'shipped', 'completed', 'closed', 'refunding'];

export const PLATFORM_STATUS_NAMES: Record<PlatformStatus, Bilingual> = {
  unpaid: { 'zh-CN': '等待买家付款', en: 'Awaiting payment' },
  paid: { 'zh-CN': '买家已付款', en: 'Paid' },
  shipped: { 'zh-CN': '卖家已发货', en: 'Shipped' },
  completed: { 'zh-CN': '交易成功', en: 'Completed' },
  closed: { 'zh-CN': '交易关闭', en: 'Closed' },
  refunding: { 'zh-CN': '退款中', en: 'Refund in progress' },
};

/** The texts Taobao's order report writes in 订单状态, mapped to the platform state. */
export const PLATFORM_STATUS_TEXTS: Record<string, PlatformStatus> = {
  等待买家付款: 'unpaid',
  '买家已付款，等待卖家发货': 'paid',
  '买家已付款,等待卖家发货': 'paid',
  买家已付款: 'paid',
  等待卖家发货: 'paid',
  '卖家已发货，等待买家确认': 'shipped',
  '卖家已发货,等待买家确认': 'shipped',
  卖家已发货: 'shipped',
  交易成功: 'completed',
  交易关闭: 'closed',
  退款中: 'refunding',
};

/** Seller flags (旗帜) as Taobao numbers them; 0 is no flag. */
export type FlagColour = 0 | 1 | 2 | 3 | 4 | 5;
export const FLAG_NAMES: Record<Exclude<FlagColour, 0>, Bilingual> = {
  1: { 'zh-CN': '红旗', en: 'Red' },
  2: { 'zh-CN': '黄旗', en: 'Yellow' },
  3: { 'zh-CN': '绿旗', en: 'Green' },
  4: { 'zh-CN': '蓝旗', en: 'Blue' },
  5: { 'zh-CN': '紫旗', en: 'Purple' },
};
/** CSS colours of the flags, for badges and printouts. */
export const FLAG_COLOURS: Record<Exclude<FlagColour, 0>, string> = { 1: '#d93025', 2: '#e3a008', 3: '#188038', 4: '#1a73e8', 5: '#8e24aa' };

/** Why an order is 异常; the review explains each in words. */
export type ExceptionCode =
  | 'unknown-sku'
  | 'unmapped-item'
  | 'incomplete-address'
  | 'needs-person'
  | 'out-of-stock'
  | 'courier-unreachable'
  | 'possible-merge'
  | 'unpaid'
  | 'payment-mismatch'
  | 'platform-closed'
  | 'refunding'
  | 'awaiting-refund'
  | 'manual';

/** 单品, 多品单区, 多品跨区: how a wave picks an order. */
export type WaveClass = 'single' | 'multi-one-zone' | 'multi-cross-zone';
export const WAVE_CLASS_NAMES: Record<WaveClass, Bilingual> = {
  single: { 'zh-CN': '单品', en: 'Single item' },
  'multi-one-zone': { 'zh-CN': '多品单区', en: 'Several items, one zone' },
  'multi-cross-zone': { 'zh-CN': '多品跨区', en: 'Several items, several zones' },
};
