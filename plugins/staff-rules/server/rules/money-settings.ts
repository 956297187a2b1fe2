// The figures of the shop's fines, penalties and rewards: settings whose defaults are the shop's
// written rules (where two rules disagree, the first is the default and the other is one edit away).

/** The money part of schemas/settings.schema.json. */
export interface MoneySettings {
  /** Daily pay for a person without their own figure, 分; absence and leave are priced in days of it. */
  defaultDailyPayFen: number;
  /** Per-person daily pay, by 工号. */
  dailyPayByStaff: { code: string; fen: number }[];
  /** A late past attendance's fine threshold (`lateFineOverMinutes`), each time. */
  lateFineFen: number;
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
  lateFineFen: 500,
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

/** The settings as the schema groups them (`pay`, `fines`, `penalties`, `rewards`). */
export interface MoneySettingsGroups {
  pay: { defaultDailyPayFen: number; byStaff: { code: string; fen: number }[] };
  fines: {
    lateFen: number; earlyLeaveFen: number; absenceDaysPay: number; leaveWithoutNeedDaysPay: number;
    offTaskFen: number; complaintFen: number; complaintDoubling: boolean; complaintWindow: 'all' | 'month'; complaintFlagAt: number;
    cleaningFen: number; contactLeakMinFen: number; contactLeakMaxFen: number; blameShiftFlagAt: number;
  };
  penalties: { freeMistakesPerMonth: number; csRemarkPercent: number; labelPercent: number; wrongPackPercent: number; defectMissedPercent: number; csMistakesFlagAt: number };
  rewards: {
    lossSavedPercent: number; bestCsFirstFen: number; bestCsSecondFen: number; refundBetterFen: number; industryRefundHours: number;
    industryRefundRatePercent: number; reviewPraiseFen: number; trainerFirstFen: number; trainerSecondFen: number; trainerThirdFen: number;
  };
}

/** The plugin's settings (validated, defaults filled) as the rules engine reads them. */
export function moneySettings(settings: Record<string, unknown>): MoneySettings {
  const { pay, fines: f, penalties: p, rewards: r } = settings as unknown as MoneySettingsGroups;
  return {
    defaultDailyPayFen: pay.defaultDailyPayFen,
    dailyPayByStaff: pay.byStaff,
    lateFineFen: f.lateFen,
    earlyLeaveFineFen: f.earlyLeaveFen,
    absenceDaysPay: f.absenceDaysPay,
    leaveWithoutNeedDaysPay: f.leaveWithoutNeedDaysPay,
    offTaskFineFen: f.offTaskFen,
    complaintFineFen: f.complaintFen,
    complaintDoubling: f.complaintDoubling,
    complaintWindow: f.complaintWindow,
    complaintFlagAt: f.complaintFlagAt,
    cleaningFineFen: f.cleaningFen,
    contactLeakMinFen: f.contactLeakMinFen,
    contactLeakMaxFen: f.contactLeakMaxFen,
    blameShiftFlagAt: f.blameShiftFlagAt,
    freeMistakesPerMonth: p.freeMistakesPerMonth,
    csRemarkSharePercent: p.csRemarkPercent,
    labelSharePercent: p.labelPercent,
    wrongPackSharePercent: p.wrongPackPercent,
    defectMissedSharePercent: p.defectMissedPercent,
    csMistakesFlagAt: p.csMistakesFlagAt,
    lossSavedPercent: r.lossSavedPercent,
    bestCsFen: [r.bestCsFirstFen, r.bestCsSecondFen],
    refundBetterFen: r.refundBetterFen,
    industryRefundHours: r.industryRefundHours,
    industryRefundRatePercent: r.industryRefundRatePercent,
    reviewPraiseFen: r.reviewPraiseFen,
    trainerFen: [r.trainerFirstFen, r.trainerSecondFen, r.trainerThirdFen],
  };
}
