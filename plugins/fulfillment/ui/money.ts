import { parseYuan, yuan } from '../shared/money.js';

/** `'129.9'` → 12990; an empty, negative or malformed text (or more than two decimals) → undefined. */
export function yuanToFen(text: string): number | undefined {
  const read = parseYuan(text);
  return 'fen' in read && text.trim() !== '' ? read.fen : undefined;
}

/** 12990 → `'129.90'`, the form an input shows for editing. */
export function fenToYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined || !Number.isFinite(fen) ? '' : yuan(Math.round(fen));
}

/** 12990 → `'¥129.90'`, for tables and slips. */
export function money(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : `¥${yuan(fen)}`;
}
