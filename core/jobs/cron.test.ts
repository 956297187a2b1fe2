import { describe, expect, it } from 'vitest';
import { parseCron } from './cron.js';
import type { ZonedParts } from '../i18n/time.js';

const SHANGHAI = 'Asia/Shanghai';

/** Wall-clock parts; weekday is derived so tests cannot contradict the calendar. */
function at(year: number, month: number, day: number, hour = 0, minute = 0): ZonedParts {
  return { year, month, day, hour, minute, second: 0, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

function next(expression: string, after: string, timeZone = SHANGHAI): string {
  return parseCron(expression).next(new Date(after), timeZone).toISOString();
}

describe('parseCron syntax', () => {
  it('accepts * and single numbers', () => {
    const cron = parseCron('5 14 * * *');
    expect(cron.matches(at(2026, 11, 23, 14, 5))).toBe(true);
    expect(cron.matches(at(2026, 11, 23, 14, 6))).toBe(false);
    expect(cron.matches(at(2026, 11, 23, 15, 5))).toBe(false);
    expect(cron.expression).toBe('5 14 * * *');
  });

  it('accepts ranges', () => {
    const cron = parseCron('0 9-17 * * *');
    expect(cron.matches(at(2026, 1, 1, 9))).toBe(true);
    expect(cron.matches(at(2026, 1, 1, 17))).toBe(true);
    expect(cron.matches(at(2026, 1, 1, 8))).toBe(false);
    expect(cron.matches(at(2026, 1, 1, 18))).toBe(false);
  });

  it('accepts */n steps', () => {
    const cron = parseCron('*/15 * * * *');
    for (const minute of [0, 15, 30, 45]) expect(cron.matches(at(2026, 1, 1, 3, minute))).toBe(true);
    for (const minute of [1, 14, 59]) expect(cron.matches(at(2026, 1, 1, 3, minute))).toBe(false);
  });

  it('accepts a-b/n steps', () => {
    const cron = parseCron('10-40/10 * * * *');
    const hits = Array.from({ length: 60 }, (_, m) => m).filter((m) => cron.matches(at(2026, 1, 1, 0, m)));
    expect(hits).toEqual([10, 20, 30, 40]);
  });

  it('accepts lists mixing the forms', () => {
    const cron = parseCron('1,5,10-12,*/30 * * * *');
    const hits = Array.from({ length: 60 }, (_, m) => m).filter((m) => cron.matches(at(2026, 1, 1, 0, m)));
    expect(hits).toEqual([0, 1, 5, 10, 11, 12, 30]);
  });

  it('matches months', () => {
    const cron = parseCron('0 0 1 1,7 *');
    expect(cron.matches(at(2026, 7, 1))).toBe(true);
    expect(cron.matches(at(2026, 8, 1))).toBe(false);
  });

  it('treats day-of-week 0 and 7 as Sunday', () => {
    // 2026-11-22 is a Sunday, 2026-11-23 a Monday.
    expect(parseCron('0 0 * * 0').matches(at(2026, 11, 22))).toBe(true);
    expect(parseCron('0 0 * * 7').matches(at(2026, 11, 22))).toBe(true);
    expect(parseCron('0 0 * * 7').matches(at(2026, 11, 23))).toBe(false);
    expect(parseCron('0 0 * * 5-7').matches(at(2026, 11, 22))).toBe(true);
    expect(parseCron('0 0 * * 1-5').matches(at(2026, 11, 23))).toBe(true);
  });

  it('tolerates surrounding and repeated whitespace', () => {
    expect(parseCron('  0   9 *\t* *  ').matches(at(2026, 1, 1, 9))).toBe(true);
  });
});

describe('parseCron errors name the field', () => {
  it.each([
    ['61 * * * *', 'cron "61 * * * *": minute 61 is out of range 0-59'],
    ['0 24 * * *', 'hour 24 is out of range 0-23'],
    ['0 0 0 * *', 'day-of-month 0 is out of range 1-31'],
    ['0 0 32 * *', 'day-of-month 32 is out of range 1-31'],
    ['0 0 * 13 *', 'month 13 is out of range 1-12'],
    ['0 0 * * 8', 'day-of-week 8 is out of range 0-7'],
    ['0 10-5 * * *', 'hour range 10-5 goes backwards'],
    ['*/0 * * * *', 'minute step in "*/0" must be at least 1'],
    ['5/15 * * * *', 'minute "5/15" has a step without a range'],
    ['0 0 1,,2 * *', 'day-of-month "1,,2" has an empty list item'],
    ['0 0 * JAN *', 'month "JAN" is not valid'],
    ['0 0 * * * *', 'expected 5 fields (minute hour day-of-month month day-of-week) but got 6'],
    ['0 0 * *', 'but got 4'],
    ['', 'but got 0'],
    ['-1 * * * *', 'minute "-1" is not valid'],
  ])('%j', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(message);
  });
});

describe('CronSchedule.next', () => {
  it('finds the 28th at 09:00 Shanghai time', () => {
    expect(next('0 9 28 * *', '2026-11-23T12:00:00+08:00')).toBe('2026-11-28T01:00:00.000Z');
  });

  it('rolls the 28th over into the next month, year and February', () => {
    expect(next('0 9 28 * *', '2026-11-28T09:00:00+08:00')).toBe('2026-12-28T01:00:00.000Z');
    expect(next('0 9 28 * *', '2026-12-28T09:30:00+08:00')).toBe('2027-01-28T01:00:00.000Z');
    expect(next('0 9 28 * *', '2027-01-28T10:00:00+08:00')).toBe('2027-02-28T01:00:00.000Z');
  });

  it('is strictly after, and whole minutes', () => {
    expect(next('* * * * *', '2026-11-23T12:00:00.000+08:00')).toBe('2026-11-23T04:01:00.000Z');
    expect(next('* * * * *', '2026-11-23T12:00:59.999+08:00')).toBe('2026-11-23T04:01:00.000Z');
    expect(next('0 9 28 * *', '2026-11-28T08:59:59.999+08:00')).toBe('2026-11-28T01:00:00.000Z');
  });

  it('skips months too short for the day', () => {
    expect(next('0 0 31 * *', '2026-01-31T12:00:00+08:00')).toBe('2026-03-30T16:00:00.000Z');
    expect(next('0 0 29 2 *', '2026-01-01T00:00:00+08:00')).toBe('2028-02-28T16:00:00.000Z');
  });

  it('crosses a month end from the last minute', () => {
    expect(next('*/5 * * * *', '2026-11-30T23:59:00+08:00')).toBe('2026-11-30T16:00:00.000Z');
    expect(next('0 0 1 * *', '2026-12-31T23:59:00+08:00')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('reads the expression in the given zone', () => {
    expect(next('0 9 * * *', '2026-06-01T00:00:00Z', 'UTC')).toBe('2026-06-01T09:00:00.000Z');
    expect(next('0 9 * * *', '2026-06-01T00:00:00Z', SHANGHAI)).toBe('2026-06-01T01:00:00.000Z');
    expect(next('0 9 * * *', '2026-06-01T02:00:00Z', SHANGHAI)).toBe('2026-06-02T01:00:00.000Z');
  });

  it('resolves a yearly expression quickly', () => {
    const cron = parseCron('0 9 28 2 *');
    const started = performance.now();
    const result = cron.next(new Date('2026-03-01T00:00:00+08:00'), SHANGHAI);
    expect(performance.now() - started).toBeLessThan(50);
    expect(result.toISOString()).toBe('2027-02-28T01:00:00.000Z');
  });

  it('throws when nothing can ever match', () => {
    expect(() => next('0 0 31 2 *', '2026-01-01T00:00:00Z')).toThrow('cron "0 0 31 2 *": nothing matches within 5 years');
    expect(() => next('0 0 30 2 *', '2026-01-01T00:00:00Z')).toThrow(/nothing matches/);
  });

  it('skips wall times a DST jump removes and fires repeated ones once', () => {
    const ny = 'America/New_York';
    // 2026-03-08 02:30 does not exist in New York.
    expect(next('30 2 * * *', '2026-03-08T00:00:00-05:00', ny)).toBe('2026-03-09T06:30:00.000Z');
    // 2026-11-01 01:30 happens twice; only the first (EDT) one fires.
    expect(next('30 1 * * *', '2026-11-01T00:00:00-04:00', ny)).toBe('2026-11-01T05:30:00.000Z');
    expect(next('30 1 * * *', '2026-11-01T01:40:00-04:00', ny)).toBe('2026-11-02T06:30:00.000Z');
  });
});

describe('day-of-month / day-of-week rule', () => {
  it('fires on either day when both are restricted', () => {
    // The 1st, or any Monday.
    const cron = parseCron('0 9 1 * 1');
    expect(cron.matches(at(2026, 11, 1, 9))).toBe(true); // Sunday the 1st
    expect(cron.matches(at(2026, 11, 23, 9))).toBe(true); // Monday the 23rd
    expect(cron.matches(at(2026, 11, 24, 9))).toBe(false); // Tuesday the 24th
    expect(next('0 9 1 * 1', '2026-11-01T10:00:00+08:00')).toBe('2026-11-02T01:00:00.000Z');
  });

  it('requires both when either is *', () => {
    const weekdaysOnly = parseCron('0 9 * * 1');
    expect(weekdaysOnly.matches(at(2026, 11, 1, 9))).toBe(false);
    expect(weekdaysOnly.matches(at(2026, 11, 23, 9))).toBe(true);
    const firstOnly = parseCron('0 9 1 * *');
    expect(firstOnly.matches(at(2026, 11, 1, 9))).toBe(true);
    expect(firstOnly.matches(at(2026, 11, 2, 9))).toBe(false);
  });

  it('treats a stepped * as unrestricted, like crontab(5)', () => {
    // Odd days that are also Mondays: 2026-11-23 is an odd Monday, 2026-11-30 an even one.
    const cron = parseCron('0 9 */2 * 1');
    expect(cron.matches(at(2026, 11, 23, 9))).toBe(true);
    expect(cron.matches(at(2026, 11, 30, 9))).toBe(false);
    expect(cron.matches(at(2026, 11, 25, 9))).toBe(false);
  });
});
