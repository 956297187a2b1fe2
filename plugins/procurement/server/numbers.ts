import type { Transaction } from '@workbench/plugin-api';

/**
 * The next document number of the shop day: prefix + date + a three-digit sequence, e.g.
 * CG20261207001. Numeric maximum, not text, since a day may hold 001 … 1000.
 */
export async function nextNumber(tx: Transaction, table: string, column: string, prefix: string, now: string): Promise<string> {
  const start = `${prefix}${now.slice(0, 10).replaceAll('-', '')}`;
  const rows = await tx.all<{ no: string }>(`SELECT ${column} AS no FROM ${table} WHERE ${column} LIKE ?`, [`${start}%`]);
  const seq = rows.reduce((max, r) => Math.max(max, Number(r.no.slice(start.length)) || 0), 0) + 1;
  return `${start}${String(seq).padStart(3, '0')}`;
}

/** Who did something, as steps record it. */
export interface By {
  id: number;
  name: string;
}
