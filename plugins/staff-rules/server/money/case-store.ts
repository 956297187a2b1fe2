import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { MistakeKind } from '../model.js';

/** An after-sales case priced for mistakes. */
export interface PricedCase {
  id: number;
  caseId: string;
  orderNo: string;
  mistake: MistakeKind;
  equipmentFault: boolean;
  returnShippingFen: number;
  closedOn: string;
  source: 'supervisor' | 'after-sales';
}

export interface CaseReader {
  byCaseId(caseId: string): Promise<PricedCase | undefined>;
}

export interface CaseStore extends CaseReader {
  add(c: Omit<PricedCase, 'id'>, by: number | null, at: string): Promise<PricedCase>;
}

const COLUMNS = `id, case_id AS caseId, order_no AS orderNo, mistake, equipment_fault AS equipmentFault,
  return_shipping_fen AS returnShippingFen, closed_on AS closedOn, source`;

/** The store over `staff_rules_cases`: each case is priced once, whichever way it came. */
export function caseStore(tx: Transaction): CaseStore;
export function caseStore(q: Queryable): CaseReader;
export function caseStore(q: Queryable): CaseReader {
  return new DbCaseStore(q as Transaction);
}

class DbCaseStore implements CaseStore {
  constructor(private readonly tx: Transaction) {}

  async byCaseId(caseId: string): Promise<PricedCase | undefined> {
    const row = await this.tx.get<Omit<PricedCase, 'equipmentFault'> & { equipmentFault: number }>(`SELECT ${COLUMNS} FROM staff_rules_cases WHERE case_id = ?`, [caseId]);
    return row ? { ...row, equipmentFault: row.equipmentFault === 1 } : undefined;
  }

  async add(c: Omit<PricedCase, 'id'>, by: number | null, at: string): Promise<PricedCase> {
    await this.tx.run(
      `INSERT INTO staff_rules_cases (case_id, order_no, mistake, equipment_fault, return_shipping_fen, closed_on, source, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.caseId, c.orderNo, c.mistake, c.equipmentFault ? 1 : 0, c.returnShippingFen, c.closedOn, c.source, by, at],
    );
    return (await this.byCaseId(c.caseId))!;
  }
}
