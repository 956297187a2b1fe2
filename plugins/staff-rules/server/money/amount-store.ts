import { NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { AmountKind, Explanation, PricedAmount, RuleId } from '../model.js';

export type AmountSource = 'supervisor' | 'attendance' | 'after-sales' | 'cs-scripts';

/** One booked amount, as the API sends it. */
export interface LedgerEntry {
  id: number;
  staffId: number;
  month: string;
  date: string;
  kind: AmountKind;
  rule: RuleId;
  amountFen: number;
  explanation: Explanation;
  source: AmountSource;
  sourceRef: string | null;
  recordedBy: number | null;
  recordedAt: string;
  waived: { at: string; by: number; reason: string } | null;
}

export interface LedgerFilter {
  month?: string;
  staffId?: number;
  kind?: AmountKind;
}

export interface AmountReader {
  list(filter: LedgerFilter): Promise<LedgerEntry[]>;
  /** The amount, or a 404. */
  require(id: number): Promise<LedgerEntry>;
  /** Earlier unwaived records of a rule for a person, in one month or ever. */
  countRule(staffId: number, rule: RuleId, month?: string): Promise<number>;
  /** A person's counted mistakes in a month, all kinds and CS ones. */
  mistakes(staffId: number, month: string): Promise<{ all: number; cs: number }>;
  /** Whether an amount came from this source record already (an event delivered twice). */
  hasSource(source: AmountSource, ref: string): Promise<boolean>;
  /** Unwaived fines per person and rule, over every month: the fund's income. */
  fineIncome(): Promise<{ staffId: number; rule: RuleId; amountFen: number; count: number }[]>;
}

export interface AmountStore extends AmountReader {
  add(amount: PricedAmount, booking: { month: string; source: AmountSource; sourceRef: string | null; countedMistake: boolean; by: number | null; at: string }): Promise<LedgerEntry>;
  waive(id: number, waiver: { reason: string; by: number; at: string }): Promise<LedgerEntry>;
  /** Removes a month's attendance amounts that nobody waived, before they are priced again. */
  clearAttendance(month: string): Promise<void>;
}

interface Row {
  id: number; staffId: number; month: string; date: string; kind: AmountKind; rule: RuleId; amountFen: number; explanation: string;
  source: AmountSource; sourceRef: string | null; recordedBy: number | null; recordedAt: string; waivedAt: string | null; waivedBy: number | null; waiveReason: string | null;
}

const COLUMNS = `id, staff_id AS staffId, month, date, kind, rule, amount_fen AS amountFen, explanation, source, source_ref AS sourceRef,
  recorded_by AS recordedBy, recorded_at AS recordedAt, waived_at AS waivedAt, waived_by AS waivedBy, waive_reason AS waiveReason`;

function entry(r: Row): LedgerEntry {
  return {
    id: r.id, staffId: r.staffId, month: r.month, date: r.date, kind: r.kind, rule: r.rule, amountFen: r.amountFen,
    explanation: JSON.parse(r.explanation) as Explanation, source: r.source, sourceRef: r.sourceRef, recordedBy: r.recordedBy, recordedAt: r.recordedAt,
    waived: r.waivedAt ? { at: r.waivedAt, by: r.waivedBy!, reason: r.waiveReason! } : null,
  };
}

/** The store over `staff_rules_amounts`, bound to the caller's transaction (only its reader over a read). */
export function amountStore(tx: Transaction): AmountStore;
export function amountStore(q: Queryable): AmountReader;
export function amountStore(q: Queryable): AmountReader {
  return new DbAmountStore(q as Transaction);
}

class DbAmountStore implements AmountStore {
  constructor(private readonly tx: Transaction) {}

  async list(filter: LedgerFilter): Promise<LedgerEntry[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.month) { where.push('month = ?'); args.push(filter.month); }
    if (filter.staffId) { where.push('staff_id = ?'); args.push(filter.staffId); }
    if (filter.kind) { where.push('kind = ?'); args.push(filter.kind); }
    const rows = await this.tx.all<Row>(`SELECT ${COLUMNS} FROM staff_rules_amounts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date DESC, id DESC`, args);
    return rows.map(entry);
  }

  async require(id: number): Promise<LedgerEntry> {
    const row = await this.tx.get<Row>(`SELECT ${COLUMNS} FROM staff_rules_amounts WHERE id = ?`, [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到第 ${id} 笔罚款或奖励`, en: `Amount #${id} was not found` });
    return entry(row);
  }

  async countRule(staffId: number, rule: RuleId, month?: string): Promise<number> {
    const row = await this.tx.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM staff_rules_amounts WHERE staff_id = ? AND rule = ? AND waived_at IS NULL${month ? ' AND month = ?' : ''}`,
      month ? [staffId, rule, month] : [staffId, rule],
    );
    return row?.n ?? 0;
  }

  async mistakes(staffId: number, month: string): Promise<{ all: number; cs: number }> {
    const row = await this.tx.get<{ all: number; cs: number | null }>(
      `SELECT COUNT(*) AS "all", SUM(rule = 'cs-remark') AS cs FROM staff_rules_amounts
        WHERE staff_id = ? AND month = ? AND counted_mistake = 1 AND waived_at IS NULL`,
      [staffId, month],
    );
    return { all: row?.all ?? 0, cs: row?.cs ?? 0 };
  }

  async hasSource(source: AmountSource, ref: string): Promise<boolean> {
    return (await this.tx.get('SELECT 1 AS x FROM staff_rules_amounts WHERE source = ? AND source_ref = ? LIMIT 1', [source, ref])) !== undefined;
  }

  fineIncome(): Promise<{ staffId: number; rule: RuleId; amountFen: number; count: number }[]> {
    return this.tx.all(
      `SELECT staff_id AS staffId, rule, SUM(amount_fen) AS amountFen, COUNT(*) AS count FROM staff_rules_amounts
        WHERE kind = 'fine' AND waived_at IS NULL AND amount_fen > 0 GROUP BY staff_id, rule ORDER BY staff_id, rule`,
    );
  }

  async add(a: PricedAmount, b: { month: string; source: AmountSource; sourceRef: string | null; countedMistake: boolean; by: number | null; at: string }): Promise<LedgerEntry> {
    const { lastId } = await this.tx.run(
      `INSERT INTO staff_rules_amounts (staff_id, month, date, kind, rule, amount_fen, explanation, flagged, counted_mistake, source, source_ref, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [a.staffId, b.month, a.date, a.kind, a.rule, a.amountFen, JSON.stringify(a.explanation), a.explanation.flag ? 1 : 0, b.countedMistake ? 1 : 0, b.source, b.sourceRef, b.by, b.at],
    );
    return this.require(lastId);
  }

  async waive(id: number, w: { reason: string; by: number; at: string }): Promise<LedgerEntry> {
    await this.tx.run('UPDATE staff_rules_amounts SET waived_at = ?, waived_by = ?, waive_reason = ? WHERE id = ?', [w.at, w.by, w.reason, id]);
    return this.require(id);
  }

  async clearAttendance(month: string): Promise<void> {
    await this.tx.run("DELETE FROM staff_rules_amounts WHERE month = ? AND source = 'attendance' AND waived_at IS NULL", [month]);
  }
}
