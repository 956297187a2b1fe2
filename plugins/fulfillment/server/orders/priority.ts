import type { FulfillmentSettings } from '../settings.js';
import { readCourierRequest } from '../shipping/courier-request.js';

export interface PriorityInput {
  task: boolean;
  shippingMethod: string;
  buyerMessage: string;
  sellerRemark: string;
  courierRequested: string | null;
  hasRemarks: boolean;
}

/**
 * The peak-day order of work: 1 task orders, 2 顺丰 / air / urgent, 3 orders with a message or
 * remark, 4 the rest (batch-approved when stock suffices). 顺丰 and the urgency words are read as
 * the courier rules read them (readCourierRequest), so 不要发顺丰 or 不用加急 is not urgent. Kept on
 * the order at every write so the work queue sorts by an index.
 */
export function priorityOf(settings: FulfillmentSettings, order: PriorityInput): 1 | 2 | 3 | 4 {
  if (order.task) return 1;
  const request = readCourierRequest(settings, order);
  const courier = order.courierRequested ?? request.wanted?.code;
  // An urgency word that names a courier (顺丰) counts only while that courier is the one asked for.
  const urgent = request.urgent && (!request.urgent.code || request.urgent.code === courier);
  if (courier === 'SF' || urgent) return 2;
  if (order.buyerMessage.trim() || order.sellerRemark.trim() || order.hasRemarks) return 3;
  return 4;
}

export const PRIORITY_NAMES = {
  1: { 'zh-CN': '任务单', en: 'Task order' },
  2: { 'zh-CN': '加急／顺丰', en: 'Urgent / SF' },
  3: { 'zh-CN': '有留言或备注', en: 'Has a message or remark' },
  4: { 'zh-CN': '普通', en: 'Regular' },
} as const;
