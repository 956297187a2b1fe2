import { parseYuan, yuan } from '../../schemas/money.js';

export { parseYuan, yuan, type MoneyProblem } from '../../schemas/money.js';

/** `'129.9'` → 12990; an empty, negative or malformed text (or more than two decimals) → undefined. */
export function yuanToFen(text: string): number | undefined {
  const read = parseYuan(text);
  return 'fen' in read && text.trim() !== '' ? read.fen : undefined;
}

/** 12990 → `'129.90'`, the form a price field shows for editing (no currency sign, no grouping). */
export function fenToYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined || !Number.isFinite(fen) ? '' : yuan(Math.round(fen));
}
