// Money as people type and read it: 元 with at most two decimals, kept as integer 分 — the
// `money` definition of defs.schema.json. The server (CSV, messages) and the browser (price fields)
// share this one file, so both accept exactly the same text. Imports nothing.

/** 8000 → "80.00", −150 → "-1.50": 元 with their 分, as the CSV and the price explanations write it. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Why a money cell could not be read, in words for the import report. */
export type MoneyProblem = 'not-a-number' | 'negative' | 'too-precise' | 'too-large';

// 10 亿元 is far above any price the shop charges; it keeps the 分 figure a safe integer.
const MAX_YUAN_DIGITS = 10;

/**
 * Reads an amount in 元 as written in a spreadsheet (`129`, `129.5`, `¥1,299.00`) as integer 分,
 * digit by digit so that no binary rounding ever creeps in. More than two decimals is refused
 * rather than rounded, since a silently changed price is worse than a rejected row.
 */
export function parseYuan(text: string): { fen: number } | { problem: MoneyProblem } {
  const clean = text.trim().replace(/^[¥￥]\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (/^-/.test(clean)) return { problem: 'negative' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(clean);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { problem: 'not-a-number' };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { problem: 'too-precise' };
  if (whole.length > MAX_YUAN_DIGITS) return { problem: 'too-large' };
  return { fen: Number(whole || '0') * 100 + Number(decimals.padEnd(2, '0')) };
}
