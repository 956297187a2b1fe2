import type { FilledPhrase } from './phrase-types.js';
import type { PhrasePart, PlaceholderKey, PlaceholderSource } from './placeholders.js';

type Bilingual = { 'zh-CN': string; en: string };

/** The values at hand, and for each source that is not, why (no order chosen, fulfillment is off…). */
export interface FillValues {
  values: Partial<Record<PlaceholderKey, string>>;
  /** Why a source (or one placeholder, by key) has no value; the key's reason wins. */
  unavailable: Partial<Record<PlaceholderSource | PlaceholderKey, Bilingual>>;
}

/**
 * Fills the placeholders. One that cannot be filled stays visible in the text as
 * `【订单号：没有选订单】`, so nobody sends a half-filled phrase without seeing it, and is listed in
 * `missing` with the reason.
 */
export function fillParts(parts: PhrasePart[], fill: FillValues): FilledPhrase {
  const missing = new Map<string, Bilingual>();
  const text = parts.map((part) => {
    if ('text' in part) return part.text;
    const { key, name, source } = part.placeholder;
    const value = fill.values[key];
    if (value !== undefined && value !== '') return value;
    const reason = fill.unavailable[key] ?? fill.unavailable[source] ?? { 'zh-CN': '没有这项信息', en: 'Not known' };
    missing.set(name, reason);
    return `【${name}：${reason['zh-CN']}】`;
  }).join('');
  return { text, missing: [...missing].map(([name, reason]) => ({ name, reason })) };
}
