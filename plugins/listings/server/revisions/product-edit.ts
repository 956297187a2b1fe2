import { ConflictError, type Actor, type Transaction } from '@workbench/plugin-api';
import { productStore, type ProductDetail } from '../catalog/product-store.js';
import { cleanTitle, updateProduct, type ProductPatch } from '../catalog/product-write.js';
import { checkBarcodeFree, checkCodeFree, checkSkuIds, cleanCode, refuseRepeatedCodes, requireSkuRow, updateSku, type SkuPatch, type SkuUpdate } from '../catalog/sku-write.js';
import type { ChecklistSettings } from '../settings.js';
import type { Product, Sku } from '../types.js';
import { requireVersion } from '../workflow/moves.js';
import { isApprovedAwaitingSchedule } from '../workflow/states.js';
import { emptyChanges, isEmpty, mergeChanges, type ReviewedEdit } from './revision-changes.js';
import { type ProductWithRevision, revisionStore } from './revision-store.js';
import type { RevisionChanges, RevisionSkuUpdate } from './revision-types.js';

/** Who edits, and when. */
type EditStep = Pick<EditContext, 'now' | 'actor'>;

export interface EditContext {
  now: string;
  showcaseSlots: number;
  actor: Actor | undefined;
  checklist: ChecklistSettings;
}

/** On sale, or approved and waiting for its listing time: what buyers see (or will) has been reviewed. */
export const underReview = (product: Pick<Product, 'status' | 'reviewedAt'>): boolean => product.status === 'listed' || isApprovedAwaitingSchedule(product);

const SKU_DIRECT = ['code', 'cost', 'barcode', 'weightGrams', 'lowStockThreshold'] as const;

/** Splits a save into what applies at once and what waits for review. */
function splitPatch(patch: ProductPatch): { direct: ProductPatch; reviewed: ReviewedEdit } {
  const { title, description, images, attributes, skus, ...direct } = patch;
  const directUpdates: SkuUpdate[] = [];
  const skuUpdates: RevisionSkuUpdate[] = [];
  for (const update of skus?.update ?? []) {
    const kept = Object.fromEntries(SKU_DIRECT.filter((k) => update[k] !== undefined).map((k) => [k, update[k]]));
    if (Object.keys(kept).length > 0) directUpdates.push({ id: update.id, version: update.version, ...kept });
    if (update.price !== undefined || update.attributes !== undefined) {
      skuUpdates.push({ id: update.id, ...(update.price === undefined ? {} : { price: update.price }), ...(update.attributes === undefined ? {} : { attributes: update.attributes }) });
    }
  }
  return {
    direct: { ...direct, ...(directUpdates.length ? { skus: { update: directUpdates } } : {}) },
    reviewed: {
      ...(title === undefined ? {} : { title: cleanTitle(title) }),
      ...(description === undefined ? {} : { description }),
      ...(images === undefined ? {} : { images }),
      ...(attributes === undefined ? {} : { attributes }),
      skuUpdates,
      create: skus?.create ?? [],
      remove: skus?.remove ?? [],
    },
  };
}

/**
 * Refuses what the revision could never apply, now rather than at approval: SKUs not of this
 * product or named twice, stale SKU versions, and new codes or barcodes already in use.
 */
async function checkReviewedPart(tx: Transaction, product: ProductDetail, patch: ProductPatch): Promise<void> {
  const skus = patch.skus;
  if (!skus) return;
  await checkSkuIds(tx, product.id, skus, '/skus');
  for (const [i, update] of (skus.update ?? []).entries()) {
    const current = await requireSkuRow(tx, update.id);
    if (current.version !== update.version) {
      throw new ConflictError(
        {
          'zh-CN': `SKU“${current.code}”刚被别人修改过（你看到的是第 ${update.version} 版，现在是第 ${current.version} 版），请刷新后再改`,
          en: `SKU “${current.code}” was changed by someone else (you saw version ${update.version}, it is now ${current.version}); reload and try again`,
        },
        { errors: [{ path: `/skus/update/${i}/version`, in: 'body', message: '版本已过期' }] },
      );
    }
  }
  const create = skus.create ?? [];
  refuseRepeatedCodes(create, '/skus/create');
  for (const [i, sku] of create.entries()) {
    const at = `/skus/create/${i}`;
    const stub = await checkCodeFree(tx, cleanCode(sku.code, `${at}/code`, { 'zh-CN': '商家编码', en: 'outer SKU code' }), `${at}/code`);
    const barcode = sku.barcode?.trim();
    if (barcode) await checkBarcodeFree(tx, barcode, `${at}/barcode`, stub?.id ?? 0);
  }
}

