/** The languages the workbench speaks; zh-CN first. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Text a person reads: either one string, or one per language. zh-CN is required because it is
 * the language the shop works in; English falls back to it.
 *
 * @example
 * const title: LocalizedText = { 'zh-CN': '库存不足', en: 'Not enough stock' };
 */
export type LocalizedText = string | ({ 'zh-CN': string } & Partial<Record<Locale, string>>);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the text for a locale, falling back to zh-CN. */
export function localize(text: LocalizedText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'];
}

/** Replaces `{name}` placeholders with values. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/**
 * Chooses a locale from an Accept-Language header: the first tag the workbench speaks wins.
 * `zh`, `zh-CN`, `zh-Hans` map to zh-CN; `en-*` to en.
 */
export function negotiateLocale(header: string | undefined | null, fallback: Locale): Locale {
  if (!header) return fallback;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((t) => t.tag && !Number.isNaN(t.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag === 'zh' || tag.startsWith('zh-cn') || tag.startsWith('zh-hans') || tag === 'zh-sg') return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return fallback;
}
