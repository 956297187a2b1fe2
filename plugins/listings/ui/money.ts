/**
 * Staff type prices in 元 (129, 129.9, 129.90); the API keeps integer 分. These helpers convert
 * between the two without floating-point drift.
 */

/** `'129.9'` → 12990; an empty, negative or malformed text (or more than two decimals) → undefined. */
export function yuanToFen(text: string): number | undefined {
  const value = text.trim().replace(/^¥/, '').replace(/,/g, '');
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 12990 → `'129.90'`, the form an input shows for editing (no currency sign, no grouping). */
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
