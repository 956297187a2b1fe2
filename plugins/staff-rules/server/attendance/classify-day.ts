// One person's day, from the planned shift, the clock rows and approved leave: pure, so the
// rules are unit-tested without a host and the bench times exactly what the routes run.
import type { ClockCorrection, DayFacts, LatenessBand, PlannedShift } from '../model.js';
import type { AttendanceRules } from './attendance-rules.js';

/** One clock, as a time clock or the workbench's button wrote it (possibly corrected since). */
export interface ClockRow {
  id: number;
  staffId: number;
  /** Shop time with its offset. */
  at: string;
  correction: ClockCorrection | null;
}

/** An approved leave, whole days `from`–`to` (shop days, inclusive). */
export interface ApprovedLeave {
  id: number;
  staffId: number;
  kind: string;
  from: string;
  to: string;
  withoutNeed: boolean;
}

export interface DayInput {
  staffId: number;
  date: string;
  shift: PlannedShift | null;
  /** The rows that belong to this day's shift (see `assignClockRows`). */
  rows: ClockRow[];
  leave: ApprovedLeave | null;
  /** The leave day is past the month's rest days, so unpaid (see `leaveDaysUnpaid`). */
  leaveUnpaid: boolean;
  /** Now, shop time: a shift not yet over with nobody clocked in is still open, not absent. */
  now: string;
}

const MINUTE = 60_000;

/** Whole minutes, so 08:30:59 on an 08:30 shift is on time, as a time clock that shows minutes reads it. */
function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / MINUTE));
}

export function latenessBand(minutes: number, rules: AttendanceRules): LatenessBand {
  if (minutes <= 0) return 'none';
  if (minutes <= rules.lateGraceMinutes) return 'grace';
  return minutes > rules.lateFineOverMinutes ? 'over' : 'late';
}

/**
 * Which of the rows are the clock-in and the clock-out. A time clock records no direction, so the
 * first row is the arrival and the last the departure; a single row is the arrival when it is
 * nearer the start than the end.
 */
export function inAndOut(shift: PlannedShift, rows: ClockRow[]): { clockIn: string | null; clockOut: string | null } {
  if (rows.length === 0) return { clockIn: null, clockOut: null };
  const sorted = [...rows].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (sorted.length >= 2) return { clockIn: sorted[0]!.at, clockOut: sorted[sorted.length - 1]!.at };
  const only = Date.parse(sorted[0]!.at);
  const middle = (Date.parse(shift.startsAt) + Date.parse(shift.endsAt)) / 2;
  return only <= middle ? { clockIn: sorted[0]!.at, clockOut: null } : { clockIn: null, clockOut: sorted[0]!.at };
}

export function classifyDay(input: DayInput, rules: AttendanceRules): DayFacts {
  const corrections = input.rows.flatMap((r) => (r.correction ? [r.correction] : []));
  const base: DayFacts = {
    staffId: input.staffId,
    date: input.date,
    status: 'rest',
    shift: input.shift,
    clockIn: null,
    clockOut: null,
    lateMinutes: 0,
    earlyMinutes: 0,
    leave: null,
    lateBand: 'none',
    lateFineable: false,
    earlyBand: 'none',
    earlyFineable: false,
    corrections,
  };
  const shift = input.shift;
  if (!shift) {
    // A rest day stays a rest day: leave over it uses nothing, and clocks on it are shown only.
    const sorted = [...input.rows].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return { ...base, clockIn: sorted[0]?.at ?? null, clockOut: sorted.length > 1 ? sorted[sorted.length - 1]!.at : null };
  }
  const { clockIn, clockOut } = inAndOut(shift, input.rows);
  const withClocks = { ...base, clockIn, clockOut };
  if (input.leave) {
    const leave = { id: input.leave.id, kind: input.leave.kind, unpaid: input.leaveUnpaid, withoutNeed: input.leave.withoutNeed };
    return { ...withClocks, status: 'leave', leave };
  }
  if (!clockIn) {
    return { ...withClocks, status: Date.parse(input.now) < Date.parse(shift.endsAt) ? 'open' : 'absent' };
  }
  const lateMinutes = minutesBetween(Date.parse(shift.startsAt), Date.parse(clockIn));
  const earlyMinutes = clockOut ? minutesBetween(Date.parse(clockOut), Date.parse(shift.endsAt)) : 0;
  const lateBand = latenessBand(lateMinutes, rules);
  const earlyBand = latenessBand(earlyMinutes, rules);
  const status = lateMinutes > 0 && earlyMinutes > 0 ? 'late-and-early' : lateMinutes > 0 ? 'late' : earlyMinutes > 0 ? 'early-leave' : 'on-time';
  return { ...withClocks, status, lateMinutes, earlyMinutes, lateBand, lateFineable: lateBand === 'over', earlyBand, earlyFineable: earlyBand === 'over' };
}
