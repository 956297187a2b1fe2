// The rules engine's arithmetic and explanations, with no host: every figure from the settings.
import { describe, expect, test } from 'vitest';
import { DEFAULT_ATTENDANCE_RULES } from '../server/attendance/attendance-rules.js';
import { latenessBand } from '../server/attendance/classify-day.js';
import type { DayFacts, PricedAmount } from '../server/model.js';
import { priceAttendance } from '../server/rules/attendance-pricing.js';
import { priceConduct, type ConductInput } from '../server/rules/conduct-fines.js';
import { MONEY_DEFAULTS, moneySettings, type MoneySettings } from '../server/rules/money-settings.js';
import { priceCase, type CaseInput } from '../server/rules/responsibility.js';
import { priceReward } from '../server/rules/rewards.js';

const s = (change: Partial<MoneySettings> = {}): MoneySettings => ({ ...MONEY_DEFAULTS, ...change });
const person = { id: 3, code: '3' };

function day(date: string, change: Partial<DayFacts>): DayFacts {
  return {
    staffId: 3, date, status: 'on-time', lateBand: 'none', lateFineable: false, earlyBand: 'none', earlyFineable: false, corrections: [], clockIn: `${date}T08:30:00.000+08:00`, clockOut: `${date}T17:30:00.000+08:00`, lateMinutes: 0, earlyMinutes: 0, leave: null,
    shift: { staffId: 3, date, templateId: 1, startsAt: `${date}T08:30:00.000+08:00`, endsAt: `${date}T17:30:00.000+08:00` },
    ...change,
  };
}
// Banded as attendance bands them with its default figures (grace 5, fined over 15).
const band = (minutes: number) => latenessBand(minutes, DEFAULT_ATTENDANCE_RULES);
const late = (date: string, minutes: number) => day(date, { status: 'late', lateMinutes: minutes, lateBand: band(minutes), lateFineable: band(minutes) === 'over', clockIn: `${date}T08:${30 + minutes}:00.000+08:00` });
const sums = (list: PricedAmount[]) => list.map((a) => [a.rule, a.date, a.amountFen]);

describe('attendance', () => {
  const month = [
    late('2026-11-02', 4), late('2026-11-03', 6), late('2026-11-04', 16),
    day('2026-11-05', { status: 'early-leave', earlyMinutes: 20, earlyBand: 'over', earlyFineable: true, clockOut: '2026-11-05T17:10:00.000+08:00' }),
    day('2026-11-06', { status: 'absent', clockIn: null, clockOut: null }),
    day('2026-11-07', { status: 'leave', clockIn: null, clockOut: null, leave: { id: 9, kind: '事假', unpaid: true, withoutNeed: true } }),
    day('2026-11-08', { status: 'leave', clockIn: null, clockOut: null, leave: { id: 10, kind: '病假', unpaid: true, withoutNeed: false } }),
    day('2026-11-09', { status: 'on-time' }),
    day('2026-11-09', { staffId: 4, status: 'absent' }),
  ];

  test('lates up to 15 minutes count but cost nothing; beyond, 5 元; early leave mirrors; absence 3 and needless leave 2 days of pay', () => {
    const priced = priceAttendance(month, person, s(), DEFAULT_ATTENDANCE_RULES);
    expect(sums(priced)).toEqual([
      ['late', '2026-11-02', 0], ['late', '2026-11-03', 0], ['late', '2026-11-04', 500],
      ['early-leave', '2026-11-05', 500], ['absence', '2026-11-06', 45000], ['leave-without-need', '2026-11-07', 30000],
    ]);
    const [four, , sixteen, early, absent, leave] = priced;
    expect(four!.explanation.text['zh-CN']).toBe('2026-11-02 08:30 上班，08:34 打卡，迟到 4 分钟：在 5 分钟宽限内，记一次迟到，不罚款。');
    expect(priced[1]!.explanation.text.en).toBe('2026-11-03: shift started 08:30, clocked in 08:36, 6 minutes late: counted as late, not more than 15 minutes, so no fine.');
    expect(sixteen!.explanation).toMatchObject({
      kind: 'fine', facts: { shiftStart: '08:30', clockIn: '08:46', lateMinutes: 16, band: 'over' }, thresholds: { graceMinutes: 5, fineOverMinutes: 15, fineFen: 500 }, arithmetic: '1 × 5.00 元 = 5.00 元',
    });
    expect(sixteen!.explanation.text.en).toBe('2026-11-04: shift started 08:30, clocked in 08:46, 16 minutes late, more than 15: fined 5.00 元.');
    expect(early!.explanation.text['zh-CN']).toContain('17:10 打卡离开，早退 20 分钟');
    expect(absent!.explanation.arithmetic).toBe('3 × 150.00 元 = 450.00 元');
    expect(absent!.explanation.text['zh-CN']).toContain('默认日薪');
    expect(leave!.explanation.text.en).toContain('2 days of default daily pay, 2 × 150.00 元 = 300.00 元');
  });

  test('every attendance figure is a setting, and a person may have their own daily pay', () => {
    const changed = priceAttendance(month, person, s({
      lateFineFen: 1000, earlyLeaveFineFen: 800, absenceDaysPay: 1, leaveWithoutNeedDaysPay: 1, dailyPayByStaff: [{ code: '3', fen: 20000 }],
    }), DEFAULT_ATTENDANCE_RULES);
    expect(sums(changed)).toEqual([
      ['late', '2026-11-02', 0], ['late', '2026-11-03', 0], ['late', '2026-11-04', 1000],
      ['early-leave', '2026-11-05', 800], ['absence', '2026-11-06', 20000], ['leave-without-need', '2026-11-07', 20000],
    ]);
    expect(changed[4]!.explanation.text['zh-CN']).toContain('本人日薪');
    expect(priceAttendance(month, person, s({ defaultDailyPayFen: 10000 }), DEFAULT_ATTENDANCE_RULES)[4]!.amountFen).toBe(30000);
  });
});

