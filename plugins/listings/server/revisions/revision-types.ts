import type { ProductImage, Sku } from '../types.js';
import type { ChecklistResult } from '../workflow/checklist.js';
import type { SkuInput } from '../catalog/sku-write.js';

/**
 * The fields a reviewer approves before buyers see them: what the product page shows and what it
 * costs. Identifiers (货号, 商家编码, barcode), the shop's own bookkeeping (category, showcase slot,
 * shipping template, cost, weight, stock threshold) are not in it and save at once.
 */
export const REVIEWED_PRODUCT_FIELDS = ['title', 'description', 'images', 'attributes'] as const;
export const REVIEWED_SKU_FIELDS = ['price', 'attributes'] as const;

export type ReviewedProductField = (typeof REVIEWED_PRODUCT_FIELDS)[number];
export type ReviewedSkuField = (typeof REVIEWED_SKU_FIELDS)[number];

/** A pending change to one listed SKU: only the reviewed fields. */
export interface RevisionSkuUpdate {
  id: number;
  price?: number;
  attributes?: Record<string, string>;
}

/** What a revision proposes, against the listed version. */
export interface RevisionChanges {
  title?: string;
  description?: string;
  images?: ProductImage[];
  attributes?: Record<string, string>;
  skus: {
    update: RevisionSkuUpdate[];
    /** New SKUs, whole, added when the revision is approved. */
    create: SkuInput[];
    remove: number[];
  };
}

export type RevisionStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/**
 * One line of what changed. `field` is a product field, `price` or `attributes` of the SKU named by
 * `skuId`/`code`, or `sku` for a SKU added (`before` null) or removed (`after` null).
 */
export interface RevisionDiffEntry {
  field: ReviewedProductField | ReviewedSkuField | 'sku';
  skuId: number | null;
  code: string | null;
  before: unknown;
  after: unknown;
}

/** The product as it would be once approved: the listed version with the changes applied. */
export interface ProposedProduct {
  title: string;
  description: string;
  images: ProductImage[];
  attributes: Record<string, string>;
  /** Kept and changed SKUs in their order, then the new ones (`id` null until approved). */
  skus: (Omit<Sku, 'id'> & { id: number | null })[];
}

export interface Revision {
  id: number;
  productId: number;
  status: RevisionStatus;
  changes: RevisionChanges;
  diff: RevisionDiffEntry[];
  /** Everyone whose edit is in it; none of them may approve or reject it. */
  editors: { id: number; name: string }[];
  createdAt: string;
  updatedAt: string;
  reviewedBy: number | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  version: number;
}

/** A pending revision as the editor and the reviewer read it: with the proposed product and its checklist. */
export interface PendingRevision extends Revision {
  proposed: ProposedProduct;
  checklist: ChecklistResult;
}
