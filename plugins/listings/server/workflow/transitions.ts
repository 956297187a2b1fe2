import { ConflictError, ForbiddenError, InputError, type Actor, type PluginContext } from '@workbench/plugin-api';
import { productStore, type ProductDetail } from '../catalog/product-store.js';
import { runChecklist } from './checklist.js';
import { listingsSettings } from '../settings.js';
import { delistProduct, listProduct, moveProduct, requireVersion } from './moves.js';
import { isApprovedAwaitingSchedule, wrongState } from './states.js';

/** The reason given for a manual 下架 when the clerk writes none. */
export const MANUAL_DELIST_REASON = '手动下架';

const text = (value: string | undefined | null) => (value && value.trim() ? value.trim() : null);

/**
 * Draft or delisted → 待审核. The checklist runs now; with failures the submitter must say why it
 * should go out anyway, and the reason and failed rule ids go to the reviewer.
 */
export function submitProduct(ctx: PluginContext, actor: Actor, id: number, body: { version: number; reason?: string }): Promise<ProductDetail> {
  return ctx.db.transaction(async (tx) => {
    const product = await productStore(tx).requireDetail(id);
    requireVersion(product, body.version);
    if (product.status !== 'draft' && product.status !== 'delisted') {
      throw wrongState(product, { 'zh-CN': '提交审核', en: 'submitted for review' }, ['draft', 'delisted']);
    }
    const failed = runChecklist(product, listingsSettings(ctx).checklist).rules.filter((r) => !r.passed);
    const reason = text(body.reason);
    if (failed.length > 0 && !reason) {
      const names = failed.map((r) => r.title['zh-CN']).join('、');
      throw new InputError(
        {
          'zh-CN': `有 ${failed.length} 项上架检查没通过（${names}），请改好后再提交，或写明仍要提交的原因`,
          en: `${failed.length} checklist rules fail (${failed.map((r) => r.title.en).join(', ')}); fix them, or write why it should be submitted anyway`,
        },
        { errors: [{ path: '/reason', in: 'body', message: '检查没通过时必须写明原因' }] },
      );
    }
    await moveProduct(ctx, tx, product, {
      action: 'submit',
      actor,
      note: reason,
      failedRules: failed.map((r) => r.id),
      // A new submission starts a new review: an earlier rejection or approval no longer applies.
      columns: { status: 'submitted', submitted_by: actor.id, submitted_at: ctx.now(), submit_reason: reason, reviewed_by: null, reviewed_at: null, review_note: null },
    });
    return productStore(tx).requireDetail(id);
  });
}

/**
 * The manager's decision on a submission. Approval lists the product at once, unless a scheduled
 * 上架 time lies ahead: then it stays 待审核 (approved) and the schedule job lists it when due.
 * Rejection sends it back to draft with the reviewer's note. Nobody reviews their own submission.
 */
export function reviewProduct(ctx: PluginContext, actor: Actor, id: number, body: { version: number; decision: 'approve' | 'reject'; note?: string }): Promise<ProductDetail> {
  return ctx.db.transaction(async (tx) => {
    const product = await productStore(tx).require(id);
    requireVersion(product, body.version);
    if (isApprovedAwaitingSchedule(product)) {
      throw new ConflictError({
        'zh-CN': `商品 #${id} 已经审核通过，会在 ${product.scheduledListAt ?? '下一次定时任务运行时'} 定时上架，不用再审核`,
        en: `Product #${id} is already approved and will be listed at ${product.scheduledListAt ?? 'the next schedule run'}; it needs no second review`,
      });
    }
    if (product.status !== 'submitted') throw wrongState(product, { 'zh-CN': '审核', en: 'reviewed' }, ['submitted']);
    if (product.submittedBy === actor.id) {
      throw new ForbiddenError({
        'zh-CN': '这件商品是你自己提交审核的，请让另一位有「上架审核」权限的同事来审核',
        en: 'You submitted this product yourself; another colleague with the review permission must review it',
      });
    }
    const note = text(body.note);
    const now = ctx.now();
    const reviewed = { reviewed_by: actor.id, reviewed_at: now, review_note: note };
    if (body.decision === 'reject') {
      if (!note) {
        throw new InputError(
          { 'zh-CN': '退回时请写明原因，方便同事修改', en: 'Say why it is sent back, so a colleague knows what to fix' },
          { errors: [{ path: '/note', in: 'body', message: '退回时必须填写' }] },
        );
      }
      await moveProduct(ctx, tx, product, { action: 'reject', actor, note, columns: { ...reviewed, status: 'draft' } });
    } else if (product.scheduledListAt !== null && Date.parse(product.scheduledListAt) > Date.parse(now)) {
      await moveProduct(ctx, tx, product, { action: 'approve', actor, note, columns: reviewed });
    } else {
      await listProduct(ctx, tx, product, { action: 'approve', actor, note, columns: reviewed });
    }
    return productStore(tx).requireDetail(id);
  });
}

/** 已上架 → 已下架 by hand; its promotions are suspended in the same transaction. */
export function delistByHand(ctx: PluginContext, actor: Actor, id: number, body: { version: number; reason?: string }): Promise<ProductDetail> {
  return ctx.db.transaction(async (tx) => {
    const product = await productStore(tx).require(id);
    requireVersion(product, body.version);
    if (product.status !== 'listed') throw wrongState(product, { 'zh-CN': '下架', en: 'delisted' }, ['listed']);
    await delistProduct(ctx, tx, product, { actor, reason: text(body.reason) ?? MANUAL_DELIST_REASON });
    return productStore(tx).requireDetail(id);
  });
}