describe('conduct fines', () => {
  const complaint = (earlier: number, change: Partial<MoneySettings> = {}) => {
    const r = priceConduct({ staffId: 3, rule: 'complaint', date: '2026-11-03', note: '买家说态度差', earlier }, s(change));
    if (!('amount' in r)) throw new Error('expected an amount');
    return r.amount;
  };

  test('complaints double, and the third flags the person for the owner without dismissing anyone', () => {
    expect([0, 1, 2].map((n) => complaint(n).amountFen)).toEqual([3000, 6000, 12000]);
    expect(complaint(1).explanation.flag).toBeNull();
    expect(complaint(2).explanation.flag).toEqual({ reason: 'complaints', count: 3, threshold: 3 });
    expect(complaint(2).explanation.text['zh-CN']).toBe('2026-11-03 因服务被顾客投诉（买家说态度差），这是累计第 3 次：每次翻倍，30.00 元 × 2^2 = 120.00 元。已达 3 次，标记为自动离职，由店长决定。');
  });

  test('the 50 元 variant without doubling, flagged later, is a settings change', () => {
    const change = { complaintFineFen: 5000, complaintDoubling: false, complaintFlagAt: 4, complaintWindow: 'month' as const };
    expect(complaint(2, change).amountFen).toBe(5000);
    expect(complaint(2, change).explanation.flag).toBeNull();
    expect(complaint(2, change).explanation.text['zh-CN']).toContain('本月第 3 次');
  });

  test('off-task and cleaning are flat; a leaked contact is priced by the supervisor inside the range', () => {
    const one = (input: Partial<ConductInput>, change: Partial<MoneySettings> = {}) => priceConduct({ staffId: 3, rule: 'off-task', date: '2026-11-03', note: '看视频', earlier: 0, ...input }, s(change));
    expect(one({})).toMatchObject({ amount: { amountFen: 1000, kind: 'fine' } });
    expect(one({}, { offTaskFineFen: 2000 })).toMatchObject({ amount: { amountFen: 2000 } });
    expect(one({ rule: 'cleaning' }, { cleaningFineFen: 1500 })).toMatchObject({ amount: { amountFen: 1500 } });
    expect(one({ rule: 'contact-leak' })).toEqual({ problem: { kind: 'amountNeeded', min: 1000, max: 5000 } });
    expect(one({ rule: 'contact-leak', amountFen: 6000 })).toEqual({ problem: { kind: 'amountOutOfRange', min: 1000, max: 5000, amountFen: 6000 } });
    expect(one({ rule: 'contact-leak', amountFen: 6000 }, { contactLeakMaxFen: 8000 })).toMatchObject({ amount: { amountFen: 6000 } });
  });

  test('shifting the blame costs nothing and flags at the third time', () => {
    const r = (earlier: number, flagAt = 3) => priceConduct({ staffId: 3, rule: 'blame-shift', date: '2026-11-03', note: '说是仓库的错', earlier }, s({ blameShiftFlagAt: flagAt }));
    expect(r(1)).toMatchObject({ amount: { amountFen: 0, explanation: { flag: null } } });
    expect(r(2)).toMatchObject({ amount: { amountFen: 0, explanation: { flag: { reason: 'blame-shift', count: 3 } } } });
    expect(r(2, 4)).toMatchObject({ amount: { explanation: { flag: null } } });
  });
});

