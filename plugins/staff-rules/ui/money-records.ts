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
  source: 'supervisor' | 'attendance' | 'after-sales';
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
