import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { AttendanceRules } from '../attendance/attendance-rules.js';
import type { DayFacts, Explanation, StaffMember } from '../model.js';
import { priceAttendance } from '../rules/attendance-pricing.js';
import type { MoneySettings } from '../rules/money-settings.js';
import { amountStore, type LedgerEntry } from './amount-store.js';

/** The classified days of every person in a month (attendance's part provides them). */
export type MonthDays = (q: Queryable, month: string) => Promise<DayFacts[]>;

/** One person's month: attendance counts (null while attendance is not running) and money. */
export interface MonthRow {
  staff: { id: number; code: string; name: string };
  attendance: { daysWorked: number; lates: number; earlyLeaves: number; leaveDays: number; absences: number } | null;
  finesFen: number;
  penaltiesFen: number;
  rewardsFen: number;
  waivedFen: number;
  /** Fines and penalties: what payroll deducts. */
  deductionFen: number;
  flags: NonNullable<Explanation['flag']>[];
}

const WORKED = new Set(['on-time', 'late', 'early-leave', 'late-and-early']);

/** The month's rows for everyone on the staff in it, or with an amount booked in it. */
export function summarize(month: string, people: StaffMember[], amounts: LedgerEntry[], days: DayFacts[] | null): MonthRow[] {
  const booked = new Set(amounts.map((a) => a.staffId));
  const inMonth = people.filter((p) => booked.has(p.id) || !p.leftOn || p.leftOn >= `${month}-01`);
  return inMonth.map((p) => {
    const mine = amounts.filter((a) => a.staffId === p.id);
    const live = mine.filter((a) => !a.waived);
    const sum = (kind: string) => live.filter((a) => a.kind === kind).reduce((s, a) => s + a.amountFen, 0);
    const myDays = days?.filter((d) => d.staffId === p.id) ?? null;
    const count = (test: (d: DayFacts) => boolean) => myDays!.filter(test).length;
    return {
      staff: { id: p.id, code: p.code, name: p.name },
      attendance: myDays && {
        daysWorked: count((d) => WORKED.has(d.status)),
        lates: count((d) => d.status === 'late' || d.status === 'late-and-early'),
        earlyLeaves: count((d) => d.status === 'early-leave' || d.status === 'late-and-early'),
        leaveDays: count((d) => d.status === 'leave'),
        absences: count((d) => d.status === 'absent'),
      },
      finesFen: sum('fine'),
      penaltiesFen: sum('penalty'),
      rewardsFen: sum('reward'),
      waivedFen: mine.filter((a) => a.waived).reduce((s, a) => s + a.amountFen, 0),
      deductionFen: sum('fine') + sum('penalty'),
      flags: live.flatMap((a) => (a.explanation.flag ? [a.explanation.flag] : [])),
    };
  });
}

/**
 * Books the month's attendance amounts afresh from the classified days: amounts nobody waived are
 * priced again with today's settings; a waived one stays as it is and is not booked twice.
 */
export async function bookAttendance(
  tx: Transaction,
  the: { month: string; people: StaffMember[]; days: DayFacts[]; settings: MoneySettings; rules: AttendanceRules; at: string },
): Promise<number> {
  const amounts = amountStore(tx);
  await amounts.clearAttendance(the.month);
  let booked = 0;
  for (const p of the.people) {
    for (const a of priceAttendance(the.days, p, the.settings, the.rules)) {
      const ref = `${a.date}:${a.rule}:${p.id}`;
      if (await amounts.hasSource('attendance', ref)) continue;
      await amounts.add(a, { month: the.month, source: 'attendance', sourceRef: ref, countedMistake: false, by: null, at: the.at });
      booked++;
    }
  }
  return booked;
}
