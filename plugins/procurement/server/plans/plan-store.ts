import { ConflictError, NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { PurchasePlan, PurchasePlanLine } from '../model.js';

export type PlanLineInput = Omit<PurchasePlanLine, 'id' | 'planId'>;

export interface PlanSummary extends Omit<PurchasePlan, 'lines'> {
  lineCount: number;
  quantity: number;
}

export interface PlanReader {
  /** Plans, newest first; `state` narrows them. */
  list(query: { state?: PurchasePlan['state']; page: number; pageSize: number }): Promise<{ items: PlanSummary[]; total: number; page: number; pageSize: number }>;
  /** The plan with its lines, or a 404. */
  require(id: number): Promise<PurchasePlan>;
}

export interface PlanStore extends PlanReader {
  create(plan: { title: string; note: string; lines: PlanLineInput[] }, by: { id: number; at: string }): Promise<PurchasePlan>;
  /** Moves a plan on: `ordered` once orders are made from it, `closed` when dropped. Only an open plan moves. */
  setState(id: number, state: 'ordered' | 'closed', version: number): Promise<PurchasePlan>;
}

interface PlanRow { id: number; title: string; note: string; state: PurchasePlan['state']; created_by: number; created_at: string; version: number }
interface LineRow { id: number; plan_id: number; sku_code: string | null; description: string; quantity: number; supplier_id: number | null; price: number | null; source: PurchasePlanLine['source']; need_id: number | null; explanation: string }

const toLine = (r: LineRow): PurchasePlanLine => ({
  id: r.id, planId: r.plan_id, skuCode: r.sku_code, description: r.description, quantity: r.quantity, supplierId: r.supplier_id,
  price: r.price, source: r.source, needId: r.need_id, explanation: JSON.parse(r.explanation) as PurchasePlanLine['explanation'],
});
const toPlan = (r: PlanRow) => ({ id: r.id, title: r.title, note: r.note, state: r.state, createdBy: r.created_by, createdAt: r.created_at, version: r.version });

export function planStore(tx: Transaction): PlanStore;
export function planStore(q: Queryable): PlanReader;
export function planStore(q: Queryable): PlanReader {
  return new DbPlanStore(q as Transaction);
}

class DbPlanStore implements PlanStore {
  constructor(private readonly tx: Transaction) {}

  async list(query: { state?: PurchasePlan['state']; page: number; pageSize: number }) {
    const filter = query.state ? 'WHERE p.state = ?' : '';
    const args = query.state ? [query.state] : [];
    const total = (await this.tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM procurement_plans p ${filter}`, args))?.n ?? 0;
    const rows = await this.tx.all<PlanRow & { line_count: number; quantity: number }>(
      `SELECT p.*, (SELECT COUNT(*) FROM procurement_plan_lines l WHERE l.plan_id = p.id) AS line_count,
              (SELECT COALESCE(SUM(quantity), 0) FROM procurement_plan_lines l WHERE l.plan_id = p.id) AS quantity
         FROM procurement_plans p ${filter} ORDER BY p.id DESC LIMIT ? OFFSET ?`,
      [...args, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map((r) => ({ ...toPlan(r), lineCount: r.line_count, quantity: r.quantity })), total, page: query.page, pageSize: query.pageSize };
  }

  async require(id: number): Promise<PurchasePlan> {
    const row = await this.tx.get<PlanRow>('SELECT * FROM procurement_plans WHERE id = ?', [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到采购计划 #${id}`, en: `Purchase plan #${id} was not found` });
    const lines = await this.tx.all<LineRow>('SELECT * FROM procurement_plan_lines WHERE plan_id = ? ORDER BY id', [id]);
    return { ...toPlan(row), lines: lines.map(toLine) };
  }

  async create(plan: { title: string; note: string; lines: PlanLineInput[] }, by: { id: number; at: string }): Promise<PurchasePlan> {
    const { lastId } = await this.tx.run('INSERT INTO procurement_plans (title, note, created_by, created_at) VALUES (?, ?, ?, ?)', [plan.title, plan.note, by.id, by.at]);
    for (const l of plan.lines) {
      await this.tx.run(
        'INSERT INTO procurement_plan_lines (plan_id, sku_code, description, quantity, supplier_id, price, source, need_id, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [lastId, l.skuCode, l.description, l.quantity, l.supplierId, l.price, l.source, l.needId, JSON.stringify(l.explanation)],
      );
      if (l.needId !== null) await this.tx.run("UPDATE procurement_needs SET state = 'planned', plan_id = ? WHERE id = ?", [lastId, l.needId]);
    }
    return this.require(lastId);
  }

  async setState(id: number, state: 'ordered' | 'closed', version: number): Promise<PurchasePlan> {
    const plan = await this.require(id);
    if (plan.state !== 'open') throw new ConflictError({ 'zh-CN': `采购计划 #${id} 已不是待执行状态`, en: `Purchase plan #${id} is no longer open` });
    await this.tx.updateVersioned('procurement_plans', { id, version }, { state });
    return this.require(id);
  }
}
