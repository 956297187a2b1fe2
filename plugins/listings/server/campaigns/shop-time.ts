/**
 * Writes an instant as ISO 8601 in the shop's time zone (`2026-12-12T00:00:00.000+08:00`), so
 * every stored time reads as shop time whatever offset the client sent.
 */
export function toShopTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // "GMT+08:00", or plain "GMT" for UTC itself.
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}.${millis}${offset}`;
}

/** True when the half-open windows [aStart, aEnd) and [bStart, bEnd) share an instant. */
export function windowsOverlap(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return Date.parse(aStart) < Date.parse(bEnd) && Date.parse(bStart) < Date.parse(aEnd);
}
