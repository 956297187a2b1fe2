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

export function readPendingRow(q: Queryable, productId: number): Promise<RevisionRow | undefined> {
  return q.get<RevisionRow>("SELECT * FROM listings_revisions WHERE product_id = ? AND status = 'pending'", [productId]);
}

export async function requireRevisionRow(q: Queryable, id: number): Promise<RevisionRow> {
  const row = await q.get<RevisionRow>('SELECT * FROM listings_revisions WHERE id = ?', [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': `没有找到待审核的修改 #${id}`, en: `Revision #${id} was not found` });
  return row;
}

/** What GET /products/:id answers: the listed version plus its pending revision, if any. */
export type ProductWithRevision = ProductDetail & { revision: PendingRevision | null };

export async function readProductWithRevision(q: Queryable, id: number, checklist: ChecklistSettings): Promise<ProductWithRevision> {
  const product = await productStore(q).requireDetail(id);
  const row = await readPendingRow(q, id);
  return { ...product, revision: row ? pendingRevision(row, product, checklist) : null };
}

/** Every revision of a product, newest first. */
export async function readRevisions(q: Queryable, productId: number): Promise<Revision[]> {
  const product = await productStore(q).requireDetail(productId);
  const rows = await q.all<RevisionRow>('SELECT * FROM listings_revisions WHERE product_id = ? ORDER BY id DESC', [productId]);
  return rows.map((row) => revisionFromRow(row, product));
}
