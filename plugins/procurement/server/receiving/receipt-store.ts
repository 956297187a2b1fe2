import type { Queryable, Transaction } from '@workbench/plugin-api';
import { nextNumber, type By } from '../numbers.js';
import type { LineOutcome } from './receipt-math.js';

/** One line of a receipt as the API sends it. */
export interface ReceiptLine extends LineOutcome {
  skuId: number;
  skuCode: string;
  title: string;
  failureReason: string | null;
}

export interface Receipt {
  id: number;
  receiptNo: string;
  orderId: number;
  day: string;
  byName: string;
  at: string;
  lines: ReceiptLine[];
}

/** The first inspection of a SKU from a supplier, which later batches are compared with. */
export interface FirstInspection {
  counted: number;
  failed: number;
  receiptNo: string;
}

export interface ReceiptReader {
  forOrder(orderId: number): Promise<Receipt[]>;
  firstInspection(supplierId: number, skuId: number): Promise<FirstInspection | undefined>;
}

export interface ReceiptStore extends ReceiptReader {
  add(orderId: number, day: string, lines: (LineOutcome & { failureReason: string | null })[], by: By, now: string): Promise<{ id: number; receiptNo: string }>;
  keepFirstInspection(supplierId: number, skuId: number, inspection: FirstInspection): Promise<void>;
}

export function receiptStore(tx: Transaction): ReceiptStore;
export function receiptStore(q: Queryable): ReceiptReader;
export function receiptStore(q: Queryable): ReceiptReader {
  return new DbReceiptStore(q as Transaction);
}

class DbReceiptStore implements ReceiptStore {
  constructor(private readonly tx: Transaction) {}

  async forOrder(orderId: number): Promise<Receipt[]> {
    const receipts = await this.tx.all<Omit<Receipt, 'lines'>>(
      'SELECT id, receipt_no AS receiptNo, order_id AS orderId, day, by_name AS byName, at FROM procurement_receipts WHERE order_id = ? ORDER BY id',
      [orderId],
    );
    const lines = await this.tx.all<ReceiptLine & { receiptId: number }>(
      `SELECT r.receipt_id AS receiptId, r.order_line_id AS lineId, l.sku_id AS skuId, l.sku_code AS skuCode, l.title, r.counted, r.passed, r.failed, r.over,
         0 AS outstanding, r.days_late AS daysLate, r.failure_reason AS failureReason
       FROM procurement_receipt_lines r JOIN procurement_order_lines l ON l.id = r.order_line_id WHERE l.order_id = ? ORDER BY r.receipt_id, l.id`,
      [orderId],
    );
    return receipts.map((r) => ({ ...r, lines: lines.filter((l) => l.receiptId === r.id).map(({ receiptId: _, ...l }) => l) }));
  }

  async firstInspection(supplierId: number, skuId: number): Promise<FirstInspection | undefined> {
    return this.tx.get<FirstInspection>('SELECT counted, failed, receipt_no AS receiptNo FROM procurement_first_inspections WHERE supplier_id = ? AND sku_id = ?', [supplierId, skuId]);
  }

  async add(orderId: number, day: string, lines: (LineOutcome & { failureReason: string | null })[], by: By, now: string) {
    const receiptNo = await nextNumber(this.tx, 'procurement_receipts', 'receipt_no', 'SH', now);
    const { lastId } = await this.tx.run('INSERT INTO procurement_receipts (receipt_no, order_id, day, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?)', [receiptNo, orderId, day, by.id, by.name, now]);
    for (const l of lines) {
      await this.tx.run(
        'INSERT INTO procurement_receipt_lines (receipt_id, order_line_id, counted, passed, failed, over, days_late, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [lastId, l.lineId, l.counted, l.passed, l.failed, l.over, l.daysLate, l.failureReason],
      );
    }
    return { id: lastId, receiptNo };
  }

  async keepFirstInspection(supplierId: number, skuId: number, inspection: FirstInspection): Promise<void> {
    await this.tx.run('INSERT OR IGNORE INTO procurement_first_inspections (supplier_id, sku_id, counted, failed, receipt_no) VALUES (?, ?, ?, ?, ?)', [supplierId, skuId, inspection.counted, inspection.failed, inspection.receiptNo]);
  }
}
