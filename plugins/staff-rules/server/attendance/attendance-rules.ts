// The attendance figures, as the settings hold them (schemas/settings.schema.json).

export interface AttendanceRules {
  /** Minutes after the start that still count as late but are never fined. */
  lateGraceMinutes: number;
  /** Late (or early) by more than this many minutes is fineable. */
  lateFineOverMinutes: number;
  /** More lates (or early leaves) than this in a month raise the 自动离职 flag. */
  resignLatesOver: number;
  /** This many days' absence in a month raise the flag. */
  resignAbsenceDays: number;
  /** More approved leaves than this in a month raise the flag. */
  resignLeavesOver: number;
}

/** The shop's written figures, the settings' defaults. */
export const DEFAULT_ATTENDANCE_RULES: AttendanceRules = {
  lateGraceMinutes: 5,
  lateFineOverMinutes: 15,
  resignLatesOver: 5,
  resignAbsenceDays: 3,
  resignLeavesOver: 3,
};

/** The attendance figures out of the plugin's settings, falling back to the defaults for any key missing. */
export function attendanceRules(settings: Record<string, unknown>): AttendanceRules {
  const pick = (key: keyof AttendanceRules) => (typeof settings[key] === 'number' ? (settings[key] as number) : DEFAULT_ATTENDANCE_RULES[key]);
  return {
    lateGraceMinutes: pick('lateGraceMinutes'),
    lateFineOverMinutes: pick('lateFineOverMinutes'),
    resignLatesOver: pick('resignLatesOver'),
    resignAbsenceDays: pick('resignAbsenceDays'),
    resignLeavesOver: pick('resignLeavesOver'),
  };
}
