/** A purchase-order line as receiving finds it. */
export interface LineSoFar {
  lineId: number;
  ordered: number;
  /** Pieces that passed inspection on earlier receipts (and came back from exchanges). */
  passed: number;
  /** `YYYY-MM-DD`, shop day; null: the order's own date. */
  expectedDate: string | null;
}

/** What the clerk counted of one line in this delivery. */
export interface LineCount {
  lineId: number;
  counted: number;
  failed: number;
}

/** One line's figures after this delivery. */
export interface LineOutcome {
  lineId: number;
  counted: number;
  passed: number;
  failed: number;
  /** Passed pieces beyond what was ordered, new with this delivery. */
  over: number;
  /** What is still to come after this delivery. */
  outstanding: number;
  /** Days after the expected date; 0 when on time. */
  daysLate: number;
}

export interface ReceiptOutcome {
  lines: LineOutcome[];
  status: 'partly-received' | 'received';
}

const DAY = 86_400_000;
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/**
 * A delivery against an order. Only passed pieces fill a line: failed ones go on a return to the
 * supplier. Passed pieces beyond the order are kept (they are on the shelf already) and counted as
 * over-delivery; the order is received in full when every line has passed what it ordered.
 */
export function receiptOutcome(lines: readonly LineSoFar[], counts: readonly LineCount[], day: string): ReceiptOutcome {
  const byLine = new Map(counts.map((c) => [c.lineId, c]));
  const outcomes: LineOutcome[] = [];
  let complete = true;
  for (const line of lines) {
    const count = byLine.get(line.lineId);
    const counted = count?.counted ?? 0;
    const failed = Math.min(count?.failed ?? 0, counted);
    const passed = counted - failed;
    const after = line.passed + passed;
    const over = Math.max(0, after - line.ordered) - Math.max(0, line.passed - line.ordered);
    const outstanding = Math.max(0, line.ordered - after);
    if (outstanding > 0) complete = false;
    if (!count) continue;
    outcomes.push({ lineId: line.lineId, counted, passed, failed, over, outstanding, daysLate: line.expectedDate ? Math.max(0, daysBetween(line.expectedDate, day)) : 0 });
  }
  return { lines: outcomes, status: complete ? 'received' : 'partly-received' };
}

/** What a count is missing to make sense: failed pieces beyond those counted, a line not on the order. */
export function countProblem(lines: readonly LineSoFar[], counts: readonly LineCount[]): { lineId: number; kind: 'not-on-order' | 'failed-over-counted' | 'nothing' } | undefined {
  const known = new Set(lines.map((l) => l.lineId));
  for (const c of counts) {
    if (!known.has(c.lineId)) return { lineId: c.lineId, kind: 'not-on-order' };
    if (c.failed > c.counted) return { lineId: c.lineId, kind: 'failed-over-counted' };
  }
  if (!counts.some((c) => c.counted > 0)) return { lineId: 0, kind: 'nothing' };
  return undefined;
}
