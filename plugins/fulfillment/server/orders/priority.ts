import type { FulfillmentSettings } from '../settings.js';

export interface PriorityInput {
  task: boolean;
  shippingMethod: string;
  buyerMessage: string;
  sellerRemark: string;
  courierRequested: string | null;
  hasRemarks: boolean;
}

/**
 * The peak-day order of work (DOMAIN.md §3): 1 task orders, 2 same-day 顺丰 / air / urgent,
 * 3 orders with a message or remark, 4 the rest (batch-approved when stock suffices). Kept on
 * the order at every write so the work queue sorts by an index.
 */
export function priorityOf(settings: FulfillmentSettings, order: PriorityInput): 1 | 2 | 3 | 4 {
  if (order.task) return 1;
  const text = `${order.shippingMethod} ${order.buyerMessage} ${order.sellerRemark}`;
  if (order.courierRequested === 'SF' || settings.priority.expressWords.some((w) => text.includes(w))) return 2;
  if (order.buyerMessage.trim() || order.sellerRemark.trim() || order.hasRemarks) return 3;
  return 4;
}

export const PRIORITY_NAMES = {
  1: { 'zh-CN': '任务单', en: 'Task order' },
  2: { 'zh-CN': '加急／顺丰', en: 'Urgent / SF' },
  3: { 'zh-CN': '有留言或备注', en: 'Has a message or remark' },
  4: { 'zh-CN': '普通', en: 'Regular' },
} as const;
