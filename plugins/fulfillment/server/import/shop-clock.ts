import type { PluginContext } from '@workbench/plugin-api';

const WALL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

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
    const m = WALL.exec(text);
    if (!m) return undefined;
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(wall);
    if (hour > 23 || minute > 59 || second > 59 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    const date = `${m[1]}-${pad(month)}-${pad(day)}`;
    const key = `${date}T${pad(hour)}`;
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = this.offsetOf(wall, key);
      this.offsets.set(key, offset);
    }
    // An hour skipped by a clock change has no offset of its own: the zone says where it lands.
    if (offset === null) return this.ctx.shopTime(wall - this.offsetMs(this.ctx.shopTime(wall)));
    return `${key}:${pad(minute)}:${pad(second)}.000${offset}`;
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
