import { daysBetween } from '../receiving/receipt-math.js';

/** One row of a supplier's account: a delivery (what it costs) or a payment. */
export interface LedgerRow {
  /** `YYYY-MM-DD`, shop day. */
  date: string;
  /** Goods, 分. */
  amount: number;
  /** Transport the shop owes with it, 分. */
  transport: number;
  /** Paid, 分. */
  paid: number;
}

export interface AgeingBucket {
  /** Days old, inclusive; `to` null: and older. */
  from: number;
  to: number | null;
  owed: number;
}

export interface SupplierBalance {
  /** Goods and transport, 分. */
  charged: number;
  paid: number;
  /** 欠款: charged − paid; negative when the shop paid ahead. */
  owed: number;
  ageing: AgeingBucket[];
}



const BUCKETS: [number, number | null][] = [[0, 30], [31, 60], [61, 90], [91, null]];

/**
 * The balance of one supplier on `asOf`, and how old what is owed is. Payments settle the oldest
 * deliveries first (as a supplier's statement does), so what stays owed is the newest part.
 */
export function supplierBalance(rows: readonly LedgerRow[], asOf: string): SupplierBalance {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  const charged = sorted.reduce((s, r) => s + r.amount + r.transport, 0);
  const paid = sorted.reduce((s, r) => s + r.paid, 0);
  let credit = paid;
  const ageing = BUCKETS.map(([from, to]) => ({ from, to, owed: 0 }));
  for (const row of sorted) {
    const cost = row.amount + row.transport;
    const settled = Math.min(cost, credit);
    credit -= settled;
    const open = cost - settled;
    if (open === 0) continue;
    const age = Math.max(0, daysBetween(row.date, asOf));
    ageing.find((b) => age >= b.from && (b.to === null || age <= b.to))!.owed += open;
  }
  return { charged, paid, owed: charged - paid, ageing };
}
