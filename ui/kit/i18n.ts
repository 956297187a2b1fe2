import { formatDate, formatDateTime, formatMoney, type DateFormatOptions } from './format.js';

/** The languages of the workbench; zh-CN first. */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Text in each language, as manifests and the API send it; a plain string is the same in all. */
export type LocalizedText = string | Partial<Record<Locale, string>>;

/** A table of strings by key, one per language. `{name}` marks a parameter. */
export type Messages = Record<string, string>;

/**
 * Strings, dates and money in the user's language. Money is kept in integer 分 everywhere and
 * only turned into yuan here, for display.
 *
 * @example
 * i18n.t('table.rows', { count: 3 });          // "共 3 条"
 * i18n.money(129900);                          // "¥1,299.00"
 * i18n.dateTime('2026-11-24T09:30:00+08:00');  // "2026/11/24 09:30"
 * i18n.text({ 'zh-CN': '笔记', en: 'Notes' }); // "笔记"
 */
export class I18n {
  private readonly tables = new Map<Locale, Messages>();

  constructor(
    public locale: Locale,
    public timeZone = 'Asia/Shanghai',
  ) {}

  /** Adds strings for a language; later keys win, so a plugin may add its own prefixed keys. */
  add(locale: Locale, messages: Messages): void {
    this.tables.set(locale, { ...this.tables.get(locale), ...messages });
  }

  t(key: string, params: Record<string, string | number> = {}): string {
    const text = this.tables.get(this.locale)?.[key] ?? this.tables.get('zh-CN')?.[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  /** Picks the user's language from a LocalizedText, falling back to zh-CN, then any. */
  text(value: LocalizedText | undefined | null): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    return value[this.locale] ?? value['zh-CN'] ?? Object.values(value)[0] ?? '';
  }

  /** Integer 分 as money: ¥1,299.00 (see `formatMoney`). */
  money(fen: number | null | undefined): string {
    return formatMoney(fen, this.locale);
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.locale).format(value);
  }

  /** An ISO time shown in the shop's time zone (see `formatDateTime`); `{ year: false }` for narrow rows. */
  dateTime(iso: string | null | undefined, options?: DateFormatOptions): string {
    return formatDateTime(iso, this.locale, { timeZone: this.timeZone, ...options });
  }

  date(iso: string | null | undefined, options?: DateFormatOptions): string {
    return formatDate(iso, this.locale, { timeZone: this.timeZone, ...options });
  }
}
