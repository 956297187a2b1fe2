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

/** Which written rule an amount comes from; each has its figures in the settings. */
export type RuleId =
  | 'late' | 'early-leave' | 'absence' | 'leave-without-need'
  | 'off-task' | 'complaint' | 'cleaning' | 'contact-leak' | 'blame-shift'
  | 'cs-remark' | 'label' | 'wrong-pack' | 'defect-missed'
  | 'loss-saved' | 'best-cs' | 'refund-better' | 'review-praise' | 'trainer';

/** A fine goes to the department fund; a penalty repays the shop's loss; a reward is paid out. */
export type AmountKind = 'fine' | 'penalty' | 'reward';

/**
 * Why an amount is what it is: the facts, the thresholds that applied and the sum, as data and as
 * a sentence in each language, so the person it concerns can check it.
 */
export interface Explanation {
  rule: RuleId;
  kind: AmountKind;
  /** What happened: times, minutes, counts, the case and order. */
  facts: Record<string, string | number | boolean>;
  /** The figures from the settings that decided it. */
  thresholds: Record<string, number>;
  /** The sum, language-neutral: `3 × 150.00 元 = 450.00 元`. */
  arithmetic: string;
  text: { 'zh-CN': string; en: string };
  /** Set when the rule says the owner must decide on the person staying (自动离职): never acted on by itself. */
  flag: { reason: 'complaints' | 'cs-mistakes' | 'blame-shift'; count: number; threshold: number } | null;
}

/** One amount the rules engine priced for one person. */
export interface PricedAmount {
  staffId: number;
  rule: RuleId;
  kind: AmountKind;
  /** `YYYY-MM-DD`, shop time: the day it happened; its month is the month it is booked in. */
  date: string;
  /** Integer 分, never negative; 0 when the rule counts it but does not charge (grace, free mistakes). */
  amountFen: number;
  explanation: Explanation;
}

/** The kinds of mistake a closed after-sales case may name. */
export type MistakeKind = 'cs-remark' | 'label' | 'wrong-pack' | 'defect-missed';

/**
 * Payload of `after-sales.case.closed`: a case whose return was someone's mistake. Staff-rules
 * prices the responsible people's shares of the return shipping from it.
 */
export interface AfterSalesCaseClosed {
  /** The after-sales case's own id; a case is priced once. */
  caseId: string;
  orderNo: string;
  /** Each responsible person by staff id or by 工号 (`{ code: "3" }`). */
  responsible: ({ staffId: number } | { code: string })[];
  /** Null when the return was nobody's mistake; then nothing is priced. */
  mistake: MistakeKind | null;
  /** A label misprinted by a faulty printer is nobody's mistake. */
  equipmentFault?: boolean;
  /** The return (round-trip) shipping, integer 分. */
  returnShippingFen: number;
  /** When the case closed, ISO 8601 with offset. */
  closedAt: string;
}

/** Payload of `after-sales.review.praised`: a buyer's review names a member of staff. */
export interface AfterSalesReviewPraised {
  reviewId: string;
  orderNo: string;
  staff: { staffId: number } | { code: string };
  praisedAt: string;
}

/** An agent cs-scripts placed in its month, by 工号, with the figures that placed them. */
export interface CsRankedAgent {
  code: string;
  salesFen: number;
  conversionPercent?: number | null;
  replyRatePercent?: number | null;
  averageResponseSeconds?: number | null;
}

/**
 * Payload of `cs-scripts.month.ranked`: the month's best CS, first and second, sent once when
 * cs-scripts closes the month. Staff-rules books the best-CS rewards from it, once per month.
 */
export interface CsMonthRanked {
  month: string;
  first: CsRankedAgent | null;
  second: CsRankedAgent | null;
  closedAt: string;
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
