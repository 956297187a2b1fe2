import type { Queryable, Transaction } from '@workbench/plugin-api';

/** One payment from the department fund. */
export interface FundSpending {
  id: number;
  date: string;
  amountFen: number;
  note: string;
  receiptNo: string;
  recordedBy: number;
  recordedAt: string;
}

export interface FundReader {
  spending(): Promise<FundSpending[]>;
  spentFen(): Promise<number>;
}

export interface FundStore extends FundReader {
  spend(s: Omit<FundSpending, 'id'>): Promise<FundSpending>;
}

const COLUMNS = 'id, date, amount_fen AS amountFen, note, receipt_no AS receiptNo, recorded_by AS recordedBy, recorded_at AS recordedAt';

/** The store over `staff_rules_fund_spending`, bound to the caller's transaction. */
export function fundStore(tx: Transaction): FundStore;
export function fundStore(q: Queryable): FundReader;
export function fundStore(q: Queryable): FundReader {
  return new DbFundStore(q as Transaction);
}

class DbFundStore implements FundStore {
  constructor(private readonly tx: Transaction) {}

  spending(): Promise<FundSpending[]> {
    return this.tx.all<FundSpending>(`SELECT ${COLUMNS} FROM staff_rules_fund_spending ORDER BY date DESC, id DESC`);
  }

  async spentFen(): Promise<number> {
    return (await this.tx.get<{ fen: number | null }>('SELECT SUM(amount_fen) AS fen FROM staff_rules_fund_spending'))?.fen ?? 0;
  }

  async spend(s: Omit<FundSpending, 'id'>): Promise<FundSpending> {
    const { lastId } = await this.tx.run(
      'INSERT INTO staff_rules_fund_spending (date, amount_fen, note, receipt_no, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
      [s.date, s.amountFen, s.note, s.receiptNo, s.recordedBy, s.recordedAt],
    );
    return (await this.tx.get<FundSpending>(`SELECT ${COLUMNS} FROM staff_rules_fund_spending WHERE id = ?`, [lastId]))!;
  }
}
