// Shop time is Asia/Shanghai, which keeps +08:00 all year, so a shift's instants are its day and
// clock times with that offset; an end at or before the start lies on the next day.
const OFFSET = '+08:00';
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days` (negative for earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The Monday of the week `date` lies in (weeks start on Monday in the shop). */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** `HH:MM` as minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes after midnight as `HH:MM`; 1440 is written `24:00`. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A shift's span on its day, in minutes after that day's midnight: the end may pass 1440. */
export function shiftSpan(start: string, end: string): { from: number; to: number } {
  const from = minutesOf(start);
  let to = minutesOf(end);
  if (to <= from) to += 1440;
  return { from, to };
}

/** The instants a shift of `start`–`end` starting on `date` begins and ends, with the shop's offset. */
export function shiftInstants(date: string, start: string, end: string): { startsAt: string; endsAt: string } {
  const span = shiftSpan(start, end);
  const at = (minutes: number) => `${addDays(date, Math.floor(minutes / 1440))}T${timeOf(minutes % 1440)}:00.000${OFFSET}`;
  return { startsAt: at(span.from), endsAt: at(span.to) };
}

/** The shop day (`YYYY-MM-DD`) of an instant. */
export function shopDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}
