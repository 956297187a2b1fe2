// The money part's records as the API sends them (server/money/fines-routes.ts, fund-routes.ts).
import type { LocalizedText } from '@workbench/ui';

export interface Explanation {
  rule: string;
  kind: 'fine' | 'penalty' | 'reward';
  facts: Record<string, string | number | boolean>;
  thresholds: Record<string, number>;
  arithmetic: string;
  text: { 'zh-CN': string; en: string };
  flag: { reason: 'complaints' | 'cs-mistakes' | 'blame-shift'; count: number; threshold: number } | null;
}

export interface AmountRecord {
  id: number;
  staffId: number;
  staff: { id: number; code: string; name: string } | null;
  month: string;
  date: string;
  kind: 'fine' | 'penalty' | 'reward';
  rule: string;
  ruleTitle: { 'zh-CN': string; en: string };
  amountFen: number;
  explanation: Explanation;
  source: 'supervisor' | 'attendance' | 'after-sales' | 'cs-scripts';
  waived: { at: string; by: number; reason: string } | null;
}

export interface StaffItem {
  id: number;
  code: string;
  name: string;
}

export const KIND_NAMES: Record<AmountRecord['kind'], LocalizedText> = {
  fine: { 'zh-CN': '罚款', en: 'Fine' },
  penalty: { 'zh-CN': '失误赔偿', en: 'Penalty' },
  reward: { 'zh-CN': '奖励', en: 'Reward' },
};

/** The conduct rules a supervisor records by hand. */
export const CONDUCT_RULES: { id: string; title: LocalizedText }[] = [
  { id: 'complaint', title: { 'zh-CN': '顾客投诉', en: 'Customer complaint' } },
  { id: 'off-task', title: { 'zh-CN': '上班做与工作无关的事', en: 'Off-task at work' } },
  { id: 'cleaning', title: { 'zh-CN': '未做值日', en: 'Skipped cleaning duty' } },
  { id: 'contact-leak', title: { 'zh-CN': '泄露同事联系方式', en: "Leaked a colleague's contact" } },
  { id: 'blame-shift', title: { 'zh-CN': '推卸责任', en: 'Shifted the blame' } },
];

/** `YYYY-MM` of a shop day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** Names of the facts and figures an explanation carries (server/rules/), for 依据. */
export const FACT_LABELS: Record<string, LocalizedText> = {
  date: { 'zh-CN': '日期', en: 'Date' },
  note: { 'zh-CN': '事实经过', en: 'What happened' },
  nth: { 'zh-CN': '第几次', en: 'Time' },
  shiftStart: { 'zh-CN': '上班时间', en: 'Shift start' },
  shiftEnd: { 'zh-CN': '下班时间', en: 'Shift end' },
  clockIn: { 'zh-CN': '上班打卡', en: 'Clocked in' },
  clockOut: { 'zh-CN': '下班打卡', en: 'Clocked out' },
  lateMinutes: { 'zh-CN': '迟到分钟', en: 'Minutes late' },
  earlyMinutes: { 'zh-CN': '早退分钟', en: 'Minutes early' },
  band: { 'zh-CN': '档位', en: 'Band' },
  graceMinutes: { 'zh-CN': '宽限分钟', en: 'Grace minutes' },
  fineOverMinutes: { 'zh-CN': '超过几分钟罚款', en: 'Fined past minutes' },
  fineFen: { 'zh-CN': '罚款金额', en: 'Fine' },
  daysPay: { 'zh-CN': '扣几天日薪', en: 'Days of pay' },
  dailyPayFen: { 'zh-CN': '日薪', en: 'Daily pay' },
  doubling: { 'zh-CN': '每次翻倍', en: 'Doubles' },
  flagAt: { 'zh-CN': '第几次提醒店长', en: 'Flag at' },
  minFen: { 'zh-CN': '最少', en: 'At least' },
  maxFen: { 'zh-CN': '最多', en: 'At most' },
  caseId: { 'zh-CN': '售后单', en: 'Case' },
  orderNo: { 'zh-CN': '订单号', en: 'Order' },
  returnShippingFen: { 'zh-CN': '退货运费', en: 'Return shipping' },
  people: { 'zh-CN': '责任人数', en: 'People' },
  equipmentFault: { 'zh-CN': '设备故障', en: 'Equipment fault' },
  nthMistakeThisMonth: { 'zh-CN': '本月第几次失误', en: 'Mistake this month' },
  nthCsMistakeThisMonth: { 'zh-CN': '本月第几次客服失误', en: 'CS mistake this month' },
  sharePercent: { 'zh-CN': '承担比例 %', en: 'Share %' },
  freeMistakesPerMonth: { 'zh-CN': '每月不罚次数', en: 'Free per month' },
  csMistakesFlagAt: { 'zh-CN': '客服失误提醒次数', en: 'CS mistakes flag at' },
  savedFen: { 'zh-CN': '挽回金额', en: 'Saved' },
  percent: { 'zh-CN': '奖励比例 %', en: 'Percent' },
  place: { 'zh-CN': '名次', en: 'Place' },
  reviews: { 'zh-CN': '表扬条数', en: 'Reviews' },
  eachFen: { 'zh-CN': '每条', en: 'Each' },
  industry: { 'zh-CN': '行业数值', en: 'Industry' },
  shop: { 'zh-CN': '本店数值', en: 'Shop' },
  rewardFen: { 'zh-CN': '奖励金额', en: 'Reward' },
};
