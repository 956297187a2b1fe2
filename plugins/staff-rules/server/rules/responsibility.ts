import type { MistakeKind, PricedAmount } from '../model.js';
import { money, priced } from './explanation.js';
import type { MoneySettings } from './money-settings.js';

/** A closed after-sales case whose return was someone's mistake, with its people resolved. */
export interface CaseInput {
  caseId: string;
  orderNo: string;
  mistake: MistakeKind;
  equipmentFault: boolean;
  returnShippingFen: number;
  date: string;
  /** In the order the case names them: the remainder 分 of an uneven split goes to the first ones. */
  people: { staffId: number }[];
}

/** Earlier counted mistakes of one person in the case's month. */
export interface MistakesSoFar {
  all: number;
  cs: number;
}

const SHARE: Record<MistakeKind, keyof MoneySettings> = {
  'cs-remark': 'csRemarkSharePercent',
  label: 'labelSharePercent',
  'wrong-pack': 'wrongPackSharePercent',
  'defect-missed': 'defectMissedSharePercent',
};

const WHAT: Record<MistakeKind, { 'zh-CN': string; en: string }> = {
  'cs-remark': { 'zh-CN': '客服漏备注或说错话', en: 'CS missed a remark or misspoke' },
  label: { 'zh-CN': '快递单打错', en: 'the label was printed wrong' },
  'wrong-pack': { 'zh-CN': '发错尺码或颜色', en: 'the wrong size or colour was packed' },
  'defect-missed': { 'zh-CN': '打包时没发现瑕疵', en: 'a defect was not caught at packing' },
};

/**
 * Each responsible person's share of a case's return shipping. The rule's percentage of the
 * shipping is rounded half up to the 分, then split equally; what cannot be split goes 1 分 each to
 * the first people named. Each person's first `freeMistakesPerMonth` mistakes in a month cost
 * nothing; a misprint from faulty equipment is no one's mistake and is not counted.
 *
 * @example priceCase({ …, mistake: 'wrong-pack', returnShippingFen: 1001, people: [{ staffId: 3 }, { staffId: 4 }] }, counts, s)
 */
export function priceCase(c: CaseInput, soFar: (staffId: number) => MistakesSoFar, s: MoneySettings): (PricedAmount & { counted: boolean })[] {
  const percent = s[SHARE[c.mistake]] as number;
  const exact = (c.returnShippingFen * percent) / 100;
  const total = Math.floor(exact + 0.5);
  const n = c.people.length;
  const each = Math.floor(total / n);
  const remainder = total - each * n;
  const what = WHAT[c.mistake];
  const caseFacts = { caseId: c.caseId, orderNo: c.orderNo, returnShippingFen: c.returnShippingFen, people: n };
  return c.people.map(({ staffId }, i) => {
    const base = { staffId, rule: c.mistake, date: c.date };
    if (c.mistake === 'label' && c.equipmentFault) {
      return { ...priced({ ...base, amountFen: 0 }, {
        facts: { ...caseFacts, equipmentFault: true }, thresholds: { sharePercent: percent }, arithmetic: `${money(0)}`,
        text: { 'zh-CN': `售后单 ${c.caseId}（订单 ${c.orderNo}）：快递单打错是设备故障造成的，不算个人失误，不承担运费。`, en: `Case ${c.caseId} (order ${c.orderNo}): the label was misprinted by faulty equipment, which is no one's mistake: nothing to pay.` },
      }), counted: false };
    }
    const share = each + (i < remainder ? 1 : 0);
    const mistakes = soFar(staffId);
    const nth = mistakes.all + 1;
    const free = nth <= s.freeMistakesPerMonth;
    const fen = free ? 0 : share;
    const csNth = mistakes.cs + 1;
    const flagged = c.mistake === 'cs-remark' && csNth >= s.csMistakesFlagAt;
    const split = n === 1
      ? { sum: `${money(c.returnShippingFen)} × ${percent}% = ${money(total)}`, zh: '', en: '' }
      : {
          sum: `${money(c.returnShippingFen)} × ${percent}% = ${money(total)}; ${total} 分 ÷ ${n} = ${each} 分${i < remainder ? ' + 1 分' : ''} → ${money(share)}`,
          zh: `，${n} 人平分，每人 ${each} 分${remainder ? `，除不尽的 ${remainder} 分由名单前 ${remainder} 人各多担 1 分` : ''}`,
          en: `, shared equally by ${n}: ${each} 分 each${remainder ? `, and the ${remainder} 分 that does not divide go 1 分 each to the first ${remainder} named` : ''}`,
        };
    const rounding = exact !== total ? { zh: `（${exact} 分四舍五入为 ${total} 分）`, en: ` (${exact} 分 rounded to ${total} 分)` } : { zh: '', en: '' };
    const freeText = free
      ? { 'zh-CN': `这是本月第 ${nth} 次失误，前 ${s.freeMistakesPerMonth} 次不罚：本次 ${money(0)}（否则 ${money(share)}）。`, en: `This is mistake ${nth} this month; the first ${s.freeMistakesPerMonth} are free: ${money(0)} this time (else ${money(share)}).` }
      : { 'zh-CN': `这是本月第 ${nth} 次失误，超过 ${s.freeMistakesPerMonth} 次：承担 ${money(share)}。`, en: `This is mistake ${nth} this month, beyond the ${s.freeMistakesPerMonth} free ones: ${money(share)} to pay.` };
    const flagText = flagged
      ? { 'zh-CN': `本月客服失误已达 ${csNth} 次（${s.csMistakesFlagAt} 次为限）：标记为自动离职，由店长决定。`, en: `CS mistakes this month: ${csNth} (limit ${s.csMistakesFlagAt}): flagged for the owner to decide on the person staying.` }
      : { 'zh-CN': '', en: '' };
    return { ...priced({ ...base, amountFen: fen }, {
      facts: { ...caseFacts, nthMistakeThisMonth: nth, ...(c.mistake === 'cs-remark' ? { nthCsMistakeThisMonth: csNth } : {}) },
      thresholds: { sharePercent: percent, freeMistakesPerMonth: s.freeMistakesPerMonth, ...(c.mistake === 'cs-remark' ? { csMistakesFlagAt: s.csMistakesFlagAt } : {}) },
      arithmetic: free ? `${split.sum}; ${nth} ≤ ${s.freeMistakesPerMonth} → ${money(0)}` : split.sum,
      flag: flagged ? { reason: 'cs-mistakes', count: csNth, threshold: s.csMistakesFlagAt } : null,
      text: {
        'zh-CN': `售后单 ${c.caseId}（订单 ${c.orderNo}）：${what['zh-CN']}，退货运费 ${money(c.returnShippingFen)}，按 ${percent}% 承担 ${money(total)}${rounding.zh}${split.zh}。${freeText['zh-CN']}${flagText['zh-CN']}`,
        en: `Case ${c.caseId} (order ${c.orderNo}): ${what.en}; return shipping ${money(c.returnShippingFen)}, ${percent}% of it is ${money(total)}${rounding.en}${split.en}. ${freeText.en}${flagText.en ? ` ${flagText.en}` : ''}`,
      },
    }), counted: true };
  });
}
