import { NotFoundError, type Queryable, type SqlValue } from '@workbench/plugin-api';
import type { NotBilled, StatementDetail, StatementLineRecord, StatementRecord } from '../../shared/records.js';
import type { FulfillmentSettings } from '../settings.js';
import { containing } from '../shared/like-text.js';
import { courierByCode } from './courier-rules.js';
import { OUTCOMES, type Outcome } from './schemas.js';

interface StatementRow {
  id: number;
  courier: string;
  period: string;
  file_name: string;
  lines: number;
  matched: number;
  unknown: number;
  differences: number;
  actor_name: string;
  created_at: string;
  billed_fee: number | null;
  expected_fee: number | null;
}

/** `2026-11-01~2026-11-30`: the first and last day a statement covers, as stored in `period`. */
export const periodOf = (from: string, to: string) => `${from}~${to}`;

function toStatement(settings: FulfillmentSettings, row: StatementRow): StatementRecord {
  const [from = '', to = from] = row.period.split('~');
  return {
    id: row.id,
    courier: { code: row.courier, name: courierByCode(settings, row.courier)?.name ?? row.courier },
    period: row.period,
    from,
    to,
    fileName: row.file_name,
    lines: row.lines,
    matched: row.matched,
    unknown: row.unknown,
    differences: row.differences,
    billedFee: row.billed_fee ?? 0,
    expectedFee: row.expected_fee ?? 0,
    importedBy: row.actor_name,
    importedAt: row.created_at,
  };
}

const SELECT_STATEMENT = `SELECT s.*,
  (SELECT SUM(fee) FROM fulfillment_statement_lines l WHERE l.statement_id = s.id) AS billed_fee,
  (SELECT SUM(expected_fee) FROM fulfillment_statement_lines l WHERE l.statement_id = s.id) AS expected_fee
  FROM fulfillment_statements s`;

export interface StatementListQuery {
  page: number;
  pageSize: number;
  courier?: string;
  q?: string;
}

/** Reads of 快递账单 over `fulfillment_statements` and `_lines`; the import writes them. */
export interface StatementStore {
  /** Statements, newest first; `q` is part of the file name, the period or the courier. */
  list(query: StatementListQuery): Promise<{ items: StatementRecord[]; total: number; page: number; pageSize: number }>;
  /** One statement with its lines (those of `outcomes`, or all), the count per outcome and what it does not bill. */
  detail(id: number, outcomes: Outcome[] | undefined): Promise<StatementDetail>;
  /** Our shipments with the courier in the days the statement covers that it does not bill. */
  notBilled(statement: { statementId: number; courier: string; from: string; to: string }): Promise<NotBilled[]>;
}

/** The statement store over a transaction or any other Queryable; `settings` name the couriers. */
export function statementStore(q: Queryable, settings: FulfillmentSettings): StatementStore {
  return new DbStatementStore(q, settings);
}

interface LineRow {
  id: number;
  row_no: number;
  tracking_no: string;
  weight_grams: number;
  fee: number;
  order_id: number | null;
  order_no: string | null;
  outcome: Outcome;
  expected_weight_grams: number | null;
  expected_fee: number | null;
  billed_before: number | null;
}

class DbStatementStore implements StatementStore {
  constructor(
    private readonly q: Queryable,
    private readonly settings: FulfillmentSettings,
  ) {}

  async list(query: StatementListQuery) {
    const filters: string[] = [];
    const params: SqlValue[] = [];
    if (query.courier) (filters.push('s.courier = ?'), params.push(query.courier.toUpperCase()));
    const text = query.q?.trim();
    if (text) {
      filters.push("(s.file_name LIKE ? ESCAPE '\\' OR s.period LIKE ? ESCAPE '\\' OR s.courier LIKE ? ESCAPE '\\')");
      params.push(containing(text), containing(text), containing(text));
    }
    const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
    const total = (await this.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM fulfillment_statements s ${where}`, params))!.n;
    const rows = await this.q.all<StatementRow>(`${SELECT_STATEMENT} ${where} ORDER BY s.id DESC LIMIT ? OFFSET ?`, [...params, query.pageSize, (query.page - 1) * query.pageSize]);
    return { items: rows.map((r) => toStatement(this.settings, r)), total, page: query.page, pageSize: query.pageSize };
  }

  notBilled({ statementId, courier, from, to }: { statementId: number; courier: string; from: string; to: string }): Promise<NotBilled[]> {
    return this.q.all<NotBilled>(
      `SELECT o.id AS orderId, o.order_no AS orderNo, o.tracking_no AS trackingNo, o.weight_grams AS weightGrams, o.shipped_at AS shippedAt
       FROM fulfillment_orders o
       WHERE o.status = 'shipped' AND o.courier = ? AND substr(o.shipped_at, 1, 10) BETWEEN ? AND ?
         AND o.tracking_no NOT IN (SELECT tracking_no FROM fulfillment_statement_lines WHERE statement_id = ?)
       ORDER BY o.shipped_at, o.id`,
      [courier, from, to, statementId],
    );
  }

  async detail(id: number, outcomes: Outcome[] | undefined): Promise<StatementDetail> {
    const row = await this.q.get<StatementRow>(`${SELECT_STATEMENT} WHERE s.id = ?`, [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': '没有这份快递账单', en: 'No such courier statement' });
    const statement = toStatement(this.settings, row);
    const lines = await this.q.all<LineRow>(
      `SELECT l.*, o.order_no,
         (SELECT MIN(e.row_no) FROM fulfillment_statement_lines e WHERE e.statement_id = l.statement_id AND e.tracking_no = l.tracking_no AND e.row_no < l.row_no) AS billed_before
       FROM fulfillment_statement_lines l LEFT JOIN fulfillment_orders o ON o.id = l.order_id
       WHERE l.statement_id = ? AND (? IS NULL OR l.outcome IN (SELECT value FROM json_each(?)))
       ORDER BY l.row_no`,
      [id, outcomes ? 1 : null, JSON.stringify(outcomes ?? [])],
    );
    const counted = await this.q.all<{ outcome: Outcome; n: number }>('SELECT outcome, COUNT(*) AS n FROM fulfillment_statement_lines WHERE statement_id = ? GROUP BY outcome', [id]);
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, counted.find((c) => c.outcome === o)?.n ?? 0])) as Record<Outcome, number>;
    const items: StatementLineRecord[] = lines.map((l) => ({
      id: l.id,
      row: l.row_no,
      trackingNo: l.tracking_no,
      weightGrams: l.weight_grams,
      fee: l.fee,
      orderId: l.order_id,
      orderNo: l.order_no,
      outcome: l.outcome,
      expectedWeightGrams: l.expected_weight_grams,
      expectedFee: l.expected_fee,
      weightDifferenceGrams: l.expected_weight_grams === null ? null : l.weight_grams - l.expected_weight_grams,
      feeDifference: l.expected_fee === null ? null : l.fee - l.expected_fee,
      billedBeforeRow: l.billed_before,
    }));
    return { ...statement, counts, items, notBilled: await this.notBilled({ statementId: id, courier: row.courier, from: statement.from, to: statement.to }) };
  }
}
