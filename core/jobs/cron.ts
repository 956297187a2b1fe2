import { zonedParts, type ZonedParts } from '../i18n/time.js';

/**
 * A parsed five-field cron expression (`minute hour day-of-month month day-of-week`).
 *
 * @example
 * const cron = parseCron('0 9 28 * *');
 * cron.next(new Date('2026-11-23T12:00:00+08:00'), 'Asia/Shanghai'); // 2026-11-28T01:00:00.000Z
 */
export interface CronSchedule {
  /** The expression as written. */
  readonly expression: string;
  /** True when the wall-clock minute described by `parts` is one the expression fires on. */
  matches(parts: ZonedParts): boolean;
  /**
   * The first whole minute strictly after `after` that matches, read on the clocks of `timeZone`.
   * Wall times that a DST jump skips are skipped too; a repeated wall time fires once, at its
   * first occurrence. Throws when nothing matches within about five years (e.g. `0 0 31 2 *`).
   */
  next(after: Date, timeZone: string): Date;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day-of-week', min: 0, max: 7 },
];

const MINUTE = 60_000;
const DAY = 86_400_000;
const SEARCH_LIMIT = 5 * 366 * DAY;
const PART = /^(?:(\*)|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;

interface ParsedField {
  /** Indexed by value; day-of-week 7 is folded into 0. */
  allowed: boolean[];
  /** Per crontab(5), a field containing `*` does not count as restricted for the day OR rule. */
  star: boolean;
}

function parseField(text: string, spec: FieldSpec, fail: (message: string) => never): ParsedField {
  const isDow = spec.name === 'day-of-week';
  const allowed = new Array<boolean>(spec.max + 1).fill(false);
  const number = (digits: string): number => {
    const value = Number(digits);
    if (value < spec.min || value > spec.max) fail(`${spec.name} ${value} is out of range ${spec.min}-${spec.max}`);
    return value;
  };
  for (const part of text.split(',')) {
    if (part === '') fail(`${spec.name} "${text}" has an empty list item`);
    const match = PART.exec(part);
    if (!match) fail(`${spec.name} "${part}" is not valid; use *, a number, a-b, */n, a-b/n or a comma list`);
    const [, star, from, to, step] = match;
    let low: number;
    let high: number;
    if (star) {
      low = spec.min;
      // 7 would only repeat Sunday, and would make `*/7` mean "Sundays" twice over.
      high = isDow ? 6 : spec.max;
    } else {
      low = number(from!);
      high = to === undefined ? low : number(to);
      if (step !== undefined && to === undefined) {
        fail(`${spec.name} "${part}" has a step without a range; write */${step} or ${low}-${spec.max}/${step}`);
      }
      if (low > high) fail(`${spec.name} range ${low}-${high} goes backwards`);
    }
    const stride = step === undefined ? 1 : Number(step);
    if (stride < 1) fail(`${spec.name} step in "${part}" must be at least 1`);
    for (let value = low; value <= high; value += stride) allowed[isDow && value === 7 ? 0 : value] = true;
  }
  return { allowed, star: text.includes('*') };
}

/** The UTC offset in ms of `timeZone` at `instant` (whole-second precision, like formatTimestamp). */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The earliest instant whose wall clock in `timeZone` reads `wall` (a wall time encoded as if it
 * were UTC), or undefined when a DST jump skips it. Offsets are sampled a day either side because
 * the offset in force at the answer may differ from the one at the guess near a transition.
 */
function wallToInstant(wall: number, timeZone: string): number | undefined {
  const offsets = new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]);
  let best: number | undefined;
  for (const offset of offsets) {
    const instant = wall - offset;
    if (offsetAt(instant, timeZone) === offset && (best === undefined || instant < best)) best = instant;
  }
  return best;
}

class ParsedCron implements CronSchedule {
  private readonly minuteList: number[];

  constructor(
    readonly expression: string,
    private readonly minutes: ParsedField,
    private readonly hours: ParsedField,
    private readonly daysOfMonth: ParsedField,
    private readonly months: ParsedField,
    private readonly daysOfWeek: ParsedField,
  ) {
    this.minuteList = minutes.allowed.flatMap((ok, value) => (ok ? [value] : []));
  }

