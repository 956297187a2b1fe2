import type { Actor, Queryable, Transaction } from '@workbench/plugin-api';
import type { ListingStatus } from '../types.js';

/** What moved a product: a person's action, or the schedule job acting on its own. */
export type HistoryAction = 'submit' | 'approve' | 'reject' | 'list' | 'delist' | 'schedule' | 'approve-revision' | 'reject-revision';

export interface HistoryEntry {
  action: HistoryAction;
  fromStatus: ListingStatus | null;
  toStatus: ListingStatus | null;
  /** Null when the schedule job made the move. */
  actorId: number | null;
  actorName: string;
  at: string;
  note: string | null;
  /** Checklist rule ids that failed when the product was submitted (submit entries only). */
  failedRules: string[];
}

/** The name history shows for moves the schedule job makes without anyone clicking. */
export const SCHEDULE_ACTOR_NAME = '定时任务';

interface HistoryRow {
  action: HistoryAction;
  from_status: ListingStatus | null;
  to_status: ListingStatus | null;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
  failed_rules: string | null;
}

/** Records one move of a product, inside the transaction that makes it. */
export async function writeHistory(
  tx: Transaction,
  entry: { productId: number; action: HistoryAction; from: ListingStatus | null; to: ListingStatus | null; actor: Actor | undefined; at: string; note?: string | null; failedRules?: string[] },
): Promise<void> {
  await tx.run(
    'INSERT INTO listings_product_history (product_id, action, from_status, to_status, actor_id, actor_name, at, note, failed_rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      entry.productId,
      entry.action,
      entry.from,
      entry.to,
      entry.actor?.id ?? null,
      entry.actor?.displayName ?? SCHEDULE_ACTOR_NAME,
      entry.at,
      entry.note ?? null,
      entry.failedRules ? JSON.stringify(entry.failedRules) : null,
    ],
  );
}

function entryFromRow(row: HistoryRow): HistoryEntry {
  return {
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorId: row.actor_id,
    actorName: row.actor_name ?? SCHEDULE_ACTOR_NAME,
    at: row.at,
    note: row.note,
    failedRules: row.failed_rules ? (JSON.parse(row.failed_rules) as string[]) : [],
  };
}

/** Every move of a product, oldest first. */
export async function readHistory(q: Queryable, productId: number): Promise<HistoryEntry[]> {
  const rows = await q.all<HistoryRow>('SELECT * FROM listings_product_history WHERE product_id = ? ORDER BY id', [productId]);
  return rows.map(entryFromRow);
}

/** The latest submission of each product given: who sent it and which rules failed then. */
export async function latestSubmissions(q: Queryable, productIds: number[]): Promise<Map<number, HistoryEntry>> {
  const found = new Map<number, HistoryEntry>();
  if (productIds.length === 0) return found;
  const rows = await q.all<HistoryRow & { product_id: number }>(
    `SELECT h.* FROM listings_product_history h
      WHERE h.id IN (SELECT MAX(id) FROM listings_product_history WHERE action = 'submit' AND product_id IN (${productIds.map(() => '?').join(', ')}) GROUP BY product_id)`,
    productIds,
  );
  for (const row of rows) found.set(row.product_id, entryFromRow(row));
  return found;
}
