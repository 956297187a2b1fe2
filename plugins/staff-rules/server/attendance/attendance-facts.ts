// What attendance knows of a month, for the routes, the board and the rules part (fines and
// rewards price these facts): the store over clocks, leave and the roster, read together.
import type { Queryable } from '@workbench/plugin-api';
import type { AttendanceFlag, DayFacts, PlannedShift, StaffMember } from '../model.js';
import { rosterStore } from '../roster/roster-store.js';
import { staffStore } from '../staff/staff-store.js';
import type { AttendanceRules } from './attendance-rules.js';
import type { ApprovedLeave, ClockRow } from './classify-day.js';
import { classifyMonth, daysOfMonth, monthFlags } from './classify-month.js';
import { clockStore } from './clock-store.js';
import { leaveStore } from './leave-store.js';

/** A month of attendance: every person's every day, and the flags for the owner. */
export interface MonthAttendance {
  month: string;
  days: DayFacts[];
  flags: AttendanceFlag[];
}

export interface AttendanceFactsReader {
  /** The month (`YYYY-MM`) of one person, or of everybody with the shop during it. */
  month(month: string, staffId?: number): Promise<MonthAttendance>;
  /** Everybody's facts for one shop day, as the board shows them. */
  day(date: string): Promise<DayFacts[]>;
}

export interface AttendanceFactsDeps {
  rules: AttendanceRules;
  /** Now in shop time: days whose shift has not ended are open, not absent. */
  now: string;
}

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function groupBy<T extends { staffId: number }>(items: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.staffId);
    if (list) list.push(item);
    else map.set(item.staffId, [item]);
  }
  return map;
}

/** Reads only: make it over `ctx.db.read` or inside the caller's transaction. */
export function attendanceFacts(q: Queryable, deps: AttendanceFactsDeps): AttendanceFactsReader {
  const offset = deps.now.slice(-6);
  const people = async (first: string, staffId?: number): Promise<StaffMember[]> => {
    if (staffId !== undefined) {
      const one = await staffStore(q).get(staffId);
      return one ? [one] : [];
    }
    // Whoever was with the shop on any day of the month.
    return (await staffStore(q).list({ includeLeft: true })).filter((m) => !m.leftOn || m.leftOn >= first);
  };

  const month = async (month: string, staffId?: number): Promise<MonthAttendance> => {
    const days = daysOfMonth(month);
    const first = days[0]!;
    const last = days[days.length - 1]!;
    const members = await people(first, staffId);
    const ids = members.map((m) => m.id);
    // A day either side: the night shift of the last day of the previous month reaches into this one.
    const shifts: PlannedShift[] = await rosterStore(q).between(shiftDay(first, -1), shiftDay(last, 1), staffId);
    const rows: ClockRow[] = await clockStore(q).rowsBetween(ids, `${shiftDay(first, -1)}T00:00:00.000${offset}`, `${shiftDay(last, 2)}T00:00:00.000${offset}`);
    const leaves: ApprovedLeave[] = await leaveStore(q).approved(ids, first, last);
    const shiftsOf = groupBy(shifts);
    const rowsOf = groupBy(rows);
    const leavesOf = groupBy(leaves);
    const result: MonthAttendance = { month, days: [], flags: [] };
    for (const member of members) {
      const facts = classifyMonth(
        { staffId: member.id, month, shifts: shiftsOf.get(member.id) ?? [], rows: rowsOf.get(member.id) ?? [], leaves: leavesOf.get(member.id) ?? [], now: deps.now },
        deps.rules,
      );
      // After the day a person left there is nothing to classify.
      const kept = member.leftOn ? facts.filter((f) => f.date <= member.leftOn!) : facts;
      result.days.push(...kept);
      result.flags.push(...monthFlags(kept, month, deps.rules));
    }
    return result;
  };

  return {
    month,
    async day(date: string): Promise<DayFacts[]> {
      return (await month(date.slice(0, 7))).days.filter((f) => f.date === date);
    },
  };
}