  matches(parts: ZonedParts): boolean {
    return (
      this.minutes.allowed[parts.minute] === true &&
      this.hours.allowed[parts.hour] === true &&
      this.months.allowed[parts.month] === true &&
      this.dayMatches(parts.day, parts.weekday)
    );
  }

  next(after: Date, timeZone: string): Date {
    const afterMs = after.getTime();
    if (Number.isNaN(afterMs)) throw new Error(`cron "${this.expression}": next() needs a valid date`);
    const start = zonedParts(after, timeZone);
    // Walk wall-clock time (held in a UTC Date so there are no offsets to trip over) and jump
    // whole months, days and hours at a time; only a full match pays for a zone conversion.
    let wall = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute) + MINUTE;
    const limit = wall + SEARCH_LIMIT;
    while (wall <= limit) {
      const d = new Date(wall);
      const year = d.getUTCFullYear();
      const month = d.getUTCMonth();
      const day = d.getUTCDate();
      const hour = d.getUTCHours();
      if (!this.months.allowed[month + 1]) {
        wall = Date.UTC(year, month + 1, 1);
        continue;
      }
      if (!this.dayMatches(day, d.getUTCDay())) {
        wall = Date.UTC(year, month, day + 1);
        continue;
      }
      if (!this.hours.allowed[hour]) {
        wall = Date.UTC(year, month, day, hour + 1);
        continue;
      }
      const minute = this.minuteList.find((m) => m >= d.getUTCMinutes());
      if (minute === undefined) {
        wall = Date.UTC(year, month, day, hour + 1);
        continue;
      }
      wall = Date.UTC(year, month, day, hour, minute);
      const instant = wallToInstant(wall, timeZone);
      if (instant !== undefined && instant > afterMs) return new Date(instant);
      wall += MINUTE;
    }
    throw new Error(`cron "${this.expression}": nothing matches within 5 years after ${after.toISOString()} in ${timeZone}`);
  }

  private dayMatches(day: number, weekday: number): boolean {
    const dom = this.daysOfMonth.allowed[day] === true;
    const dow = this.daysOfWeek.allowed[weekday] === true;
    // Classic cron: two restricted day fields widen each other instead of narrowing.
    return this.daysOfMonth.star || this.daysOfWeek.star ? dom && dow : dom || dow;
  }
}

/**
 * Parses `minute hour day-of-month month day-of-week`. Each field takes `*`, `n`, `a-b`, a step
 * (`*` or `a-b` followed by `/n`) or a comma list of those; day-of-week is 0-7 with both 0 and 7
 * meaning Sunday. When day-of-month and day-of-week are both restricted (neither contains `*`),
 * a day matching either one fires. Throws an Error naming the bad field.
 *
 * @example
 * parseCron('30 2 * * 1-5');   // 02:30 on weekdays
 * parseCron('0 9 1,15 * 1');   // 09:00 on the 1st, the 15th and every Monday
 * parseCron('61 * * * *');     // throws: cron "61 * * * *": minute 61 is out of range 0-59
 */
export function parseCron(expression: string): CronSchedule {
  if (typeof expression !== 'string') throw new Error(`cron expression must be a string, got ${typeof expression}`);
  const fail = (message: string): never => {
    throw new Error(`cron "${expression}": ${message}`);
  };
  const trimmed = expression.trim();
  const texts = trimmed === '' ? [] : trimmed.split(/\s+/);
  if (texts.length !== FIELDS.length) {
    fail(`expected 5 fields (minute hour day-of-month month day-of-week) but got ${texts.length}`);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = FIELDS.map((spec, i) => parseField(texts[i]!, spec, fail)) as [
    ParsedField,
    ParsedField,
    ParsedField,
    ParsedField,
    ParsedField,
  ];
  return new ParsedCron(expression, minutes, hours, daysOfMonth, months, daysOfWeek);
}
