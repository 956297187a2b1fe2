// Which shift a clock row belongs to: a night shift's 01:05 clock-out is the day it started.
import type { PlannedShift } from '../model.js';
import type { ClockRow } from './classify-day.js';

/** How far before a start or after an end a clock still belongs to that shift. */
const REACH_MS = 4 * 3_600_000;

function distance(at: number, shift: PlannedShift): number {
  const start = Date.parse(shift.startsAt);
  const end = Date.parse(shift.endsAt);
  return at < start ? start - at : at > end ? at - end : 0;
}

/**
 * The rows per shop day: each row goes to the nearest shift of the person within four hours of
 * it, on the day that shift starts; a row near no shift stays on its own calendar day (a rest day).
 * `shifts` are one person's, as are `rows`.
 */
export function assignClockRows(shifts: PlannedShift[], rows: ClockRow[]): Map<string, ClockRow[]> {
  const byDay = new Map<string, ClockRow[]>();
  for (const row of rows) {
    const at = Date.parse(row.at);
    let best: PlannedShift | undefined;
    let bestDistance = REACH_MS;
    for (const shift of shifts) {
      const d = distance(at, shift);
      if (d <= bestDistance && (!best || d < bestDistance)) {
        best = shift;
        bestDistance = d;
      }
    }
    // Rows are kept in shop time, so their first ten characters are the shop day.
    const day = best ? best.date : row.at.slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(row);
    else byDay.set(day, [row]);
  }
  return byDay;
}
