import { parseYuan, yuan } from '../shared/money.js';

/**
 * Staff type prices in 元 (129, 129.9, ¥1,299.00); the API keeps integer 分. The price fields read
 * and show them with the same rules as the CSV import (`shared/money.ts`).
 */

/** `'129.9'` → 12990; an empty, negative or malformed text (or more than two decimals) → undefined. */
export function yuanToFen(text: string): number | undefined {
  const read = parseYuan(text);
  return 'fen' in read && text.trim() !== '' ? read.fen : undefined;
}

/** 12990 → `'129.90'`, the form an input shows for editing (no currency sign, no grouping). */
export function fenToYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined || !Number.isFinite(fen) ? '' : yuan(Math.round(fen));
}
