// The roster's rules as pure functions over planned shifts, so unit tests cover them without a host.
import type { Department, RosterGap, RosterProblem, ShiftTemplate } from '../model.js';
import { addDays, daysBetween, minutesOf, shiftSpan, timeOf, weekStart } from './shift-times.js';

/** What the rules read of one planned shift. */
export interface PlannedDay {
  staffId: number;
  date: string;
  kind: ShiftTemplate['kind'];
  start: string;
  end: string;
}

export interface Post {
  department: Department;
  from: string;
  to: string;
}

export interface RosterRuleSettings {
  restRule: 'weekly' | 'monthly';
  maxDaysInRow: number;
  monthlyRestDays: number;
  weeklyRotation: boolean;
  /** The departments whose people take day and night turns; the others work days only. */
  rotatingDepartments: Department[];
  posts: Post[];
}

/**
 * The hours of `date` when a post has nobody: each post's hours less the spans of its department's
 * shifts that day, and the part after midnight of the day before's night shifts.
 */
export function findGaps(date: string, posts: Post[], shifts: PlannedDay[], departmentOf: (staffId: number) => Department | undefined): RosterGap[] {
  const gaps: RosterGap[] = [];
  for (const post of posts) {
    const covered = shifts
      .filter((s) => departmentOf(s.staffId) === post.department && (s.date === date || s.date === addDays(date, -1)))
      .map((s) => {
        const span = shiftSpan(s.start, s.end);
        return s.date === date ? span : { from: span.from - 1440, to: span.to - 1440 };
      })
      .sort((a, b) => a.from - b.from);
    let at = minutesOf(post.from);
    const end = minutesOf(post.to) || 1440;
    for (const span of covered) {
      if (span.to <= at) continue;
      if (span.from >= end) break;
      if (span.from > at) gaps.push({ department: post.department, date, from: timeOf(at), to: timeOf(span.from) });
      at = Math.max(at, span.to);
    }
    if (at < end) gaps.push({ department: post.department, date, from: timeOf(at), to: timeOf(end) });
  }
  return gaps;
}

/** Gaps of every day from `from` to `to`; `shifts` must include the day before `from`. */
export function findGapsBetween(from: string, to: string, posts: Post[], shifts: PlannedDay[], departmentOf: (staffId: number) => Department | undefined): RosterGap[] {
  return daysBetween(from, to).flatMap((date) => findGaps(date, posts, shifts, departmentOf));
}

/**
 * The rules one person's plan breaks between `from` and `to`. `shifts` are that person's, from a
 * week before `from` (for the rotation and runs of days) through the end of `to`'s month;
 * `keptWeeks` are the Mondays of weeks an approved exception keeps on the same kind of shift;
 * `employed` is the span the person works here (for the days off a month).
 */
export function findProblems(
  staffId: number,
  from: string,
  to: string,
  shifts: PlannedDay[],
  settings: RosterRuleSettings,
  keptWeeks: ReadonlySet<string>,
  employed: { from: string | null; to: string | null } = { from: null, to: null },
): RosterProblem[] {
  const mine = shifts.filter((s) => s.staffId === staffId).sort((a, b) => a.date.localeCompare(b.date));
  const problems: RosterProblem[] = [];

  if (settings.weeklyRotation) {
    const kindOfWeek = new Map<string, ShiftTemplate['kind']>();
    const counts = new Map<string, { day: number; night: number }>();
    for (const s of mine) {
      const week = weekStart(s.date);
      const c = counts.get(week) ?? { day: 0, night: 0 };
      c[s.kind] += 1;
      counts.set(week, c);
    }
    for (const [week, c] of counts) kindOfWeek.set(week, c.night > c.day ? 'night' : 'day');
    for (let week = weekStart(from); week <= to; week = addDays(week, 7)) {
      const kind = kindOfWeek.get(week);
      if (kind && kind === kindOfWeek.get(addDays(week, -7)) && !keptWeeks.has(week)) problems.push({ kind: 'no-rotation', staffId, week, shiftKind: kind });
    }
  }

  if (settings.restRule === 'weekly') {
    let runStart: string | undefined;
    let previous: string | undefined;
    const close = (end: string) => {
      const days = daysBetween(runStart!, end).length;
      if (days > settings.maxDaysInRow && end >= from && runStart! <= to) problems.push({ kind: 'too-many-days', staffId, from: runStart!, to: end, days, max: settings.maxDaysInRow });
    };
    for (const s of mine) {
      if (previous && s.date === addDays(previous, 1)) { previous = s.date; continue; }
      if (previous) close(previous);
      runStart = s.date;
      previous = s.date;
    }
    if (previous) close(previous);
  } else {
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
      const days = daysBetween(`${month}-01`, addDays(`${nextMonth(month)}-01`, -1))
        .filter((d) => (!employed.from || d >= employed.from) && (!employed.to || d < employed.to));
      const worked = new Set(mine.filter((s) => s.date.startsWith(month)).map((s) => s.date));
      const restDays = days.filter((d) => !worked.has(d)).length;
      if (days.length > 0 && restDays < settings.monthlyRestDays) problems.push({ kind: 'too-few-rest-days', staffId, month, restDays, min: settings.monthlyRestDays });
    }
  }
  return problems;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, '0')}`;
}
