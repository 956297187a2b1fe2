import { InputError } from '@workbench/plugin-api';

// The route schemas check only the shape of a `from`/`to`; Date.parse then rolls 2026-02-30 into
// March without a word and refuses month 13 with NaN deep inside a query. Each part is checked
// here instead, so the clerk learns which field holds a day that does not exist.
const PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Refuses a `from`/`to` (a shop day `YYYY-MM-DD` or an instant) that names no real day or time. */
export function assertRealTime(value: string, field: string): void {
  const m = PARTS.exec(value);
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = (m?.slice(1) ?? []).map((p) => Number(p ?? 0));
  const real =
    m !== null &&
    month! >= 1 && month! <= 12 &&
    day! >= 1 && day! <= daysIn(year!, month!) &&
    hour <= 23 && minute <= 59 && second <= 59 &&
    offsetHours <= 14 && offsetMinutes <= 59;
  if (real) return;
  throw new InputError({
    'zh-CN': `${field}：没有 ${value} 这个日期或时间，请写成 2026-03-01 或 2026-03-01T09:30:00+08:00 这样`,
    en: `${field}: ${value} is not a real date or time; write e.g. 2026-03-01 or 2026-03-01T09:30:00+08:00`,
  });
}
