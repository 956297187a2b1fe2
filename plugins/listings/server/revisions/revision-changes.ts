import type { ProductDetail } from '../catalog/product-store.js';
import type { SkuInput } from '../catalog/sku-write.js';
import { REVIEWED_PRODUCT_FIELDS, type ProposedProduct, type RevisionChanges, type RevisionDiffEntry, type RevisionSkuUpdate } from './revision-types.js';

/** The reviewed part of one save: product fields, SKU price/attribute changes, SKUs added and removed. */
export type ReviewedEdit = Partial<Pick<RevisionChanges, 'title' | 'description' | 'images' | 'attributes'>> & {
  skuUpdates: RevisionSkuUpdate[];
  create: SkuInput[];
  remove: number[];
};

export const emptyChanges = (): RevisionChanges => ({ skus: { update: [], create: [], remove: [] } });

export function isEmpty(changes: RevisionChanges): boolean {
  return REVIEWED_PRODUCT_FIELDS.every((f) => changes[f] === undefined) && changes.skus.update.length === 0 && changes.skus.create.length === 0 && changes.skus.remove.length === 0;
}

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * Lays one save's reviewed part over the pending changes. A value equal to the listed one takes
 * the field out of the revision (the clerk set it back); a new SKU with the code of one already
 * pending replaces it; removing a SKU drops its pending change.
 */
export function mergeChanges(current: RevisionChanges, edit: ReviewedEdit, listed: ProductDetail): RevisionChanges {
  const next: RevisionChanges = { ...current, skus: { update: [...current.skus.update], create: [...current.skus.create], remove: [...current.skus.remove] } };
  for (const field of REVIEWED_PRODUCT_FIELDS) {
    const value = edit[field];
    if (value === undefined) continue;
    if (same(value, listed[field])) delete next[field];
    else (next as unknown as Record<string, unknown>)[field] = value;
  }
  const removed = new Set([...next.skus.remove, ...edit.remove]);
  for (const update of edit.skuUpdates) {
    const sku = listed.skus.find((s) => s.id === update.id)!;
    const pending: RevisionSkuUpdate = { ...(next.skus.update.find((u) => u.id === update.id) ?? { id: update.id }) };
    if (update.price !== undefined) {
      if (update.price === sku.price) delete pending.price;
      else pending.price = update.price;
    }
    if (update.attributes !== undefined) {
      if (same(update.attributes, sku.attributes)) delete pending.attributes;
      else pending.attributes = update.attributes;
    }
    next.skus.update = next.skus.update.filter((u) => u.id !== update.id);
    if (pending.price !== undefined || pending.attributes !== undefined) next.skus.update.push(pending);
  }
  next.skus.update = next.skus.update.filter((u) => !removed.has(u.id)).sort((a, b) => a.id - b.id);
  next.skus.remove = [...removed].sort((a, b) => a - b);
  for (const sku of edit.create) {
    const code = sku.code.trim();
    next.skus.create = [...next.skus.create.filter((c) => c.code !== code), { ...sku, code }];
  }
  return next;
}

/** The product as it would read once the revision is approved. */
export function proposedProduct(listed: ProductDetail, changes: RevisionChanges): ProposedProduct {
  const removed = new Set(changes.skus.remove);
  const updates = new Map(changes.skus.update.map((u) => [u.id, u]));
  return {
    title: changes.title ?? listed.title,
    description: changes.description ?? listed.description,
    images: changes.images ?? listed.images,
    attributes: changes.attributes ?? listed.attributes,
    skus: [
      ...listed.skus
        .filter((s) => !removed.has(s.id))
        .map((s) => {
          const u = updates.get(s.id);
          return { ...s, price: u?.price ?? s.price, attributes: u?.attributes ?? s.attributes };
        }),
      ...changes.skus.create.map((c) => ({
        id: null,
        productId: listed.id,
        code: c.code,
        attributes: c.attributes ?? {},
        price: c.price,
        cost: c.cost,
        barcode: c.barcode ?? null,
        weightGrams: c.weightGrams ?? null,
        lowStockThreshold: c.lowStockThreshold ?? null,
        needsCompleting: false,
        version: 0,
        createdAt: listed.updatedAt,
        updatedAt: listed.updatedAt,
      })),
    ],
  };
}

/** Before → after for each change, in the order the product editor shows the fields. */
export function diffOf(listed: ProductDetail, changes: RevisionChanges): RevisionDiffEntry[] {
  const diff: RevisionDiffEntry[] = [];
  for (const field of REVIEWED_PRODUCT_FIELDS) {
    if (changes[field] !== undefined) diff.push({ field, skuId: null, code: null, before: listed[field], after: changes[field] });
  }
  for (const update of changes.skus.update) {
    const sku = listed.skus.find((s) => s.id === update.id);
    if (!sku) continue;
    if (update.price !== undefined) diff.push({ field: 'price', skuId: sku.id, code: sku.code, before: sku.price, after: update.price });
    if (update.attributes !== undefined) diff.push({ field: 'attributes', skuId: sku.id, code: sku.code, before: sku.attributes, after: update.attributes });
  }
  for (const sku of changes.skus.create) diff.push({ field: 'sku', skuId: null, code: sku.code, before: null, after: { price: sku.price, attributes: sku.attributes ?? {} } });
  for (const id of changes.skus.remove) {
    const sku = listed.skus.find((s) => s.id === id);
    if (sku) diff.push({ field: 'sku', skuId: id, code: sku.code, before: { price: sku.price, attributes: sku.attributes }, after: null });
  }
  return diff;
}
