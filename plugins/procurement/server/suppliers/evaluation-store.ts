import type { Queryable, Transaction } from '@workbench/plugin-api';

/** The four things the shop looks at before taking a supplier on. */
export const ASPECTS = ['price', 'reputation', 'sales', 'reviews'] as const;
export type Aspect = (typeof ASPECTS)[number];

export interface EvaluationInput {
  scores: Record<Aspect, number>;
  notes?: Partial<Record<Aspect, string>>;
  decision: 'accept' | 'trial' | 'reject';
}

export interface Evaluation extends EvaluationInput {
  id: number;
  supplierId: number;
  notes: Record<Aspect, string>;
  /** The four scores added up, out of 20. */
  total: number;
  evaluatedBy: number;
  evaluatedAt: string;
}

export interface EvaluationReader {
  /** The supplier's evaluations, newest first. */
  list(supplierId: number): Promise<Evaluation[]>;
}

export interface EvaluationStore extends EvaluationReader {
  add(supplierId: number, input: EvaluationInput, by: { id: number; at: string }): Promise<Evaluation>;
}

type Row = Record<`${Aspect}_score`, number> & Record<`${Aspect}_note`, string> & { id: number; supplier_id: number; decision: Evaluation['decision']; evaluated_by: number; evaluated_at: string };

const toEvaluation = (r: Row): Evaluation => {
  const scores = Object.fromEntries(ASPECTS.map((a) => [a, r[`${a}_score`]])) as Record<Aspect, number>;
  return {
    id: r.id,
    supplierId: r.supplier_id,
    scores,
    notes: Object.fromEntries(ASPECTS.map((a) => [a, r[`${a}_note`]])) as Record<Aspect, string>,
    total: ASPECTS.reduce((sum, a) => sum + scores[a], 0),
    decision: r.decision,
    evaluatedBy: r.evaluated_by,
    evaluatedAt: r.evaluated_at,
  };
};

export function evaluationStore(tx: Transaction): EvaluationStore;
export function evaluationStore(q: Queryable): EvaluationReader;
export function evaluationStore(q: Queryable): EvaluationReader {
  return new DbEvaluationStore(q as Transaction);
}

class DbEvaluationStore implements EvaluationStore {
  constructor(private readonly tx: Transaction) {}

  async list(supplierId: number): Promise<Evaluation[]> {
    const rows = await this.tx.all<Row>('SELECT * FROM procurement_supplier_evaluations WHERE supplier_id = ? ORDER BY id DESC', [supplierId]);
    return rows.map(toEvaluation);
  }

  async add(supplierId: number, input: EvaluationInput, by: { id: number; at: string }): Promise<Evaluation> {
    const note = (a: Aspect) => input.notes?.[a]?.trim() ?? '';
    const { lastId } = await this.tx.run(
      `INSERT INTO procurement_supplier_evaluations (supplier_id, price_score, price_note, reputation_score, reputation_note, sales_score, sales_note,
         reviews_score, reviews_note, decision, evaluated_by, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [supplierId, input.scores.price, note('price'), input.scores.reputation, note('reputation'), input.scores.sales, note('sales'), input.scores.reviews, note('reviews'), input.decision, by.id, by.at],
    );
    return toEvaluation((await this.tx.get<Row>('SELECT * FROM procurement_supplier_evaluations WHERE id = ?', [lastId]))!);
  }
}
