// A person's month: every day classified, leave days priced against the month's rest days, and
// the 自动离职 flags the owner is asked about.
import type { AttendanceFlag, DayFacts, PlannedShift } from '../model.js';
import type { AttendanceRules } from './attendance-rules.js';
import { assignClockRows } from './assign-clock-rows.js';
import { classifyDay, type ApprovedLeave, type ClockRow } from './classify-day.js';

export interface MonthInput {
  staffId: number;
  /** `YYYY-MM`. */
  month: string;
  /** The person's planned shifts of the month, and of the days either side (a night shift of the
   * last day before reaches into this month's first morning). */
  shifts: PlannedShift[];
  /** The person's clock rows from the day before the month to the day after it. */
  rows: ClockRow[];
  /** The person's approved leave touching the month. */
  leaves: ApprovedLeave[];
  now: string;
}

/** `2026-11` → `['2026-11-01', …, '2026-11-30']`. */
export function daysOfMonth(month: string): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Which leave days are unpaid. Leave uses up the month's rest days first (the days the roster
 * gives the person off), then it is unpaid: the working days on leave, in date order, past the
 * number of rest days. A leave day on a rest day uses nothing.
 */
export function leaveDaysUnpaid(workingLeaveDays: string[], restDays: number): Set<string> {
  return new Set([...workingLeaveDays].sort().slice(Math.max(0, restDays)));
}

export function classifyMonth(input: MonthInput, rules: AttendanceRules): DayFacts[] {
  const days = daysOfMonth(input.month);
  const shiftOn = new Map(input.shifts.map((s) => [s.date, s]));
  const rowsOn = assignClockRows(input.shifts, input.rows);
  const leaveOn = (date: string) => input.leaves.find((l) => l.from <= date && date <= l.to) ?? null;
  const workingLeaveDays = days.filter((d) => shiftOn.has(d) && leaveOn(d));
  const restDays = days.filter((d) => !shiftOn.has(d)).length;
  const unpaid = leaveDaysUnpaid(workingLeaveDays, restDays);
  return days.map((date) =>
    classifyDay(
      { staffId: input.staffId, date, shift: shiftOn.get(date) ?? null, rows: rowsOn.get(date) ?? [], leave: leaveOn(date), leaveUnpaid: unpaid.has(date), now: input.now },
      rules,
    ),
  );
}

/**
 * The month's flags for one person's facts. Each is a question for the owner, who decides;
 * nothing here ends anyone's employment.
 */
export function monthFlags(facts: DayFacts[], month: string, rules: AttendanceRules): AttendanceFlag[] {
  if (facts.length === 0) return [];
  const staffId = facts[0]!.staffId;
  const flags: AttendanceFlag[] = [];
  const flag = (kind: AttendanceFlag['kind'], dates: string[], threshold: number, over: boolean) => {
    if (over ? dates.length > threshold : dates.length >= threshold) flags.push({ staffId, month, kind, count: dates.length, threshold, dates });
  };
  flag('lates', facts.filter((f) => f.lateMinutes > 0).map((f) => f.date), rules.resignLatesOver, true);
  flag('early-leaves', facts.filter((f) => f.earlyMinutes > 0).map((f) => f.date), rules.resignLatesOver, true);
  flag('absences', facts.filter((f) => f.status === 'absent').map((f) => f.date), rules.resignAbsenceDays, false);
  // A leave counts once however many days it spans, and only when it kept the person off a working day.
  const firstDayOfLeave = new Map<number, string>();
  for (const f of facts) if (f.leave && !firstDayOfLeave.has(f.leave.id)) firstDayOfLeave.set(f.leave.id, f.date);
  flag('leaves', [...firstDayOfLeave.values()], rules.resignLeavesOver, true);
  return flags;
}
