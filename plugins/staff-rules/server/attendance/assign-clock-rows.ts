// Which shift a clock row belongs to: a night shift's 01:05 clock-out is the day it started.
import type { PlannedShift } from '../model.js';
import type { ClockRow } from './classify-day.js';

/** How far before a start or after an end a clock still belongs to that shift. */
const REACH_MS = 4 * 3_600_000;

/**
 * The rows per shop day: each row goes to the nearest shift of the person within four hours of
 * it, on the day that shift starts; a row near no shift stays on its own calendar day (a rest day).
 * `shifts` are one person's, as are `rows`.
 */
export function assignClockRows(shifts: PlannedShift[], rows: ClockRow[]): Map<string, ClockRow[]> {
  // Parsed once: a month is some sixty rows against thirty shifts, and parsing dominates otherwise.
  const spans = shifts.map((shift) => ({ date: shift.date, start: Date.parse(shift.startsAt), end: Date.parse(shift.endsAt) }));
  const byDay = new Map<string, ClockRow[]>();
  for (const row of rows) {
    const at = Date.parse(row.at);
    let best: string | undefined;
    let bestDistance = REACH_MS;
    for (const span of spans) {
      const d = at < span.start ? span.start - at : at > span.end ? at - span.end : 0;
      if (d <= bestDistance && (best === undefined || d < bestDistance)) {
        best = span.date;
        bestDistance = d;
      }
    }
    // Rows are kept in shop time, so their first ten characters are the shop day.
    const day = best ?? row.at.slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(row);
    else byDay.set(day, [row]);
  }
  return byDay;
}
