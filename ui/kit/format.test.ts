import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format.js';
import { fromLocalInput, shopDay, toLocalInput } from './shop-time.js';

describe('the one money format', () => {
  it('takes integer 分 and shows 元 with two decimals, a narrow ¥ in both languages', () => {
    expect(formatMoney(129900)).toBe('¥1,299.00');
    expect(formatMoney(129900, 'en')).toBe('¥1,299.00');
    expect(formatMoney(5, 'zh-CN')).toBe('¥0.05');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(-1200, 'en')).toBe('-¥12.00');
  });

  it('shows nothing for no amount, and never a third decimal', () => {
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
    expect(formatMoney(Number.NaN)).toBe('');
    expect(formatMoney(0.1 + 0.2)).toBe('¥0.00');
    expect(formatMoney(1999.5)).toBe('¥20.00');
  });
});

describe('dates and times on the shop’s clock', () => {
  // 23:30 UTC on the 24th is already the 25th in Shanghai.
  const late = '2026-11-24T23:30:00Z';

  it('reads an instant in Asia/Shanghai whatever offset it carries', () => {
    expect(formatDateTime(late)).toBe('2026/11/25 07:30');
    expect(formatDateTime('2026-11-25T07:30:00+08:00', 'en')).toBe('11/25/2026, 07:30');
    expect(formatDate(late)).toBe('2026/11/25');
    expect(formatDate(late, 'en')).toBe('11/25/2026');
  });

  it('shows midnight as 00:00 and can leave the year out for narrow rows', () => {
    expect(formatDateTime('2026-11-10T16:00:00Z')).toBe('2026/11/11 00:00');
    expect(formatDateTime(late, 'zh-CN', { year: false })).toBe('11/25 07:30');
  });

  it('gives back empty for nothing and the text itself for what is not a time', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDateTime('不是时间')).toBe('不是时间');
  });

  it('turns datetime-local values into shop time and back, and names the shop’s day', () => {
    expect(toLocalInput(late)).toBe('2026-11-25T07:30');
    expect(fromLocalInput('2026-11-25T07:30')).toBe('2026-11-25T07:30:00.000+08:00');
    expect(shopDay(new Date(late))).toBe('2026-11-25');
  });
});
