// Why a row of a report was refused, in words a clerk can act on: what is wrong, what to do.
import { moneyCellReason, type LocalizedText } from '@workbench/plugin-api';

/** A refused row: `row` as Excel numbers it (the header is row 1), `column` as the header names it. */
export interface Rejection {
  file: string;
  row: number;
  column: string;
  reason: LocalizedText;
}

export const REASONS = {
  missingColumn: (column: string, report: string): LocalizedText => ({
    'zh-CN': `${report}的表头里没有“${column}”这一列：请从卖家中心重新导出，不要删改表头`,
    en: `The ${report === '订单报表' ? 'order report' : 'item report'} has no “${column}” column in its header; export it again from the seller centre without editing the header`,
  }),
  empty: (column: string): LocalizedText => ({ 'zh-CN': `${column}是空的`, en: `${column} is empty` }),
  orderNo: (value: string): LocalizedText => ({
    'zh-CN': `订单编号“${value}”不对：淘宝订单编号是一串数字`,
    en: `The order number “${value}” is wrong: Taobao order numbers are digits`,
  }),
  repeatedOrder: (orderNo: string, first: number): LocalizedText => ({
    'zh-CN': `订单 ${orderNo} 在第 ${first} 行已经出现过：同一订单只能有一行，请删掉重复的行`,
    en: `Order ${orderNo} already appears in row ${first}; an order has one row only — delete the repeated row`,
  }),
  status: (value: string, known: string[]): LocalizedText => ({
    'zh-CN': `不认识订单状态“${value}”，应是：${known.join('、')}`,
    en: `Unknown order state “${value}”; expected one of: ${known.join(', ')}`,
  }),
  time: (column: string, value: string): LocalizedText => ({
    'zh-CN': `${column}“${value}”不是时间，应写成 2019-03-12 10:48:00`,
    en: `${column} “${value}” is not a time; write it like 2019-03-12 10:48:00`,
  }),
  tooLong: (column: string, max: number): LocalizedText => ({ 'zh-CN': `${column}太长了（最多 ${max} 个字）`, en: `${column} is too long (at most ${max} characters)` }),
  money: moneyCellReason,
  quantity: (value: string): LocalizedText => ({ 'zh-CN': `购买数量“${value}”要是大于 0 的整数`, en: `The quantity “${value}” must be a whole number above 0` }),
  repeatedLine: (orderNo: string, key: string, first: number): LocalizedText => ({
    'zh-CN': `订单 ${orderNo} 的宝贝行“${key}”在第 ${first} 行已经出现过，请删掉重复的行`,
    en: `Order ${orderNo}'s item line “${key}” already appears in row ${first}; delete the repeated row`,
  }),
  itemWithoutOrder: (orderNo: string): LocalizedText => ({
    'zh-CN': `订单报表里没有订单 ${orderNo}：两个报表要一起从卖家中心导出（同一时间段）`,
    en: `Order ${orderNo} is not in the order report; export both reports together (same period) from the seller centre`,
  }),
  orderWithoutItems: (orderNo: string): LocalizedText => ({
    'zh-CN': `宝贝报表里没有订单 ${orderNo} 的宝贝：两个报表要一起从卖家中心导出（同一时间段）`,
    en: `The item report has no items of order ${orderNo}; export both reports together (same period) from the seller centre`,
  }),
  lineFixed: (orderNo: string, status: string): LocalizedText => ({
    'zh-CN': `订单 ${orderNo} 已是「${status}」，导入不能再改它的商家编码或数量（也不能加宝贝）：请先把订单退回待审核，或另开一单`,
    en: `Order ${orderNo} is "${status}"; an import can no longer change its SKU codes or quantities (nor add items) — send it back to review first, or enter a new order`,
  }),
} as const;
