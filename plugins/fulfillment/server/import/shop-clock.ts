import type { PluginContext } from '@workbench/plugin-api';

const WALL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const CANONICAL = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) => (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1]!);

/**
 * Times as the reports write them (`2019-03-12 10:48:00`, shop time without an offset) as the
 * ISO 8601 the workbench stores, exactly as `ctx.shopTime` writes that instant. Asking the time
 * zone is slow next to reading 200,000 times, so the offset is learnt once per hour of the day
 * (offsets change on the hour) and the rest is written from the wall-clock digits.
 */
export class ShopClock {
  private readonly offsets = new Map<string, string | null>();

  constructor(private readonly ctx: PluginContext) {}

  /** The stored form of a wall-clock time, or undefined when the text is not a real time. */
  read(text: string): string | undefined {
    // The export's own shape, 2019-03-12 10:48:00, read digit by digit: 200,000 of these per import.
    if (text.length === 19 && text.charCodeAt(10) === 32 && CANONICAL.test(text)) {
      const digit = (i: number) => text.charCodeAt(i) - 48;
      const month = digit(5) * 10 + digit(6);
      const day = digit(8) * 10 + digit(9);
      const hour = digit(11) * 10 + digit(12);
      if (month < 1 || month > 12 || day < 1 || day > daysIn(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), month) || hour > 23 || text.charCodeAt(14) > 53 || text.charCodeAt(17) > 53) return undefined;
      const hourKey = text.slice(0, 13);
      let offset = this.offsets.get(hourKey);
      if (offset === undefined) this.offsets.set(hourKey, (offset = this.offsetFor(text.slice(0, 10), hour, () => Date.UTC(Number(text.slice(0, 4)), month - 1, day, hour))));
      if (offset !== null) return `${text.slice(0, 10)}T${text.slice(11)}.000${offset}`;
    }
    const m = WALL.exec(text);
    if (!m) return undefined;
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const date = `${m[1]}-${pad(month)}-${pad(day)}`;
    const offset = this.offsetFor(date, hour, () => Date.UTC(year, month - 1, day, hour));
    // An hour skipped by a clock change (02:30 on the night clocks go forward) is read with the
    // offset from before the change, so it lands an hour later on the new clock.
    if (offset === null) return this.ctx.shopTime(wall - this.offsetMs(this.ctx.shopTime(wall - 6 * 3_600_000)));
    return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}.000${offset}`;
  }

  private offsetFor(date: string, hour: number, wallHour: () => number): string | null {
    const key = `${date}T${pad(hour)}`;
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = this.offsetOf(wallHour(), key);
      this.offsets.set(key, offset);
    }
    return offset;
  }

  /** The offset (`+08:00`) the zone has during that wall-clock hour, or null if the hour does not exist there. */
  private offsetOf(wall: number, key: string): string | null {
    const guess = wall - this.offsetMs(this.ctx.shopTime(wall));
    const written = this.ctx.shopTime(guess);
    return written.startsWith(key) ? written.slice(-6) : null;
  }

  private offsetMs(written: string): number {
    const m = /([+-])(\d{2}):(\d{2})$/.exec(written);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  }
}
