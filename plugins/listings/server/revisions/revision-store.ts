import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import { productStore, type ProductDetail } from '../catalog/product-store.js';
import { runChecklist } from '../workflow/checklist.js';
import type { ChecklistSettings } from '../settings.js';
import { diffOf, proposedProduct } from './revision-changes.js';
import type { PendingRevision, Revision, RevisionChanges, RevisionDiffEntry, RevisionStatus } from './revision-types.js';

export interface RevisionRow {
  id: number;
  product_id: number;
  status: RevisionStatus;
  changes: string;
  diff: string | null;
  editors: string;
  created_at: string;
  updated_at: string;
  reviewed_by: number | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  version: number;
}

/** A revision as stored; a pending one's diff is worked out against `listed`, a decided one keeps its own. */
export function revisionFromRow(row: RevisionRow, listed?: ProductDetail): Revision {
  const changes = JSON.parse(row.changes) as RevisionChanges;
  const diff = row.diff !== null ? (JSON.parse(row.diff) as RevisionDiffEntry[]) : listed ? diffOf(listed, changes) : [];
  return {
    id: row.id,
    productId: row.product_id,
    status: row.status,
    changes,
    diff,
    editors: JSON.parse(row.editors) as Revision['editors'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reviewedBy: row.reviewed_by,
    reviewerName: row.reviewer_name,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    version: row.version,
  };
}

/** The pending revision with the product it would make and that product's checklist. */
export function pendingRevision(row: RevisionRow, listed: ProductDetail, checklist: ChecklistSettings): PendingRevision {
  const revision = revisionFromRow(row, listed);
  const proposed = proposedProduct(listed, revision.changes);
  return { ...revision, proposed, checklist: runChecklist({ ...listed, ...proposed, skus: proposed.skus.map((s) => ({ ...s, id: s.id ?? 0 })) }, checklist) };
}

/** What GET /products/:id answers: the listed version plus its pending revision, if any. */
export type ProductWithRevision = ProductDetail & { revision: PendingRevision | null };

/** Reads of a listed product's revisions over `listings_revisions`; product-edit and revision-review write them. */
export interface RevisionStore {
  pendingRow(productId: number): Promise<RevisionRow | undefined>;
  requireRow(id: number): Promise<RevisionRow>;
  productWithRevision(id: number, checklist: ChecklistSettings): Promise<ProductWithRevision>;
  /** Every revision of a product, newest first. */
  forProduct(productId: number): Promise<Revision[]>;
}

/** The revision store over a transaction or any other Queryable. */
export function revisionStore(q: Queryable): RevisionStore {
  return new DbRevisionStore(q);
}

class DbRevisionStore implements RevisionStore {
  constructor(private readonly q: Queryable) {}

  pendingRow(productId: number): Promise<RevisionRow | undefined> {
    return this.q.get<RevisionRow>("SELECT * FROM listings_revisions WHERE product_id = ? AND status = 'pending'", [productId]);
  }

  async requireRow(id: number): Promise<RevisionRow> {
    const row = await this.q.get<RevisionRow>('SELECT * FROM listings_revisions WHERE id = ?', [id]);
    if (!row) throw new NotFoundError({ 'zh-CN': `没有找到待审核的修改 #${id}`, en: `Revision #${id} was not found` });
    return row;
  }

  async productWithRevision(id: number, checklist: ChecklistSettings): Promise<ProductWithRevision> {
    const product = await productStore(this.q).requireDetail(id);
    const row = await this.pendingRow(id);
    return { ...product, revision: row ? pendingRevision(row, product, checklist) : null };
  }

  async forProduct(productId: number): Promise<Revision[]> {
    const product = await productStore(this.q).requireDetail(productId);
    const rows = await this.q.all<RevisionRow>('SELECT * FROM listings_revisions WHERE product_id = ? ORDER BY id DESC', [productId]);
    return rows.map((row) => revisionFromRow(row, product));
  }
}
