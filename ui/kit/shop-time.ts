/**
 * `<input type="datetime-local">` speaks wall-clock time without an offset; the API wants ISO
 * 8601 with the shop's offset. These convert in the shop's time zone, not the browser's, so a PC
 * set to another zone still schedules in shop time.
 */

import { SHOP_TIME_ZONE } from './format.js';

function parts(date: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' });
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The zone's offset at an instant, as `+08:00`. */
export function zoneOffset(date: Date, timeZone = SHOP_TIME_ZONE): string {
  const name = parts(date, timeZone).timeZoneName ?? 'GMT';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

/** An ISO instant as the `YYYY-MM-DDTHH:mm` a datetime-local input shows, in shop time. */
export function toLocalInput(iso: string | null | undefined, timeZone = SHOP_TIME_ZONE): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read as shop time → ISO 8601 with the shop's offset; '' → undefined. */
export function fromLocalInput(value: string, timeZone = SHOP_TIME_ZONE): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  // Guess with UTC, then take the offset the zone has at that moment (right except inside a DST jump).
  const offset = zoneOffset(new Date(`${value}:00Z`), timeZone);
  return `${value}:00.000${offset}`;
}

/** Now plus `days`, as a datetime-local value in shop time (a default for new windows). */
export function localInputIn(days: number, timeZone = SHOP_TIME_ZONE, from = new Date()): string {
  return toLocalInput(new Date(from.getTime() + days * 86_400_000).toISOString(), timeZone);
}

/** The shop's calendar day of an instant as `YYYY-MM-DD` (a date input's value, a query's `from`). */
export function shopDay(at: Date = new Date(), timeZone = SHOP_TIME_ZONE): string {
  return toLocalInput(at.toISOString(), timeZone).slice(0, 10);
}