describe('responsibility penalties', () => {
  const base: CaseInput = { caseId: 'AS-17', orderNo: '3390001', mistake: 'wrong-pack', equipmentFault: false, returnShippingFen: 2400, date: '2026-11-12', people: [{ staffId: 3 }] };
  const after = (all: number, cs = 0) => () => ({ all, cs });

  test('the first three mistakes of a month are free, the fourth pays its share', () => {
    const free = priceCase(base, after(2), s());
    expect(free[0]).toMatchObject({ amountFen: 0, counted: true, kind: 'penalty' });
    expect(free[0]!.explanation.text['zh-CN']).toContain('这是本月第 3 次失误，前 3 次不罚：本次 0.00 元（否则 12.00 元）');
    expect(priceCase(base, after(3), s())[0]).toMatchObject({ amountFen: 1200 });
    expect(priceCase(base, after(2), s({ freeMistakesPerMonth: 2 }))[0]).toMatchObject({ amountFen: 1200 });
  });

  test('each kind has its share of the return shipping', () => {
    const share = (mistake: CaseInput['mistake'], change: Partial<MoneySettings> = {}) => priceCase({ ...base, mistake }, after(5), s(change))[0]!.amountFen;
    expect([share('cs-remark'), share('label'), share('wrong-pack'), share('defect-missed')]).toEqual([1200, 1200, 1200, 240]);
    expect(share('defect-missed', { defectMissedSharePercent: 20 })).toBe(480);
    expect(share('label', { labelSharePercent: 30 })).toBe(720);
  });

  test('several people share equally; the 分 that do not divide go to the first named, and the sentence says so', () => {
    const three = priceCase({ ...base, returnShippingFen: 1001, people: [{ staffId: 3 }, { staffId: 4 }, { staffId: 5 }] }, after(5), s());
    expect(three.map((a) => a.amountFen)).toEqual([167, 167, 167]);
    expect(three[0]!.explanation.arithmetic).toBe('10.01 元 × 50% = 5.01 元; 501 分 ÷ 3 = 167 分 → 1.67 元');
    expect(three[0]!.explanation.text['zh-CN']).toContain('（500.5 分四舍五入为 501 分），3 人平分，每人 167 分');
    const two = priceCase({ ...base, returnShippingFen: 1002, people: [{ staffId: 3 }, { staffId: 4 }] }, after(5), s());
    expect(two.map((a) => a.amountFen)).toEqual([251, 250]);
    expect(two[1]!.explanation.text.en).toContain('the 1 分 that does not divide go 1 分 each to the first 1 named');
    expect(two.map((a) => a.explanation.arithmetic)).toEqual(['10.02 元 × 50% = 5.01 元; 501 分 ÷ 2 = 250 分 + 1 分 → 2.51 元', '10.02 元 × 50% = 5.01 元; 501 分 ÷ 2 = 250 分 → 2.50 元']);
  });

  test('a label misprinted by faulty equipment is nobody\'s mistake', () => {
    const [r] = priceCase({ ...base, mistake: 'label', equipmentFault: true }, after(5), s());
    expect(r).toMatchObject({ amountFen: 0, counted: false });
    expect(r!.explanation.text['zh-CN']).toContain('设备故障');
  });

  test('the tenth CS mistake of a month flags the person', () => {
    const cs = (n: number, flagAt = 10) => priceCase({ ...base, mistake: 'cs-remark' }, after(n, n), s({ csMistakesFlagAt: flagAt }))[0]!.explanation.flag;
    expect(cs(8)).toBeNull();
    expect(cs(9)).toEqual({ reason: 'cs-mistakes', count: 10, threshold: 10 });
    expect(cs(5, 6)).toEqual({ reason: 'cs-mistakes', count: 6, threshold: 6 });
  });
});

