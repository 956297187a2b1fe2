import { NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import { nextNumber, type By } from '../numbers.js';
import type { ApprovalStep, Signature } from './approval-chain.js';
import type { PoApproval, PoInput, PoLine, PoStep, PoSummary, PurchaseOrder } from './order-model.js';
import type { PoStatus } from './po-states.js';

/** Orders whose outstanding pieces count as "on order" for the reorder suggestions. */
export const OPEN_STATUSES: readonly PoStatus[] = ['approved', 'sent', 'partly-received'];

export interface OrderListQuery {
  status?: PoStatus;
  supplierId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

/** What may be read of purchase orders, in any read or transaction. */
export interface OrderReader {
  /** The order; `steps` (the chain as it stands for a draft) are merged with the signatures. */
  get(id: number, steps?: readonly ApprovalStep[]): Promise<PurchaseOrder>;
  byNo(poNo: string): Promise<number | undefined>;
  list(query: OrderListQuery): Promise<{ items: PoSummary[]; total: number; page: number; pageSize: number }>;
  signatures(id: number): Promise<(Signature & { role: string })[]>;
  /** Pieces ordered and not yet passed, per SKU id, over approved, sent and partly received orders. */
  onOrder(skuIds?: readonly number[]): Promise<Map<number, number>>;
  /** The same per 商家编码, for the reorder suggestions. */
  onOrderByCode(skuCodes: readonly string[]): Promise<Map<string, number>>;
}

export interface OrderStore extends OrderReader {
  create(input: PoInput, by: By, now: string): Promise<number>;
  /** Replaces a draft's lines and terms; signatures already given are dropped (the amount may differ). */
  replace(id: number, version: number, input: Omit<PoInput, 'supplierId' | 'rfqId'>): Promise<void>;
  move(id: number, version: number, move: string, to: PoStatus, by: By, now: string, note?: string): Promise<void>;
  sign(id: number, step: number, approval: ApprovalStep, by: By, now: string): Promise<void>;
  addPassed(lineId: number, passed: number, failed: number): Promise<void>;
}

export function orderStore(tx: Transaction): OrderStore;
export function orderStore(q: Queryable): OrderReader;
export function orderStore(q: Queryable): OrderReader {
  return new DbOrderStore(q as Transaction);
}

interface OrderRow {
  id: number;
  poNo: string;
  supplierId: number;
  supplierName: string;
  rfqId: number | null;
  contractId: number | null;
  status: PoStatus;
  transportCost: number;
  goodsAmount: number;
  expectedDate: string | null;
  remark: string;
  createdBy: number;
  createdAt: string;
  version: number;
}

const ORDER_COLUMNS = `o.id, o.po_no AS poNo, o.supplier_id AS supplierId, s.name AS supplierName, o.rfq_id AS rfqId,
  o.contract_id AS contractId, o.status, o.transport_cost AS transportCost, o.expected_date AS expectedDate, o.remark,
  o.created_by AS createdBy, o.created_at AS createdAt, o.version,
  (SELECT COALESCE(SUM(l.qty * l.price), 0) FROM procurement_order_lines l WHERE l.order_id = o.id) AS goodsAmount`;

class DbOrderStore implements OrderStore {
  constructor(private readonly tx: Transaction) {}

  private async row(id: number): Promise<OrderRow> {
    const row = await this.tx.get<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM procurement_orders o JOIN procurement_suppliers s ON s.id = o.supplier_id WHERE o.id = ?`, [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有编号为 ${id} 的采购单`, en: `There is no purchase order ${id}` });
    return row;
  }

  async get(id: number, steps?: readonly ApprovalStep[]): Promise<PurchaseOrder> {
    const row = await this.row(id);
    const lines = await this.tx.all<Omit<PoLine, 'amount' | 'outstanding'>>(
      `SELECT id, sku_id AS skuId, sku_code AS skuCode, barcode, title, qty, price, expected_date AS expectedDate, passed, failed
       FROM procurement_order_lines WHERE order_id = ? ORDER BY id`,
      [id],
    );
    const history = await this.tx.all<PoStep>(
      `SELECT move, from_status AS "from", to_status AS "to", by_id AS byId, by_name AS byName, at, note FROM procurement_order_steps WHERE order_id = ? ORDER BY id`,
      [id],
    );
    const signed = await this.tx.all<{ step: number; role: string; because: 'amount' | 'supplier'; fromAmount: number; byId: number; byName: string; at: string }>(
      `SELECT step, role, because, from_amount AS fromAmount, by_id AS byId, by_name AS byName, at FROM procurement_order_approvals WHERE order_id = ? ORDER BY step`,
      [id],
    );
    const chain: ApprovalStep[] = steps ? [...steps] : signed.map((s) => ({ role: s.role, because: s.because, fromAmount: s.fromAmount }));
    const approvals: PoApproval[] = chain.map((step, i) => {
      const s = signed.find((x) => x.step === i);
      return { ...step, signedBy: s ? { id: s.byId, name: s.byName } : null, signedAt: s?.at ?? null };
    });
    return {
      ...row,
      total: row.goodsAmount + row.transportCost,
      createdByName: history[0]?.byName ?? '',
      lines: lines.map((l) => ({ ...l, amount: l.qty * l.price, outstanding: Math.max(0, l.qty - l.passed) })),
      approvals,
      history,
    };
  }

  async byNo(poNo: string): Promise<number | undefined> {
    return (await this.tx.get<{ id: number }>('SELECT id FROM procurement_orders WHERE po_no = ?', [poNo]))?.id;
  }

  async list(query: OrderListQuery) {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.status) (where.push('o.status = ?'), params.push(query.status));
    if (query.supplierId) (where.push('o.supplier_id = ?'), params.push(query.supplierId));
    if (query.q?.trim()) {
      const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(o.po_no LIKE ? ESCAPE '\\' OR s.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM procurement_order_lines l WHERE l.order_id = o.id AND l.sku_code LIKE ? ESCAPE '\\'))`);
      params.push(like, like, like);
    }
    const sql = `FROM procurement_orders o JOIN procurement_suppliers s ON s.id = o.supplier_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const total = (await this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n ${sql}`, params))?.n ?? 0;
    const rows = await this.tx.all<OrderRow>(`SELECT ${ORDER_COLUMNS} ${sql} ORDER BY o.id DESC LIMIT ? OFFSET ?`, [...params, query.pageSize, (query.page - 1) * query.pageSize]);
    const items = rows.map((r) => ({ id: r.id, poNo: r.poNo, supplierId: r.supplierId, supplierName: r.supplierName, status: r.status, total: r.goodsAmount + r.transportCost, expectedDate: r.expectedDate, createdAt: r.createdAt, version: r.version }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async signatures(id: number) {
    return this.tx.all<Signature & { role: string }>('SELECT step, by_id AS "by", role FROM procurement_order_approvals WHERE order_id = ? ORDER BY step', [id]);
  }

  async onOrder(skuIds?: readonly number[]): Promise<Map<number, number>> {
    const only = skuIds ? `AND l.sku_id IN (${skuIds.map(() => '?').join(',') || 'NULL'})` : '';
    const rows = await this.tx.all<{ skuId: number; qty: number }>(
      `SELECT l.sku_id AS skuId, SUM(MAX(l.qty - l.passed, 0)) AS qty FROM procurement_order_lines l JOIN procurement_orders o ON o.id = l.order_id
       WHERE o.status IN (${OPEN_STATUSES.map(() => '?').join(',')}) ${only} GROUP BY l.sku_id`,
      [...OPEN_STATUSES, ...(skuIds ?? [])],
    );
    return new Map(rows.filter((r) => r.qty > 0).map((r) => [r.skuId, r.qty]));
  }

  async onOrderByCode(skuCodes: readonly string[]): Promise<Map<string, number>> {
    if (skuCodes.length === 0) return new Map();
    const rows = await this.tx.all<{ code: string; qty: number }>(
      `SELECT l.sku_code AS code, SUM(MAX(l.qty - l.passed, 0)) AS qty FROM procurement_order_lines l JOIN procurement_orders o ON o.id = l.order_id
       WHERE o.status IN (${OPEN_STATUSES.map(() => '?').join(',')}) AND l.sku_code IN (SELECT value FROM json_each(?)) GROUP BY l.sku_code`,
      // One JSON value, not a placeholder a code: thousands of codes would pass SQLite's limit of variables.
      [...OPEN_STATUSES, JSON.stringify(skuCodes)],
    );
    return new Map(rows.filter((r) => r.qty > 0).map((r) => [r.code, r.qty]));
  }

  async create(input: PoInput, by: By, now: string): Promise<number> {
    const poNo = await nextNumber(this.tx, 'procurement_orders', 'po_no', 'CG', now);
    const { lastId } = await this.tx.run(
      `INSERT INTO procurement_orders (po_no, supplier_id, rfq_id, contract_id, transport_cost, expected_date, remark, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [poNo, input.supplierId, input.rfqId ?? null, input.contractId ?? null, input.transportCost ?? 0, input.expectedDate ?? null, input.remark ?? '', by.id, now],
    );
    await this.insertLines(lastId, input.lines);
    await this.step(lastId, 'create', null, 'draft', by, now, '');
    return lastId;
  }

  async replace(id: number, version: number, input: Omit<PoInput, 'supplierId' | 'rfqId'>): Promise<void> {
    await this.tx.updateVersioned('procurement_orders', { id, version }, { contract_id: input.contractId ?? null, transport_cost: input.transportCost ?? 0, expected_date: input.expectedDate ?? null, remark: input.remark ?? '' });
    await this.tx.run('DELETE FROM procurement_order_lines WHERE order_id = ?', [id]);
    await this.tx.run('DELETE FROM procurement_order_approvals WHERE order_id = ?', [id]);
    await this.insertLines(id, input.lines);
  }

  async move(id: number, version: number, move: string, to: PoStatus, by: By, now: string, note = ''): Promise<void> {
    const from = (await this.row(id)).status;
    await this.tx.updateVersioned('procurement_orders', { id, version }, { status: to });
    await this.step(id, move, from, to, by, now, note);
  }

  async sign(id: number, step: number, approval: ApprovalStep, by: By, now: string): Promise<void> {
    await this.tx.run(
      'INSERT INTO procurement_order_approvals (order_id, step, role, because, from_amount, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [id, step, approval.role, approval.because, approval.fromAmount, by.id, by.name, now],
    );
  }

  async addPassed(lineId: number, passed: number, failed: number): Promise<void> {
    await this.tx.run('UPDATE procurement_order_lines SET passed = passed + ?, failed = failed + ? WHERE id = ?', [passed, failed, lineId]);
  }

  private async insertLines(orderId: number, lines: PoInput['lines']): Promise<void> {
    for (const l of lines) {
      await this.tx.run(
        'INSERT INTO procurement_order_lines (order_id, sku_id, sku_code, barcode, title, qty, price, expected_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [orderId, l.skuId, l.skuCode, l.barcode, l.title, l.qty, l.price, l.expectedDate ?? null],
      );
    }
  }

  private async step(orderId: number, move: string, from: PoStatus | null, to: PoStatus, by: By, now: string, note: string): Promise<void> {
    await this.tx.run('INSERT INTO procurement_order_steps (order_id, move, from_status, to_status, by_id, by_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [orderId, move, from, to, by.id, by.name, now, note]);
  }
}
