import { NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import { nextNumber } from '../numbers.js';

/** One supplier's answer for one line. */
export interface Quote {
  supplierId: number;
  price: number;
  leadTimeDays: number;
  minQty: number;
  note: string;
  /** What buying the line from this supplier costs: price × the larger of the quantity and the minimum, 分. */
  amount: number;
  /** The lowest amount of the line's quotes. */
  cheapest: boolean;
}

export interface RfqLine {
  id: number;
  skuId: number;
  skuCode: string;
  title: string;
  qty: number;
  chosenSupplierId: number | null;
  quotes: Quote[];
}

/** A request for quotation as a comparison table: per line, each supplier's price, lead time, minimum, and its score. */
export interface Rfq {
  id: number;
  rfqNo: string;
  planId: number | null;
  status: 'open' | 'decided' | 'ordered';
  suppliers: { id: number; name: string; points: number; standing: string; leadTimeDays: number }[];
  lines: RfqLine[];
  choiceReason: string | null;
  decidedAt: string | null;
  createdAt: string;
  version: number;
}

export interface RfqStore {
  get(id: number): Promise<Rfq>;
  list(): Promise<Omit<Rfq, 'lines' | 'suppliers'>[]>;
  create(input: { planId: number | null; supplierIds: number[]; lines: { skuId: number; skuCode: string; title: string; qty: number }[] }, byId: number, now: string): Promise<number>;
  quote(lineId: number, supplierId: number, q: { price: number; leadTimeDays: number; minQty: number; note: string }, byId: number, now: string): Promise<void>;
  choose(id: number, version: number, choices: { lineId: number; supplierId: number }[], reason: string, byId: number, now: string): Promise<void>;
  markOrdered(id: number, version: number): Promise<void>;
}

export function rfqStore(q: Queryable): RfqStore {
  return new DbRfqStore(q as Transaction);
}

class DbRfqStore implements RfqStore {
  constructor(private readonly tx: Transaction) {}

  async get(id: number): Promise<Rfq> {
    const row = await this.tx.get<Omit<Rfq, 'lines' | 'suppliers'>>(
      'SELECT id, rfq_no AS rfqNo, plan_id AS planId, status, choice_reason AS choiceReason, decided_at AS decidedAt, created_at AS createdAt, version FROM procurement_rfqs WHERE id = ?',
      [id],
    );
    if (!row) throw new NotFoundError({ 'zh-CN': `没有编号为 ${id} 的询价单`, en: `There is no request for quotation ${id}` });
    const suppliers = await this.tx.all<Rfq['suppliers'][number]>(
      'SELECT s.id, s.name, s.points, s.standing, s.lead_time_days AS leadTimeDays FROM procurement_rfq_suppliers r JOIN procurement_suppliers s ON s.id = r.supplier_id WHERE r.rfq_id = ? ORDER BY s.name',
      [id],
    );
    const lines = await this.tx.all<Omit<RfqLine, 'quotes'>>(
      'SELECT id, sku_id AS skuId, sku_code AS skuCode, title, qty, chosen_supplier_id AS chosenSupplierId FROM procurement_rfq_lines WHERE rfq_id = ? ORDER BY id',
      [id],
    );
    const quotes = await this.tx.all<Omit<Quote, 'amount' | 'cheapest'> & { lineId: number }>(
      `SELECT q.rfq_line_id AS lineId, q.supplier_id AS supplierId, q.price, q.lead_time_days AS leadTimeDays, q.min_qty AS minQty, q.note
       FROM procurement_quotes q JOIN procurement_rfq_lines l ON l.id = q.rfq_line_id WHERE l.rfq_id = ? ORDER BY q.supplier_id`,
      [id],
    );
    return {
      ...row,
      suppliers,
      lines: lines.map((l) => {
        const own = quotes.filter((q) => q.lineId === l.id).map(({ lineId: _, ...q }) => ({ ...q, amount: q.price * Math.max(l.qty, q.minQty) }));
        const low = Math.min(...own.map((q) => q.amount));
        return { ...l, quotes: own.map((q) => ({ ...q, cheapest: q.amount === low })) };
      }),
    };
  }

  async list() {
    return this.tx.all<Omit<Rfq, 'lines' | 'suppliers'>>(
      'SELECT id, rfq_no AS rfqNo, plan_id AS planId, status, choice_reason AS choiceReason, decided_at AS decidedAt, created_at AS createdAt, version FROM procurement_rfqs ORDER BY id DESC LIMIT 200',
    );
  }

  async create(input: { planId: number | null; supplierIds: number[]; lines: { skuId: number; skuCode: string; title: string; qty: number }[] }, byId: number, now: string): Promise<number> {
    const rfqNo = await nextNumber(this.tx, 'procurement_rfqs', 'rfq_no', 'XJ', now);
    const { lastId } = await this.tx.run('INSERT INTO procurement_rfqs (rfq_no, plan_id, created_by, created_at) VALUES (?, ?, ?, ?)', [rfqNo, input.planId, byId, now]);
    for (const s of new Set(input.supplierIds)) await this.tx.run('INSERT INTO procurement_rfq_suppliers (rfq_id, supplier_id) VALUES (?, ?)', [lastId, s]);
    for (const l of input.lines) await this.tx.run('INSERT INTO procurement_rfq_lines (rfq_id, sku_id, sku_code, title, qty) VALUES (?, ?, ?, ?, ?)', [lastId, l.skuId, l.skuCode, l.title, l.qty]);
    return lastId;
  }

  async quote(lineId: number, supplierId: number, q: { price: number; leadTimeDays: number; minQty: number; note: string }, byId: number, now: string): Promise<void> {
    await this.tx.run(
      `INSERT INTO procurement_quotes (rfq_line_id, supplier_id, price, lead_time_days, min_qty, note, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (rfq_line_id, supplier_id) DO UPDATE SET price = excluded.price, lead_time_days = excluded.lead_time_days, min_qty = excluded.min_qty, note = excluded.note, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
      [lineId, supplierId, q.price, q.leadTimeDays, q.minQty, q.note, byId, now],
    );
  }

  async choose(id: number, version: number, choices: { lineId: number; supplierId: number }[], reason: string, byId: number, now: string): Promise<void> {
    await this.tx.updateVersioned('procurement_rfqs', { id, version }, { status: 'decided', choice_reason: reason, decided_by: byId, decided_at: now });
    for (const c of choices) await this.tx.run('UPDATE procurement_rfq_lines SET chosen_supplier_id = ? WHERE id = ? AND rfq_id = ?', [c.supplierId, c.lineId, id]);
  }

  async markOrdered(id: number, version: number): Promise<void> {
    await this.tx.updateVersioned('procurement_rfqs', { id, version }, { status: 'ordered' });
  }
}
