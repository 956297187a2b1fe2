import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('takes numbers as milliseconds', () => {
    expect(parseDuration(10)).toBe(10);
    expect(parseDuration(250)).toBe(250);
  });

  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1d2h3m4s5ms', 93_784_005],
    ['1m 30s', 90_000],
    [' 45s ', 45_000],
    ['1.5s', 1_500],
  ])('reads %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    [0, 'too short'],
    [5, 'too short'],
    [-100, 'too short'],
    [Number.NaN, 'not a finite number'],
    [Number.POSITIVE_INFINITY, 'not a finite number'],
    ['0s', 'must be positive'],
    ['0h0m', 'must be positive'],
    ['5ms', 'too short'],
    ['', 'empty'],
    ['soon', 'duration "soon" is not valid'],
    ['5000', 'duration "5000" is not valid'],
    ['5 minutes', 'not valid'],
    ['-5s', 'not valid'],
    ['30s5m', 'largest first'],
    ['1h1h', 'largest first'],
    ['1w', 'not valid'],
  ])('refuses %j', (value, message) => {
    expect(() => parseDuration(value)).toThrow(message);
  });

  it('refuses values that are neither numbers nor strings', () => {
    expect(() => parseDuration(null as unknown as string)).toThrow('duration must be a number or a string, got null');
  });
});
