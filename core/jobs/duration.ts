/** Shorter intervals would turn a job into a busy loop. */
export const MIN_DURATION_MS = 10;

const UNITS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNITS;
const ORDER: readonly Unit[] = ['d', 'h', 'm', 's', 'ms'];
// `ms` must come before `m` and `s` in the alternation or `5ms` would read as 5 minutes and junk.
const PIECE = /(\d+(?:\.\d+)?)\s*(ms|d|h|m|s)\s*/y;
const HINT = 'use milliseconds or a string like "500ms", "30s", "5m", "2h", "1d" or "1h30m"';

/**
 * Turns a job's `every` value into milliseconds. Numbers are milliseconds; strings are one or more
 * `<number><unit>` pieces with units `d`, `h`, `m`, `s`, `ms`, largest first. The result must be at
 * least 10 ms. Throws an Error saying what is wrong otherwise.
 *
 * @example
 * parseDuration(250);      // 250
 * parseDuration('30s');    // 30000
 * parseDuration('1h30m');  // 5400000
 * parseDuration('soon');   // throws: duration "soon" is not valid; use milliseconds or ...
 */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`duration ${value} is not a finite number of milliseconds`);
    if (value < MIN_DURATION_MS) throw new Error(`duration ${value}ms is too short; it must be at least ${MIN_DURATION_MS}ms`);
    return value;
  }
  if (typeof value !== 'string') throw new Error(`duration must be a number or a string, got ${value === null ? 'null' : typeof value}; ${HINT}`);
  const text = value.trim();
  if (text === '') throw new Error(`duration is empty; ${HINT}`);
  let total = 0;
  let lastRank = -1;
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < text.length) {
    const match = PIECE.exec(text);
    if (!match) throw new Error(`duration "${value}" is not valid; ${HINT}`);
    const unit = match[2] as Unit;
    const rank = ORDER.indexOf(unit);
    // Out-of-order or repeated units are far more likely a typo than an intended sum.
    if (rank <= lastRank) throw new Error(`duration "${value}" is not valid; give each unit once, largest first (like "1h30m")`);
    lastRank = rank;
    total += Number(match[1]) * UNITS[unit];
  }
  total = Math.round(total);
  if (!Number.isFinite(total)) throw new Error(`duration "${value}" is too large`);
  if (total <= 0) throw new Error(`duration "${value}" must be positive`);
  if (total < MIN_DURATION_MS) throw new Error(`duration "${value}" is too short; it must be at least ${MIN_DURATION_MS}ms`);
  return total;
}
