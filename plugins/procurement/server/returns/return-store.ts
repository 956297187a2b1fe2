import { NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import { nextNumber } from '../numbers.js';

export type ReturnStatus = 'open' | 'sent' | 'settled';

export interface ReturnLine {
  id: number;
  orderLineId: number | null;
  skuId: number;
  skuCode: string;
  title: string;
  qty: number;
  /** 分 per piece, as ordered. */
  price: number;
  reason: string;
  /** Came back as 换货入库. */
  exchanged: number;
  /** Settled otherwise: refunded, credited, written off. */
  writtenOff: number;
  /** Still on the return's own account. */
  open: number;
}

export interface SupplierReturn {
  id: number;
  returnNo: string;
  supplierId: number;
  supplierName: string;
  orderId: number | null;
  poNo: string | null;
  status: ReturnStatus;
  reason: string;
  settlementNote: string | null;
  createdAt: string;
  sentAt: string | null;
  settledAt: string | null;
  version: number;
  lines: ReturnLine[];
  /** Pieces and their value (分) not yet exchanged or settled. */
  openQty: number;
  openValue: number;
}

export interface ReturnInput {
  supplierId: number;
  orderId: number | null;
  receiptId: number | null;
  reason: string;
  lines: { orderLineId: number | null; skuId: number; skuCode: string; title: string; qty: number; price: number; reason: string }[];
}

export interface ReturnReader {
  get(id: number): Promise<SupplierReturn>;
  list(query: { status?: ReturnStatus; supplierId?: number }): Promise<SupplierReturn[]>;
}

export interface ReturnStore extends ReturnReader {
  add(input: ReturnInput, byId: number, now: string): Promise<number>;
  markSent(id: number, version: number, byId: number, now: string): Promise<void>;
  exchange(lineId: number, qty: number): Promise<void>;
  writeOffRest(id: number): Promise<void>;
  settle(id: number, version: number, note: string | null, byId: number, now: string): Promise<void>;
}

export function returnStore(tx: Transaction): ReturnStore;
export function returnStore(q: Queryable): ReturnReader;
export function returnStore(q: Queryable): ReturnReader {
  return new DbReturnStore(q as Transaction);
}

type Row = Omit<SupplierReturn, 'lines' | 'openQty' | 'openValue'>;
const COLUMNS = `r.id, r.return_no AS returnNo, r.supplier_id AS supplierId, s.name AS supplierName, r.order_id AS orderId, o.po_no AS poNo,
  r.status, r.reason, r.settlement_note AS settlementNote, r.created_at AS createdAt, r.sent_at AS sentAt, r.settled_at AS settledAt, r.version`;
const FROM = 'FROM procurement_returns r JOIN procurement_suppliers s ON s.id = r.supplier_id LEFT JOIN procurement_orders o ON o.id = r.order_id';

class DbReturnStore implements ReturnStore {
  constructor(private readonly tx: Transaction) {}

  private async withLines(rows: Row[]): Promise<SupplierReturn[]> {
    if (rows.length === 0) return [];
    const lines = await this.tx.all<Omit<ReturnLine, 'open'> & { returnId: number }>(
      `SELECT id, return_id AS returnId, order_line_id AS orderLineId, sku_id AS skuId, sku_code AS skuCode, title, qty, price, reason, exchanged, written_off AS writtenOff
       FROM procurement_return_lines WHERE return_id IN (${rows.map(() => '?').join(',')}) ORDER BY id`,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const own = lines.filter((l) => l.returnId === r.id).map(({ returnId: _, ...l }) => ({ ...l, open: l.qty - l.exchanged - l.writtenOff }));
      return { ...r, lines: own, openQty: own.reduce((s, l) => s + l.open, 0), openValue: own.reduce((s, l) => s + l.open * l.price, 0) };
    });
  }

  async get(id: number): Promise<SupplierReturn> {
    const row = await this.tx.get<Row>(`SELECT ${COLUMNS} ${FROM} WHERE r.id = ?`, [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有编号为 ${id} 的退换货单`, en: `There is no supplier return ${id}` });
    return (await this.withLines([row]))[0]!;
  }

  async list(query: { status?: ReturnStatus; supplierId?: number }): Promise<SupplierReturn[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.status) (where.push('r.status = ?'), params.push(query.status));
    if (query.supplierId) (where.push('r.supplier_id = ?'), params.push(query.supplierId));
    const rows = await this.tx.all<Row>(`SELECT ${COLUMNS} ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT 500`, params);
    return this.withLines(rows);
  }

  async add(input: ReturnInput, byId: number, now: string): Promise<number> {
    const returnNo = await nextNumber(this.tx, 'procurement_returns', 'return_no', 'TH', now);
    const { lastId } = await this.tx.run(
      'INSERT INTO procurement_returns (return_no, supplier_id, order_id, receipt_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [returnNo, input.supplierId, input.orderId, input.receiptId, input.reason, byId, now],
    );
    for (const l of input.lines) {
      await this.tx.run(
        'INSERT INTO procurement_return_lines (return_id, order_line_id, sku_id, sku_code, title, qty, price, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [lastId, l.orderLineId, l.skuId, l.skuCode, l.title, l.qty, l.price, l.reason],
      );
    }
    return lastId;
  }

  async markSent(id: number, version: number, byId: number, now: string): Promise<void> {
    await this.tx.updateVersioned('procurement_returns', { id, version }, { status: 'sent', sent_by: byId, sent_at: now });
  }

  async exchange(lineId: number, qty: number): Promise<void> {
    await this.tx.run('UPDATE procurement_return_lines SET exchanged = exchanged + ? WHERE id = ?', [qty, lineId]);
  }

  async writeOffRest(id: number): Promise<void> {
    await this.tx.run('UPDATE procurement_return_lines SET written_off = qty - exchanged WHERE return_id = ?', [id]);
  }

  async settle(id: number, version: number, note: string | null, byId: number, now: string): Promise<void> {
    await this.tx.updateVersioned('procurement_returns', { id, version }, { status: 'settled', settlement_note: note, settled_by: byId, settled_at: now });
  }
}
