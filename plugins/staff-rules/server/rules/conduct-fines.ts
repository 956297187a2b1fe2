import type { PricedAmount } from '../model.js';
import { money, priced } from './explanation.js';
import type { MoneySettings } from './money-settings.js';

export type ConductRule = 'off-task' | 'complaint' | 'cleaning' | 'contact-leak' | 'blame-shift';

/** What a supervisor records: who, which rule, when, what happened in their words. */
export interface ConductInput {
  staffId: number;
  rule: ConductRule;
  date: string;
  /** What the supervisor saw or was told, shown with the amount. */
  note: string;
  /** For a leaked contact, the amount the supervisor chose within the range. */
  amountFen?: number;
  /** How many earlier records of this rule the person has in the rule's window (complaints: per `complaintWindow`). */
  earlier: number;
}

export type ConductProblem = { kind: 'amountNeeded'; min: number; max: number } | { kind: 'amountOutOfRange'; min: number; max: number; amountFen: number };

/**
 * Prices one conduct fine. Complaints double with each earlier one (30, 60, 120 元…) and the
 * complaint that reaches `complaintFlagAt` flags the person for the owner; shifting the blame costs
 * nothing by itself and flags at `blameShiftFlagAt`.
 *
 * @example priceConduct({ staffId: 3, rule: 'complaint', date: '2026-11-03', note: '…', earlier: 1 }, s) // 60.00 元
 */
export function priceConduct(input: ConductInput, s: MoneySettings): { amount: PricedAmount } | { problem: ConductProblem } {
  const nth = input.earlier + 1;
  const base = { staffId: input.staffId, rule: input.rule, date: input.date };
  const facts = { date: input.date, note: input.note, nth };
  switch (input.rule) {
    case 'off-task':
    case 'cleaning': {
      const fen = input.rule === 'off-task' ? s.offTaskFineFen : s.cleaningFineFen;
      const what = input.rule === 'off-task' ? { 'zh-CN': '上班时间做与工作无关的事', en: 'off-task during work' } : { 'zh-CN': '轮到值日没有打扫', en: 'skipped cleaning duty on their day' };
      return { amount: priced({ ...base, amountFen: fen }, {
        facts, thresholds: { fineFen: fen }, arithmetic: `1 × ${money(fen)} = ${money(fen)}`,
        text: { 'zh-CN': `${input.date} ${what['zh-CN']}（${input.note}）：每次罚 ${money(fen)}。`, en: `${input.date}: ${what.en} (${input.note}): ${money(fen)} each time.` },
      }) };
    }
    case 'contact-leak': {
      const min = s.contactLeakMinFen;
      const max = s.contactLeakMaxFen;
      if (input.amountFen === undefined) return { problem: { kind: 'amountNeeded', min, max } };
      if (input.amountFen < min || input.amountFen > max) return { problem: { kind: 'amountOutOfRange', min, max, amountFen: input.amountFen } };
      const fen = input.amountFen;
      return { amount: priced({ ...base, amountFen: fen }, {
        facts, thresholds: { minFen: min, maxFen: max }, arithmetic: `${money(min)} ≤ ${money(fen)} ≤ ${money(max)}`,
        text: {
          'zh-CN': `${input.date} 把同事的联系方式告诉了别人（${input.note}）：按情节在 ${money(min)}–${money(max)} 之间定为 ${money(fen)}。`,
          en: `${input.date}: passed a colleague's contact on (${input.note}): set at ${money(fen)}, within ${money(min)}–${money(max)} by how serious it was.`,
        },
      }) };
    }
    case 'complaint': {
      const times = s.complaintDoubling ? 2 ** input.earlier : 1;
      const fen = s.complaintFineFen * times;
      const flagged = nth >= s.complaintFlagAt;
      const window = s.complaintWindow === 'month' ? { 'zh-CN': '本月', en: 'this month' } : { 'zh-CN': '累计', en: 'in all' };
      const sum = s.complaintDoubling ? `${money(s.complaintFineFen)} × 2^${input.earlier} = ${money(fen)}` : `1 × ${money(fen)} = ${money(fen)}`;
      const flagText = flagged
        ? { 'zh-CN': `已达 ${s.complaintFlagAt} 次，标记为自动离职，由店长决定。`, en: `That reaches ${s.complaintFlagAt}: flagged for the owner to decide on the person staying.` }
        : { 'zh-CN': '', en: '' };
      return { amount: priced({ ...base, amountFen: fen }, {
        facts, thresholds: { fineFen: s.complaintFineFen, doubling: s.complaintDoubling ? 1 : 0, flagAt: s.complaintFlagAt },
        arithmetic: sum,
        flag: flagged ? { reason: 'complaints', count: nth, threshold: s.complaintFlagAt } : null,
        text: {
          'zh-CN': `${input.date} 因服务被顾客投诉（${input.note}），这是${window['zh-CN']}第 ${nth} 次：${s.complaintDoubling ? '每次翻倍，' : ''}${sum}。${flagText['zh-CN']}`,
          en: `${input.date}: a customer complained about the service (${input.note}), complaint ${nth} ${window.en}: ${s.complaintDoubling ? 'doubling each time, ' : ''}${sum}.${flagText.en ? ` ${flagText.en}` : ''}`,
        },
      }) };
    }
    case 'blame-shift': {
      const flagged = nth >= s.blameShiftFlagAt;
      return { amount: priced({ ...base, amountFen: 0 }, {
        facts, thresholds: { flagAt: s.blameShiftFlagAt }, arithmetic: `${nth} / ${s.blameShiftFlagAt}`,
        flag: flagged ? { reason: 'blame-shift', count: nth, threshold: s.blameShiftFlagAt } : null,
        text: flagged
          ? { 'zh-CN': `${input.date} 推卸责任（${input.note}），第 ${nth} 次，已达 ${s.blameShiftFlagAt} 次：标记为自动离职，由店长决定。不罚款。`, en: `${input.date}: shifted the blame (${input.note}), time ${nth}, which reaches ${s.blameShiftFlagAt}: flagged for the owner to decide on the person staying. No fine.` }
          : { 'zh-CN': `${input.date} 推卸责任（${input.note}），第 ${nth} 次；满 ${s.blameShiftFlagAt} 次标记为自动离职。不罚款。`, en: `${input.date}: shifted the blame (${input.note}), time ${nth}; at ${s.blameShiftFlagAt} the owner is asked to decide on the person staying. No fine.` },
      }) };
    }
  }
}
