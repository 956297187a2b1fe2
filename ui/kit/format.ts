import type { Locale } from './i18n.js';

/** The shop's time zone: every time the workbench shows is read on the shop's clock, not the PC's. */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Integer 分 as money in the reader's language: 129900 → `¥1,299.00` (zh-CN and en alike — a
 * narrow ¥, never `CN¥`), −1200 → `-¥12.00`; null, undefined or not a number → `''`.
 * The one money format of the workbench: tables, slips and panels all go through it.
 */
export function formatMoney(fen: number | null | undefined, locale: Locale = 'zh-CN'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(locale, format);
  }
  // Whole 分 only, so 0.1 + 0.2 style drift never shows as a third decimal.
  return format.format(Math.round(fen) / 100);
}

export interface DateFormatOptions {
  /** The zone to read the instant in; the shop's unless said otherwise. */
  timeZone?: string;
  /** `false` leaves the year out (`11/24 09:30`), for narrow list rows. */
  year?: boolean;
}

function instant(iso: string | Date | null | undefined): Date | undefined {
  if (iso === null || iso === undefined || iso === '') return undefined;
  const date = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatInstant(iso: string | Date | null | undefined, locale: Locale, options: DateFormatOptions, time: boolean): string {
  const date = instant(iso);
  if (!date) return typeof iso === 'string' ? iso : '';
  return new Intl.DateTimeFormat(locale, {
    timeZone: options.timeZone ?? SHOP_TIME_ZONE,
    ...(options.year === false ? {} : { year: 'numeric' }),
    month: '2-digit',
    day: '2-digit',
    ...(time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).format(date);
}

/**
 * An instant as date and time on the shop's clock: `2026/11/24 09:30` (zh-CN),
 * `11/24/2026, 09:30` (en). Empty for no value; text that is not a time comes back as it is.
 */
export function formatDateTime(iso: string | Date | null | undefined, locale: Locale = 'zh-CN', options: DateFormatOptions = {}): string {
  return formatInstant(iso, locale, options, true);
}

/** The shop's day of an instant: `2026/11/24` (zh-CN), `11/24/2026` (en). */
export function formatDate(iso: string | Date | null | undefined, locale: Locale = 'zh-CN', options: DateFormatOptions = {}): string {
  return formatInstant(iso, locale, options, false);
}
