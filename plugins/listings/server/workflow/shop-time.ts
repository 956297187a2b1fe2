const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The same instant written in the shop's time zone with its offset, e.g. a browser's
 * `2026-11-23T11:30:00Z` becomes `2026-11-23T19:30:00.000+08:00`, so stored times read as shop time.
 */
export function inShopTime(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  const date = new Date(ms);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const [year, month, day, hour, minute, second] = [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
  const wholeSecond = ms - date.getUTCMilliseconds();
  const offset = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(date.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
