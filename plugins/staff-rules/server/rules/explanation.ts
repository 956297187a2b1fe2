import { yuan } from '@workbench/plugin-api';
import type { AmountKind, Explanation, PricedAmount, RuleId } from '../model.js';

/** `12.50 元`: how every sentence and sum writes money. */
export function money(fen: number): string {
  return `${yuan(fen)} 元`;
}

/** Builds one priced amount; the rule's kind comes from the rule. */
export function priced(
  input: { staffId: number; rule: RuleId; date: string; amountFen: number },
  why: Omit<Explanation, 'rule' | 'kind' | 'flag'> & { flag?: Explanation['flag'] },
): PricedAmount {
  const kind = KIND[input.rule];
  return { ...input, kind, explanation: { rule: input.rule, kind, flag: why.flag ?? null, facts: why.facts, thresholds: why.thresholds, arithmetic: why.arithmetic, text: why.text } };
}

const KIND: Record<RuleId, AmountKind> = {
  late: 'fine', 'early-leave': 'fine', absence: 'fine', 'leave-without-need': 'fine',
  'off-task': 'fine', complaint: 'fine', cleaning: 'fine', 'contact-leak': 'fine', 'blame-shift': 'fine',
  'cs-remark': 'penalty', label: 'penalty', 'wrong-pack': 'penalty', 'defect-missed': 'penalty',
  'loss-saved': 'reward', 'best-cs': 'reward', 'refund-better': 'reward', 'review-praise': 'reward', trainer: 'reward',
};

/** The rule's name, for lists and the ledger. */
export const RULE_TITLES: Record<RuleId, { 'zh-CN': string; en: string }> = {
  late: { 'zh-CN': '迟到', en: 'Late' },
  'early-leave': { 'zh-CN': '早退', en: 'Left early' },
  absence: { 'zh-CN': '旷工', en: 'Absent' },
  'leave-without-need': { 'zh-CN': '无正当理由请假', en: 'Leave without real need' },
  'off-task': { 'zh-CN': '上班做与工作无关的事', en: 'Off-task at work' },
  complaint: { 'zh-CN': '顾客投诉', en: 'Customer complaint' },
  cleaning: { 'zh-CN': '未做值日', en: 'Skipped cleaning duty' },
  'contact-leak': { 'zh-CN': '泄露同事联系方式', en: "Leaked a colleague's contact" },
  'blame-shift': { 'zh-CN': '推卸责任', en: 'Shifted the blame' },
  'cs-remark': { 'zh-CN': '客服漏备注或说错', en: 'CS missed a remark or misspoke' },
  label: { 'zh-CN': '快递单打错', en: 'Label printed wrong' },
  'wrong-pack': { 'zh-CN': '发错尺码或颜色', en: 'Wrong size or colour packed' },
  'defect-missed': { 'zh-CN': '打包未发现瑕疵', en: 'Defect not caught at packing' },
  'loss-saved': { 'zh-CN': '为店里挽回损失', en: 'Saved the shop a loss' },
  'best-cs': { 'zh-CN': '月度最佳客服', en: 'Best CS of the month' },
  'refund-better': { 'zh-CN': '退款优于行业', en: 'Refunds better than the industry' },
  'review-praise': { 'zh-CN': '评价中被表扬', en: 'Praised in a review' },
  trainer: { 'zh-CN': '带新人奖', en: 'Trainer reward' },
};
