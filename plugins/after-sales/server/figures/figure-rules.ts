// The after-sales figures as arithmetic: refund rate, refund speed (median and p90), the reasons
// Pareto and cost by responsibility. Pure: the route reads the rows.

/** The value at quantile `q` (0–1) by nearest rank; undefined for no values. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** Refunds per paid order, in percent with one decimal; null when nothing was paid. */
export const refundRatePercent = (refunds: number, paidOrders: number): number | null => (paidOrders === 0 ? null : Math.round((refunds / paidOrders) * 1000) / 10);

export interface ParetoRow {
  reason: string;
  count: number;
  /** Percent of all, one decimal. */
  share: number;
  /** Percent of all up to and with this reason, one decimal. */
  cumulative: number;
}

/** Reasons most frequent first (ties by name), each with its share and the running total. */
export function pareto(reasons: readonly string[]): ParetoRow[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const total = reasons.length;
  let running = 0;
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, count]) => {
    running += count;
    return { reason, count, share: Math.round((count / total) * 1000) / 10, cumulative: Math.round((running / total) * 1000) / 10 };
  });
}

/** Hours between two instants, one decimal. */
export const hoursBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 360_000) / 10;

/** How the shop stands against the industry figure: lower is better for all of these. */
export function against(shop: number | null | undefined, industry: number): 'better' | 'worse' | 'same' | null {
  if (shop === null || shop === undefined || industry <= 0) return null;
  return shop < industry ? 'better' : shop > industry ? 'worse' : 'same';
}
