import type { Queryable, Transaction } from '@workbench/plugin-api';
import type { Rating, WorkState } from './review-rules.js';

/** One review, as the API sends it. */
export interface Review {
  id: number;
  orderNo: string;
  rating: Rating;
  firstRating: Rating;
  text: string;
  reviewedOn: string;
  source: 'import' | 'hand';
  reply: string | null;
  repliedAt: string | null;
  workState: WorkState | null;
  dueOn: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  praised: { staffId: number; code: string; name: string }[];
}

export interface ReviewFilter {
  /** `open`: 中差评 still being worked, due first; `all`: newest first. */
  show: 'all' | 'open';
  rating?: Rating;
}

export interface NewReview {
  orderNo: string;
  rating: Rating;
  text: string;
  reviewedOn: string;
  source: Review['source'];
  dueOn: string | null;
}

export interface ReviewReader {
  list(filter: ReviewFilter): Promise<Review[]>;
  get(id: number): Promise<Review | undefined>;
}

export interface ReviewStore extends ReviewReader {
  /** Undefined when the same review (order, day, text) is already there. */
  add(review: NewReview, by: { id: number; at: string }): Promise<Review | undefined>;
  reply(id: number, text: string, by: { id: number; at: string }): Promise<void>;
  resolve(id: number, state: 'changed' | 'closed', rating: Rating, note: string | null, by: { id: number; at: string }): Promise<void>;
  praise(id: number, person: { staffId: number; code: string; name: string }, at: string): Promise<boolean>;
}

const COLUMNS = `id, order_no AS orderNo, rating, first_rating AS firstRating, text, reviewed_on AS reviewedOn, source, reply,
  replied_at AS repliedAt, work_state AS workState, due_on AS dueOn, resolved_at AS resolvedAt, resolution_note AS resolutionNote`;

export function reviewStore(tx: Transaction): ReviewStore;
export function reviewStore(q: Queryable): ReviewReader;
export function reviewStore(q: Queryable): ReviewReader {
  return new DbReviewStore(q as Transaction);
}

class DbReviewStore implements ReviewStore {
  constructor(private readonly tx: Transaction) {}

  async list(filter: ReviewFilter): Promise<Review[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.show === 'open') where.push("work_state = 'open'");
    if (filter.rating) (where.push('rating = ?'), params.push(filter.rating));
    const order = filter.show === 'open' ? 'due_on, id' : 'reviewed_on DESC, id DESC';
    const rows = await this.tx.all<Omit<Review, 'praised'>>(`SELECT ${COLUMNS} FROM after_sales_reviews ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT 500`, params);
    return this.withPraise(rows);
  }

  async get(id: number): Promise<Review | undefined> {
    const row = await this.tx.get<Omit<Review, 'praised'>>(`SELECT ${COLUMNS} FROM after_sales_reviews WHERE id = ?`, [id]);
    return row ? (await this.withPraise([row]))[0] : undefined;
  }

  async add(r: NewReview, by: { id: number; at: string }): Promise<Review | undefined> {
    const { changes, lastId } = await this.tx.run(
      `INSERT INTO after_sales_reviews (order_no, rating, first_rating, text, reviewed_on, source, work_state, due_on, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_no, reviewed_on, text) DO NOTHING`,
      [r.orderNo, r.rating, r.rating, r.text, r.reviewedOn, r.source, r.dueOn ? 'open' : null, r.dueOn, by.at, by.id],
    );
    return changes === 0 ? undefined : this.get(lastId);
  }

  async reply(id: number, text: string, by: { id: number; at: string }): Promise<void> {
    await this.tx.run('UPDATE after_sales_reviews SET reply = ?, replied_at = ?, replied_by = ? WHERE id = ?', [text, by.at, by.id, id]);
  }

  async resolve(id: number, state: 'changed' | 'closed', rating: Rating, note: string | null, by: { id: number; at: string }): Promise<void> {
    await this.tx.run('UPDATE after_sales_reviews SET work_state = ?, rating = ?, resolution_note = ?, resolved_at = ?, resolved_by = ? WHERE id = ?', [state, rating, note, by.at, by.id, id]);
  }

  async praise(id: number, p: { staffId: number; code: string; name: string }, at: string): Promise<boolean> {
    const { changes } = await this.tx.run('INSERT INTO after_sales_review_praise (review_id, staff_id, staff_code, staff_name, praised_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [id, p.staffId, p.code, p.name, at]);
    return changes > 0;
  }

  private async withPraise(rows: Omit<Review, 'praised'>[]): Promise<Review[]> {
    if (rows.length === 0) return [];
    const praise = await this.tx.all<{ reviewId: number; staffId: number; code: string; name: string }>(
      `SELECT review_id AS reviewId, staff_id AS staffId, staff_code AS code, staff_name AS name FROM after_sales_review_praise WHERE review_id IN (${rows.map(() => '?').join(',')}) ORDER BY staff_id`,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, praised: praise.filter((p) => p.reviewId === r.id).map(({ staffId, code, name }) => ({ staffId, code, name })) }));
  }
}
