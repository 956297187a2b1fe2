import type { PricedAmount } from '../model.js';
import { money, priced } from './explanation.js';
import type { MoneySettings } from './money-settings.js';

/** A reward as entered (or from an event): which, for whom, and the facts it rests on. */
export type RewardInput = { staffId: number; date: string; note: string } & (
  | { rule: 'loss-saved'; savedFen: number }
  /** `kpis`: placed by cs-scripts' month close (sales first); otherwise a supervisor's judgement of satisfaction. */
  | { rule: 'best-cs'; place: number; rankedBy?: 'satisfaction' | 'kpis' }
  | { rule: 'refund-better'; measure: 'hours'; shopHours: number }
  | { rule: 'refund-better'; measure: 'rate'; shopRatePercent: number }
  | { rule: 'review-praise'; reviews: number }
  | { rule: 'trainer'; place: number }
);

export type RewardProblem =
  | { kind: 'noSuchPlace'; places: number }
  | { kind: 'notBetter'; shop: number; industry: number; measure: 'hours' | 'rate' };

/**
 * Prices one reward. Places count from 1 (best CS 50 / 20 元, trainers 150 / 100 / 50 元); a
 * refund reward needs the shop's figure to beat the industry's (fewer hours, or a lower rate).
 *
 * @example priceReward({ staffId: 3, date: '2026-11-30', note: '', rule: 'loss-saved', savedFen: 123456 }, s) // 123.46 元
 */
export function priceReward(input: RewardInput, s: MoneySettings): { amount: PricedAmount } | { problem: RewardProblem } {
  const base = { staffId: input.staffId, rule: input.rule, date: input.date };
  const note = input.note ? `（${input.note}）` : '';
  const noteEn = input.note ? ` (${input.note})` : '';
  switch (input.rule) {
    case 'loss-saved': {
      const exact = (input.savedFen * s.lossSavedPercent) / 100;
      const fen = Math.floor(exact + 0.5);
      const sum = `${money(input.savedFen)} × ${s.lossSavedPercent}% = ${money(fen)}`;
      return { amount: priced({ ...base, amountFen: fen }, {
        facts: { date: input.date, note: input.note, savedFen: input.savedFen }, thresholds: { percent: s.lossSavedPercent }, arithmetic: sum,
        text: { 'zh-CN': `${input.date} 为店里挽回损失 ${money(input.savedFen)}${note}：奖励 ${s.lossSavedPercent}%，${sum}${exact !== fen ? `（四舍五入到分）` : ''}。`, en: `${input.date}: saved the shop ${money(input.savedFen)}${noteEn}: ${s.lossSavedPercent}% of it, ${sum}${exact !== fen ? ' (rounded to the 分)' : ''}.` },
      }) };
    }
    case 'best-cs':
    case 'trainer': {
      const list = input.rule === 'best-cs' ? s.bestCsFen : s.trainerFen;
      const fen = list[input.place - 1];
      if (fen === undefined || !Number.isInteger(input.place) || input.place < 1) return { problem: { kind: 'noSuchPlace', places: list.length } };
      const what = input.rule === 'best-cs'
        ? (input.rankedBy === 'kpis'
          ? { 'zh-CN': `本月客服考核第 ${input.place} 名（按营业额，其次询单转化率、响应快慢）`, en: `CS of the month, place ${input.place} by the CS KPIs (sales, then conversion, then response time)` }
          : { 'zh-CN': `本月客服满意度第 ${input.place} 名`, en: `CS of the month, place ${input.place} by customer satisfaction` })
        : { 'zh-CN': `带的新人上手速度第 ${input.place} 名`, en: `trainer whose trainee ramped up fastest, place ${input.place}` };
      return { amount: priced({ ...base, amountFen: fen }, {
        facts: { date: input.date, note: input.note, place: input.place }, thresholds: { places: list.length, ...Object.fromEntries(list.map((f, i) => [`place${i + 1}Fen`, f])) },
        arithmetic: `${input.place} → ${money(fen)}`,
        text: { 'zh-CN': `${input.date} ${what['zh-CN']}${note}：${list.map(money).join(' / ')} 中的第 ${input.place} 档，${money(fen)}。`, en: `${input.date}: ${what.en}${noteEn}: tier ${input.place} of ${list.map(money).join(' / ')}, ${money(fen)}.` },
      }) };
    }
    case 'refund-better': {
      const hours = input.measure === 'hours';
      const shop = hours ? input.shopHours : input.shopRatePercent;
      const industry = hours ? s.industryRefundHours : s.industryRefundRatePercent;
      if (!(shop < industry)) return { problem: { kind: 'notBetter', shop, industry, measure: input.measure } };
      const fen = s.refundBetterFen;
      const fact = hours
        ? { 'zh-CN': `本月平均退款用时 ${shop} 小时，行业 ${industry} 小时`, en: `refunds took ${shop} hours on average this month, the industry ${industry}` }
        : { 'zh-CN': `本月退款率 ${shop}%，行业 ${industry}%`, en: `the refund rate this month was ${shop}%, the industry's ${industry}%` };
      return { amount: priced({ ...base, amountFen: fen }, {
        facts: { date: input.date, note: input.note, measure: input.measure, shop }, thresholds: { industry, rewardFen: fen },
        arithmetic: `${shop} < ${industry} → ${money(fen)}`,
        text: { 'zh-CN': `${input.date} ${fact['zh-CN']}，优于行业${note}：奖励售后 ${money(fen)}。`, en: `${input.date}: ${fact.en}, better than the industry${noteEn}: ${money(fen)} to after-sales.` },
      }) };
    }
    case 'review-praise': {
      const fen = input.reviews * s.reviewPraiseFen;
      const sum = `${input.reviews} × ${money(s.reviewPraiseFen)} = ${money(fen)}`;
      return { amount: priced({ ...base, amountFen: fen }, {
        facts: { date: input.date, note: input.note, reviews: input.reviews }, thresholds: { eachFen: s.reviewPraiseFen }, arithmetic: sum,
        text: { 'zh-CN': `${input.date} 在 ${input.reviews} 条评价中被买家点名表扬${note}：每条 ${money(s.reviewPraiseFen)}，${sum}。`, en: `${input.date}: praised by name in ${input.reviews} review${input.reviews === 1 ? '' : 's'}${noteEn}: ${money(s.reviewPraiseFen)} each, ${sum}.` },
      }) };
    }
  }
}
