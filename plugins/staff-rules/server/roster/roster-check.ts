import type { Queryable } from '@workbench/plugin-api';
import type { RosterGap, RosterProblem } from '../model.js';
import { staffStore } from '../staff/staff-store.js';
import { rosterStore } from './roster-store.js';
import { findGapsBetween, findProblems, type PlannedDay } from './roster-rules.js';
import type { RosterRuleSettings } from './roster-rules.js';
import { addDays, weekStart } from './shift-times.js';
import { swapStore } from './swap-store.js';

export interface RosterCheck {
  from: string;
  to: string;
  gaps: RosterGap[];
  problems: RosterProblem[];
}

/**
 * Checks the plan from `from` to `to`: the hours each post is empty, and the rules each person's
 * plan breaks. Reads a week before (rotation, runs of days) and to the end of `to`'s month.
 */
export async function checkRoster(q: Queryable, from: string, to: string, settings: RosterRuleSettings): Promise<RosterCheck> {
  const readFrom = [addDays(weekStart(from), -7), `${from.slice(0, 7)}-01`].sort()[0]!;
  const monthEnd = addDays(`${nextMonthStart(to)}`, -1);
  const entries = await rosterStore(q).between(readFrom, monthEnd > to ? monthEnd : to);
  const templates = new Map((await rosterStore(q).templates()).map((t) => [t.id, t]));
  const shifts: PlannedDay[] = entries.map((e) => ({ staffId: e.staffId, date: e.date, kind: e.kind, start: templates.get(e.templateId)!.start, end: templates.get(e.templateId)!.end }));
  const people = await staffStore(q).list({ includeLeft: true });
  const departmentOf = new Map(people.map((p) => [p.id, p.department]));
  const gaps = findGapsBetween(from, to, settings.posts, shifts, (id) => departmentOf.get(id));
  const problems: RosterProblem[] = [];
  const swaps = swapStore(q);
  for (const person of people) {
    if (person.leftOn && person.leftOn <= from) continue;
    const rotates = settings.weeklyRotation && settings.rotatingDepartments.includes(person.department);
    problems.push(...findProblems(person.id, from, to, shifts, { ...settings, weeklyRotation: rotates }, await swaps.keptWeeks(person.id), { from: person.hiredOn, to: person.leftOn }));
  }
  return { from, to, gaps, problems };
}

function nextMonthStart(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y! + 1}-01-01` : `${y}-${String(m! + 1).padStart(2, '0')}-01`;
}
