// The figures of the shop's fines, penalties and rewards: settings whose defaults are the shop's
// written rules (where two rules disagree, the first is the default and the other is one edit away).

/** The money part of schemas/settings.schema.json. */
export interface MoneySettings {
  /** Daily pay for a person without their own figure, 分; absence and leave are priced in days of it. */
  defaultDailyPayFen: number;
  /** Per-person daily pay, by 工号. */
  dailyPayByStaff: { code: string; fen: number }[];
  lateFineAfterMinutes: number;
  lateFineFen: number;
  earlyLeaveFineAfterMinutes: number;
  earlyLeaveFineFen: number;
  absenceDaysPay: number;
  leaveWithoutNeedDaysPay: number;
  offTaskFineFen: number;
  complaintFineFen: number;
  complaintDoubling: boolean;
  /** `all`: every complaint the person ever had counts; `month`: only those in the same calendar month. */
  complaintWindow: 'all' | 'month';
  complaintFlagAt: number;
  cleaningFineFen: number;
  contactLeakMinFen: number;
  contactLeakMaxFen: number;
  blameShiftFlagAt: number;
  freeMistakesPerMonth: number;
  csRemarkSharePercent: number;
  labelSharePercent: number;
  wrongPackSharePercent: number;
  defectMissedSharePercent: number;
  csMistakesFlagAt: number;
  lossSavedPercent: number;
  bestCsFen: number[];
  refundBetterFen: number;
  /** The industry's average time from request to refund, hours (from the seller backend). */
  industryRefundHours: number;
  /** The industry's refund rate, percent. */
  industryRefundRatePercent: number;
  reviewPraiseFen: number;
  trainerFen: number[];
}

/** The defaults, as in the settings schema; unit tests start from these. */
export const MONEY_DEFAULTS: MoneySettings = {
  defaultDailyPayFen: 15000,
  dailyPayByStaff: [],
  lateFineAfterMinutes: 15,
  lateFineFen: 500,
  earlyLeaveFineAfterMinutes: 15,
  earlyLeaveFineFen: 500,
  absenceDaysPay: 3,
  leaveWithoutNeedDaysPay: 2,
  offTaskFineFen: 1000,
  complaintFineFen: 3000,
  complaintDoubling: true,
  complaintWindow: 'all',
  complaintFlagAt: 3,
  cleaningFineFen: 1000,
  contactLeakMinFen: 1000,
  contactLeakMaxFen: 5000,
  blameShiftFlagAt: 3,
  freeMistakesPerMonth: 3,
  csRemarkSharePercent: 50,
  labelSharePercent: 50,
  wrongPackSharePercent: 50,
  defectMissedSharePercent: 10,
  csMistakesFlagAt: 10,
  lossSavedPercent: 10,
  bestCsFen: [5000, 2000],
  refundBetterFen: 5000,
  industryRefundHours: 48,
  industryRefundRatePercent: 10,
  reviewPraiseFen: 200,
  trainerFen: [15000, 10000, 5000],
};

/** A person's daily pay: their own figure by 工号, else the default. */
export function dailyPayOf(code: string, settings: MoneySettings): { fen: number; own: boolean } {
  const own = settings.dailyPayByStaff.find((p) => p.code === code);
  return own ? { fen: own.fen, own: true } : { fen: settings.defaultDailyPayFen, own: false };
}
