import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { LedgerRow } from './ledger-math.js';

/** A row of the supplier ledger as the API sends it, with the balance after it. */
export interface LedgerEntry extends LedgerRow {
  id: number;
  supplierId: number;
  kind: 'delivery' | 'payment';
  reference: string;
  orderId: number | null;
  note: string;
  at: string;
  /** 欠款 after this row, 分. */
  balance: number;
}

export interface LedgerInput {
  supplierId: number;
  day: string;
  kind: 'delivery' | 'payment';
  reference: string;
  orderId?: number | null;
  amount?: number;
  transport?: number;
  paid?: number;
  note?: string;
}

export interface LedgerReader {
  /** One supplier's rows by day (then entry order), each with the running balance; `from`/`to` shop days, inclusive. */
  rows(supplierId: number, range?: { from?: string; to?: string }): Promise<LedgerEntry[]>;
  /** Every supplier that has a row, with its rows (for balances and ageing). */
  suppliers(): Promise<{ supplierId: number; name: string }[]>;
}

export interface LedgerStore extends LedgerReader {
  add(entry: LedgerInput, byId: number, now: string): Promise<number>;
}

export function ledgerStore(tx: Transaction): LedgerStore;
export function ledgerStore(q: Queryable): LedgerReader;
export function ledgerStore(q: Queryable): LedgerReader {
  return new DbLedgerStore(q as Transaction);
}

class DbLedgerStore implements LedgerStore {
  constructor(private readonly tx: Transaction) {}

  async rows(supplierId: number, range: { from?: string; to?: string } = {}): Promise<LedgerEntry[]> {
    const all = await this.tx.all<Omit<LedgerEntry, 'balance' | 'date'> & { day: string }>(
      `SELECT id, supplier_id AS supplierId, day, kind, reference, order_id AS orderId, amount, transport, paid, note, at
       FROM procurement_ledger WHERE supplier_id = ? ORDER BY day, id`,
      [supplierId],
    );
    // The balance runs over every row, so a statement from a later day opens with what was owed before it.
    let balance = 0;
    const out: LedgerEntry[] = [];
    for (const { day, ...r } of all) {
      balance += r.amount + r.transport - r.paid;
      if ((range.from && day < range.from) || (range.to && day > range.to)) continue;
      out.push({ ...r, date: day, balance });
    }
    return out;
  }

  async suppliers() {
    return this.tx.all<{ supplierId: number; name: string }>(
      'SELECT DISTINCT s.id AS supplierId, s.name FROM procurement_ledger l JOIN procurement_suppliers s ON s.id = l.supplier_id ORDER BY s.name',
    );
  }

  async add(entry: LedgerInput, byId: number, now: string): Promise<number> {
    const { lastId } = await this.tx.run(
      'INSERT INTO procurement_ledger (supplier_id, day, kind, reference, order_id, amount, transport, paid, note, by_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [entry.supplierId, entry.day, entry.kind, entry.reference, entry.orderId ?? null, entry.amount ?? 0, entry.transport ?? 0, entry.paid ?? 0, entry.note ?? '', byId, now],
    );
    return lastId;
  }
}
