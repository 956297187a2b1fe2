import type { Transaction } from '@workbench/plugin-api';
import type { OrderStatus } from '../../shared/state-names.js';
import type { StepBy } from '../shared/actor.js';
import type { OrderException } from '../types.js';
import type { StockOps } from '../warehouse/stock-ops.js';
import { canMove, refusedMove } from './order-moves.js';
import type { ReviewItem, ReviewRow } from './review-rows.js';

const HISTORY_COLUMNS = ['order_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_name', 'at', 'detail'] as const;

/**
 * The outcomes of one slice of a batch review, written set-wise when the slice is decided: one
 * UPDATE per outcome, the history and the reservations in bulk. Written one order at a time,
 * five thousand orders cost some twenty thousand statements, each a hop to SQLite's thread and
 * back; the rows left behind are the same as `moveOrder` and `StockOps.reserve` write, history
 * in the order the orders were decided.
 */
export class SliceWrites {
  private readonly approved: number[] = [];
  private readonly exceptions: [number, string][] = [];
  private readonly history: (string | number | null)[][] = [];
  private readonly reservations = new Map<number, Map<number, number>>();

  constructor(
    private readonly step: { by: StepBy; at: string },
    private readonly mode: 'auto' | 'batch',
  ) {}

  /** 审核通过: reviewer and time recorded, exceptions cleared, the lines with a SKU reserved. */
  approve(row: ReviewRow, items: ReviewItem[]): void {
    this.move(row, 'approved', 'approve', { batch: this.mode });
    this.approved.push(row.id);
    const bySku = new Map<number, number>();
    for (const i of items) if (i.sku_id !== null) bySku.set(i.sku_id, (bySku.get(i.sku_id) ?? 0) + i.quantity);
    this.reservations.set(row.id, bySku);
  }

  /** 异常 with the failing rules (`codes` as the findings have them, for the history), as 自动审单 leaves an order it cannot approve. */
  exception(row: ReviewRow, exceptions: OrderException[], codes: (string | undefined)[]): void {
    this.move(row, 'exception', 'auto-review', { codes });
    this.exceptions.push([row.id, JSON.stringify(exceptions)]);
  }

  private move(row: ReviewRow, to: OrderStatus, action: string, detail: Record<string, unknown>): void {
    if (row.status !== to && !canMove(row.status, to)) throw refusedMove(row.order_no, row.status, to);
    const { by, at } = this.step;
    this.history.push([row.id, action, row.status, to, by.id, by.name, at, JSON.stringify(detail)]);
  }

  /** Writes the slice in the caller's transaction, which read the orders and holds the writer since. */
  async flush(tx: Transaction, stock: StockOps): Promise<void> {
    const { by, at } = this.step;
    // The rows were read in this transaction, so their versions still hold: bump them in place.
    if (this.approved.length) {
      await expectChanged(
        tx.run(
          `UPDATE fulfillment_orders SET status = 'approved', updated_at = ?, reviewed_by = ?, reviewed_by_name = ?, reviewed_at = ?, exceptions = '[]', version = version + 1
           WHERE id IN (SELECT value FROM json_each(?))`,
          [at, by.id, by.name, at, JSON.stringify(this.approved)],
        ),
        this.approved.length,
      );
    }
    if (this.exceptions.length) {
      await expectChanged(
        tx.run(
          `UPDATE fulfillment_orders AS o SET status = 'exception', updated_at = ?, exceptions = json_extract(j.value, '$[1]'), version = o.version + 1
           FROM json_each(?) AS j WHERE o.id = json_extract(j.value, '$[0]')`,
          [at, JSON.stringify(this.exceptions)],
        ),
        this.exceptions.length,
      );
    }
    await tx.insertMany('fulfillment_order_history', HISTORY_COLUMNS, this.history);
    if (this.reservations.size) await stock.reserveMany(tx, this.reservations);
  }
}

async function expectChanged(run: Promise<{ changes: number }>, expected: number): Promise<void> {
  const { changes } = await run;
  if (changes !== expected) throw new Error(`batch review: ${changes} orders changed where ${expected} were decided`);
}
