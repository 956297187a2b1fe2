// The shapes every part of staff-rules shares: people, shifts on days, and what a day's clock
// rows and leave come to. The roster, attendance and rules parts each own their tables and
// routes; they meet here.

/** A post that must be staffed; the gap check reads the roster per department and hour. */
export type Department = 'cs-presale' | 'cs-aftersale' | 'warehouse' | 'operations' | 'design' | 'purchasing' | 'finance';

/** One member of staff (table `staff_rules_staff`). */
export interface StaffMember {
  id: number;
  /** 工号: unique, the number CS writes in order remarks ("1号客服" is code "1"). */
  code: string;
  name: string;
  department: Department;
  /** A free job title ("售前组长"); the workbench role lives on the linked account. */
  position: string | null;
  hiredOn: string | null;
  /** Private: sent only to holders of `staff-rules.staff.phone`, masked otherwise. */
  phone: string | null;
  /** The workbench account this person logs in with, if any. */
  accountId: number | null;
  /** `YYYY-MM-DD` the person left; null while active. */
  leftOn: string | null;
}

/** A kind of shift (table `staff_rules_shift_templates`): 白班 08:30–17:30 with a 1 h break… */
export interface ShiftTemplate {
  id: number;
  name: string;
  /** `HH:MM`, shop time. */
  start: string;
  /** `HH:MM`, shop time; at or before `start` means the next day (17:30–01:00, 15:30–24:00 as 00:00). */
  end: string;
  breakMinutes: number;
  kind: 'day' | 'night';
}

/** One person's shift on one day (table `staff_rules_roster`): the day is the day it starts. */
export interface PlannedShift {
  staffId: number;
  /** `YYYY-MM-DD`, the day the shift starts (a night shift to 01:00 counts on this day). */
  date: string;
  templateId: number;
  /** Instants with the shop's offset. */
  startsAt: string;
  endsAt: string;
}

/** How a worked day is classified; `rest` is a rostered day off. */
export type DayStatus = 'on-time' | 'late' | 'early-leave' | 'late-and-early' | 'absent' | 'leave' | 'rest' | 'open';

/** What attendance knows of one person's day: the facts the rules engine prices. */
export interface DayFacts {
  staffId: number;
  date: string;
  status: DayStatus;
  shift: PlannedShift | null;
  clockIn: string | null;
  clockOut: string | null;
  /** Minutes after the shift's start; 0 when on time. */
  lateMinutes: number;
  /** Minutes before the shift's end; 0 when not early. */
  earlyMinutes: number;
  /** The approved leave covering the day, if any. */
  leave: { id: number; kind: string; unpaid: boolean; withoutNeed: boolean } | null;
  /** Where the lateness falls: within the grace, late, or over the fine threshold (settings). */
  lateBand: LatenessBand;
  /** Late past the fine threshold: the rules part prices it (5 元 by default). */
  lateFineable: boolean;
  /** Early leave, banded by the same figures as lateness. */
  earlyBand: LatenessBand;
  earlyFineable: boolean;
  /** The clock times a supervisor corrected on this day, with the reason, shown beside the time. */
  corrections: ClockCorrection[];
}

/** `none`: on time; `grace`: late but within the grace; `late`: past it; `over`: past the fine threshold. */
export type LatenessBand = 'none' | 'grace' | 'late' | 'over';

/** A clock time a supervisor changed or added, and why. */
export interface ClockCorrection {
  clockRowId: number;
  /** The time before the correction; null when the supervisor added a forgotten clock. */
  originalAt: string | null;
  at: string;
  reason: string;
  /** The supervisor's account; null for the demo shop's sample correction. */
  by: number | null;
  correctedAt: string;
}

/** A month's reason to ask the owner about 自动离职: only ever a flag, never a dismissal. */
export interface AttendanceFlag {
  staffId: number;
  /** `YYYY-MM`. */
  month: string;
  kind: 'lates' | 'early-leaves' | 'absences' | 'leaves';
  count: number;
  /** The figure from the settings the count went past. */
  threshold: number;
  /** The days (or, for leaves, the first day of each leave) behind the count. */
  dates: string[];
}

/** Every department, in the order lists show them. */
export const DEPARTMENTS: readonly Department[] = ['cs-presale', 'cs-aftersale', 'warehouse', 'operations', 'design', 'purchasing', 'finance'];

/** A planned shift with what a calendar shows beside it. */
export interface RosterEntry extends PlannedShift {
  templateName: string;
  kind: ShiftTemplate['kind'];
}

/** Hours of a day when a post has nobody on shift: `from`–`to` in shop time (`24:00` for midnight). */
export interface RosterGap {
  department: Department;
  date: string;
  from: string;
  to: string;
}

/** A roster rule a person's planned weeks break; the roster check lists them, nothing is refused. */
export type RosterProblem =
  /** The same kind of shift (day or night) two weeks running without an approved exception. */
  | { kind: 'no-rotation'; staffId: number; week: string; shiftKind: ShiftTemplate['kind'] }
  /** More days on in a row than the setting allows (six on, one off). */
  | { kind: 'too-many-days'; staffId: number; from: string; to: string; days: number; max: number }
  /** Fewer days off in a month than the setting asks (four a month). */
  | { kind: 'too-few-rest-days'; staffId: number; month: string; restDays: number; min: number };

/** A handover note written on a shift, for the people of the next one. */
export interface HandoverNote {
  id: number;
  /** The shop day of the shift it was written on. */
  date: string;
  department: Department | null;
  text: string;
  writtenBy: number;
  writtenByName: string;
  writtenAt: string;
  reads: { accountId: number; name: string; readAt: string }[];
}

/** A request to change the plan (table `staff_rules_swaps`), approved or refused in writing. */
export interface SwapRequest {
  id: number;
  /** `exchange`: two people swap their shifts on `date`; `keep`: stay on the same kind of shift the week of `date`. */
  kind: 'exchange' | 'keep';
  staffId: number;
  otherStaffId: number | null;
  /** The day of the exchange, or the Monday of the kept week. */
  date: string;
  reason: string;
  state: 'requested' | 'approved' | 'refused';
  requestedBy: number;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
}