/** Writes the pending revision: created, updated (its version moves), or withdrawn when nothing is left to review. */
async function writeRevision(tx: Transaction, productId: number, changes: RevisionChanges, context: EditStep): Promise<void> {
  const row = await revisionStore(tx).pendingRow(productId);
  const editor = context.actor ? { id: context.actor.id, name: context.actor.displayName } : undefined;
  if (!row) {
    if (isEmpty(changes)) return;
    await tx.run('INSERT INTO listings_revisions (product_id, changes, editors, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      productId,
      JSON.stringify(changes),
      JSON.stringify(editor ? [editor] : []),
      context.now,
      context.now,
    ]);
    return;
  }
  const editors = JSON.parse(row.editors) as { id: number; name: string }[];
  if (editor && !editors.some((e) => e.id === editor.id)) editors.push(editor);
  // Everything set back to the listed version: nothing is left for a reviewer to decide.
  const status = isEmpty(changes) ? 'withdrawn' : 'pending';
  await tx.updateVersioned('listings_revisions', { id: row.id, version: row.version }, { changes: JSON.stringify(changes), editors: JSON.stringify(editors), status, updated_at: context.now });
}

/**
 * A product save (`PATCH /products/:id`). A product not under review saves as before. One under
 * review saves the fields that need no review at once and puts the reviewed ones into its pending
 * revision (made on the first such edit, updated by the next), all in the caller's transaction;
 * the product's version moves either way, so a second editor holding the old copy gets a 409.
 */
export async function saveProductEdit(tx: Transaction, id: number, patch: ProductPatch, context: EditContext): Promise<ProductWithRevision> {
  const product = await productStore(tx).requireDetail(id);
  if (!underReview(product)) {
    await updateProduct(tx, id, patch, context);
    return revisionStore(tx).productWithRevision(id, context.checklist);
  }
  requireVersion(product, patch.version);
  await checkReviewedPart(tx, product, patch);
  const { direct, reviewed } = splitPatch(patch);
  await updateProduct(tx, id, { ...direct, version: product.version }, context);
  await addToRevision(tx, id, reviewed, context);
  return revisionStore(tx).productWithRevision(id, context.checklist);
}

/** Lays the reviewed part of an edit over the product's pending revision (made when there is none). */
export async function addToRevision(tx: Transaction, productId: number, reviewed: ReviewedEdit, context: EditStep): Promise<void> {
  const listed = await productStore(tx).requireDetail(productId);
  const pending = await revisionStore(tx).pendingRow(productId);
  const current = pending ? (JSON.parse(pending.changes) as RevisionChanges) : emptyChanges();
  await writeRevision(tx, productId, mergeChanges(current, reviewed, listed), context);
  // Whoever holds the product as it was has not seen the revision change: their next save is stale.
  await tx.run('UPDATE listings_products SET version = version + 1, updated_at = ? WHERE id = ?', [context.now, productId]);
}

/**
 * One SKU changed on its own (`PATCH /skus/:id`). The SKU's version is the check; for a product
 * under review the change goes through the product save, so its price waits in the revision.
 */
export async function saveSkuEdit(tx: Transaction, id: number, patch: SkuPatch, context: EditContext): Promise<Sku> {
  const row = await requireSkuRow(tx, id);
  if (row.product_id === null) return completeStub(tx, id, patch, context);
  const product = await productStore(tx).requireDetail(row.product_id);
  if (!underReview(product) || (patch.productId !== undefined && patch.productId !== row.product_id)) return updateSku(tx, id, patch, { now: context.now });
  const { productId: _same, ...update } = patch;
  await saveProductEdit(tx, product.id, { version: product.version, skus: { update: [{ id, ...update }] } }, context);
  return (await productStore(tx).sku(id))!;
}

/**
 * A stub (a 商家编码 met in an order before the product was entered) attached to a product. On a
 * product under review it joins at once, still waiting to be completed, and the price and
 * attributes it is sent wait in the revision: it becomes sellable only once they are approved.
 */
async function completeStub(tx: Transaction, id: number, patch: SkuPatch, context: EditContext): Promise<Sku> {
  if (patch.productId === undefined) return updateSku(tx, id, patch, { now: context.now });
  const target = await productStore(tx).requireDetail(patch.productId);
  if (!underReview(target)) return updateSku(tx, id, patch, { now: context.now });
  const { price, attributes, ...rest } = patch;
  const attached = await updateSku(tx, id, rest, { now: context.now });
  if (price === undefined && attributes === undefined) return attached;
  const product = await productStore(tx).requireDetail(target.id);
  await saveProductEdit(tx, product.id, { version: product.version, skus: { update: [{ id, version: attached.version, price, attributes }] } }, context);
  return (await productStore(tx).sku(id))!;
}

/** Adding or deleting one SKU of a product under review is a change of what is on sale: it goes through the product save. */
export function refuseSingleSkuChange(product: Pick<Product, 'id' | 'title' | 'status' | 'reviewedAt'>): void {
  if (!underReview(product)) return;
  throw new ConflictError({
    'zh-CN': `商品“${product.title}”已上架，增删 SKU 要审核：请在商品编辑里修改并保存，由另一位同事审核通过后生效`,
    en: `“${product.title}” is listed, so adding or removing a SKU needs review: change it in the product editor and save; it applies once a colleague approves it`,
  });
}