describe('rewards', () => {
  const reward = (input: Parameters<typeof priceReward>[0], change: Partial<MoneySettings> = {}) => priceReward(input, s(change));
  const who = { staffId: 3, date: '2026-11-30', note: '' };

  test('a saved loss earns its percentage, rounded half up to the 分', () => {
    expect(reward({ ...who, rule: 'loss-saved', savedFen: 123455 })).toMatchObject({ amount: { amountFen: 12346, kind: 'reward', explanation: { arithmetic: '1234.55 元 × 10% = 123.46 元' } } });
    expect(reward({ ...who, rule: 'loss-saved', savedFen: 10000 }, { lossSavedPercent: 5 })).toMatchObject({ amount: { amountFen: 500 } });
  });

  test('places pay their tier; a place the shop does not have is refused', () => {
    expect(reward({ ...who, rule: 'best-cs', place: 2 })).toMatchObject({ amount: { amountFen: 2000 } });
    // By hand the supervisor judged satisfaction; from cs-scripts the KPIs placed the agent.
    const told = (rankedBy?: 'kpis') => { const r = reward({ ...who, rule: 'best-cs', place: 1, rankedBy }); return 'amount' in r ? r.amount.explanation.text.en : ''; };
    expect(told()).toContain('by customer satisfaction');
    expect(told('kpis')).toContain('by the CS KPIs (sales, then conversion, then response time)');
    expect(reward({ ...who, rule: 'best-cs', place: 3 })).toEqual({ problem: { kind: 'noSuchPlace', places: 2 } });
    expect(reward({ ...who, rule: 'best-cs', place: 3 }, { bestCsFen: [5000, 2000, 1000] })).toMatchObject({ amount: { amountFen: 1000 } });
    expect(reward({ ...who, rule: 'trainer', place: 1 })).toMatchObject({ amount: { amountFen: 15000 } });
    expect(reward({ ...who, rule: 'trainer', place: 3 }, { trainerFen: [20000, 10000, 8000] })).toMatchObject({ amount: { amountFen: 8000 } });
  });

  test('refunds earn 50 元 only when faster or rarer than the industry figure in the settings', () => {
    expect(reward({ ...who, rule: 'refund-better', measure: 'hours', shopHours: 20 })).toMatchObject({ amount: { amountFen: 5000 } });
    expect(reward({ ...who, rule: 'refund-better', measure: 'hours', shopHours: 20 }, { industryRefundHours: 12 })).toEqual({ problem: { kind: 'notBetter', shop: 20, industry: 12, measure: 'hours' } });
    expect(reward({ ...who, rule: 'refund-better', measure: 'rate', shopRatePercent: 12 })).toMatchObject({ problem: { kind: 'notBetter' } });
    expect(reward({ ...who, rule: 'refund-better', measure: 'rate', shopRatePercent: 8 }, { refundBetterFen: 8000 })).toMatchObject({ amount: { amountFen: 8000 } });
  });

  test('praise in reviews pays per review', () => {
    const r = reward({ ...who, rule: 'review-praise', reviews: 3 });
    expect(r).toMatchObject({ amount: { amountFen: 600, explanation: { arithmetic: '3 × 2.00 元 = 6.00 元' } } });
    expect(reward({ ...who, rule: 'review-praise', reviews: 3 }, { reviewPraiseFen: 300 })).toMatchObject({ amount: { amountFen: 900 } });
  });
});

describe('the settings', () => {
  test('the schema\'s defaults are the shop\'s figures the engine starts from', async () => {
    const schema = (await import('../schemas/settings.schema.json', { with: { type: 'json' } })).default as { properties: Record<string, { properties?: Record<string, { default?: unknown }> }> };
    const groups = Object.fromEntries(['pay', 'fines', 'penalties', 'rewards'].map((g) => [g, Object.fromEntries(Object.entries(schema.properties[g]!.properties!).map(([k, v]) => [k, v.default]))]));
    expect(moneySettings(groups)).toEqual(MONEY_DEFAULTS);
  });

  test('the figures no other test moves move the amounts too', () => {
    const leak = priceConduct({ staffId: 3, rule: 'contact-leak', date: '2026-11-03', note: '给了快递员', earlier: 0, amountFen: 1000 }, s({ contactLeakMinFen: 2000 }));
    expect(leak).toEqual({ problem: { kind: 'amountOutOfRange', min: 2000, max: 5000, amountFen: 1000 } });
    const c: CaseInput = { caseId: 'AS-1', orderNo: '1', mistake: 'cs-remark', equipmentFault: false, returnShippingFen: 2000, date: '2026-11-12', people: [{ staffId: 3 }] };
    const many = () => ({ all: 5, cs: 0 });
    expect(priceCase(c, many, s({ csRemarkSharePercent: 40 }))[0]!.amountFen).toBe(800);
    expect(priceCase({ ...c, mistake: 'wrong-pack' }, many, s({ wrongPackSharePercent: 25 }))[0]!.amountFen).toBe(500);
    const rate = { staffId: 3, date: '2026-11-30', note: '', rule: 'refund-better' as const, measure: 'rate' as const, shopRatePercent: 12 };
    expect(priceReward(rate, s({ industryRefundRatePercent: 15 }))).toMatchObject({ amount: { amountFen: 5000 } });
  });
});
