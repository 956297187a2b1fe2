import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { PersonRef } from '../case-record.js';

/** A case's return as the API sends it: the tracking number, then the receipt. */
export interface ReturnRecord {
  caseId: number;
  trackingNo: string | null;
  intact: number | null;
  damaged: number | null;
  locationCode: string | null;
  note: string;
  receivedAt: string | null;
  receivedByName: string | null;
}

export interface ReturnReader {
  get(caseId: number): Promise<ReturnRecord | undefined>;
  /** Open return and exchange cases a scan may mean: by return tracking number, else by order number. */
  casesForScan(code: string): Promise<number[]>;
}

export interface ReturnStore extends ReturnReader {
  setTracking(caseId: number, trackingNo: string): Promise<void>;
  receive(caseId: number, r: { intact: number; damaged: number; locationCode: string | null; note: string; by: PersonRef; at: string }): Promise<void>;
}

const COLUMNS = `case_id AS caseId, tracking_no AS trackingNo, intact, damaged, location_code AS locationCode, note,
  received_at AS receivedAt, received_by_name AS receivedByName`;

export function returnStore(tx: Transaction): ReturnStore;
export function returnStore(q: Queryable): ReturnReader;
export function returnStore(q: Queryable): ReturnReader {
  return new DbReturnStore(q as Transaction);
}

class DbReturnStore implements ReturnStore {
  constructor(private readonly tx: Transaction) {}

  get(caseId: number): Promise<ReturnRecord | undefined> {
    return this.tx.get<ReturnRecord>(`SELECT ${COLUMNS} FROM after_sales_returns WHERE case_id = ?`, [caseId]);
  }

  async casesForScan(code: string): Promise<number[]> {
    const open = "c.closed_at IS NULL AND c.kind IN ('return-refund', 'exchange') AND c.state IN ('wait-buyer-return', 'wait-seller-confirm') AND r.received_at IS NULL";
    const byTracking = await this.tx.all<{ id: number }>(`SELECT c.id FROM after_sales_cases c JOIN after_sales_returns r ON r.case_id = c.id WHERE r.tracking_no = ? AND ${open} ORDER BY c.id`, [code]);
    if (byTracking.length > 0) return byTracking.map((r) => r.id);
    const byOrder = await this.tx.all<{ id: number }>(`SELECT c.id FROM after_sales_cases c LEFT JOIN after_sales_returns r ON r.case_id = c.id WHERE c.order_no = ? AND ${open} ORDER BY c.id`, [code]);
    return byOrder.map((r) => r.id);
  }

  async setTracking(caseId: number, trackingNo: string): Promise<void> {
    await this.tx.run('INSERT INTO after_sales_returns (case_id, tracking_no) VALUES (?, ?) ON CONFLICT (case_id) DO UPDATE SET tracking_no = excluded.tracking_no', [caseId, trackingNo]);
  }

  async receive(caseId: number, r: { intact: number; damaged: number; locationCode: string | null; note: string; by: PersonRef; at: string }): Promise<void> {
    await this.tx.run(
      `INSERT INTO after_sales_returns (case_id, intact, damaged, location_code, note, received_at, received_by, received_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET intact = excluded.intact, damaged = excluded.damaged, location_code = excluded.location_code, note = excluded.note,
         received_at = excluded.received_at, received_by = excluded.received_by, received_by_name = excluded.received_by_name`,
      [caseId, r.intact, r.damaged, r.locationCode, r.note, r.at, r.by.id, r.by.name],
    );
  }
}
