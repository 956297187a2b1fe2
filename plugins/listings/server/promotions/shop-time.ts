// Times the promotions area stores: always written in the shop's time zone, so the database reads
// as shop time whatever offset a client sent.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant `iso` written as ISO 8601 in `timeZone`, e.g. `2026-11-23T19:30:00.000+08:00`. */
export function toShopTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
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
  const [y, mo, d, h, mi, s] = [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
  const offset = Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - (ms - date.getUTCMilliseconds())) / 60_000);
  const abs = Math.abs(offset);
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(date.getUTCMilliseconds(), 3)}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `days` whole days after `iso`, in shop time (the shop's zone has no daylight saving to skip). */
export function addDays(iso: string, days: number, timeZone: string): string {
  return toShopTime(new Date(Date.parse(iso) + days * 86_400_000).toISOString(), timeZone);
}

/** The earlier of two instants. */
export function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}
