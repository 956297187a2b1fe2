import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { CaseKind, CaseState } from '../shared/case-states.js';
import { caseOf, type Case, type CaseDetail, type CaseMove, type CaseNote, type CaseRow, type PersonRef, type RefundEntry, type Responsibility } from './case-record.js';

/** A case as it is opened: the line's facts from the order, and who opened it when. */
export type NewCase = Pick<
  Case,
  'orderId' | 'orderNo' | 'itemId' | 'lineKey' | 'skuCode' | 'title' | 'quantity' | 'linePaid' | 'shippingPaid' | 'paidAt' | 'kind' | 'reason' | 'reasonText' | 'state' | 'source' | 'platformRefund' | 'dueAt'
> & { by: PersonRef; at: string };

export interface QueueFilter {
  state?: CaseState[];
  kind?: CaseKind[];
  orderNo?: string;
  open?: boolean;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export interface CasePage {
  items: Case[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CaseReader {
  get(id: number, now: string): Promise<Case | undefined>;
  detail(id: number, now: string): Promise<CaseDetail | undefined>;
  queue(filter: QueueFilter, now: string): Promise<CasePage>;
  /** The open case on an order line, if any. */
  openOnLine(orderId: number, itemId: number): Promise<CaseRow | undefined>;
  /** Goods and shipping already refunded on an order line, over all its cases. */
  refundedOnLine(orderId: number, itemId: number): Promise<{ goods: number; shipping: number }>;
  /** Shipping refunded on the whole order, over all its cases. */
  shippingRefundedOnOrder(orderId: number): Promise<number>;
  /** Open cases waiting for the seller whose deadline is at most `hoursLeft` away and not yet warned at that mark. */
  dueForWarning(hoursLeft: number, now: string): Promise<{ id: number; orderNo: string; dueAt: string }[]>;
}

export interface CaseStore extends CaseReader {
  insert(c: NewCase): Promise<number>;
  move(id: number, change: { from: CaseState | null; to: CaseState; dueAt: string | null; closedAt: string | null; platformRefund?: string | null; note: string; by: PersonRef; at: string }): Promise<void>;
  addNote(id: number, note: { kind: 'note' | 'customer'; text: string; by: PersonRef; at: string }): Promise<void>;
  addRefund(id: number, refund: { goods: number; shipping: number; compensation: number; note: string; by: PersonRef; at: string }): Promise<void>;
  setResponsibility(id: number, value: Responsibility, at: string): Promise<void>;
  recordWarning(id: number, hoursLeft: number, at: string): Promise<void>;
}

export function caseStore(tx: Transaction): CaseStore;
export function caseStore(q: Queryable): CaseReader;
export function caseStore(q: Queryable): CaseReader {
  return new DbCaseStore(q as Transaction);
}

const COLUMNS = `c.*,
    (SELECT group_concat(hours_left) FROM after_sales_case_warnings w WHERE w.case_id = c.id) AS warnings,
    COALESCE((SELECT SUM(goods) FROM after_sales_refunds r WHERE r.case_id = c.id), 0) AS goods,
    COALESCE((SELECT SUM(shipping) FROM after_sales_refunds r WHERE r.case_id = c.id), 0) AS shipping,
    COALESCE((SELECT SUM(compensation) FROM after_sales_refunds r WHERE r.case_id = c.id), 0) AS compensation`;
const SELECT = `SELECT ${COLUMNS} FROM after_sales_cases c`;
/**
 * The queue's order. Due first: cases with a deadline by how soon it falls (overdue ones first of
 * all), then the rest newest first. Stored times share the shop's offset, so text order is time
 * order.
 */
const QUEUE_ORDER = 'c.due_at IS NULL, c.due_at, c.id DESC';

class DbCaseStore implements CaseStore {
  constructor(private readonly tx: Transaction) {}

  async get(id: number, now: string): Promise<Case | undefined> {
    const row = await this.tx.get<CaseRow>(`${SELECT} WHERE c.id = ?`, [id]);
    return row && caseOf(row, now);
  }

  async detail(id: number, now: string): Promise<CaseDetail | undefined> {
    const c = await this.get(id, now);
    if (!c) return undefined;
    const moves = await this.tx.all<{ from_state: CaseState | null; to_state: CaseState; note: string; by_id: number | null; by_name: string; at: string }>(
      'SELECT from_state, to_state, note, by_id, by_name, at FROM after_sales_case_moves WHERE case_id = ? ORDER BY id', [id]);
    const notes = await this.tx.all<{ id: number; kind: 'note' | 'customer'; text: string; by_id: number | null; by_name: string; at: string }>(
      'SELECT id, kind, text, by_id, by_name, at FROM after_sales_case_notes WHERE case_id = ? ORDER BY id', [id]);
    const refunds = await this.tx.all<{ id: number; goods: number; shipping: number; compensation: number; note: string; by_id: number | null; by_name: string; at: string }>(
      'SELECT id, goods, shipping, compensation, note, by_id, by_name, at FROM after_sales_refunds WHERE case_id = ? ORDER BY id', [id]);
    return {
      ...c,
      moves: moves.map((m): CaseMove => ({ from: m.from_state, to: m.to_state, note: m.note, by: { id: m.by_id, name: m.by_name }, at: m.at })),
      notes: notes.map((n): CaseNote => ({ id: n.id, kind: n.kind, text: n.text, by: { id: n.by_id, name: n.by_name }, at: n.at })),
      refunds: refunds.map((r): RefundEntry => ({ id: r.id, goods: r.goods, shipping: r.shipping, compensation: r.compensation, note: r.note, by: { id: r.by_id, name: r.by_name }, at: r.at })),
    };
  }

  async queue(f: QueueFilter, now: string): Promise<CasePage> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (f.state?.length) { where.push('c.state IN (SELECT value FROM json_each(?))'); args.push(JSON.stringify(f.state)); }
    if (f.kind?.length) { where.push('c.kind IN (SELECT value FROM json_each(?))'); args.push(JSON.stringify(f.kind)); }
    if (f.orderNo) { where.push('c.order_no = ?'); args.push(f.orderNo.trim()); }
    if (f.open === true) where.push('c.closed_at IS NULL');
    if (f.open === false) where.push('c.closed_at IS NOT NULL');
    if (f.overdue) { where.push('c.due_at IS NOT NULL AND c.due_at < ?'); args.push(now); }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    // The page is chosen on the ids and sort keys alone; the columns, warnings and refund sums are
    // read for its rows only. (Selected with the page, SQLite worked them out for every matching
    // case before sorting: 2,500 open cases cost twice their raw SQL.) The count and the page are
    // asked together.
    const [count, rows] = await Promise.all([
      this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM after_sales_cases c${clause}`, args),
      this.tx.all<CaseRow>(
        `SELECT ${COLUMNS} FROM (SELECT c.id FROM after_sales_cases c${clause} ORDER BY ${QUEUE_ORDER} LIMIT ? OFFSET ?) AS p
           JOIN after_sales_cases c ON c.id = p.id ORDER BY ${QUEUE_ORDER}`,
        [...args, f.pageSize, (f.page - 1) * f.pageSize],
      ),
    ]);
    return { items: rows.map((r) => caseOf(r, now)), total: count?.n ?? 0, page: f.page, pageSize: f.pageSize };
  }

  openOnLine(orderId: number, itemId: number): Promise<CaseRow | undefined> {
    return this.tx.get<CaseRow>(`${SELECT} WHERE c.order_id = ? AND c.item_id = ? AND c.closed_at IS NULL ORDER BY c.id DESC LIMIT 1`, [orderId, itemId]);
  }

  async refundedOnLine(orderId: number, itemId: number): Promise<{ goods: number; shipping: number }> {
    const row = await this.tx.get<{ goods: number | null; shipping: number | null }>(
      'SELECT SUM(r.goods) AS goods, SUM(r.shipping) AS shipping FROM after_sales_refunds r JOIN after_sales_cases c ON c.id = r.case_id WHERE c.order_id = ? AND c.item_id = ?', [orderId, itemId]);
    return { goods: row?.goods ?? 0, shipping: row?.shipping ?? 0 };
  }

  async shippingRefundedOnOrder(orderId: number): Promise<number> {
    const row = await this.tx.get<{ n: number | null }>('SELECT SUM(r.shipping) AS n FROM after_sales_refunds r JOIN after_sales_cases c ON c.id = r.case_id WHERE c.order_id = ?', [orderId]);
    return row?.n ?? 0;
  }

  dueForWarning(hoursLeft: number, now: string): Promise<{ id: number; orderNo: string; dueAt: string }[]> {
    // Compared as instants: julianday reads the offset.
    return this.tx.all<{ id: number; orderNo: string; dueAt: string }>(
      `SELECT c.id, c.order_no AS orderNo, c.due_at AS dueAt FROM after_sales_cases c
        WHERE c.closed_at IS NULL AND c.due_at IS NOT NULL
          AND (julianday(c.due_at) - julianday(?)) * 24 <= ?
          AND NOT EXISTS (SELECT 1 FROM after_sales_case_warnings w WHERE w.case_id = c.id AND w.hours_left = ?)
        ORDER BY c.due_at`,
      [now, hoursLeft, hoursLeft],
    );
  }

  async insert(c: NewCase): Promise<number> {
    const { lastId } = await this.tx.run(
      `INSERT INTO after_sales_cases (order_id, order_no, item_id, line_key, sku_code, title, quantity, line_paid, shipping_paid, paid_at, kind, reason, reason_text,
         state, source, platform_refund, opened_at, opened_by, opened_by_name, due_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.orderId, c.orderNo, c.itemId, c.lineKey, c.skuCode, c.title, c.quantity, c.linePaid, c.shippingPaid, c.paidAt, c.kind, c.reason, c.reasonText,
        c.state, c.source, c.platformRefund, c.at, c.by.id, c.by.name, c.dueAt, c.at],
    );
    await this.tx.run('INSERT INTO after_sales_case_moves (case_id, from_state, to_state, note, by_id, by_name, at) VALUES (?, NULL, ?, ?, ?, ?, ?)',
      [lastId, c.state, c.source === 'import' ? 'import' : '', c.by.id, c.by.name, c.at]);
    return lastId;
  }

  async move(id: number, m: { from: CaseState | null; to: CaseState; dueAt: string | null; closedAt: string | null; platformRefund?: string | null; note: string; by: PersonRef; at: string }): Promise<void> {
    await this.tx.run(
      `UPDATE after_sales_cases SET state = ?, due_at = ?, closed_at = ?, platform_refund = COALESCE(?, platform_refund), version = version + 1, updated_at = ? WHERE id = ?`,
      [m.to, m.dueAt, m.closedAt, m.platformRefund ?? null, m.at, id],
    );
    await this.tx.run('INSERT INTO after_sales_case_moves (case_id, from_state, to_state, note, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, m.from, m.to, m.note, m.by.id, m.by.name, m.at]);
  }

  async addNote(id: number, n: { kind: 'note' | 'customer'; text: string; by: PersonRef; at: string }): Promise<void> {
    await this.tx.run('INSERT INTO after_sales_case_notes (case_id, kind, text, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?)', [id, n.kind, n.text, n.by.id, n.by.name, n.at]);
    await this.tx.run('UPDATE after_sales_cases SET version = version + 1, updated_at = ? WHERE id = ?', [n.at, id]);
  }

  async addRefund(id: number, r: { goods: number; shipping: number; compensation: number; note: string; by: PersonRef; at: string }): Promise<void> {
    await this.tx.run('INSERT INTO after_sales_refunds (case_id, goods, shipping, compensation, note, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [id, r.goods, r.shipping, r.compensation, r.note, r.by.id, r.by.name, r.at]);
    await this.tx.run('UPDATE after_sales_cases SET version = version + 1, updated_at = ? WHERE id = ?', [r.at, id]);
  }

  async setResponsibility(id: number, value: Responsibility, at: string): Promise<void> {
    await this.tx.run('UPDATE after_sales_cases SET responsibility = ?, version = version + 1, updated_at = ? WHERE id = ?', [JSON.stringify(value), at, id]);
  }

  async recordWarning(id: number, hoursLeft: number, at: string): Promise<void> {
    await this.tx.run('INSERT OR IGNORE INTO after_sales_case_warnings (case_id, hours_left, at) VALUES (?, ?, ?)', [id, hoursLeft, at]);
  }
}
