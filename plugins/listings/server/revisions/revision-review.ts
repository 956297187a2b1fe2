import { ConflictError, ForbiddenError, InputError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import { productStore } from '../catalog/product-store.js';
import { updateProduct } from '../catalog/product-write.js';
import { listingsSettings } from '../settings.js';
import { writeHistory } from '../workflow/history.js';
import { diffOf } from './revision-changes.js';
import { type ProductWithRevision, type RevisionRow, revisionStore } from './revision-store.js';
import type { Revision, RevisionChanges } from './revision-types.js';

const text = (value: string | undefined | null) => (value && value.trim() ? value.trim() : null);

/** Refuses a revision already decided, or changed since the version the reviewer read. */
function requirePending(row: RevisionRow, version: number): void {
  if (row.status !== 'pending') {
    const names = { approved: ['已通过', 'approved'], rejected: ['已驳回', 'rejected'], withdrawn: ['已撤回', 'withdrawn'] } as const;
    const [zh, en] = names[row.status];
    throw new ConflictError({ 'zh-CN': `这次修改已经${zh}，不能再处理`, en: `This revision is already ${en}` });
  }
  if (row.version !== version) {
    throw new ConflictError(
      { 'zh-CN': '这次修改在你查看之后又被改过，请刷新后再审', en: 'The revision was changed after you read it; reload it and review again' },
      { errors: [{ path: '/version', in: 'body', message: '版本已过期' }] },
    );
  }
}

/** Applies the changes to the product and its SKUs, as one save with the versions read now. */
async function applyChanges(ctx: PluginContext, tx: Transaction, productId: number, changes: RevisionChanges): Promise<void> {
  const product = await productStore(tx).requireDetail(productId);
  const versions = new Map(product.skus.map((s) => [s.id, s.version]));
  await updateProduct(
    tx,
    productId,
    {
      version: product.version,
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...(changes.images === undefined ? {} : { images: changes.images }),
      ...(changes.attributes === undefined ? {} : { attributes: changes.attributes }),
      skus: {
        remove: changes.skus.remove,
        update: changes.skus.update.filter((u) => versions.has(u.id)).map((u) => ({ ...u, version: versions.get(u.id)! })),
        create: changes.skus.create,
      },
    },
    { now: ctx.now(), showcaseSlots: listingsSettings(ctx).showcaseSlots },
  );
}

/**
 * A reviewer's decision on a pending revision, in one transaction. Approval applies it to the
 * product and its SKUs — from then on prices and pages show it — and rejection leaves the listed
 * version as it is; both keep the before → after and write a history entry. Nobody whose edit is
 * in the revision decides on it.
 */
export function reviewRevision(ctx: PluginContext, actor: Actor, id: number, body: { version: number; decision: 'approve' | 'reject'; note?: string }): Promise<ProductWithRevision> {
  return ctx.db.transaction(async (tx) => {
    const row = await revisionStore(tx).requireRow(id);
    requirePending(row, body.version);
    const editors = JSON.parse(row.editors) as Revision['editors'];
    if (editors.some((e) => e.id === actor.id)) {
      throw new ForbiddenError({
        'zh-CN': '这次修改里有你改的内容，请让另一位有「上架审核」权限的同事来审核',
        en: 'Some of these changes are yours; another colleague with the review permission must review them',
      });
    }
    const note = text(body.note);
    if (body.decision === 'reject' && !note) {
      throw new InputError(
        { 'zh-CN': '驳回时请写明原因，方便同事修改', en: 'Say why it is rejected, so a colleague knows what to fix' },
        { errors: [{ path: '/note', in: 'body', message: '驳回时必须填写' }] },
      );
    }
    const listed = await productStore(tx).requireDetail(row.product_id);
    const changes = JSON.parse(row.changes) as RevisionChanges;
    const now = ctx.now();
    // Kept as the reviewer saw it: after approval the listed version no longer shows what it was before.
    const diff = diffOf(listed, changes);
    const approve = body.decision === 'approve';
    await tx.updateVersioned('listings_revisions', { id, version: row.version }, {
      status: approve ? 'approved' : 'rejected',
      diff: JSON.stringify(diff),
      reviewed_by: actor.id,
      reviewer_name: actor.displayName,
      reviewed_at: now,
      review_note: note,
      updated_at: now,
    });
    if (approve) await applyChanges(ctx, tx, row.product_id, changes);
    await writeHistory(tx, { productId: row.product_id, action: approve ? 'approve-revision' : 'reject-revision', from: listed.status, to: listed.status, actor, at: now, note });
    return revisionStore(tx).productWithRevision(row.product_id, listingsSettings(ctx).checklist);
  });
}

/** The editor takes a pending revision back: the listed version stays and nothing waits for review. */
export function withdrawRevision(ctx: PluginContext, id: number, body: { version: number }): Promise<ProductWithRevision> {
  return ctx.db.transaction(async (tx) => {
    const row = await revisionStore(tx).requireRow(id);
    requirePending(row, body.version);
    const listed = await productStore(tx).requireDetail(row.product_id);
    const diff = diffOf(listed, JSON.parse(row.changes) as RevisionChanges);
    await tx.updateVersioned('listings_revisions', { id, version: row.version }, { status: 'withdrawn', diff: JSON.stringify(diff), updated_at: ctx.now() });
    return revisionStore(tx).productWithRevision(row.product_id, listingsSettings(ctx).checklist);
  });
}
